/** Helpers for the site tests: build a project with the real `astro build`, read the built pages. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { siteConfig, type SiteBuildOptions } from '../src/site/astro-config.ts';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * A scratch directory, removed by `dispose`. It is inside the working directory (under
 * node_modules/.cache): Astro puts a build's intermediate files next to its output only when that
 * output is inside the working directory, so builds running side by side stay apart.
 */
export function scratch(prefix: string): { dir: string; dispose(): void } {
  const parent = join(process.cwd(), 'node_modules', '.cache', 'hindsight-tests');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, `${prefix}-`));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A project folder with the given files (path → text). */
export function writeProject(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Run the real `astro build` (Astro's JavaScript API) for a project. */
export async function buildSite(options: SiteBuildOptions & { cacheDir: string }): Promise<void> {
  // Build as `npm run build` does: without the variables Vitest sets for its own `import.meta.env`.
  const saved = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete process.env[key];
  process.env.NODE_ENV = 'production';
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  try {
    const { build } = await import('astro');
    await build({ ...siteConfig(options), configFile: false, logLevel: 'error' });
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** A built HTML page, parsed. */
export interface Page {
  /** Path under the site root, for example `incidents/x/index.html`. */
  file: string;
  /** URL path the page is served at, without the base (`incidents/x/`). */
  path: string;
  html: string;
  elements: Element[];
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  const children = 'childNodes' in node ? node.childNodes : [];
  const content = node.nodeName === 'template' ? (node as DefaultTreeAdapterMap['template']).content.childNodes : [];
  return [...children, ...content].map(text).join('');
}

export function hasClass(el: Element, name: string): boolean {
  return (attr(el, 'class') ?? '').split(/\s+/).includes(name);
}

function walk(node: Node, out: Element[]): void {
  if ('tagName' in node) out.push(node);
  if ('childNodes' in node) for (const c of node.childNodes) walk(c, out);
  if (node.nodeName === 'template') for (const c of (node as DefaultTreeAdapterMap['template']).content.childNodes) walk(c, out);
}

/** Every `.html` file of a built site, parsed. */
export function readPages(outDir: string): Page[] {
  const pages: Page[] = [];
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const full = join(entry.parentPath, entry.name);
    const file = relative(outDir, full).split(sep).join('/');
    if (file.startsWith('pagefind/')) continue;
    const html = readFileSync(full, 'utf8');
    const elements: Element[] = [];
    walk(parse(html), elements);
    pages.push({ file, path: file.replace(/(^|\/)index\.html$/, '$1'), html, elements });
  }
  return pages.sort((a, b) => a.file.localeCompare(b.file));
}
