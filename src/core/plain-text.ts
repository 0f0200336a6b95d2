/** Plain text of Markdown blocks, for the text fields of an incident. */
import type { Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Text of one block; list items and table rows each on their own line. */
export function blockText(node: Nodes): string {
  if ((node.type as string) === 'toml') return '';
  switch (node.type) {
    case 'list':
      return node.children.map((item) => `- ${blockText(item).replace(/\n+/g, ' ')}`).join('\n');
    case 'listItem':
      return node.children.map(blockText).filter(Boolean).join(' ');
    case 'table':
      return node.children.map((row) => row.children.map((c) => toString(c).trim()).join(' | ')).join('\n');
    case 'blockquote':
      return node.children.map(blockText).filter(Boolean).join('\n');
    case 'html':
    case 'yaml':
    case 'definition':
    case 'thematicBreak':
      return '';
    default:
      return toString(node).trim();
  }
}

/** Plain text of a run of blocks, paragraphs separated by blank lines; code blocks are left out. */
export function blocksText(nodes: readonly RootContent[], { withCode = false } = {}): string {
  return nodes
    .filter((n) => withCode || n.type !== 'code')
    .map((n) => blockText(n))
    .filter((t) => t.length > 0)
    .join('\n\n');
}
