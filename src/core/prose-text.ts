/** The texts a postmortem's prose gives: a kind's sections as text, the root cause, the excerpt. */
import type { Html, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ParsedPostmortem, Section } from './model.ts';
import { kindBlocks, topSections } from './sections.ts';
import { blocksText } from './plain-text.ts';
import { normaliseHeading } from './heading-aliases.ts';

/** Text of the sections of one kind (subsections are inside their top-most section). */
export function sectionText(sections: readonly Section[], kind: Section['kind']): string | null {
  const top = topSections(sections, kind);
  const text = top.map((s) => blocksText(kindBlocks(sections, s))).filter(Boolean).join('\n\n').trim();
  return text || null;
}

/** Text of the first section whose normalised heading matches. */
function fallbackText(sections: readonly Section[], heading: RegExp): string | null {
  const section = sections.find((s) => s.node && heading.test(normaliseHeading(s.heading)));
  return section ? blocksText(section.children) || null : null;
}

export function excerptOf(parsed: ParsedPostmortem, description: string | null): string {
  const blocks = parsed.tree.children;
  const more = blocks.findIndex((n) => n.type === 'html' && /^<!--\s*more\s*-->$/i.test((n as Html).value.trim()));
  if (more > 0) {
    const text = blocksText(blocks.slice(0, more).filter((n) => n.type !== 'heading'));
    if (text) return text;
  }
  if (description) return description;
  // The summary's opening paragraph, else the document's: a label line such as "**Date:** …" says less.
  const summary = topSections(parsed.sections, 'summary')[0];
  const isText = (n: RootContent) => n.type === 'paragraph' && toString(n).trim() !== '';
  const first = summary?.children.find(isText) ?? blocks.find(isText);
  return first ? toString(first).replace(/\s+/g, ' ').trim() : '';
}

/** The root cause as told: its section, else a "What went wrong?" section, where the cause is told without one. */
export function rootCauseText(sections: readonly Section[]): string | null {
  return sectionText(sections, 'rootCause') ?? fallbackText(sections, /^what went wrong\b|^why did (it|this) happen\b/);
}
