/** The one Markdown processor every part of Hindsight parses with. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';

/** remark-parse + front matter (YAML `---`, TOML `+++`) + GFM tables, task lists and autolinks. */
export const markdownProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze();

export function parseMarkdown(text: string): Root {
  return markdownProcessor.parse(text);
}
