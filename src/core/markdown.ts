/** The one Markdown processor every part of Hindsight parses with. */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import type { Root } from 'mdast';
import type { Construct, Extension, TokenizeContext } from 'micromark-util-types';
import { tableRowLines } from './table-lines.ts';
import { findPlainTables, maskTables, placeTables, tableCells } from './plain-tables.ts';

/**
 * The lines of the document being parsed where a table row may start (see table-lines.ts), or
 * null when every line may (a parse that did not go through `parseMarkdown`).
 */
let rowLines: Set<number> | null = null;

/**
 * GFM's table construct, tried only on lines where a table row may start. Micromark tries it at
 * the start of every block (it has no character to key it on) and reads the whole line before it
 * can look at the next one for a delimiter row; that is about a tenth of the parse of a document.
 */
function gfmTableWhereRowsMayBe(): Extension {
  const extension = gfmTable();
  const table = (extension.flow as Record<string, Construct>).null!;
  const tokenize = table.tokenize;
  const guarded: Construct = {
    ...table,
    tokenize(this: TokenizeContext, effects, ok, nok) {
      const start = tokenize.call(this, effects, ok, nok);
      const lines = rowLines;
      if (lines === null) return start;
      return (code) => (lines.has(this.now().line) ? start(code) : nok(code));
    },
  };
  return { ...extension, flow: { null: guarded } };
}

/**
 * GFM as remark-gfm registers it — tables, task lists, strikethrough, footnotes — without
 * literal autolinks: scanning every word for a bare URL doubles the parse time of a postmortem
 * (measured by `npm run bench`), and bare URLs are still found where they matter (action-item links).
 * `tables: false` leaves tables out (see `parseMarkdown`).
 */
export function remarkGfmCore(this: Processor, options: { tables?: boolean } = {}): void {
  const data = this.data();
  const tables = options.tables !== false;
  (data.micromarkExtensions ??= []).push(...(tables ? [gfmTableWhereRowsMayBe()] : []), gfmTaskListItem(), gfmStrikethrough(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(...(tables ? [gfmTableFromMarkdown()] : []), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown());
}

/** remark-parse + front matter (YAML `---`, TOML `+++`) + GFM task lists, strikethrough, footnotes and, when asked, tables. */
function processor(tables: boolean) {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfmCore, { tables }).freeze();
}

/** The one Markdown processor, GFM tables included. */
export const markdownProcessor = processor(true);

/** The same without tables, for text that cannot hold one. */
const markdownProcessorWithoutTables = processor(false);

/** Parse with the table construct tried only on `lines` (none: no table construct at all). */
function parseWithRows(text: string, lines: Set<number> | null): Root {
  if (lines === null || lines.size === 0) return markdownProcessorWithoutTables.parse(text);
  rowLines = lines;
  try {
    return markdownProcessor.parse(text);
  } finally {
    rowLines = null;
  }
}

/**
 * The tree with the document's plain tables read by hand (see plain-tables.ts) and the construct
 * tried on the lines of the others; null when it has no plain table, or the tree is not as a plain
 * table's place requires (a table inside a code block or an HTML comment).
 */
export function parseWithPlainTables(text: string, lines: Set<number>): Root | null {
  const plain = findPlainTables(text);
  if (plain.length === 0) return null;
  const rest = new Set(lines);
  for (const t of plain) for (let line = t.startLine; line <= t.endLine; line++) rest.delete(line);
  // The cells with inline syntax are parsed in the same pass, after the document.
  const cells = tableCells(text, plain);
  const masked = maskTables(text, plain);
  const tree = parseWithRows(cells.batch === '' ? masked : `${masked}\n\n${cells.batch}`, rest);
  return placeTables(tree, text, plain, cells, masked.length + 2) ? tree : null;
}

export function parseMarkdown(text: string): Root {
  const lines = tableRowLines(text);
  // Text without a line that could be a table's delimiter row holds no table.
  if (lines === null) return markdownProcessorWithoutTables.parse(text);
  return parseWithPlainTables(text, lines) ?? parseWithRows(text, lines);
}
