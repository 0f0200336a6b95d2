/** frontmatter-yaml: the front matter block is valid YAML (or TOML, or JSON), reported where it breaks. */
import { quotingFix } from '../core/frontmatter.ts';
import { defineFileRule } from '../lint/rule.ts';
import { reportCore } from '../lint/rule-helpers.ts';

export default defineFileRule({
  id: 'frontmatter-yaml',
  defaultLevel: 'error',
  checksUnreadable: true,
  fixable: true,
  summary: 'Front matter is valid YAML, TOML or JSON',
  description:
    'The block between the `---` fences (or `+++` for TOML) must parse. The message gives the parser’s ' +
    'reason at the line and column where it stopped; a block that is never closed is reported on line 1. ' +
    'Quote values that contain `: ` or start with a special character: `--fix` puts such a value, ' +
    'on the line YAML stopped at, in double quotes.',
  examples: {
    valid: [{ source: '---\ntitle: "Outage: database down"\ndate: 2025-01-10\n---\n' }],
    invalid: [
      { source: '---\ntitle: Outage: database down\ndate: 2025-01-10\n---\n', line: 2, column: 8, note: 'an unquoted value containing `: `' },
      { source: '---\ntitle: Outage\ndate: 2025-01-10\n\n## Summary\n', line: 1, column: 1, note: 'the closing `---` is missing' },
    ],
  },
  check(ctx) {
    // The fix replaces the value, so the message points at it.
    reportCore(ctx, 'frontmatter-yaml', quotingFix);
  },
});
