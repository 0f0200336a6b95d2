/**
 * The parse tries GFM's table construct only on the lines a table row may start on (found from the
 * text beforehand). It must give the tree the construct tried everywhere gives: on hand-written
 * tables in every container, on the example postmortems and the corpus, and on generated text made
 * of the characters tables are made of.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { markdownProcessor, parseMarkdown } from '../src/core/markdown.ts';
import { tableRowLines } from '../src/core/table-lines.ts';
import { corpusCases } from './support/corpus.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 1);

/** The tree with the table construct tried at every block (outside `parseMarkdown` nothing guards it). */
const everywhere = (text: string): Root => markdownProcessor.parse(text);

const tableCount = (node: { type: string; children?: unknown[] }): number =>
  (node.type === 'table' ? 1 : 0) + (node.children ?? []).reduce<number>((n, c) => n + tableCount(c as { type: string }), 0);

describe('tables are parsed where they are, and only there', () => {
  const written: [string, string, number][] = [
    ['a pipe table', '| Time | Event |\n|------|-------|\n| 10:00 | Alert |\n| 10:05 | Ack |\n', 1],
    ['a table without outer pipes', 'Time | Event\n--- | ---\n10:00 | Alert\n', 1],
    ['aligned columns', '| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n', 1],
    ['a one-column table with no pipe at all', 'a\n:-\nb\n', 1],
    ['a table in a block quote', '> | a |\n> |---|\n> | b |\n', 1],
    ['a table in a list item', '- item\n\n  | a |\n  | - |\n  | b |\n', 1],
    ['CR line endings', 'x\r\r| a | b |\r|---|---|\r| 1 | 2 |\r\rq\r', 1],
    ['CRLF line endings', 'p\r\n\r\n| a |\r\n|:-:|\r\n| b |\r\n', 1],
    ['two tables, the second right after a paragraph', '| a |\n| - |\n| b |\n\ntext\n| c |\n| - |\n', 2],
    ['front matter fences and thematic breaks', '---\ntitle: x\n---\n\n---\n\n- a - b\n', 0],
    ['a list item that is all dashes and pipes', 'a\n- | -\n', 0],
    ['times and ranges', '10:00 - 10:30: failover\n- 10:31 - recovered\n', 0],
  ];
  for (const [name, text, tables] of written) {
    it(name, () => {
      const tree = parseMarkdown(text);
      expect(tableCount(tree)).toBe(tables);
      expect(tree).toEqual(everywhere(text));
    });
  }

  it('finds no row lines in text that cannot hold a table', () => {
    expect(tableRowLines('# Title\n\n- 10:00 - alert\n- note: done\n')).toBeNull();
    expect(tableRowLines('| not | a table |\n\njust pipes\n')).toBeNull();
  });

  it('marks the head row, the delimiter row and the body up to the first blank line', () => {
    expect([...tableRowLines('intro\n\n| a |\n| - |\n| b |\n| c |\n\nafter\n')!].sort((x, y) => x - y)).toEqual([3, 4, 5, 6]);
  });

  it('stays linear on a long run of delimiter rows', () => {
    const text = '|-|\n'.repeat(50_000);
    const started = performance.now();
    expect(tableRowLines(text)!.size).toBe(50_001);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('gives the same trees on the example postmortems and the corpus', () => {
    const dir = new URL('../content/incidents/', import.meta.url).pathname;
    const texts = [
      ...readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(dir, f), 'utf8')),
      ...corpusCases().map((c) => c.bytes.toString('utf8')),
    ];
    for (const text of texts) expect(parseMarkdown(text)).toEqual(everywhere(text));
  });

  it('gives the same trees on generated text made of table characters', () => {
    const piece = fc.constantFrom('|', '-', ':', ' ', '  ', '\t', '>', '> ', '\n', '\r\n', '\r', 'a', 'b c', '- ', '* ', '1. ', '#', '`', '---', '|---|', '| a |', ':-:');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        expect(parseMarkdown(text)).toEqual(everywhere(text));
      }),
      { numRuns: 400 * runs },
    );
  });
});
