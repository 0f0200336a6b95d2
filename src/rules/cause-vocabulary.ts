/** cause-vocabulary: the `cause` key names one of the configured root-cause categories. */
import { defineFileRule } from '../lint/rule.ts';
import { frontmatterPoint, suggestion } from '../lint/rule-helpers.ts';

export default defineFileRule({
  id: 'cause-vocabulary',
  defaultLevel: 'error',
  summary: '`cause` is one of the configured root-cause categories',
  description:
    'The `cause` key files the incident under a root-cause category for the site’s statistics; it must be ' +
    'one of `causes` in the config (default `resource-exhaustion`, `configuration-change`, ' +
    '`certificate-expiry`, `dependency`, `hardware`, `network`, `software-bug`, `capacity`, `security`, ' +
    '`human-process`, `unknown`). Leave it out to let Hindsight infer the category from the root cause.',
  examples: {
    valid: [{ source: '---\ntitle: Cache stampede\ndate: 2025-02-01\ncause: capacity\n---\n' }],
    invalid: [{ source: '---\ntitle: Cache stampede\ndate: 2025-02-01\ncause: capacty\n---\n', line: 4, column: 8 }],
  },
  check(ctx) {
    const raw = ctx.parsed.frontmatter?.data.cause;
    if (typeof raw !== 'string' || !raw.trim()) return;
    const value = raw.trim();
    if (ctx.config.causes.includes(value)) return;
    const at = frontmatterPoint(ctx, ['cause']) ?? ctx.index.point(0);
    const exact = ctx.parsed.text.startsWith(value, at.offset ?? 0);
    const hint = suggestion(value, ctx.config.causes) || `; expected one of ${ctx.config.causes.map((c) => `\`${c}\``).join(', ')}`;
    ctx.report(`Cause \`${value}\` is not a configured root-cause category${hint}`, at, exact ? ctx.index.point((at.offset ?? 0) + value.length) : null);
  },
});
