/** tag-format: tags are kebab-case and, when a vocabulary is configured, taken from it. */
import { defineFileRule } from '../lint/rule.ts';
import { splitTaxonomy } from '../../schemas/frontmatter.ts';
import { frontmatterPoint, suggestion } from '../lint/rule-helpers.ts';

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The kebab-case form of a tag. */
export function toKebab(tag: string): string {
  return tag
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export default defineFileRule({
  id: 'tag-format',
  defaultLevel: 'warn',
  fixable: true,
  summary: 'Tags are kebab-case and come from the configured vocabulary',
  description:
    'Tags link incidents together on the site, so `Cluster API`, `clusterAPI` and `cluster-api` would ' +
    'split one topic three ways. Tags must be kebab-case (`--fix` rewrites them when the tag is written ' +
    'as a plain or quoted list item); when `tags` is set in the config, only those tags are allowed and ' +
    'the message suggests the nearest one.',
  examples: {
    valid: [{ source: '---\ntitle: Cache stampede\ndate: 2025-02-01\ntags: [redis, cache-expiry]\n---\n' }],
    invalid: [
      { source: '---\ntitle: Cache stampede\ndate: 2025-02-01\ntags:\n  - redis\n  - Cache Expiry\n---\n', line: 6, column: 5, note: 'a tag with capitals and a space' },
      { source: '---\ntitle: Cache stampede\ndate: 2025-02-01\ntags: redis Cache_Expiry\n---\n', line: 4, column: 13, note: 'one string of space-separated tags, as Jekyll writes them' },
    ],
  },
  check(ctx) {
    const raw = ctx.parsed.frontmatter?.data.tags;
    const list = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? splitTaxonomy(raw) : [];
    const vocabulary = ctx.config.tags;
    // In a one-string list ("tags: nginx, Lets Encrypt"), each tag is found after the one before it.
    let cursor = -1;
    list.forEach((tag, i) => {
      const inVocabulary = vocabulary.length === 0 || vocabulary.includes(tag);
      // A listed tag that passes is not placed; in a one-string list every tag is, as each is found after the one before.
      if (Array.isArray(raw) && kebab.test(tag) && inVocabulary) return;
      let at = frontmatterPoint(ctx, Array.isArray(raw) ? ['tags', i] : ['tags']) ?? ctx.index.point(0);
      if (!Array.isArray(raw) && at.offset !== undefined) {
        const lineEnd = ctx.index.lineEnd(at.line).offset ?? ctx.parsed.text.length;
        const found = ctx.parsed.text.indexOf(tag, Math.max(at.offset, cursor));
        if (found !== -1 && found + tag.length <= lineEnd) {
          at = ctx.index.point(found);
          cursor = found + tag.length;
        }
      }
      const offset = at.offset ?? 0;
      const written = ctx.parsed.text.slice(offset, offset + tag.length + 2);
      const quoted = written[0] === '"' || written[0] === "'" ? written[0] : '';
      const exact = quoted ? written === `${quoted}${tag}${quoted}` : written.startsWith(tag);
      const span = exact ? tag.length + quoted.length * 2 : 0;
      const end = span ? ctx.index.point(offset + span) : null;
      if (!kebab.test(tag)) {
        const fixed = toKebab(tag);
        const allowed = fixed && (vocabulary.length === 0 || vocabulary.includes(fixed));
        const fix = exact && allowed && Array.isArray(raw) ? { actual: `${quoted}${tag}${quoted}`, expected: `${quoted}${fixed}${quoted}` } : undefined;
        ctx.report(`Tag \`${tag}\` is not kebab-case; expected ${fixed ? `\`${fixed}\`` : 'lower-case words joined by dashes'}`, at, end, fix);
        return;
      }
      if (!inVocabulary) {
        ctx.report(`Tag \`${tag}\` is not in the configured tag vocabulary${suggestion(tag, vocabulary) || ` (${vocabulary.slice(0, 8).join(', ')}${vocabulary.length > 8 ? ', …' : ''})`}`, at, end);
      }
    });
  },
});
