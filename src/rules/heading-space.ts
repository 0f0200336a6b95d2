/** heading-space: a line that opens with `##` has a space after the marks, so it is a heading. */
import type { Paragraph } from 'mdast';
import { visit } from 'unist-util-visit';
import { defineFileRule } from '../lint/rule.ts';

/**
 * `##Summary` at the start of a line of text (after any block quote marks): two to six marks, then
 * no space. One `#` is left alone: `#homelab` is a tag and `#123` an issue.
 */
const unspaced = /^((?:[ \t]*>)*[ \t]*)(#{2,6})([^\s#][^\r\n]*)/gm;

export default defineFileRule({
  id: 'heading-space',
  defaultLevel: 'warn',
  fixable: true,
  summary: 'Headings have a space after their `#` marks',
  description:
    'Some Markdown engines (kramdown, the Jekyll default) read `##What happened?` as a heading; CommonMark ' +
    'and GitHub read it as a line of text. The section it meant to open is missing from the published ' +
    'page, and the line shows its `##`. Hindsight still reads it as a heading in a document that has no ' +
    'other, so the required sections can be found. `--fix` inserts the space. A single `#` before a word ' +
    '(`#homelab`, `#123`) is a tag or an issue and is left alone.',
  examples: {
    valid: [
      { source: '## What happened?\n\nThe #2 node filled its disk; see #123. Tagged #homelab.\n' },
      { source: '## Logs\n\n```\n##[error]Process completed with exit code 1.\n```\n', note: 'code is not text' },
    ],
    invalid: [
      { source: '##What happened?\n\nThe cache cluster failed.\n', line: 1, column: 1 },
      { source: '## Summary\n\nThe cache failed.\n\n> ###Detection\n> An alert fired.\n', line: 5, column: 3, note: 'in a block quote' },
    ],
  },
  check(ctx) {
    const text = ctx.parsed.text;
    // Marks run into a word somewhere, else nothing to look for (a literal search, fast); then one
    // scan for candidate lines; the tree is walked only when there is one.
    if (!/##[^\s#]/.test(text)) return;
    const found = [...text.matchAll(unspaced)];
    if (found.length === 0) return;
    const paragraphs: [number, number][] = [];
    visit(ctx.parsed.tree, 'paragraph', (node: Paragraph) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) paragraphs.push([start, end]);
    });
    // Both lists run in document order (paragraphs never nest), so one pass pairs them.
    let p = 0;
    for (const m of found) {
      const [, lead, marks, rest] = m as unknown as [string, string, string, string];
      const from = m.index + lead.length;
      while (p < paragraphs.length && paragraphs[p]![1] <= from) p++;
      // Only in text: not in code, HTML or a table.
      if (p === paragraphs.length || from < paragraphs[p]![0]) continue;
      const actual = `${marks}${rest}`;
      const expected = `${marks} ${rest}`;
      const short = (t: string) => (t.length > 40 ? `${t.slice(0, 39)}…` : t);
      ctx.report(`\`${short(actual)}\` is text, not a heading: Markdown needs a space after \`${marks}\`; write \`${short(expected)}\``, ctx.index.point(from), ctx.index.point(from + actual.length), { actual, expected });
    }
  },
});
