/**
 * What cross-file rules need to know about every incident in the project: slug, title and the
 * incidents each one names as related. Linted files give exact facts from their extraction; the
 * rest of the content folder is indexed by a quick read of each file's front matter, so linting one
 * changed file in a large repository never parses every other postmortem.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Heading } from 'mdast';
import type { Point } from 'unist';
import { parse as parseYaml } from 'yaml';
import { slugify } from '../core/slug.ts';
import { postmortemExtensions } from '../core/files.ts';
import { readFrontmatter } from '../core/frontmatter.ts';
import type { LintModel } from './context.ts';
import { disableDirectives, type DisableDirective } from './disable.ts';

/** A range in a file. */
export interface Span {
  start: Point;
  end: Point;
}

/** The facts of one linted file that cross-file rules check (plain data: workers send it back). */
export interface FileFacts {
  /** Path as linted. */
  file: string;
  /** Absolute path. */
  abs: string;
  slug: string;
  /** Where the slug comes from: the `slug` key, else the first line (the file name gives it). */
  slugAt: Span;
  title: string;
  titleAt: Span;
  /** `related` slugs, each at its place in the front matter. */
  related: { slug: string; at: Span }[];
  /** Inline `hindsight-disable-next-line` comments, applied to cross-file messages too. */
  disables: DisableDirective[];
}

/** One incident of the project, as the index knows it. */
export interface IndexEntry {
  abs: string;
  file: string;
  slug: string;
  title: string;
}

/** Titles compare without case, surrounding space or repeated spaces. */
export function titleKey(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every incident of the project by slug and by title. */
export class ProjectIndex {
  readonly entries: readonly IndexEntry[];
  private readonly slugs = new Map<string, IndexEntry[]>();
  private readonly titles = new Map<string, IndexEntry[]>();

  constructor(entries: readonly IndexEntry[]) {
    this.entries = entries;
    for (const e of entries) {
      push(this.slugs, e.slug, e);
      push(this.titles, titleKey(e.title), e);
    }
  }

  /** Incidents with this slug. */
  withSlug(slug: string): readonly IndexEntry[] {
    return this.slugs.get(slug) ?? [];
  }

  private slugListCache: { slugs: readonly string[]; lower: readonly string[] } | null = null;

  /** Every slug once, as written and in lower case (for "did you mean"), made on first use. */
  get slugList(): { slugs: readonly string[]; lower: readonly string[] } {
    if (!this.slugListCache) {
      const slugs = [...this.slugs.keys()];
      this.slugListCache = { slugs, lower: slugs.map((s) => s.toLowerCase()) };
    }
    return this.slugListCache;
  }

  /** Incidents with this title (compared by `titleKey`). */
  withTitle(title: string): readonly IndexEntry[] {
    return this.titles.get(titleKey(title)) ?? [];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function lineSpan(model: LintModel, line: number): Span {
  const start = model.index.point(model.index.lineStart(line));
  const end = model.index.lineEnd(line);
  return { start, end: end.column > start.column ? end : start };
}

/** Span of a front matter value: from where it starts to the end of its line. */
function valueSpan(model: LintModel, path: (string | number)[]): Span | null {
  const at = model.parsed.frontmatter?.locate(path);
  if (!at) return null;
  const start = model.index.point(model.index.offset(at.line, at.column));
  const lineEnd = model.index.lineEnd(at.line);
  return { start, end: lineEnd.column > start.column ? lineEnd : start };
}

/** Facts of a linted file; null when it is not a usable postmortem. */
export function factsOf(model: LintModel, abs: string): FileFacts | null {
  const { extraction, parsed } = model;
  if (!extraction) return null;
  const incident = extraction.incident;
  const fm = parsed.frontmatter;
  const firstLine = lineSpan(model, 1);
  const h1 = parsed.tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
  const h1Span: Span | null = h1?.position ? { start: h1.position.start, end: h1.position.end } : null;
  const titleAt = valueSpan(model, ['title']) ?? h1Span ?? firstLine;
  const slugAt = valueSpan(model, ['slug']) ?? firstLine;
  const raw = fm?.data.related;
  const related = incident.related.map((slug, i) => ({
    slug,
    at: (Array.isArray(raw) ? valueSpan(model, ['related', i]) : null) ?? valueSpan(model, ['related']) ?? firstLine,
  }));
  return {
    file: parsed.file,
    abs,
    slug: incident.slug,
    slugAt,
    title: incident.title,
    titleAt,
    related,
    disables: disableDirectives(model),
  };
}

const simple = /^[^"'#&*!|>%@`{}[\],?:-][^#]*$/;

/** A one-line YAML scalar: plain and simply quoted values fast, anything else through the parser. */
function yamlScalar(value: string): string | null {
  const v = value.trim();
  if (!v || v === '|' || v === '>' || /^[|>][+-]?\d*$/.test(v)) return null;
  if (simple.test(v) && !/:\s/.test(v)) return v.trim();
  if (/^"[^"\\]*"$/.test(v) || /^'[^']*'$/.test(v)) return v.slice(1, -1);
  try {
    // Warnings (an unknown `%` directive) are no news here: the value is read or left out.
    const parsed: unknown = parseYaml(v, { logLevel: 'error' });
    return typeof parsed === 'string' || typeof parsed === 'number' ? String(parsed) : null;
  } catch {
    return null;
  }
}

function tomlString(value: string): string | null {
  const v = value.trim();
  if (/^'[^']*'$/.test(v)) return v.slice(1, -1);
  try {
    const parsed: unknown = JSON.parse(v);
    return typeof parsed === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Slug and title of a postmortem from a quick read: top-level `title`/`slug` lines of its front
 * matter (the full front matter reader only when a value spans lines), else its first `#` heading.
 */
export function quickEntry(file: string, abs: string, text: string): IndexEntry {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let title: string | null = null;
  let slug: string | null = null;
  const fence = /^(---|\+\+\+)[ \t]*(\w*)[ \t]*\r?\n/.exec(body);
  if (fence) {
    const toml = fence[1] === '+++' || fence[2] === 'toml';
    const closer = toml ? /^\+\+\+[ \t]*\r?$/m : /^(---|\.\.\.)[ \t]*\r?$/m;
    const rest = body.slice(fence[0].length);
    const close = closer.exec(rest);
    const block = close ? rest.slice(0, close.index) : '';
    const keyLine = toml ? /^(title|slug)[ \t]*=[ \t]*(.*?)\r?$/gm : /^(title|slug)[ \t]*:[ \t]*(.*?)\r?$/gm;
    let needsFull = fence[2] === 'json';
    for (const m of block.matchAll(keyLine)) {
      const value = toml ? tomlString(m[2]!) : yamlScalar(m[2]!);
      if (value === null) needsFull = true;
      else if (m[1] === 'title') title ??= value;
      else slug ??= value;
    }
    if (needsFull) {
      const read = readFrontmatter(body);
      const data = read.block?.data ?? {};
      if (typeof data.title === 'string') title = data.title;
      if (typeof data.slug === 'string') slug = data.slug;
    }
  }
  if (!title) title = /^#[ \t]+(.+?)[ \t#]*\r?$/m.exec(body)?.[1] ?? null;
  const name = basename(file, extname(file));
  return { abs, file, slug: slugify(slug?.trim() || name), title: title?.trim() || name };
}

/** Index entries for the given files by quick reads; unreadable files are left out. */
export function quickEntries(files: readonly { file: string; abs: string }[]): IndexEntry[] {
  const entries: IndexEntry[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f.abs, 'utf8');
    } catch {
      continue;
    }
    entries.push(quickEntry(f.file, f.abs, text));
  }
  return entries;
}

const extension = new RegExp(`\\.(?:${postmortemExtensions.join('|')})$`);
const skipped = /(^|\/)(node_modules|\.git|dist|\.astro)(\/|$)|(^|\/)README\.md$/i;

/**
 * Every postmortem file under a folder, as `findPostmortems` would find it (same extensions and
 * skipped folders). A recursive readdir lists 10,000 files about four times faster than a glob,
 * which matters when one changed file is linted in a large repository.
 */
export function listContent(contentDir: string, cwd: string): { file: string; abs: string }[] {
  const root = resolve(cwd, contentDir);
  let names: string[];
  try {
    names = readdirSync(root, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  const base = relative(cwd, root);
  const inside = !base.startsWith('..') && !isAbsolute(base);
  const found: { file: string; abs: string }[] = [];
  for (const name of names) {
    const path = name.split('\\').join('/');
    if (!extension.test(path) || skipped.test(path)) continue;
    const abs = join(root, name);
    found.push({ file: inside ? (base ? `${base}/${path}` : path) : abs, abs });
  }
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The other postmortems of the content folder (absolute paths not in `skip`), quickly indexed. */
export function contentEntries(contentDir: string, cwd: string, skip: ReadonlySet<string>): IndexEntry[] {
  return quickEntries(listContent(contentDir, cwd).filter((f) => !skip.has(f.abs)));
}

/** Index of a linted file's facts beside other entries. */
export function entryOf(facts: FileFacts): IndexEntry {
  return { abs: facts.abs, file: facts.file, slug: facts.slug, title: facts.title };
}

const presetCache = new Map<string, { at: number; entries: IndexEntry[] }>();

/**
 * The project index for a file linted outside the engine (remark-cli, editors): the content
 * folder scanned quickly, kept for two seconds, with this file's own facts in place of its entry.
 */
export function presetProject(contentDir: string, cwd: string, facts: FileFacts): ProjectIndex {
  const key = resolve(cwd, contentDir);
  let cached = presetCache.get(key);
  if (!cached || Date.now() - cached.at > 2000) {
    cached = { at: Date.now(), entries: contentEntries(contentDir, cwd, new Set()) };
    presetCache.set(key, cached);
  }
  return new ProjectIndex([...cached.entries.filter((e) => e.abs !== facts.abs), entryOf(facts)]);
}
