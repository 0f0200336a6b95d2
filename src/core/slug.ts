/** URL slugs: a module of its own, so that pages using it do not load the extractor. */

/** URL slug from a file name or front matter: lower case, ASCII letters, digits and dashes. */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120) || 'incident';
}
