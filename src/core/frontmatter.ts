/**
 * Reading front matter: gray-matter finds the block, and its engines are replaced so that YAML
 * goes through `yaml` (with positions; a line scan first where the two agree, see yaml-fast.ts), TOML
 * through smol-toml, JSON through JSON.parse — and every executable language is refused before
 * any engine could see it.
 */
import matter from 'gray-matter';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { parse as parseToml, TomlError } from 'smol-toml';
import type { FrontmatterBlock } from './model.ts';
import { placeKey, readYamlFast } from './yaml-fast.ts';
import { diagnostic, type Diagnostic, type Position } from './diagnostic.ts';

export interface FrontmatterRead {
  block: FrontmatterBlock | null;
  diagnostics: Diagnostic[];
  /** True when the block is in a refused (executable) language: the file is not a usable postmortem. */
  refused: boolean;
  /** Offsets [start, end) of the whole block, fences included, when one was found. */
  range: [number, number] | null;
}

const dataLanguages = new Map([
  ['', 'yaml'], ['yaml', 'yaml'], ['yml', 'yaml'], ['toml', 'toml'], ['json', 'json'],
]);

/** Every engine gray-matter might look up for an executable language throws instead. */
function refuse(language: string): never {
  throw new Error(`front matter in ${language} is never evaluated`);
}
const refusingEngines = Object.fromEntries(
  ['js', 'javascript', 'coffee', 'coffeescript', 'cson', 'ts', 'typescript', 'ruby', 'python'].map((l) => [l, { parse: () => refuse(l) }]),
);

/**
 * What the engine gray-matter called last read. gray-matter calls one engine, synchronously, for
 * the block it is given; the engines are made once (a matter call merges them three times over).
 */
let lastBlock: ParsedBlock;
const dataEngine = (kind: 'yaml' | 'toml' | 'json') => ({
  parse: (raw: string) => {
    lastBlock = parseBlock(kind, raw.replace(/\r$/, ''));
    return lastBlock.data;
  },
});
const engines = { ...refusingEngines, yaml: dataEngine('yaml'), toml: dataEngine('toml'), json: dataEngine('json') };

const openLine = /^(---|\+\+\+)[ \t]*([^\r\n]*?)[ \t]*\r?$/;

/** Position of a character offset in `text`. */
export function offsetToPosition(text: string, offset: number): Position {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

function firstLineEnd(text: string): number {
  const nl = text.indexOf('\n');
  return nl === -1 ? text.length : nl;
}

/** Find the closing fence line (`---` or `...` for YAML, `+++` for TOML); returns its start offset. */
function findClose(text: string, from: number, fence: string): number {
  const closers = fence === '+++' ? ['+++'] : ['---', '...'];
  let at = from;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 ? text.length : nl;
    // Anchored at the start: trimming with `[ \t\r]+$` alone is quadratic on a long run of spaces.
    const closing = /^(---|\.\.\.|\+\+\+)[ \t\r]*$/.exec(text.slice(at, end));
    if (closing && closers.includes(closing[1]!)) return at;
    if (nl === -1) return -1;
    at = nl + 1;
  }
  return -1;
}

export function readFrontmatter(text: string): FrontmatterRead {
  const first = text.slice(0, firstLineEnd(text));
  const open = openLine.exec(first);
  if (!open || /^(---|\+\+\+)[-+]/.test(first)) return { block: null, diagnostics: [], refused: false, range: null };
  const fence = open[1]!;
  const written = open[2]!.trim();
  const bodyStart = Math.min(text.length, firstLineEnd(text) + 1);
  const close = findClose(text, bodyStart, fence);
  if (close === -1) {
    return {
      block: null,
      refused: false,
      range: null,
      diagnostics: [diagnostic('frontmatter-yaml', 'error', `Front matter opened with \`${fence}\` on line 1 is never closed; add a \`${fence}\` line after its last key`, { line: 1, column: 1 })],
    };
  }
  const closeEnd = firstLineEnd(text.slice(close)) + close;
  const range: [number, number] = [0, closeEnd];
  const language = fence === '+++' ? (written || 'toml') : (dataLanguages.get(written.toLowerCase()) ?? written);
  const endLine = offsetToPosition(text, close).line;
  if (!['yaml', 'toml', 'json'].includes(language)) {
    return {
      block: null,
      refused: true,
      range,
      diagnostics: [diagnostic('frontmatter-language', 'error', `Front matter in \`${written}\` is executable and is never evaluated; write it as YAML (\`---\`) or TOML (\`+++\`)`, { line: 1, column: 4 }, { line: 1, column: first.length + 1 })],
    };
  }
  // gray-matter splits the block; each engine parses with positions. The raw block handed to an
  // engine starts with the rest of the opening line, so its line numbers are the file's.
  let parsed: ParsedBlock = emptyBlock();
  lastBlock = parsed;
  try {
    const file = matter(text.slice(0, closeEnd), { delimiters: fence, language, engines } as never);
    parsed = (file as { isEmpty?: boolean }).isEmpty ? emptyBlock() : lastBlock;
  } catch (error) {
    parsed = { ...emptyBlock(), diagnostics: [diagnostic('frontmatter-yaml', 'error', `Front matter could not be read: ${(error as Error).message}`, { line: 1, column: 1 })] };
  }
  parsed = plainSymbolKeys(parsed);
  const raw = text.slice(bodyStart, close);
  const block: FrontmatterBlock = {
    language,
    raw,
    data: parsed.data,
    startLine: 1,
    endLine,
    locate: parsed.locate,
    locateKey: parsed.locateKey,
  };
  return { block, diagnostics: parsed.diagnostics, refused: false, range };
}

/**
 * Ruby symbol keys (`:title: …`, as Awestruct and some Jekyll sites write them) read as the plain
 * keys, unless a plain key of the same name is also given; positions point at the key as written.
 */
function plainSymbolKeys(parsed: ParsedBlock): ParsedBlock {
  const written = new Map<string, string>();
  for (const key of Object.keys(parsed.data)) {
    if (/^:[A-Za-z_][\w-]*$/.test(key) && !Object.hasOwn(parsed.data, key.slice(1))) written.set(key.slice(1), key);
  }
  if (written.size === 0) return parsed;
  const data = Object.fromEntries(Object.entries(parsed.data).map(([key, value]) => [written.get(key.slice(1)) === key ? key.slice(1) : key, value]));
  const asWritten = (path: readonly (string | number)[]) => {
    const first = typeof path[0] === 'string' ? written.get(path[0]) : undefined;
    return first ? [first, ...path.slice(1)] : path;
  };
  return { ...parsed, data, locate: (path) => parsed.locate(asWritten(path)), locateKey: (path) => parsed.locateKey(asWritten(path)) };
}

export interface ParsedBlock {
  data: Record<string, unknown>;
  diagnostics: Diagnostic[];
  locate(path: readonly (string | number)[]): Position | null;
  locateKey(path: readonly (string | number)[]): Position | null;
}

function emptyBlock(): ParsedBlock {
  return { data: {}, diagnostics: [], locate: () => null, locateKey: () => null };
}

function parseBlock(kind: 'yaml' | 'toml' | 'json', raw: string): ParsedBlock {
  if (kind === 'yaml') return parseYamlBlock(raw);
  if (kind === 'toml') return parseTomlBlock(raw);
  return parseJsonBlock(raw);
}

function notAMapping(pos: Position, kind: string): Diagnostic {
  return diagnostic('frontmatter-yaml', 'error', `Front matter must be a ${kind} of keys to values (title, date, …)`, pos);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Limits that keep hostile YAML (alias bombs, deep nesting) small and fast. */
const yamlLimits = { maxAliasCount: 50 } as const;

/** Start offset of every line of `text`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Where the fast reader placed a path, if it did. */
function placed(places: ReadonlyMap<string, Position>, path: readonly (string | number)[]): Position | undefined {
  const key = placeKey(path);
  return key === null ? undefined : places.get(key);
}

/**
 * YAML with positions. Most blocks are read by the fast reader, which also places top-level keys,
 * their one-line values and their list items; `yaml` then runs only when another position is asked
 * for. Blocks the fast reader leaves, and every error, go through `yaml` at once.
 */
function parseYamlBlock(raw: string): ParsedBlock {
  const fast = readYamlFast(raw);
  if (!fast) return parseYamlDocument(raw);
  let full: ParsedBlock | null = null;
  const positioned = () => (full ??= parseYamlDocument(raw));
  // A path under a key the block does not have is nowhere, without asking `yaml`.
  const absent = (path: readonly (string | number)[]) => path.length > 0 && !Object.hasOwn(fast.data, String(path[0]));
  return {
    data: fast.data,
    diagnostics: [],
    locate: (path) => placed(fast.values, path) ?? (absent(path) ? null : positioned().locate(path)),
    locateKey: (path) => placed(fast.keys, path) ?? (absent(path) ? null : positioned().locateKey(path)),
  };
}

/** A `key: value` line of front matter (the value as written, and the 1-based column it starts at). */
function keyValueOf(line: string): { key: string; value: string; column: number; topLevel: boolean } | null {
  const m = /^(\s*(?:-\s+)?)([^\s:#'"][^:#]*?):(\s+)(.*)$/.exec(line.replace(/\r?\n$/, ''));
  if (!m) return null;
  return { key: m[2]!, value: m[4]!.trimEnd(), column: m[1]!.length + m[2]!.length + m[3]!.length + 2, topLevel: m[1] === '' };
}

/** A plain value YAML cannot read as written that quotes make a string: it holds `: `, or opens with `[`, `{`, `@` or a backtick. */
function needsQuotes(value: string): boolean {
  return value !== '' && !/^["']/.test(value) && (/:\s/.test(value) || /^[[{@`]/.test(value));
}

/**
 * The fix for a line YAML stopped at: its value in double quotes, when that is all it takes and the
 * value is not meant as a list or a mapping (`title: Post-Mortem: DNS`, `authors: @dana`). The
 * quoted form is JSON's, which YAML reads the same.
 */
export function quotingFix(line: string): { column: number; actual: string; expected: string } | null {
  const field = keyValueOf(line);
  if (!field || !needsQuotes(field.value) || /^[[{]/.test(field.value) || /\s#/.test(field.value)) return null;
  return { column: field.column, actual: field.value, expected: JSON.stringify(field.value) };
}

/**
 * How to fix the YAML errors people make most, after `yaml`'s own message: a top-level key given
 * twice, and a value that must be quoted (`title: "Post-Mortem: DNS"`).
 */
function yamlHint(code: string, line: string): string {
  const field = keyValueOf(line);
  // Only a top-level key: a repeat inside a list more often follows an earlier error.
  if (code === 'DUPLICATE_KEY') return field?.topLevel ? `; \`${field.key}\` is given twice: keep one` : '';
  if (!field || !needsQuotes(field.value)) return '';
  const shown = field.value.length > 40 ? `${field.value.slice(0, 40)}…` : field.value;
  return `; put the value in quotes: \`${field.key}: "${shown.replace(/"/g, '\\"')}"\``;
}

/** YAML read by `yaml`, with every error and position. */
export function parseYamlDocument(raw: string): ParsedBlock {
  // Positions come from the raw text's own line starts: yaml's LineCounter misses the line breaks
  // inside plain scalars it meets while recovering from an error, which put columns past the line.
  const starts = lineStarts(raw);
  const at = (position: number): Position => {
    // yaml may place the end of an error one past the end of the block.
    const offset = Math.max(0, Math.min(position, raw.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
  let doc;
  try {
    doc = parseDocument(raw, { uniqueKeys: true, prettyErrors: false, schema: 'core', strict: true, logLevel: 'error' });
  } catch (error) {
    return { ...emptyBlock(), diagnostics: [diagnostic('frontmatter-yaml', 'error', `Front matter YAML could not be read: ${(error as Error).message}`, { line: 2, column: 1 })] };
  }
  const diagnostics: Diagnostic[] = [];
  const starLines = new Set<number>();
  for (const e of doc.errors) {
    const start = at(e.pos[0]);
    // "* item" is a Markdown list item; YAML reads `*` as an alias and gives two puzzling errors.
    const line = raw.slice(starts[start.line - 1], starts[start.line] ?? raw.length);
    if (/^\s*\*\s/.test(line)) {
      if (starLines.has(start.line)) continue;
      starLines.add(start.line);
      const column = line.indexOf('*') + 1;
      diagnostics.push(diagnostic('frontmatter-yaml', 'error', 'Invalid YAML in front matter: a list item starts with `- `, not `* `', { line: start.line, column }, { line: start.line, column: column + 1 }));
      continue;
    }
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    diagnostics.push(diagnostic('frontmatter-yaml', 'error', `Invalid YAML in front matter: ${message}${yamlHint(e.code, line)}`, start, at(e.pos[1])));
  }
  const findNode = (path: readonly (string | number)[], wantKey: boolean): YamlNode | null => {
    let node: unknown = doc.contents;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
        if (!pair) return null;
        if (wantKey && i === path.length - 1) return pair.key as YamlNode;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
      } else {
        return null;
      }
    }
    return (node as YamlNode | null) ?? null;
  };
  const position = (node: YamlNode | null): Position | null => (node?.range ? at(node.range[0]) : null);
  let data: Record<string, unknown> = {};
  if (doc.errors.length === 0) {
    try {
      const js: unknown = doc.toJS(yamlLimits);
      if (js === null || js === undefined) data = {};
      else if (isRecord(js)) data = js;
      else diagnostics.push(notAMapping(position(doc.contents as YamlNode) ?? { line: 2, column: 1 }, 'YAML mapping'));
    } catch (error) {
      diagnostics.push(diagnostic('frontmatter-yaml', 'error', `Front matter YAML could not be read: ${(error as Error).message.split('\n')[0]}`, position(doc.contents as YamlNode) ?? { line: 2, column: 1 }));
    }
  }
  return {
    data,
    diagnostics,
    locate: (path) => position(findNode(path, false)),
    locateKey: (path) => position(findNode(path, true)),
  };
}

/** smol-toml gives no node positions, so keys are found by scanning `key =` lines (top level and tables). */
function scanKeyPositions(raw: string, keyPattern: (key: string) => RegExp) {
  const lines = raw.split('\n');
  return (path: readonly (string | number)[]): Position | null => {
    const key = path.findLast((p): p is string => typeof p === 'string');
    if (key === undefined) return null;
    const re = keyPattern(key);
    for (let i = 0; i < lines.length; i++) {
      const m = re.exec(lines[i]!);
      if (m) return { line: i + 1, column: m.index + (m[1]?.length ?? 0) + 1 };
    }
    return null;
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function parseTomlBlock(raw: string): ParsedBlock {
  const locate = scanKeyPositions(raw, (k) => new RegExp(`^(\\s*)(?:${escapeRegExp(k)}|"${escapeRegExp(k)}")\\s*=`));
  try {
    const data = parseToml(raw) as Record<string, unknown>;
    return { data, diagnostics: [], locate, locateKey: locate };
  } catch (error) {
    const pos = error instanceof TomlError ? { line: error.line, column: error.column } : { line: 2, column: 1 };
    const message = (error as Error).message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    return { ...emptyBlock(), diagnostics: [diagnostic('frontmatter-yaml', 'error', `Invalid TOML in front matter: ${message}`, pos)] };
  }
}

function parseJsonBlock(raw: string): ParsedBlock {
  const locate = scanKeyPositions(raw, (k) => new RegExp(`^(\\s*)"${escapeRegExp(k)}"\\s*:`));
  try {
    const data: unknown = JSON.parse(raw);
    if (!isRecord(data)) return { ...emptyBlock(), diagnostics: [notAMapping({ line: 2, column: 1 }, 'JSON object')] };
    return { data, diagnostics: [], locate, locateKey: locate };
  } catch (error) {
    const message = (error as Error).message;
    const m = /position (\d+)/.exec(message);
    const pos = m ? offsetToPosition(raw, Number(m[1])) : { line: 2, column: 1 };
    return { ...emptyBlock(), diagnostics: [diagnostic('frontmatter-yaml', 'error', `Invalid JSON in front matter: ${message.replace(/ in JSON at position \d+.*$/, '')}`, pos)] };
  }
}
