/**
 * The fast front matter reader (a line scan) stands in for `yaml` only where the two agree: whenever
 * it gives data, `yaml` with Hindsight's options reads the same block without error to the same
 * data, and places what the scan places where the scan does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readYamlFast } from '../src/core/yaml-fast.ts';
import { corpusCases } from './support/corpus.ts';
import { yamlDisagreement } from './support/yaml-agreement.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 1);

/** Whether the fast reader gave data (and `yaml` agreed). */
function expectAgreement(raw: string): boolean {
  expect(yamlDisagreement(raw), JSON.stringify(raw)).toBeNull();
  return readYamlFast(raw) !== null;
}

/** The front matter of a Markdown file, without its fences. */
function frontmatterOf(text: string): string | null {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?$/m.exec(text);
  return m && m.index === 0 ? `${m[1]}\n` : null;
}

const examples = (() => {
  const dir = new URL('../content/incidents/', import.meta.url).pathname;
  const fromExamples = readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(dir, f), 'utf8'));
  const fromCorpus = corpusCases().map((c) => c.bytes.toString('utf8'));
  return [...fromExamples, ...fromCorpus].map(frontmatterOf).filter((b): b is string => b !== null);
})();

/** Text YAML gives meaning to: indicators, quotes, escapes, numbers and words its schemas know. */
const piece = fc.constantFrom(
  'title', 'tags', 'date', ' ', '  ', '\n', '\n  ', '\n- ', ': ', ':', '- ', '-', '#', ' #', '"', "'", '\\', '\\n', '\\x41', '\\u00e9',
  '[', ']', '{', '}', ',', '|', '|-', '>', '>+', '`', '@', '=', '~', 'null', 'Null', 'NULL', 'true', 'True', 'FALSE', 'yes', 'no', 'on',
  '0', '007', '0o17', '0x1F', '0b101', '1_000', '+1', '-1', '1.0', '1.50', '.5', '1e3', '1E-3', '.inf', '-.Inf', '.nan', '.NaN',
  '2025-04-22', '2025-04-22T10:37:36Z', '10:37', '1:20:30', 'a', 'sev1', 'é', '➜', 'âžœ', '日本', '😀', '...', '---',
);
const block = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
/** Mostly one-line values, so that many generated blocks are plain enough for the fast reader. */
const word = fc.constantFrom('a', 'sev1', 'null', 'True', 'FALSE', 'yes', '0', '007', '0o17', '0x1F', '0b101', '1_000', '+1', '-1', '1.50', '.5', '1e3', '.inf', '.nan', '2025-04-22', '10:37', 'C#', 'a:b', 'x/y', 'é', '➜', '日本', '😀');
const quoted = fc.array(fc.oneof(word, piece.filter((p) => !p.includes('\n'))), { maxLength: 5 }).chain((parts) =>
  fc.constantFrom(`"${parts.join(' ')}"`, `'${parts.join(' ')}'`));
const oneLine = fc.oneof(
  fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
  quoted,
  fc.array(fc.oneof(word, quoted), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
  fc.tuple(fc.array(fc.oneof(word, quoted), { minLength: 1, maxLength: 3 }), fc.constantFrom(' # note', '#x', '')).map(([w, c]) => `${w.join(' ')}${c}`),
  fc.array(piece.filter((p) => !p.includes('\n')), { maxLength: 8 }).map((parts) => parts.join('')),
);
const key = fc.oneof(fc.constantFrom('title', 'x-y', 'a b', 'ключ', 'null', '1', '"q"', 'k'.repeat(1030)), fc.stringMatching(/^[a-z][a-z_-]{0,7}$/));
const indent = fc.constantFrom('', ' ', '  ', '    ');
/** An entry of a block: a key and a value, a key and a list, a key and a nested mapping, or noise. */
const entry = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(key, oneLine).map(([k, v]) => `${k}: ${v}`) },
  { weight: 2, arbitrary: fc.tuple(key, indent, fc.array(oneLine, { minLength: 1, maxLength: 3 })).map(([k, i, items]) => `${k}:\n${items.map((v) => `${i}- ${v}`).join('\n')}`) },
  { weight: 1, arbitrary: fc.tuple(key, indent, fc.array(fc.tuple(key, oneLine), { minLength: 1, maxLength: 3 })).map(([k, i, pairs]) => `${k}:\n${pairs.map(([sk, v]) => `${i}${sk}: ${v}`).join('\n')}`) },
  { weight: 1, arbitrary: block },
);
const document = fc.array(entry, { minLength: 1, maxLength: 6 }).map((entries) => `${entries.join('\n')}\n`);

/** A real block with pieces inserted, deleted or replaced. */
const mutated = fc.tuple(fc.constantFrom(...(examples.length ? examples : ['title: x\n'])), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 4 }), piece), { maxLength: 4 }))
  .map(([text, edits]) => edits.reduce((t, [at, cut, insert]) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + insert + t.slice(i + cut);
  }, text));

describe('the fast front matter reader', () => {
  it('reads the front matter of every example and corpus file as yaml does', () => {
    let read = 0;
    for (const raw of examples) {
      expectAgreement(raw);
      if (readYamlFast(raw)) read++;
    }
    // Most real blocks take the fast path: that is what it is for.
    expect(read).toBeGreaterThan(examples.length / 2);
  });

  for (const [name, arbitrary] of [['generated blocks', document], ['edited real blocks', mutated]] as const) {
    it(`gives data only where yaml gives the same data without error (${name})`, () => {
      const numRuns = 3000 * runs;
      let fast = 0;
      fc.assert(fc.property(arbitrary, (raw) => {
        if (expectAgreement(raw)) fast++;
      }), { numRuns });
      // Enough of the cases take the fast path for the comparison to mean something.
      expect(fast).toBeGreaterThan(numRuns / 20);
    });
  }

  it('reads nested mappings, lists at and under their key, flow lists and quoted values as yaml does', () => {
    const cases: [string, unknown][] = [
      ['author:\n  name: Dana\n  link: https://example.com\ntitle: x\n', { author: { name: 'Dana', link: 'https://example.com' }, title: 'x' }],
      ['tags:\n- a\n- b\nsev: 2\n', { tags: ['a', 'b'], sev: 2 }],
      ['a:\n  b:\n    - 1\n    - x # note\n  c: ~\nd:\n', { a: { b: [1, 'x'], c: null }, d: null }],
      ['t: [a b, "c, d", \'it\'\'s\', 0x1F, .5, true]\nq: "tab\\tend"\n', { t: ['a b', 'c, d', "it's", 31, 0.5, true], q: 'tab\tend' }],
      ['  indented: 1\n  root: 2\n', { indented: 1, root: 2 }],
      // A no-break or ideographic space is text to YAML, not white space to trim.
      ['a: b\u00a0\nc: \u00a0d # e\nf:\n  - \u3000g\n  -  h\u2003 # i\n', { a: 'b\u00a0', c: '\u00a0d', f: ['\u3000g', 'h\u2003'] }],
    ];
    for (const [raw, data] of cases) {
      expect(expectAgreement(raw), raw).toBe(true);
      expect(readYamlFast(raw)?.data).toEqual(data);
    }
  });

  it('leaves lines that do not nest as YAML nests them, and keys given twice, to yaml', () => {
    for (const raw of ['title: a\n  sub: b\n', 'a:\n  - x\n b: 1\n', 'a:\n- x\n  - y\n', 'a:\n  b: 1\n    c: 2\n', 'a: 1\na: 2\n', 'a:\n  b: 1\n  b: 2\n', '- x\n', 'a: 1\n- x\n', 'a: [-]\n', 'a: [- x]\n', 'a: [b, - c]\n', '\u00a0a: 1\n', 'a:\n\u00a0 b: 1\n']) {
      expect(readYamlFast(raw), JSON.stringify(raw)).toBeNull();
      expectAgreement(raw);
    }
  });

  it('leaves anchors, aliases, tags, merge keys, tabs and odd keys to yaml', () => {
    for (const raw of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', '<<: {a: 1}\n', 'a:\n\t- 1\n', '? a\n: b\n', '1: a\n', 'null: a\n', '"": a\n', 'a: "\u0000"\n']) {
      expect(readYamlFast(raw), JSON.stringify(raw)).toBeNull();
    }
  });
});
