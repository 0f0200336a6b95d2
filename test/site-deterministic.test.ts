/**
 * Two builds of the same content give a byte-identical `dist/`: no build time, random id or
 * machine path leaks into the site. The second build runs with the clock a few years ahead, so a
 * date taken from "now" shows up as a difference. The content is the examples plus the hostile
 * postmortems of test/fixtures/hostile/, whose pages are also checked to hold no live markup.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { attr, buildSite, readPages, scratch, text, writeProject, type Page } from './site-helpers.ts';
import { projectRoot } from './fuzz/seeds.ts';

const work = scratch('site-deterministic');
const builds = ['first', 'second'] as const;
const outDir = (build: string) => join(work.dir, `dist-${build}`);
const hostileDir = join(projectRoot, 'test/fixtures/hostile');
const hostile = readdirSync(hostileDir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();

/** Every file of a build: path relative to the output folder → bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(relative(dir, full).split(sep).join('/'), readFileSync(full));
  }
  return files;
}

/** Where two byte strings first differ, with a little context from each. */
function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const around = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, i - 60), i + 60).toString('utf8'));
  return `at byte ${i}: ${around(a)} vs ${around(b)}`;
}

let first = new Map<string, Buffer>();
let second = new Map<string, Buffer>();

beforeAll(async () => {
  const content: Record<string, string> = {};
  const examples = join(projectRoot, 'content/incidents');
  for (const f of readdirSync(examples).filter((n) => n.endsWith('.md'))) content[`content/incidents/${f}`] = readFileSync(join(examples, f), 'utf8');
  for (const f of hostile) content[`content/incidents/${f}`] = readFileSync(join(hostileDir, f), 'utf8');
  writeProject(work.dir, content);
  for (const build of builds) {
    // The second build believes it is 2031: any date taken from the clock would differ.
    if (build === 'second') vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-06-15T12:34:56Z') });
    try {
      await buildSite({ root: work.dir, outDir: outDir(build), cacheDir: join(work.dir, `cache-${build}`) });
    } finally {
      vi.useRealTimers();
    }
  }
  first = filesOf(outDir('first'));
  second = filesOf(outDir('second'));
}, 900_000);

afterAll(() => work.dispose());

describe('two builds of the same content', () => {
  it('write the same files', () => {
    expect(first.size).toBeGreaterThan(20);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
  });

  it('write every file byte for byte the same', () => {
    const different = [...first].filter(([path, bytes]) => !second.get(path)?.equals(bytes)).map(([path, bytes]) => `${path} ${firstDifference(bytes, second.get(path) ?? Buffer.alloc(0))}`);
    expect(different).toEqual([]);
  });

  it('leak no path of the machine that built them', () => {
    const leaks = [...first].filter(([, bytes]) => bytes.includes(work.dir) || bytes.includes(projectRoot)).map(([path]) => path);
    expect(leaks).toEqual([]);
  });
});

describe('the hostile postmortems, built', () => {
  let pages: Page[] = [];
  beforeAll(() => {
    pages = readPages(outDir('first'));
  });

  it('each have a page', () => {
    for (const f of hostile) expect(pages.some((p) => p.path === `incidents/${f.replace(/\.md$/, '')}/`), f).toBe(true);
  });

  it('leave no script but the site\'s own files, no event handler and no dangerous element on any page', () => {
    const problems: string[] = [];
    for (const page of pages) {
      for (const el of page.elements) {
        const where = `${page.file} <${el.tagName}>`;
        if (el.tagName === 'script') {
          const src = attr(el, 'src');
          const type = attr(el, 'type') ?? '';
          if (src ? !/^\/(?:_astro|pagefind)\//.test(src) : !/json/.test(type) && /__pwned/.test(text(el))) problems.push(`${where} runs ${src ?? text(el).slice(0, 80)}`);
        }
        if (['iframe', 'object', 'embed', 'base', 'frame', 'frameset', 'applet'].includes(el.tagName)) problems.push(`${where} is kept`);
        if (el.tagName === 'meta' && /refresh/i.test(attr(el, 'http-equiv') ?? '')) problems.push(`${where} refreshes`);
        for (const a of el.attrs) {
          if (/^on/i.test(a.name)) problems.push(`${where} has ${a.name}`);
          if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'poster'].includes(a.name.toLowerCase())) {
            // Browsers ignore control characters and whitespace inside a scheme.
            const url = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
            if (/^(?:javascript|vbscript|data:text\/html|data:image\/svg)/.test(url) || a.name === 'srcdoc') problems.push(`${where} ${a.name}="${a.value.slice(0, 60)}"`);
          }
          if (a.name === 'style' && /url\s*\(\s*['"]?\s*javascript/i.test(a.value)) problems.push(`${where} style runs script`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('show their markup as text', () => {
    const page = pages.find((p) => p.path === 'incidents/2025-05-01-script-injection/')!;
    expect(text(page.elements.find((e) => e.tagName === 'h1')!)).toContain("<script>window.__pwned = 'title'</script>");
  });
});
