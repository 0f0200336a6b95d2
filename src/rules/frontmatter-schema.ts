/** frontmatter-schema: front matter keys have the types the schema asks for, and the incident has a title and a date. */
import { defineFileRule } from '../lint/rule.ts';
import { reportCore } from '../lint/rule-helpers.ts';

export default defineFileRule({
  id: 'frontmatter-schema',
  defaultLevel: 'error',
  summary: 'The incident has a title and a date, and every known front matter key has the right type',
  description:
    'Front matter is checked against the schema in `schemas/frontmatter.ts`: `status` is `draft`, ' +
    '`review` or `published` (or a word for one of them, such as `Final`), `draft` is true or false, ' +
    'lists are lists. A wrong value is reported at its line. `title` may be left to the first `#` ' +
    'heading, and `date` to a date in the title, the file name (`2025-02-01-cache-stampede.md`, as ' +
    'Jekyll names posts), a `path`, the timeline or `publishDate`; when nothing gives one, that is ' +
    'reported at the top of the file.',
  examples: {
    valid: [
      { source: '---\ntitle: Cache stampede\ndate: 2025-02-01\nstatus: review\n---\n' },
      { source: '---\nlayout: post\n---\n\n# Cache stampede\n', file: '2025-02-01-cache-stampede.md', note: 'a Jekyll post: the title in its heading, the date in its file name' },
    ],
    invalid: [
      { source: '---\ntitle: Cache stampede\ndate: 2025-02-01\nstatus: finished\n---\n', line: 4, column: 9, note: 'a status outside draft, review, published' },
      { source: '---\ntitle: Cache stampede\ndraft: maybe\ndate: 2025-02-01\n---\n', line: 3, column: 8, note: 'a draft flag that is not true or false' },
      { source: '---\ntitle: Cache stampede\n---\n\n## Summary\n\nThe cache expired at once.\n', file: 'cache-stampede.md', line: 1, column: 1, note: 'no date anywhere' },
    ],
  },
  check(ctx) {
    reportCore(ctx, 'frontmatter-schema');
  },
});
