/**
 * The example site hosted under /postmortems/ of an existing site: every link, asset, feed entry,
 * search result and diagram works under the base path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config-load.ts';
import { attr, buildSite, projectRoot, readPages, scratch, type Page as Built } from '../site-helpers.ts';
import { brokenLinks } from '../site-links.ts';
import { launch, watch } from './browser.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

const base = '/postmortems/';
const seed = 'incidents/2025-04-22-management-cluster-nodes-flapping/';
const { config } = loadConfig({ cwd: projectRoot });
const work = scratch('site-base');
const outDir = join(work.dir, 'dist');
let pages: Built[] = [];
let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  await buildSite({ root: projectRoot, outDir, base, cacheDir: join(work.dir, 'cache') });
  pages = readPages(outDir);
  site = await serveStatic(outDir, base);
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  work.dispose();
});

describe('the site under /postmortems/', () => {
  it('resolves every link and anchor under the base path', () => {
    expect(pages.length).toBeGreaterThan(20);
    expect(brokenLinks(pages, outDir, base, config.site.url)).toEqual([]);
    for (const page of pages) {
      for (const el of page.elements) {
        const url = attr(el, 'href') ?? attr(el, 'src') ?? attr(el, 'action');
        if (url?.startsWith('/')) expect(url, `${page.file}: ${el.tagName}`).toMatch(/^\/postmortems\//);
      }
    }
  });

  it('links the feed and sitemap under the base path', () => {
    const feed = readFileSync(join(outDir, 'rss.xml'), 'utf8');
    expect(feed).toContain(`https://example.org/postmortems/${seed}`);
    expect(readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8')).toContain(`https://example.org/postmortems/${seed}`);
  });

  it('works in Chromium: diagram, search and navigation', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(site.url + seed);
    await page.waitForSelector('pre.mermaid[data-drawn] svg');
    await page.locator('#site-search').fill('oom');
    await page.locator('.header-search button').click();
    await page.waitForURL(`**${base}search/?q=oom`);
    await page.locator('#search-results li').first().waitFor();
    const links = await page.locator('#search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain(`${base}${seed}`);
    await page.locator(`#search-results a[href="${base}${seed}"]`).click();
    await page.waitForURL(`**${base}${seed}`);
    await page.locator('.site-nav a', { hasText: 'Stats' }).click();
    await page.waitForURL(`**${base}stats/`);
    await page.waitForFunction(() => document.querySelectorAll('pre.mermaid[data-drawn] svg').length === 3);
    await page.goto(`${site.url}no-such-page/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    // The 404 above is the one failed request expected.
    expect(problems.requests).toEqual([`${site.url}no-such-page/: HTTP 404`]);
    expect(problems.console.filter((l) => !l.includes('no-such-page'))).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 120_000);
});
