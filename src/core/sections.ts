/** Splitting the document into sections by heading and naming each section's kind. */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { SectionKind } from '../../schemas/config.ts';
import type { Section } from './model.ts';
import { sectionKindOf } from './heading-aliases.ts';

/**
 * Every heading opens a section holding the blocks up to the next heading of the same or a
 * higher level (so a `##` section includes its `###` subsections, which also get their own).
 * Blocks before the first heading form a preamble section of depth 0.
 */
export function splitSections(tree: Root, aliases: Readonly<Record<string, SectionKind>> = {}): Section[] {
  const blocks = tree.children.filter((n) => n.type !== 'yaml' && (n.type as string) !== 'toml');
  const sections: Section[] = [];
  const firstHeading = blocks.findIndex((n) => n.type === 'heading');
  const preamble = firstHeading === -1 ? blocks : blocks.slice(0, firstHeading);
  if (preamble.length > 0) {
    sections.push({ kind: 'other', heading: '', depth: 0, line: preamble[0]!.position?.start.line ?? 1, node: null, children: preamble });
  }
  // A single top-level heading that opens the document is its title, never a section kind.
  const headings = blocks.filter((n) => n.type === 'heading');
  const titleHeading = headings[0]?.depth === 1 && headings.filter((h) => h.depth === 1).length === 1 && headings.length > 1 ? headings[0] : null;
  const open: Section[] = [];
  blocks.forEach((node, i) => {
    if (node.type !== 'heading') return;
    while (open.length > 0 && open[open.length - 1]!.depth >= node.depth) open.pop();
    const children: RootContent[] = [];
    for (let j = i + 1; j < blocks.length; j++) {
      const next = blocks[j]!;
      if (next.type === 'heading' && next.depth <= node.depth) break;
      children.push(next);
    }
    const heading = toString(node).trim();
    // Subsections belong to the kind of the section they sit in ("### 2023-08-25" under "## Timeline").
    const parent = open.findLast((s) => s.kind !== 'other');
    const kind = node === titleHeading ? 'other' : (parent?.kind ?? sectionKindOf(heading, aliases));
    const section: Section = {
      kind,
      heading,
      depth: node.depth,
      line: node.position?.start.line ?? 1,
      node,
      children,
    };
    sections.push(section);
    open.push(section);
  });
  return sections;
}

/** The blocks that belong to a section itself, without its subsections. */
export function ownChildren(section: Section): RootContent[] {
  const end = section.children.findIndex((n) => n.type === 'heading');
  return end === -1 ? section.children : section.children.slice(0, end);
}

/**
 * Sections of one kind that are not inside another section of that kind (a `##` section whose
 * `###` subsections inherited its kind comes once, with them inside it). Linear in the sections.
 */
export function topSections(sections: readonly Section[], kind: Section['kind']): Section[] {
  const open: Section[] = [];
  const top: Section[] = [];
  for (const s of sections) {
    if (!s.node) continue;
    while (open.length > 0 && open[open.length - 1]!.depth >= s.depth) open.pop();
    if (s.kind === kind && !open.some((p) => p.kind === kind)) top.push(s);
    open.push(s);
  }
  return top;
}
