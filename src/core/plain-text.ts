/** Plain text of Markdown blocks, for the text fields of an incident. */
import type { Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * The first `length` characters of a node's text, as `toString(node).slice(0, length)` gives them
 * (a node's value, else its image alt, else its children's text), without building the rest: a
 * long list item is read only as far as its opening.
 */
export function textStart(node: Nodes, length: number): string {
  let text = '';
  const read = (n: Nodes): void => {
    if ('value' in n) text += n.value;
    else if ('alt' in n && n.alt) text += n.alt;
    else if ('children' in n) for (const child of n.children) {
      if (text.length >= length) return;
      read(child);
    }
  };
  read(node);
  return text.length > length ? text.slice(0, length) : text;
}

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
