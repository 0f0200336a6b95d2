/** frontmatter-schema: front matter keys have the types the schema asks for, and `title`/`date` are there. */
import { defineFileRule } from '../lint/rule.ts';
import { reportCore } from '../lint/rule-helpers.ts';

export default defineFileRule({
  id: 'frontmatter-schema',
  defaultLevel: 'error',
  summary: 'Front matter has `title` and `date`, and every known key has the right type',
  description:
    'Front matter is checked against the schema in `schemas/frontmatter.ts`: `title` and `date` are ' +
    'required, `status` is `draft`, `review` or `published`, `draft` is true or false, lists are lists. ' +
    'A wrong value is reported at its line; a missing key at the top of the file.',
  examples: {
    valid: [{ source: '---\ntitle: Cache stampede\ndate: 2025-02-01\nstatus: review\n---\n' }],
    invalid: [
      { source: '---\ntitle: Cache stampede\ndate: 2025-02-01\nstatus: finished\n---\n', line: 4, column: 9, note: 'a status outside draft, review, published' },
      { source: '---\ntitle: Cache stampede\ndraft: maybe\ndate: 2025-02-01\n---\n', line: 3, column: 8, note: 'a draft flag that is not true or false' },
    ],
  },
  check(ctx) {
    reportCore(ctx, 'frontmatter-schema');
  },
});
