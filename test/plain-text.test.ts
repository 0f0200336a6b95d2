/** `textStart` gives a node's opening text exactly as mdast-util-to-string's text cut to length. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../src/core/parse.ts';
import { textStart } from '../src/core/plain-text.ts';
import { corpusCases } from './support/corpus.ts';

const dir = new URL('../content/incidents/', import.meta.url).pathname;
const sources = [
  ...readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(dir, f), 'utf8')),
  ...corpusCases().map((c) => c.bytes.toString('utf8')),
  '# A ![alt *text*](x.png) and <b>html</b> `code` **bold _nested_ text** [link](https://x)\n\n- 0341: a change\n- ![](empty-alt.png) 1738 next\n',
];

function* nodes(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of node.children) yield* nodes(child as Nodes);
}

describe('textStart', () => {
  it('is toString(node).slice(0, n) for every node of the examples and corpus', () => {
    let checked = 0;
    for (const text of sources) {
      for (const node of nodes(parsePostmortem('x.md', text).tree)) {
        const whole = toString(node);
        for (const n of [0, 1, 12, 80]) expect(textStart(node, n)).toBe(whole.slice(0, n));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
