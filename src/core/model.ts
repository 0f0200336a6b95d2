/**
 * The parsed postmortem: one parse of a file, shared by the linter, `extract`
 * and the site. Everything downstream reads this; nothing parses again.
 */
import type { Root, RootContent, Heading } from 'mdast';
import type { SectionKind } from '../../schemas/config.ts';
import type { Diagnostic, Position } from './diagnostic.ts';

export type FrontmatterLanguage = 'yaml' | 'toml' | 'json';

export interface FrontmatterBlock {
  /** Language the block was read as, or the refused language as written (`js`, `coffee`…). */
  language: string;
  /** Raw text between the fences. */
  raw: string;
  /** Parsed data (empty when the block could not be read). */
  data: Record<string, unknown>;
  /** 1-based line of the opening fence (always 1) and of the closing fence. */
  startLine: number;
  endLine: number;
  /** Position of a key or value, by path (`['tags', 2]`), in the file; null when unknown. */
  locate(path: readonly (string | number)[]): Position | null;
  /** Position of a key itself (for unknown-key messages); null when unknown. */
  locateKey(path: readonly (string | number)[]): Position | null;
}

export interface Section {
  kind: SectionKind | 'other';
  /** Heading text, plain. */
  heading: string;
  depth: number;
  /** 1-based line of the heading (1 for the implicit preamble section, which has depth 0). */
  line: number;
  /** The heading node, or null for the preamble before the first heading. */
  node: Heading | null;
  /** Block nodes from after the heading up to the next heading of the same or a higher level. */
  children: RootContent[];
}

export interface ParsedPostmortem {
  /** The path as given. */
  file: string;
  /** Decoded text (BOM removed, line endings kept as written). */
  text: string;
  /** The front matter block, or null when there is none. */
  frontmatter: FrontmatterBlock | null;
  /** mdast of the whole file (front matter nodes included, positions are file positions). */
  tree: Root;
  /** Sections in document order (nested headings each get their own section). */
  sections: Section[];
  /** Problems found while parsing: encoding, front matter syntax, refused languages. */
  diagnostics: Diagnostic[];
  /** False when the file cannot be treated as a postmortem at all (binary, refused front matter). */
  readable: boolean;
}
