/** One parse of a postmortem file: decode, front matter, Markdown tree, sections. */
import type { Root } from 'mdast';
import type { Config } from '../../schemas/config.ts';
import { defaultConfig } from '../../schemas/config.ts';
import type { ParsedPostmortem } from './model.ts';
import { decodeText } from './decode.ts';
import { readFrontmatter } from './frontmatter.ts';
import { parseMarkdown } from './markdown.ts';
import { markdownTooComplex, treeTooDeep, type TooComplex } from './markdown-budget.ts';
import { diagnostic } from './diagnostic.ts';
import { splitSections } from './sections.ts';

/** Replace a range with spaces, keeping every line break so positions stay file positions. */
function blankOut(text: string, [start, end]: [number, number]): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

/** Parse a postmortem from its bytes (or already-decoded text). Never throws on bad input. */
export function parsePostmortem(file: string, input: Uint8Array | string, config: Config = defaultConfig): ParsedPostmortem {
  const decoded = decodeText(input);
  if (decoded.error) {
    return { file, text: '', frontmatter: null, tree: { type: 'root', children: [] }, sections: [], diagnostics: [decoded.error], readable: false };
  }
  return parseText(file, decoded.text, config);
}

/**
 * Parse decoded text. Pass `tree` when a remark pipeline (remark-cli with the Hindsight preset)
 * already parsed the body, so nothing is parsed twice.
 */
export function parseText(file: string, text: string, config: Config = defaultConfig, tree?: Root): ParsedPostmortem {
  const fm = readFrontmatter(text);
  // Front matter that remark-frontmatter would not recognise (JSON, refused languages, an unclosed
  // fence) is blanked so it is never read as Markdown; YAML and TOML stay as front matter nodes.
  const keep = fm.block && (fm.block.language === 'yaml' || fm.block.language === 'toml') && /^(---|\+\+\+)[ \t]*\r?$/m.test(text.slice(0, text.indexOf('\n') + 1 || undefined));
  const markdown = fm.range && !keep ? blankOut(text, fm.range) : text;
  // Markdown no parser or tree code could read in bounded time and stack is refused, at its line.
  const refuse = (problem: TooComplex): ParsedPostmortem => {
    const refused = diagnostic('read-error', 'error', problem.message, { line: problem.line, column: 1 });
    return { file, text, frontmatter: fm.block, tree: { type: 'root', children: [] }, sections: [], diagnostics: [...fm.diagnostics, refused], readable: false };
  };
  const tooComplex = tree ? null : markdownTooComplex(markdown);
  if (tooComplex) return refuse(tooComplex);
  const root = tree ?? parseMarkdown(markdown);
  const tooDeep = treeTooDeep(root);
  if (tooDeep) return refuse(tooDeep);
  const sections = splitSections(root, config.headingAliases);
  return { file, text, frontmatter: fm.block, tree: root, sections, diagnostics: fm.diagnostics, readable: !fm.refused };
}
