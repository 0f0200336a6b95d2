/** frontmatter-missing: a postmortem starts with a front matter block. */
import { defineFileRule } from '../lint/rule.ts';
import { reportCore } from '../lint/rule-helpers.ts';

export default defineFileRule({
  id: 'frontmatter-missing',
  defaultLevel: 'error',
  summary: 'The postmortem has front matter with at least `title` and `date`',
  description:
    'Without front matter Hindsight still reads the file (title from the first heading, date from the ' +
    'heading, the file name or the timeline), but the incident has no severity, tags or status. Start the ' +
    'file with a `---` block.',
  examples: {
    valid: [{ source: '---\ntitle: Cache stampede\ndate: 2025-02-01\n---\n\n# Cache stampede\n' }],
    invalid: [{ source: '# Cache stampede on 2025-02-01\n\n## Summary\n\nThe cache expired at once.\n', line: 1, column: 1 }],
  },
  check(ctx) {
    reportCore(ctx, 'frontmatter-missing');
  },
});
