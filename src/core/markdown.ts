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

/**
 * GFM as remark-gfm registers it — tables, task lists, strikethrough, footnotes — without
 * literal autolinks: scanning every word for a bare URL doubles the parse time of a postmortem
 * (measured by `npm run bench`), and bare URLs are still found where they matter (action-item links).
 * `tables: false` leaves tables out (see `parseMarkdown`).
 */
export function remarkGfmCore(this: Processor, options: { tables?: boolean } = {}): void {
  const data = this.data();
  const tables = options.tables !== false;
  (data.micromarkExtensions ??= []).push(...(tables ? [gfmTable()] : []), gfmTaskListItem(), gfmStrikethrough(), gfmFootnote());
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

export function parseMarkdown(text: string): Root {
  // The GFM table construct is tried at the start of every block (micromark has no character to
  // key it on), which costs about a tenth of the parse; a table needs a `|` in its delimiter row,
  // so text without one parses to the same tree without it.
  return (text.includes('|') ? markdownProcessor : markdownProcessorWithoutTables).parse(text);
}
