/**
 * Plain tables are read without micromark's table construct (src/core/plain-tables.ts). Whatever
 * a document holds, the tree must be the one the construct gives: every node, value and position.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownProcessor, parseMarkdown, parseWithPlainTables } from '../src/core/markdown.ts';
import { tableRowLines } from '../src/core/table-lines.ts';
import { corpusCases } from './support/corpus.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 1);

/** The tree the table construct gives, tried on every line. */
const withConstruct = (text: string) => markdownProcessor.parse(text);

/** Whether the document's plain tables were read by hand (not left to the construct). */
function readByHand(text: string): boolean {
  const lines = tableRowLines(text);
  return lines !== null && parseWithPlainTables(text, lines) !== null;
}

function expectSameTree(text: string): boolean {
  expect(parseMarkdown(text), JSON.stringify(text)).toEqual(withConstruct(text));
  return readByHand(text);
}

const dir = new URL('../content/incidents/', import.meta.url).pathname;
const documents = [
  ...readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(dir, f), 'utf8')),
  ...corpusCases().map((c) => c.bytes.toString('utf8')),
];

describe('plain tables', () => {
  it('give the construct\'s tree for every example and corpus file', () => {
    let byHand = 0;
    for (const text of documents) if (expectSameTree(text)) byHand++;
    expect(byHand).toBeGreaterThan(0);
  });

  it('give the construct\'s tree for tables at the edges of what is plain', () => {
    // Each case with whether its tables are read by hand (the rest go through the construct).
    const cases: [string, boolean][] = [
      ['| a | *b* |\n|:--|--:|\n| x |   \n| 1 | 2 | 3 |\n|  | `c` |\n\npara\n', true],
      ['| a |\n| - |\n', true],
      ['| a |\n| - |\n| b |', true],
      ['# T\n\n| Time | Event |\n|---|---|\n| 08:00 | **start** `x` [l](u) <br> &amp; ~~s~~ |\n| 09:00 | # not a heading |\n| 10:00 | - no list |\n| 11:00 | > no quote |\n| 12:00 | 1. no list |\n| 13:00 | --- |\n| 14:00 | _a_ b_ |\n', true],
      ['| `a|b` | x |\n|---|---|\n', false],
      ['| a | b |\n|---|---|\n| c | d |\nnot a row\n', false],
      ['text\n| a | b |\n|---|---|\n| c | d |\n', false],
      ['- item\n\n| a | b |\n|---|---|\n| c | d |\n\n  more\n', true],
      ['> quote\n\n| a | b |\n|---|---|\n', true],
      ['```\n\n| a | b |\n|---|---|\n```\n', false],
      ['<!--\n\n| a | b |\n|---|---|\n\n-->\n', false],
      ['| a | b |\n|---|---|\n| [x] | [^1] |\n\n[x]: https://example.com\n[^1]: note\n', false],
      ['| a | b |\n|:-:|---|\n| \u00a0lead | trail\u00a0 |\n| &nbsp;x | *** |\n', true],
      ['| a | b |\n| --- | --- |\n| <span>x</span> | <https://example.com> |\n\n| c |\n|-|\n| d |\n', true],
      ['| a | b |\n|---|---|\n| c | d\\|e |\n', false],
      ['| a |\n|---|\n| __init__ | \n| *em* and **strong** |\n', true],
      ['|a|\n|:-|\n|b|\n||\n| |\n', true],
      ['| a | b |\r\n|---|---|\r\n| c | d |\r\n', false],
      ['x\r\n\n| a |\n|-|\n| b |\n', false],
      ['| a | b |\n|---|---|\n| c\td | e |\n', false],
      // The cells with inline syntax are read after the document's end, whatever the document ends with.
      ['| a | b |\n|---|---|\n| `c` | *d* |\n\n```\nnever closed\n', false],
      ['|h0|\n|---|\n|![i](p.png)|\n\n\n- ```\n', false],
      ['| a | b |\n|---|---|\n| `c` | *d* |\n\n<!-- never closed\n', false],
      ['| a | b |\n|---|---|\n| `c` | *d* |\n\n- item\n\n  - nested', true],
      ['| a | b |\n|---|---|\n| `c` | *d* |\n\n> quote\nlazy', true],
      ['| a | b |\n|---|---|\n| `c` | *d* |\n\n    indented code\n\n', true],
      ['| a | b |\n|---|---|\n| `c` | *d* |\n\nSetext\n', true],
      ['| a | b |\n|---|---|\n| `c` | *d* |', true],
      // Definitions in a quote or a list, or with a label over two lines, make `[x]` in a cell a reference.
      ['> [x]: https://example.com\n\n| a |\n|-|\n| [x] |\n', false],
      ['- [^1]: note\n\n| a |\n|-|\n| [^1] |\n', false],
      ['10. a\n\n    [x]: /u\n\n| a |\n|-|\n| [x] |\n', false],
      ['[foo\nbar]: /url\n\n| a |\n|-|\n| [foo bar] |\n', false],
      ['| a |\n|-|\n| [10:00]: up |\n\n> see [note]: below\n', true],
    ];
    for (const [text, byHand] of cases) expect(expectSameTree(text), JSON.stringify(text)).toBe(byHand);
  });

  /** Cell text: words and the inline syntax that could read differently in a cell and a paragraph. */
  const piece = fc.constantFrom(
    'a', 'word', '08:00', ' ', '  ', '*', '**', '_', '__', '`', '``', '~~', '[', ']', '(', ')', '[l](u)', '<br>', '<', '>', '&amp;', '&nbsp;', '&#124;',
    '#', '# ', '- ', '1. ', '> ', '---', '***', '===', '!', '![i](p.png)', '[^1]', '[x]', 'https://example.com', '<https://example.com>', '\u00a0', '\u0000', 'é', '➜', 'âžœ', '日本', ':', '-', '=', 'plain words',
  );
  const cellText = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
  const pad = fc.constantFrom('', ' ', '  ');
  const rowOf = (cells: string[], left: string, right: string, trail: string) => `|${cells.map((c) => `${left}${c.replace(/\|/g, '')}${right}`).join('|')}|${trail}`;
  const table = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cellText, { minLength: 1, maxLength: 5 }), { maxLength: 5 }), pad, pad, pad, fc.array(fc.constantFrom('---', ':--', '--:', ':-:', '-'), { minLength: 4, maxLength: 4 }), fc.boolean())
    .map(([n, body, left, right, trail, delims, pipeInCode]) => {
      const head = Array.from({ length: n }, (_, i) => (pipeInCode && i === 0 ? '`a|b`' : `h${i}`));
      const lines = [rowOf(head, left, right, trail).replace('`a||b`', '`a|b`'), `|${delims.slice(0, n).join('|')}|`, ...body.map((cells) => rowOf(cells, left, right, trail))];
      return lines.join('\n');
    });
  const block = fc.oneof(
    { weight: 3, arbitrary: table },
    { weight: 2, arbitrary: cellText.map((t) => t || 'p') },
    fc.constantFrom('# Heading', '- item', '  indented', '> quote', '```\ncode\n```', '<div>', '---', 'not | a table', '| a | b |', '|---|---|', '[x]: https://example.com', '[^1]: note'),
  );
  const document = fc.array(fc.tuple(block, fc.constantFrom('\n', '\n\n', '\n\n\n')), { minLength: 1, maxLength: 6 }).map((blocks) => blocks.map(([b, sep]) => b + sep).join(''));

  it('give the construct\'s tree for generated documents', () => {
    let plain = 0;
    fc.assert(fc.property(document, (text) => {
      if (expectSameTree(text)) plain++;
    }), { numRuns: 2000 * runs });
    expect(plain).toBeGreaterThan(200 * runs);
  }, 30_000 * runs);
});
