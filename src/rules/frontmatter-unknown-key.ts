/** frontmatter-unknown-key: front matter keys Hindsight (and common site generators) do not know. */
import { knownFrontmatterKeys, passthroughFrontmatterKeys } from '../../schemas/frontmatter.ts';
import { defineFileRule } from '../lint/rule.ts';
import { didYouMean, frontmatterPoint } from '../lint/rule-helpers.ts';

const known = [...knownFrontmatterKeys, ...passthroughFrontmatterKeys];
const knownSet = new Set(known);

export default defineFileRule({
  id: 'frontmatter-unknown-key',
  defaultLevel: 'warn',
  summary: 'Every front matter key is one Hindsight or a common site generator knows',
  description:
    'A misspelt key (`sevrity`, `tag`) is silently ignored by every tool, so the incident loses its ' +
    'severity or tags. Keys from Hugo, Jekyll, Zola and Astro are accepted as they are. The message ' +
    'suggests the nearest known key.',
  examples: {
    valid: [{ source: '---\ntitle: Cache stampede\ndate: 2025-02-01\nseverity: sev2\nlayout: post\n---\n' }],
    invalid: [{ source: '---\ntitle: Cache stampede\ndate: 2025-02-01\nsevrity: sev2\n---\n', line: 4, column: 1, note: 'a misspelt `severity`' }],
  },
  check(ctx) {
    const data = ctx.parsed.frontmatter?.data;
    if (!data) return;
    for (const key of Object.keys(data)) {
      if (knownSet.has(key)) continue;
      const at = frontmatterPoint(ctx, [key], true) ?? ctx.index.point(0);
      const near = didYouMean(key, known);
      const hint = near ? `; did you mean \`${near}\`?` : '; it is ignored (remove it, or check the spelling)';
      ctx.report(`Unknown front matter key \`${key}\`${hint}`, at, ctx.index.point((at.offset ?? 0) + key.length));
    }
  },
});
