/** URL slugs: a module of its own, so that pages using it do not load the extractor. */

const slugShape = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** URL slug from a file name or front matter: lower case, ASCII letters, digits and dashes. */
export function slugify(value: string): string {
  // Most names are slugs already (`2025-04-22-dns-outage`); the rest are spelled out.
  if (value.length <= 120 && slugShape.test(value)) return value;
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120) || 'incident';
}
