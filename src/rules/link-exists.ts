/** link-exists: relative links to other postmortems point at files that exist. */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Definition, Link } from 'mdast';
import { visit } from 'unist-util-visit';
import { defineFileRule } from '../lint/rule.ts';
import { didYouMean } from '../lint/rule-helpers.ts';

const markdownLink = /\.(?:md|markdown|mdx)$/i;

export default defineFileRule({
  id: 'link-exists',
  defaultLevel: 'error',
  summary: 'Relative links to other postmortems point at files that exist',
  description:
    'A link such as `[the May outage](2024-05-02-db-failover.md)` breaks when the other file is renamed ' +
    'or never merged. Every relative link (and link definition) to a `.md`, `.markdown` or `.mdx` file ' +
    'is resolved against this file’s folder; a missing target is reported with the nearest file name ' +
    'in that folder. Web links and in-page anchors are not checked.',
  examples: {
    valid: [{ source: '## Summary\n\nLike [the earlier stampede](2024-06-03-cache.md#timeline), this one started at deploy time.\n', others: { '2024-06-03-cache.md': '---\ntitle: Cache stampede\ndate: 2024-06-03\n---\n' } }],
    invalid: [{ source: '## Summary\n\nLike [the earlier stampede](2024-06-03-cashe.md), this one started at deploy time.\n', others: { '2024-06-03-cache.md': '---\ntitle: Cache stampede\ndate: 2024-06-03\n---\n' }, line: 3, column: 6 }],
  },
  check(ctx) {
    // Links to Markdown files name one: a text without `.md` (or .markdown, .mdx) has none.
    if (!/\.(?:md|markdown|mdx)\b/i.test(ctx.parsed.text)) return;
    const base = dirname(resolve(ctx.file.cwd, ctx.parsed.file));
    const listings = new Map<string, string[]>();
    const check = (node: Link | Definition) => {
      const url = node.url;
      if (!url || /^[a-z][a-z0-9+.-]*:|^\/\/|^#|^\//i.test(url)) return;
      let path = url.replace(/[?#].*$/, '');
      try {
        path = decodeURIComponent(path);
      } catch {
        // Keep it as written.
      }
      if (!markdownLink.test(path)) return;
      const target = resolve(base, path);
      if (existsSync(target)) return;
      const dir = dirname(target);
      let names = listings.get(dir);
      if (!names) {
        try {
          names = readdirSync(dir).filter((n) => markdownLink.test(n));
        } catch {
          names = [];
        }
        listings.set(dir, names);
      }
      const name = path.split('/').pop()!;
      const near = didYouMean(name, names);
      const p = node.position;
      if (!p) return;
      ctx.report(`Link to \`${path}\` points at a file that does not exist${near ? `; did you mean \`${near}\`?` : ''}`, p.start, p.end);
    };
    visit(ctx.parsed.tree, (node) => {
      if (node.type === 'link' || node.type === 'definition') check(node as Link | Definition);
    });
  },
});
