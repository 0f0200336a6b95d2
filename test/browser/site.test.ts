/**
 * The example site in real Chromium: walking home → incident → tag → incident, the seed's timeline
 * drawn as SVG, search, filters, the site without JavaScript, contrast, and screenshots in light and
 * dark. No console errors, no failed requests anywhere.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, scratch } from '../site-helpers.ts';
import { launch, watch, type PageProblems } from './browser.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

const seed = 'incidents/2025-04-22-management-cluster-nodes-flapping/';
const artifacts = join(projectRoot, 'test/artifacts');
const work = scratch('site-browser');
let site: StaticSite;
let browser: Browser;
let context: BrowserContext;
const watched: PageProblems[] = [];

async function open(path: string, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const page = await context.newPage();
  watched.push(watch(page));
  if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
  await page.goto(site.url + path);
  return page;
}

/** Wait until every diagram on the page is drawn. */
async function diagramsDrawn(page: Page): Promise<number> {
  const count = await page.locator('pre.mermaid').count();
  if (count > 0) await page.waitForFunction((n) => document.querySelectorAll('pre.mermaid[data-drawn] svg').length === n, count, { timeout: 30_000 });
  return count;
}

/** The words of a drawn diagram: its SVG text, lines joined by spaces (Mermaid wraps labels into lines). */
async function svgText(page: Page, index = 0): Promise<string> {
  const handle = page.locator('pre.mermaid[data-drawn] svg').nth(index);
  await page.waitForFunction((el) => !!el && el.querySelectorAll('text').length > 0, await handle.elementHandle());
  const text = await handle.evaluate((svg) => [...svg.querySelectorAll('text')].map((t) => {
    const lines = [...t.querySelectorAll('tspan')].filter((s) => !s.querySelector('tspan'));
    return lines.length ? lines.map((s) => s.textContent).join(' ') : t.textContent;
  }).join(' '));
  return text.replace(/\s+/g, ' ');
}

beforeAll(async () => {
  const outDir = join(work.dir, 'dist');
  await buildSite({ root: projectRoot, outDir, cacheDir: join(work.dir, 'cache') });
  site = await serveStatic(outDir, '/');
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  mkdirSync(artifacts, { recursive: true });
}, 600_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
  work.dispose();
});

describe('the example site in Chromium', () => {
  it('walks home → incident → tag → incident', async () => {
    const page = await open('');
    await expect(page.locator('h1').textContent()).resolves.toContain('Incident postmortems');
    await page.locator(`a[href="/${seed}"]`).first().click();
    await page.waitForURL(`**/${seed}`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Postmortem: Management Cluster nodes flapping');
    await page.locator('.incident-header a[href="/tags/cluster-api/"]').click();
    await page.waitForURL('**/tags/cluster-api/');
    await expect(page.locator('h1').textContent()).resolves.toBe('#cluster-api');
    const other = page.locator(`.incident-card a[href^="/incidents/"]:not([href="/${seed}"])`).first();
    const href = await other.getAttribute('href');
    await other.click();
    await page.waitForURL(`**${href}`);
    await expect(page.locator('.incident-header .terms-tags a[href="/tags/cluster-api/"]').count()).resolves.toBe(1);
    await page.close();
  }, 120_000);

  it("draws the seed's timeline as an SVG with its events", async () => {
    const page = await open(seed);
    await diagramsDrawn(page);
    const text = await svgText(page);
    for (const event of ['Mon 21 Apr 2025', 'Tue 22 Apr 2025', 'CAPI MC was promoted', 'kube-prometheus-stack', 'NotReady', 'oomkilled', 'OOM kill of kube-apiserver', '10:37:36']) {
      expect(text).toContain(event);
    }
    // The list beside it has the same events for readers without the picture.
    await expect(page.locator('ol.timeline-list > li').count()).resolves.toBe(5);
    await page.close();
  }, 120_000);

  it('draws the charts on the stats page and the timeline of all incidents', async () => {
    const stats = await open('stats/');
    expect(await diagramsDrawn(stats)).toBe(3);
    expect(await svgText(stats, 0)).toContain('sev1');
    expect(await svgText(stats, 1)).toContain('resource-exhaustion');
    const timeline = await open('timeline/');
    expect(await diagramsDrawn(timeline)).toBe(1);
    expect(await svgText(timeline)).toContain('Management Cluster nodes flapping');
    await stats.close();
    await timeline.close();
  }, 120_000);

  it('finds the seed when searching for "oom"', async () => {
    const page = await open('');
    await page.locator('#site-search').fill('oom');
    await page.locator('.header-search button').click();
    await page.waitForURL('**/search/?q=oom');
    await page.locator('#search-results li').first().waitFor();
    const links = await page.locator('#search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain(`/${seed}`);
    await expect(page.locator('#search-status').textContent()).resolves.toMatch(/\d+ incidents? found for “oom”/);
    await page.close();
  }, 120_000);

  it('filters the home page by severity, tag and year, and keeps the choice in the URL', async () => {
    const page = await open('');
    const cards = page.locator('#incidents > .incident-card');
    const total = await cards.count();
    await page.locator('#filter-severity').selectOption('sev1');
    const shown = page.locator('#incidents > .incident-card:not([hidden])');
    await expect(shown.count()).resolves.toBeGreaterThan(0);
    await expect(shown.count()).resolves.toBeLessThan(total);
    for (const severity of await shown.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.severity))) expect(severity).toBe('sev1');
    expect(page.url()).toContain('?severity=sev1');
    await page.locator('#filters button[type="reset"]').click();
    await page.waitForFunction((n) => document.querySelectorAll('#incidents > .incident-card:not([hidden])').length === n, total);
    await page.goto(`${site.url}?tag=cluster-api&year=2025`);
    const years = await shown.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.year));
    expect(years.length).toBeGreaterThan(0);
    expect(new Set(years)).toEqual(new Set(['2025']));
    await page.close();
  }, 120_000);

  it('reads without JavaScript: every incident listed, the timeline as a list', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    const problems = watch(page);
    await page.goto(site.url);
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await page.locator('#incidents > .incident-card:visible').count()).toBeGreaterThanOrEqual(5);
    await page.goto(site.url + seed);
    expect(await page.locator('pre.mermaid').isVisible()).toBe(false);
    expect(await page.locator('ol.timeline-list').isVisible()).toBe(true);
    expect(await page.locator('ol.timeline-list').textContent()).toContain('OOM kill of kube-apiserver');
    expect(problems).toEqual({ console: [], errors: [], requests: [], dialogs: [] });
    await noJs.close();
  }, 60_000);

  it('has landmarks, a skip link, alt text and text contrast of at least 4.5:1, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open(seed, { colorScheme });
      for (const landmark of ['header', 'nav', 'main', 'footer']) expect(await page.locator(landmark).count(), landmark).toBeGreaterThan(0);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      expect(await page.locator('img:not([alt])').count()).toBe(0);
      const lowContrast = await page.evaluate(() => {
        const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
        const lum = ([r, g, b]: number[]) => {
          const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
        };
        const background = (el: Element | null): number[] => {
          for (let e = el; e; e = e.parentElement) {
            const c = parse(getComputedStyle(e).backgroundColor);
            if (c.length >= 3 && (c[3] ?? 1) > 0.5) return c;
          }
          return parse(getComputedStyle(document.documentElement).backgroundColor).length ? [255, 255, 255] : [255, 255, 255];
        };
        const bad: string[] = [];
        let checked = 0;
        const selector = 'main p, main li, main dt, main dd, main a, main h1, main h2, .badge, .terms a, .site-nav a, .site-footer p, .site-footer a, .muted, label, button, summary, .prose td, .prose th, pre.shiki span[class^="tk-"]';
        for (const el of document.querySelectorAll(selector)) {
          if (!(el as HTMLElement).offsetParent || !el.textContent?.trim() || el.closest('pre.mermaid, svg')) continue;
          checked++;
          const fg = parse(getComputedStyle(el).color);
          const bg = background(el);
          const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
          const ratio = (a! + 0.05) / (b! + 0.05);
          if (ratio < 4.5) bad.push(`${el.tagName.toLowerCase()}.${el.className}: ${ratio.toFixed(2)} "${el.textContent.trim().slice(0, 30)}"`);
        }
        return { bad, checked };
      });
      expect(lowContrast.checked).toBeGreaterThan(40);
      expect(lowContrast.bad, colorScheme).toEqual([]);
      await page.close();
    }
  }, 60_000);

  it('writes screenshots of home and an incident, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [name, path] of [['home', ''], ['incident', seed]] as const) {
        const page = await open(path, { colorScheme });
        await diagramsDrawn(page);
        const file = join(artifacts, `${name}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: name === 'incident' });
        if (name === 'incident' && colorScheme === 'light') {
          // The README's picture: a test artifact, copied into docs/ only when asked (UPDATE_SCREENSHOTS=1).
          const readme = join(artifacts, 'readme-incident.png');
          await page.screenshot({ path: readme, fullPage: true, clip: { x: 0, y: 0, width: 1200, height: 1450 } });
          if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(readme, join(projectRoot, 'docs/screenshot-incident.png'));
        }
        await page.close();
      }
    }
    // A phone: nothing wider than the screen.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
    const page = await phone.newPage();
    watched.push(watch(page));
    await page.goto(site.url + seed);
    await diagramsDrawn(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifacts, 'incident-phone.png'), fullPage: true });
    await phone.close();
    copyFileSync(join(artifacts, 'incident-light.png'), join(artifacts, 'readme-incident.png'));
  }, 180_000);

  it('had no console errors, uncaught exceptions, failed requests or dialogs on any page', () => {
    const all = watched.reduce((sum, p) => ({
      console: [...sum.console, ...p.console],
      errors: [...sum.errors, ...p.errors],
      requests: [...sum.requests, ...p.requests],
      dialogs: [...sum.dialogs, ...p.dialogs],
    }), { console: [], errors: [], requests: [], dialogs: [] } as PageProblems);
    expect(watched.length).toBeGreaterThan(5);
    expect(all).toEqual({ console: [], errors: [], requests: [], dialogs: [] });
  });
});
