/** Site URLs: every page path, under the configured base path. */
import { remembered } from '../core/remembered.ts';
import { slugify } from '../core/slug.ts';

/** `base` + `path`, with exactly one slash between them (`/postmortems/` + `tags/` → `/postmortems/tags/`). */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\/+/, '')}`;
}

/** Path segment for a tag, category or service name (remembered: pages ask for the same names often). */
export const termSlug: (name: string) => string = remembered(slugify);

export const incidentPath = (slug: string): string => `incidents/${slug}/`;
export const tagPath = (tag: string): string => `tags/${termSlug(tag)}/`;
export const categoryPath = (category: string): string => `categories/${termSlug(category)}/`;
export const servicePath = (service: string): string => `services/${termSlug(service)}/`;

/** Where a postmortem's source can be edited, when the repository URL is configured. */
export function editUrl(repository: string | undefined, branch: string, file: string): string | null {
  if (!repository) return null;
  const repo = repository.replace(/\/+$/, '').replace(/\.git$/, '');
  const path = file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
  const ref = encodeURIComponent(branch);
  if (/gitlab/i.test(repo)) return `${repo}/-/edit/${ref}/${path}`;
  if (/gitea|forgejo|codeberg/i.test(repo)) return `${repo}/_edit/${ref}/${path}`;
  return `${repo}/edit/${ref}/${path}`;
}
