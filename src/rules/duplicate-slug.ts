/** duplicate-slug: no two incidents share a URL slug. */
import { defineProjectRule } from '../lint/rule.ts';

export default defineProjectRule({
  id: 'duplicate-slug',
  defaultLevel: 'error',
  summary: 'Every incident has its own slug',
  description:
    'The slug is the incident’s URL and its name in `related` lists: front matter `slug`, else the file ' +
    'name. Two incidents with one slug overwrite each other on the site. The slug is compared with every ' +
    'postmortem in the content folder, not only the files being linted.',
  examples: {
    valid: [{ source: '---\ntitle: Cache stampede\ndate: 2025-02-01\nslug: cache-stampede\n---\n', others: { '2024-06-03-cache-stampede.md': '---\ntitle: Earlier cache stampede\ndate: 2024-06-03\n---\n' } }],
    invalid: [{ source: '---\ntitle: Cache stampede\ndate: 2025-02-01\nslug: cache-stampede\n---\n', others: { 'cache-stampede.md': '---\ntitle: Earlier cache stampede\ndate: 2024-06-03\n---\n' }, line: 4, column: 7 }],
  },
  check(ctx) {
    const others = ctx.project.withSlug(ctx.facts.slug).filter((e) => e.abs !== ctx.facts.abs);
    if (others.length === 0) return;
    const list = others.slice(0, 3).map((e) => `\`${e.file}\``).join(', ');
    ctx.report(`Slug \`${ctx.facts.slug}\` is also the slug of ${list}${others.length > 3 ? ` and ${others.length - 3} more` : ''}; give this incident a unique \`slug\` or file name`, ctx.facts.slugAt);
  },
});
