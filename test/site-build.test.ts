/**
 * The example site, built with the real `astro build`: every internal link and anchor resolves,
 * every tag, category and service page exists and links back, every incident with a timeline has
 * its diagram, every page carries the Content-Security-Policy, drafts stay out. And a postmortem
 * with an error fails the build with the line lint prints.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../schemas/incident.ts';
import { loadConfig } from '../src/core/config-load.ts';
import { formatDiagnostic } from '../src/core/diagnostic.ts';
import { findPostmortems, readPostmortem } from '../src/core/files.ts';
import { incidentTimelineDiagram } from '../src/site/mermaid.ts';
import { categoryPath, incidentPath, servicePath, tagPath } from '../src/site/urls.ts';
import { attr, buildSite, hasClass, projectRoot, readPages, scratch, text, writeProject, type Page } from './site-helpers.ts';
import { brokenLinks } from './site-links.ts';

const { config } = loadConfig({ cwd: projectRoot });
const all: Incident[] = findPostmortems([config.content], projectRoot).files
  .map((f) => readPostmortem(f, config, projectRoot).extraction?.incident)
  .filter((i): i is Incident => !!i);
const published = all.filter((i) => !i.draft);
const drafts = all.filter((i) => i.draft);

const work = scratch('site-build');
const outDir = join(work.dir, 'dist');
let pages: Page[] = [];
const page = (path: string): Page => {
  const found = pages.find((p) => p.path === path);
  if (!found) throw new Error(`no page ${path}`);
  return found;
};
const hrefs = (p: Page): string[] => p.elements.filter((e) => e.tagName === 'a').map((e) => attr(e, 'href') ?? '');

beforeAll(async () => {
  await buildSite({ root: projectRoot, outDir, cacheDir: join(work.dir, 'cache') });
  pages = readPages(outDir);
}, 600_000);

afterAll(() => work.dispose());

describe('the example site', () => {
  it('has a page per published incident and the fixed pages', () => {
    expect(published.length).toBeGreaterThanOrEqual(5);
    for (const incident of published) expect(existsSync(join(outDir, incidentPath(incident.slug), 'index.html'))).toBe(true);
    for (const path of ['index.html', 'tags/index.html', 'categories/index.html', 'services/index.html', 'timeline/index.html', 'stats/index.html', 'search/index.html', '404.html', 'rss.xml', 'sitemap-index.xml', 'pagefind/pagefind.js']) {
      expect(existsSync(join(outDir, path)), path).toBe(true);
    }
  });

  it('resolves every internal link and #anchor', () => {
    expect(pages.length).toBeGreaterThan(published.length);
    expect(brokenLinks(pages, outDir, '/', config.site.url)).toEqual([]);
  });

  it('lists every incident on the home page, newest first', () => {
    const home = hrefs(page(''));
    const order = published.map((i) => `/${incidentPath(i.slug)}`).filter((h) => home.includes(h));
    expect(order).toHaveLength(published.length);
    const positions = [...published].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')).map((i) => home.indexOf(`/${incidentPath(i.slug)}`));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  for (const [field, path, index] of [['tags', tagPath, 'tags/'], ['categories', categoryPath, 'categories/'], ['services', servicePath, 'services/']] as const) {
    it(`has a page for every one of the ${field}, linking back to its incidents both ways`, () => {
      const names = new Set(published.flatMap((i) => i[field]));
      expect(names.size).toBeGreaterThan(0);
      const indexLinks = hrefs(page(index));
      for (const name of names) {
        const termPage = page(path(name));
        const links = hrefs(termPage);
        expect(indexLinks, `${index} links to ${name}`).toContain(`/${path(name)}`);
        for (const incident of published.filter((i) => i[field].includes(name))) {
          expect(links, `${path(name)} lists ${incident.slug}`).toContain(`/${incidentPath(incident.slug)}`);
          expect(hrefs(page(incidentPath(incident.slug))), `${incident.slug} links to ${path(name)}`).toContain(`/${path(name)}`);
        }
      }
    });
  }

  it('shows times as the postmortem wrote them, in the zone its timeline names', () => {
    const limitRange = page(incidentPath('2024-09-18-limitrange-oomkilled-media-apps'));
    expect(limitRange.html).toContain('Times in Europe/London.');
    expect(limitRange.html).toContain('19#58;40 : Talos upgrade starts');
  });

  it('draws the timeline of every incident that has one, with the events as a list beside it', () => {
    const withTimeline = published.filter((i) => i.timeline.some((e) => e.at));
    expect(withTimeline.length).toBeGreaterThanOrEqual(5);
    for (const incident of withTimeline) {
      const p = page(incidentPath(incident.slug));
      const diagram = p.elements.find((e) => e.tagName === 'pre' && hasClass(e, 'mermaid'));
      expect(diagram, incident.slug).toBeDefined();
      expect(text(diagram!)).toBe(incidentTimelineDiagram(incident.timeline, { timezone: incident.timezone ?? config.timezone }));
      const list = p.elements.find((e) => e.tagName === 'ol' && hasClass(e, 'timeline-list'))!;
      expect(list.childNodes.filter((n) => n.nodeName === 'li')).toHaveLength(incident.timeline.length);
      // Diagrams are drawn only where there is one: Mermaid is not loaded elsewhere.
      expect(p.html).toMatch(/<script type="module" src="\/_astro\/[^"]+\.js"><\/script>/);
    }
    expect(page('tags/').html).not.toContain('class="mermaid"');
  });

  it('shows the seed with its OOM-kill log line as a timeline event and highlighted logs', () => {
    const seed = page(incidentPath('2025-04-22-management-cluster-nodes-flapping'));
    const diagram = text(seed.elements.find((e) => e.tagName === 'pre' && hasClass(e, 'mermaid'))!);
    expect(diagram).toContain('10#58;37#58;36 : OOM kill');
    expect(seed.html).toContain('class="shiki');
    expect(seed.html).toContain('âžœ');
    expect(seed.html).toContain('Out of memory: Killed process');
  });

  it('puts a Content-Security-Policy on every page that allows only the site\'s own scripts', () => {
    for (const p of pages) {
      const meta = p.elements.find((e) => e.tagName === 'meta' && attr(e, 'http-equiv')?.toLowerCase() === 'content-security-policy');
      expect(meta, p.file).toBeDefined();
      const policy = attr(meta!, 'content')!;
      const scriptSrc = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
      expect(scriptSrc, p.file).toContain("'self'");
      expect(scriptSrc, p.file).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:/);
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'self'");
      // Inline scripts are only those Astro hashed into the policy.
      for (const el of p.elements.filter((e) => e.tagName === 'script' && !attr(e, 'src'))) {
        expect(attr(el, 'type') ?? 'module', p.file).toBe('module');
      }
    }
  });

  it('leaves drafts out of every page, the feed, the sitemap and the search index', () => {
    expect(drafts.length).toBeGreaterThan(0);
    const feed = readFileSync(join(outDir, 'rss.xml'), 'utf8');
    const sitemap = readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8');
    for (const draft of drafts) {
      expect(existsSync(join(outDir, incidentPath(draft.slug)))).toBe(false);
      for (const p of pages) expect(p.html, p.file).not.toContain(draft.slug);
      expect(feed).not.toContain(draft.slug);
      expect(sitemap).not.toContain(draft.slug);
    }
    const entry = JSON.parse(readFileSync(join(outDir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0)).toBe(published.length);
  });

  it('publishes a feed and a sitemap of the incidents', () => {
    const feed = readFileSync(join(outDir, 'rss.xml'), 'utf8');
    for (const incident of published) expect(feed).toContain(`${config.site.url.replace(/\/$/, '')}/${incidentPath(incident.slug)}`);
    expect(readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8')).toContain(`/${incidentPath(published[0]!.slug)}`);
  });
});

describe('a postmortem with an error', () => {
  const project = scratch('site-invalid');
  afterAll(async () => {
    // After a failed build Astro still saves its content store, half a second later: let it, so the
    // folder is not removed under it.
    const store = join(project.dir, 'cache', 'data-store.json');
    for (let waited = 0; waited < 5_000 && !existsSync(store); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    project.dispose();
  });

  it('fails the build with the line lint prints', async () => {
    const broken = '---\ntitle: Broken\ndate: 2025-13-45\ntags: [ok\n---\n\n## Summary\n\nText.\n';
    writeProject(project.dir, {
      'content/incidents/2025-01-01-fine.md': '---\ntitle: Fine\ndate: 2025-01-01\n---\n\n## Summary\n\nAll good.\n',
      'content/incidents/2025-01-02-broken.md': broken,
    });
    const { config: defaults } = loadConfig({ cwd: project.dir });
    const read = readPostmortem('content/incidents/2025-01-02-broken.md', defaults, project.dir);
    const errors = [...read.parsed.diagnostics, ...(read.extraction?.diagnostics ?? [])].filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const expected = formatDiagnostic('content/incidents/2025-01-02-broken.md', errors[0]!);
    expect(expected).toMatch(/^content\/incidents\/2025-01-02-broken\.md:\d+:\d+: error: .+ \[[\w-]+\]$/);
    let failure: Error | null = null;
    try {
      await buildSite({ root: project.dir, outDir: join(project.dir, 'dist'), cacheDir: join(project.dir, 'cache'), search: false });
    } catch (error) {
      failure = error as Error;
    }
    expect(failure, 'the build should fail').not.toBeNull();
    expect(failure!.message).toContain(expected);
    expect(existsSync(join(project.dir, 'dist', 'index.html'))).toBe(false);
  }, 300_000);
});

describe('images beside a postmortem', () => {
  const project = scratch('site-images');
  const elsewhere = scratch('site-images-elsewhere');
  afterAll(() => {
    project.dispose();
    elsewhere.dispose();
  });

  // A 1×1 PNG, and the same bytes outside the project.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

  it('publishes raster images inside the project under their content hash, and shows no other', async () => {
    writeProject(project.dir, {
      'content/incidents/2025-02-01-images.md': [
        '---', 'title: Images', 'date: 2025-02-01', '---', '', '## Summary', '',
        '![Latency panel](img/latency%20p99.png) ![Again](./img/../img/latency%20p99.png)', '',
        '![Vector](img/diagram.svg) ![Renamed text](img/notes.png) ![Missing](img/missing.png)', '',
        `![Linked out](img/outside.png) ![Up and out](../../../${basename(elsewhere.dir)}/outside.png)`, '',
        `![From static](/images/panel.png) ![Served by the blog](/assets/elsewhere.png) ![Root escape](/../../${basename(elsewhere.dir)}/outside.png)`, '',
      ].join('\n'),
      'content/incidents/img/diagram.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      'content/incidents/img/notes.png': 'not an image',
    });
    writeFileSync(join(project.dir, 'content/incidents/img/latency p99.png'), png);
    // Hugo's static folder, which root-relative paths point into.
    mkdirSync(join(project.dir, 'static/images'), { recursive: true });
    writeFileSync(join(project.dir, 'static/images/panel.png'), png);
    writeFileSync(join(elsewhere.dir, 'outside.png'), png);
    symlinkSync(join(elsewhere.dir, 'outside.png'), join(project.dir, 'content/incidents/img/outside.png'));

    const out = join(project.dir, 'dist');
    await buildSite({ root: project.dir, outDir: out, cacheDir: join(project.dir, 'cache'), search: false });

    const published = readdirSync(join(out, 'media'));
    expect(published).toEqual([expect.stringMatching(/^[0-9a-f]{20}\.png$/)]);
    expect(readFileSync(join(out, 'media', published[0]!)).equals(png)).toBe(true);
    const images = readPages(out).find((p) => p.path === incidentPath('2025-02-01-images'))!.elements.filter((e) => e.tagName === 'img');
    const byAlt = new Map(images.map((img) => [attr(img, 'alt'), attr(img, 'src')]));
    expect(byAlt.get('Latency panel')).toBe(`/media/${published[0]}`);
    expect(byAlt.get('Again')).toBe(`/media/${published[0]}`);
    expect(byAlt.get('From static')).toBe(`/media/${published[0]}`);
    // Not in the project: kept as written, for a blog hosting the site to serve; never looked up outside it.
    expect(byAlt.get('Served by the blog')).toBe('/assets/elsewhere.png');
    expect(byAlt.get('Root escape')).toBe(`/../../${basename(elsewhere.dir)}/outside.png`);
    for (const alt of ['Vector', 'Renamed text', 'Missing', 'Linked out', 'Up and out']) {
      expect(byAlt.has(alt), alt).toBe(true);
      expect(byAlt.get(alt), alt).toBeUndefined();
    }
  }, 300_000);
});
