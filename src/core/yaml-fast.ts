/**
 * A fast first reading of front matter YAML. js-yaml reads a small block about four times faster
 * than `yaml`, but gives no node positions and differs from it at the edges; so it is used only
 * where the two agree — plain blocks (no anchors, aliases, tags, directives, merge or complex keys,
 * tabs, non-string keys) with scalars resolved exactly as `yaml`'s core schema resolves them — and
 * only when it reads the block without error. Every other block, and every error, goes through
 * `yaml`, which reports with positions. test/yaml-fast.test.ts holds the two to the same data.
 */
import { load, FAILSAFE_SCHEMA, Type } from 'js-yaml';
import type { Position } from './diagnostic.ts';

/**
 * A scalar type of the YAML 1.2 core schema, as `yaml` (schema: 'core') tests and resolves it:
 * the first form whose pattern matches the text constructs the value. (js-yaml keeps one type per
 * tag, so the forms of a tag are one type.)
 */
function coreScalar(tag: string, forms: readonly [test: RegExp, construct: (text: string) => unknown][]): Type {
  const formOf = (text: string | null) => forms.find(([test]) => test.test(text ?? ''));
  return new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (text: string | null) => formOf(text) !== undefined,
    construct: (text: string | null) => formOf(text)![1](text ?? ''),
  });
}

const coreSchema = FAILSAFE_SCHEMA.extend({
  implicit: [
    coreScalar('null', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    coreScalar('bool', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => text[0] === 't' || text[0] === 'T']]),
    coreScalar('int', [
      [/^0o[0-7]+$/, (text) => parseInt(text.slice(2), 8)],
      [/^[-+]?[0-9]+$/, (text) => parseInt(text, 10)],
      [/^0x[0-9a-fA-F]+$/, (text) => parseInt(text.slice(2), 16)],
    ]),
    coreScalar('float', [
      [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (text) => (text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (text) => parseFloat(text)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (text) => parseFloat(text)],
    ]),
  ],
});

/** Tabs and anything but printable text (the two libraries reject different sets of control characters). */
const unprintable = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udfff]/;

// The lines the fast reader takes: blank lines, comments, `key:`, `key: value` and `- value`, where
// a value is a quoted string on one line (with the common escapes), a flow list of such strings and
// plain words, or a plain scalar on one line that starts with no indicator and holds no `: ` or ` #`.
// Every pattern here is unambiguous, so each line is checked in linear time.
const doubleQuoted = String.raw`"(?:[^"\\]|\\["\\/nrt])*"`;
const singleQuoted = String.raw`'(?:[^']|'')*'`;
const flowWord = String.raw`[A-Za-z0-9_./-]+(?: [A-Za-z0-9_./-]+)*`;
const flowItem = `(?:${doubleQuoted}|${singleQuoted}|${flowWord})`;
const closedValue = new RegExp(`^(?:${doubleQuoted}|${singleQuoted}|\\[ *(?:${flowItem} *(?:, *${flowItem} *)*)?\\])`);
const mappingKey = /^[A-Za-z_][A-Za-z0-9_-]*:/;
const indicator = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** Whether a value (after `key: ` or `- `, trailing spaces trimmed) is one the fast reader takes. */
function isPlainValue(value: string): boolean {
  const closed = closedValue.exec(value);
  if (closed) {
    const rest = value.slice(closed[0].length);
    return rest === '' || /^ +#/.test(rest);
  }
  if (indicator.test(value)) return false;
  const comment = value.indexOf(' #');
  const scalar = comment === -1 ? value : value.slice(0, comment).trimEnd();
  return !scalar.includes(': ') && !scalar.endsWith(':');
}

/** Where values and keys start in a block, by path (`JSON.stringify` of it); 1-based, as `yaml` places them. */
export interface FastPositions {
  values: Map<string, Position>;
  keys: Map<string, Position>;
}

/**
 * Checks that every line of the block is one the fast reader takes, and notes where the top-level
 * keys, their one-line values and the items of their block lists start. Null when a line is not
 * one the fast reader takes.
 */
function scanPlainBlock(raw: string): FastPositions | null {
  if (unprintable.test(raw)) return null;
  const values = new Map<string, Position>();
  const keys = new Map<string, Position>();
  /**
   * The top-level key whose block list the following `- ` lines are: its item count and the indent
   * of its items (null: none, or the list is placed no further).
   */
  let list: { key: string; items: number; indent: number | null } | null = null;
  const lines = raw.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const whole = lines[i]!;
    const line = whole.trim();
    if (line === '' || line.startsWith('#')) continue;
    const indent = whole.length - whole.trimStart().length;
    if (line.startsWith('- ')) {
      const value = line.slice(2).trimStart();
      if (!isPlainValue(value)) return null;
      // An item indented unlike the first continues a plain scalar or is an error: `yaml` places the rest.
      if (list && (list.indent ?? indent) !== indent) list = null;
      if (list) {
        list.indent = indent;
        values.set(JSON.stringify([list.key, list.items++]), { line: i + 1, column: indent + line.length - value.length + 1 });
      }
      continue;
    }
    const key = mappingKey.exec(line);
    // `yaml` refuses an implicit key whose `:` is over 1,024 characters from its start.
    if (!key || key[0].length > 1000) return null;
    const rest = line.slice(key[0].length);
    if (rest !== '' && (!rest.startsWith(' ') || !isPlainValue(rest.trimStart()))) return null;
    list = null;
    if (indent > 0) continue;
    const name = key[0].slice(0, -1);
    keys.set(JSON.stringify([name]), { line: i + 1, column: 1 });
    if (rest === '') list = { key: name, items: 0, indent: null };
    else values.set(JSON.stringify([name]), { line: i + 1, column: line.length - rest.trimStart().length + 1 });
  }
  return { values, keys };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** Every key of every mapping is a string the block wrote as one (a number or `null` as a key is left to `yaml`). */
function keysArePlain(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (Array.isArray(value)) return value.every((v) => keysArePlain(v, depth + 1));
  if (!isPlainObject(value)) return true;
  for (const [key, v] of Object.entries(value)) {
    if (key === '' || key === '__proto__' || /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+.0-9].*)$/.test(key)) return false;
    if (!keysArePlain(v, depth + 1)) return false;
  }
  return true;
}

/** The block's data, and where its top-level parts start, when the fast reading can stand for `yaml`'s; else null. Never throws. */
export function readYamlFast(raw: string): ({ data: Record<string, unknown> } & FastPositions) | null {
  const positions = scanPlainBlock(raw);
  if (!positions) return null;
  let data: unknown;
  try {
    data = load(raw, { schema: coreSchema });
  } catch {
    return null;
  }
  // A block of comments alone reads as nothing, as `yaml` reads it.
  if (data === null || data === undefined) return { data: {}, ...positions };
  return isPlainObject(data) && keysArePlain(data) ? { data, ...positions } : null;
}
