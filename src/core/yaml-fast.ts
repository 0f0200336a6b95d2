/**
 * A fast first reading of front matter YAML, a line at a time. Most front matter is a handful of
 * `key: value` lines and short lists; `yaml` reads such a block about ten times slower than a
 * scan of its lines, and gives positions the scan can give too. So plain blocks — `key:` and
 * `key: value` lines, nested by indentation, `- value` items, values on one line (plain, quoted,
 * or a flow list), comments — are read here, and every other block (anchors, aliases, tags,
 * directives, merge or complex keys, multi-line scalars, tabs, non-string keys), and any block this
 * reading finds wrong, goes through `yaml`, which gives every error with its position. Written by
 * hand because no library reads YAML with positions at this cost; test/yaml-fast.test.ts holds it
 * to `yaml`'s data and positions on generated and edited real blocks.
 */
import type { Position } from './diagnostic.ts';

/** The YAML 1.2 core schema's scalars, as `yaml` (schema: 'core') resolves them: the first form whose pattern matches reads the text. */
const coreForms: readonly [test: RegExp, read: (text: string) => unknown][] = [
  [/^(?:~|[Nn]ull|NULL)?$/, () => null],
  [/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => text[0] === 't' || text[0] === 'T'],
  [/^0o[0-7]+$/, (text) => parseInt(text.slice(2), 8)],
  [/^[-+]?[0-9]+$/, (text) => parseInt(text, 10)],
  [/^0x[0-9a-fA-F]+$/, (text) => parseInt(text.slice(2), 16)],
  [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (text) => (text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity)],
  [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (text) => parseFloat(text)],
  [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (text) => parseFloat(text)],
];

/** Only these can open a scalar the core schema reads as other than a string. */
const maybeNotString = /^[-+.0-9~nNtTfF]/;

/** A plain scalar's value: null, a boolean or a number where the core schema says so, else the text. */
function plainScalar(text: string): unknown {
  if (text !== '' && !maybeNotString.test(text)) return text;
  for (const [test, read] of coreForms) if (test.test(text)) return read(text);
  return text;
}

/** Tabs and anything but printable text (the two libraries reject different sets of control characters). */
const unprintable = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udfff]/;

// The values the fast reader takes: a quoted string on one line (with the common escapes), a flow
// list of such strings and plain words, or a plain scalar on one line that starts with no indicator
// and holds no `: ` or ` #`. Every pattern here is unambiguous, so each line is checked in linear time.
const doubleQuoted = String.raw`"(?:[^"\\]|\\["\\/nrt])*"`;
const singleQuoted = String.raw`'(?:[^']|'')*'`;
const flowWord = String.raw`[A-Za-z0-9_./-]+(?: [A-Za-z0-9_./-]+)*`;
const flowItem = `(?:${doubleQuoted}|${singleQuoted}|${flowWord})`;
const closedValue = new RegExp(`^(?:${doubleQuoted}|${singleQuoted}|\\[ *(?:${flowItem} *(?:, *${flowItem} *)*)?\\])`);
const flowItems = new RegExp(flowItem, 'g');
const mappingKey = /^[A-Za-z_][A-Za-z0-9_-]*:/;
const indicator = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** Keys the core schema reads as null, a boolean or a number, which `yaml` and JavaScript objects treat apart. */
const oddKey = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+.0-9].*|__proto__)$/;

/**
 * How many spaces `text` has from `from` on. YAML's white space is the space and the tab (tabs are
 * refused): a no-break or other Unicode space is text, where JavaScript's trim would take it away.
 */
function spacesAt(text: string, from: number): number {
  let i = from;
  while (text.charCodeAt(i) === 32) i++;
  return i - from;
}

/** The text without the spaces at its start and end (other white space kept, see `spacesAt`). */
function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return text.slice(Math.min(spacesAt(text, 0), end), end);
}

/** A quoted string's value. */
function quoted(text: string): string {
  // The escapes `doubleQuoted` allows are JSON's, and read the same.
  return text[0] === '"' ? (JSON.parse(text) as string) : text.slice(1, -1).replace(/''/g, "'");
}

/**
 * The value a one-line value (after `key: ` or `- `, trailing spaces trimmed) stands for, or
 * undefined when it is not one the fast reader takes.
 */
function valueOf(value: string): unknown {
  const closed = closedValue.exec(value);
  if (closed) {
    const rest = value.slice(closed[0].length);
    if (rest !== '' && !/^ +#/.test(rest)) return undefined;
    const text = closed[0];
    if (text[0] !== '[') return quoted(text);
    const items: unknown[] = [];
    for (const m of text.matchAll(flowItems)) {
      const item = m[0];
      // `-` alone, or before a space, is no scalar in a flow list: `yaml` says what it is.
      if (item === '-' || item.startsWith('- ')) return undefined;
      items.push(item[0] === '"' || item[0] === "'" ? quoted(item) : plainScalar(item));
    }
    return items;
  }
  if (indicator.test(value)) return undefined;
  const comment = value.indexOf(' #');
  const scalar = comment === -1 ? value : trimSpaces(value.slice(0, comment));
  if (scalar.includes(': ') || scalar.endsWith(':')) return undefined;
  return plainScalar(scalar);
}

/**
 * The key a path is placed under: a top-level key's name, or `name` NUL `index` for an item of its
 * list; null for any other path, which the fast reader never places. (Names the fast reader reads
 * hold no NUL.)
 */
export function placeKey(path: readonly (string | number)[]): string | null {
  const [first, second] = path;
  if (typeof first !== 'string' || first.includes('\u0000')) return null;
  if (path.length === 1) return first;
  return path.length === 2 && typeof second === 'number' ? `${first}\u0000${second}` : null;
}

/** The path a place key stands for (see `placeKey`). */
export function placedPath(key: string): (string | number)[] {
  const [name, index] = key.split('\u0000');
  return index === undefined ? [name!] : [name!, Number(index)];
}

/** Where values and keys start in a block, by `placeKey` of their path; 1-based, as `yaml` places them. */
export interface FastPositions {
  values: Map<string, Position>;
  keys: Map<string, Position>;
}

/** An open mapping or list, at the indent of its keys or items. */
type Frame =
  | { kind: 'map'; indent: number; map: Record<string, unknown>; open: string | null }
  | { kind: 'seq'; indent: number; items: unknown[] };

/**
 * The block's data, and where its top-level keys, their one-line values and the items of their
 * block lists start; null when a line is not one the fast reader takes, or the lines do not nest
 * as YAML nests them (then `yaml` reads the block and says what is wrong). Never throws.
 */
export function readYamlFast(raw: string): ({ data: Record<string, unknown> } & FastPositions) | null {
  if (unprintable.test(raw)) return null;
  const values = new Map<string, Position>();
  const keys = new Map<string, Position>();
  const data: Record<string, unknown> = {};
  const stack: Frame[] = [];
  /** The top-level key whose block list the following `- ` lines are, and its items so far. */
  let list: { key: string; items: number } | null = null;
  const lines = raw.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const whole = lines[i]!;
    const line = trimSpaces(whole);
    if (line === '' || line.startsWith('#')) continue;
    const indent = spacesAt(whole, 0);
    let top = stack[stack.length - 1];
    if (line.startsWith('- ')) {
      const text = line.slice(2 + spacesAt(line, 2));
      const value = valueOf(text);
      if (value === undefined) return null;
      // The first item under `key:` opens its list, at the key's indent or deeper.
      if (top?.kind === 'map' && top.open !== null && indent >= top.indent) {
        const items: unknown[] = [];
        top.map[top.open] = items;
        top.open = null;
        stack.push((top = { kind: 'seq', indent, items }));
      }
      if (top?.kind !== 'seq' || top.indent !== indent) return null;
      // (An item indented unlike the first was refused above: the list's items are all at one indent.)
      top.items.push(value);
      if (list) values.set(placeKey([list.key, list.items++])!, { line: i + 1, column: indent + line.length - text.length + 1 });
      continue;
    }
    const key = mappingKey.exec(line);
    // `yaml` refuses an implicit key whose `:` is over 1,024 characters from its start.
    if (!key || key[0].length > 1000) return null;
    const name = key[0].slice(0, -1);
    const rest = line.slice(key[0].length);
    if (oddKey.test(name) || (rest !== '' && !rest.startsWith(' '))) return null;
    const value = rest === '' ? null : valueOf(rest.slice(spacesAt(rest, 0)));
    if (value === undefined) return null;
    if (stack.length === 0) stack.push((top = { kind: 'map', indent, map: data, open: null }));
    else if (top?.kind === 'map' && top.open !== null && indent > top.indent) {
      // The first key under `key:` opens its mapping.
      const map: Record<string, unknown> = {};
      top.map[top.open] = map;
      top.open = null;
      stack.push((top = { kind: 'map', indent, map, open: null }));
    } else {
      // A key ends the lists and deeper mappings above it; it belongs to the mapping at its indent.
      while (top && (top.kind === 'seq' || top.indent > indent)) {
        stack.pop();
        top = stack[stack.length - 1];
      }
    }
    if (top?.kind !== 'map' || top.indent !== indent || Object.hasOwn(top.map, name)) return null;
    top.map[name] = value;
    top.open = rest === '' ? name : null;
    list = null;
    if (stack.length > 1) continue;
    keys.set(placeKey([name])!, { line: i + 1, column: indent + 1 });
    if (rest === '') list = { key: name, items: 0 };
    else values.set(placeKey([name])!, { line: i + 1, column: indent + key[0].length + spacesAt(rest, 0) + 1 });
  }
  return { data, values, keys };
}
