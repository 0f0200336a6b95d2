/** Checks every internal link of a built site: the page exists and so does its `#anchor`. */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { attr, type Page } from './site-helpers.ts';

const linking: [tag: string, attribute: string][] = [
  ['a', 'href'], ['link', 'href'], ['script', 'src'], ['img', 'src'], ['form', 'action'], ['source', 'src'], ['iframe', 'src'],
];

export interface BrokenLink {
  page: string;
  link: string;
  reason: string;
}

/**
 * Broken internal links in the pages of a site built into `outDir` and served under `base`.
 * Links to `siteUrl` (canonical URLs, feeds) count as internal.
 */
export function brokenLinks(pages: readonly Page[], outDir: string, base: string, siteUrl: string): BrokenLink[] {
  const origin = 'http://site.test';
  const siteOrigin = new URL(siteUrl).origin;
  const ids = new Map<string, Set<string>>();
  for (const page of pages) {
    const set = new Set<string>();
    for (const el of page.elements) {
      const id = attr(el, 'id');
      if (id) set.add(id);
      if (el.tagName === 'a' && attr(el, 'name')) set.add(attr(el, 'name')!);
    }
    ids.set(page.file, set);
  }
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    const pageUrl = new URL(`${base}${page.path}`, origin);
    for (const el of page.elements) {
      for (const [tag, name] of linking) {
        if (el.tagName !== tag) continue;
        const value = attr(el, name);
        if (value === undefined) continue;
        if (/^(mailto|tel|data):/i.test(value)) continue;
        const url = new URL(value, pageUrl);
        if (url.origin !== origin && url.origin !== siteOrigin) continue;
        const report = (reason: string) => broken.push({ page: page.file, link: value, reason });
        if (!url.pathname.startsWith(base)) {
          report(`outside the base path ${base}`);
          continue;
        }
        const rel = decodeURIComponent(url.pathname.slice(base.length));
        let file = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
        const full = join(outDir, file);
        if (!existsSync(full)) {
          report('no such page or file');
          continue;
        }
        if (statSync(full).isDirectory()) {
          report('a folder: the link needs a trailing slash');
          continue;
        }
        if (url.hash && url.hash !== '#') {
          file = file.replace(/\\/g, '/');
          const target = ids.get(file);
          const anchor = decodeURIComponent(url.hash.slice(1));
          if (!target) report(`#${anchor} points into a page that is not HTML`);
          else if (!target.has(anchor)) report(`no element with id "${anchor}" on ${file}`);
        }
      }
    }
  }
  return broken;
}
