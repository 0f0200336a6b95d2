/** related-exists: every `related` slug names an incident that exists. */
import { defineProjectRule } from '../lint/rule.ts';
import { didYouMean } from '../lint/rule-helpers.ts';

export default defineProjectRule({
  id: 'related-exists',
  defaultLevel: 'error',
  summary: '`related` slugs name incidents that exist',
  description:
    '`related` links incidents to each other by slug (the file name without `.md`, or front matter ' +
    '`slug`). A slug that matches no postmortem in the content folder is a broken link on the site; the ' +
    'message suggests the nearest existing slug.',
  examples: {
    valid: [{ source: '---\ntitle: Cache stampede\ndate: 2025-02-01\nrelated:\n  - 2024-06-03-cache-expiry\n---\n', others: { '2024-06-03-cache-expiry.md': '---\ntitle: Cache expiry\ndate: 2024-06-03\n---\n' } }],
    invalid: [{ source: '---\ntitle: Cache stampede\ndate: 2025-02-01\nrelated:\n  - 2024-06-03-cache-expiri\n---\n', others: { '2024-06-03-cache-expiry.md': '---\ntitle: Cache expiry\ndate: 2024-06-03\n---\n' }, line: 5, column: 5 }],
  },
  check(ctx) {
    for (const r of ctx.facts.related) {
      if (ctx.project.withSlug(r.slug).length > 0) continue;
      // The project's slugs, listed once for every file that asks.
      const { slugs, lower } = ctx.project.slugList;
      const near = didYouMean(r.slug, slugs, lower);
      ctx.report(`Related incident \`${r.slug}\` does not exist${near ? `; did you mean \`${near}\`?` : '; use the slug (file name without `.md`) of a postmortem in the content folder'}`, r.at);
    }
  },
});
