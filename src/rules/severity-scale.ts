/** severity-scale: `severity` is one of the configured severities. */
import { severityOnScale } from '../core/severity.ts';
import { defineFileRule } from '../lint/rule.ts';
import { frontmatterPoint, suggestion } from '../lint/rule-helpers.ts';

/** Severities of the other scales teams commonly use. */
const otherScale = /^(?:p\s*-?\s*\d|s\s*-?\s*\d|sev\s*-?\s*0|critical|high|medium|moderate|low|major|minor|blocker|trivial)$/i;

export default defineFileRule({
  id: 'severity-scale',
  defaultLevel: 'error',
  fixable: true,
  summary: '`severity` is on the configured scale',
  description:
    'Severities are compared and counted across incidents, so each must be one of `severities` in the ' +
    'config (default `sev1`…`sev5`). A value that differs only in case, spaces or dashes (`SEV-2`) is fixed ' +
    'by `--fix`; otherwise the ' +
    'message lists the scale or suggests the nearest value. A team that rates incidents on another scale ' +
    '(`P1`…`P4`, `critical`…`low`) lists it under `severities` in its config.',
  examples: {
    valid: [{ source: '---\ntitle: Cache stampede\ndate: 2025-02-01\nseverity: sev2\n---\n' }],
    invalid: [
      { source: '---\ntitle: Cache stampede\ndate: 2025-02-01\nseverity: critical\n---\n', line: 4, column: 11, note: 'a severity outside the scale' },
      { source: '---\ntitle: Cache stampede\ndate: 2025-02-01\nseverity: SEV-2\n---\n', line: 4, column: 11, note: 'written differently, fixed by `--fix`' },
    ],
  },
  check(ctx) {
    const raw = ctx.parsed.frontmatter?.data.severity;
    if (raw === undefined || raw === null || raw === '') return;
    const value = String(raw).trim();
    const scale = ctx.config.severities;
    if (scale.includes(value)) return;
    const at = frontmatterPoint(ctx, ['severity']) ?? ctx.index.point(0);
    const offset = at.offset ?? 0;
    const exact = ctx.parsed.text.startsWith(value, offset);
    const end = exact ? ctx.index.point(offset + value.length) : null;
    // Written differently only in case, spaces, dashes or underscores ("SEV-2", "Sev 2"): one safe fix.
    const onScale = severityOnScale(value, scale);
    if (onScale) {
      ctx.report(`Severity \`${value}\` is not on the configured scale; expected \`${onScale}\``, at, end, exact ? { actual: value, expected: onScale } : undefined);
      return;
    }
    const numbered = /^\d+$/.test(value) ? scale.find((s) => s.replace(/\D+/g, '') === value) : undefined;
    const hint = numbered ? `; did you mean \`${numbered}\`?` : suggestion(value, scale) || `; expected one of ${scale.map((s) => `\`${s}\``).join(', ')}`;
    // A value from another common scale (P0–P4, S1–S4, critical…low) is likely the team's own scale.
    const ownScale = !numbered && otherScale.test(value) ? `; if your team rates incidents this way, list its scale under \`severities\` in hindsight.config.yml` : '';
    ctx.report(`Severity \`${value}\` is not on the configured scale${hint}${ownScale}`, at, end);
  },
});
