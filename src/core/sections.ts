/** Splitting the document into sections by heading and naming each section's kind. */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Point } from 'unist';
import { toString } from 'mdast-util-to-string';
import type { SectionKind } from '../../schemas/config.ts';
import type { Section } from './model.ts';
import { opensWithStamp } from './dates/index.ts';
import { exactSectionKind, normaliseHeading, sectionKindOf } from './heading-aliases.ts';

/** Link text of the permalink anchors documentation sites put beside headings ("[#](…#description)"). */
const permalinkText = /^(?:#|¶|§|🔗|link|permalink)?$/i;

/**
 * A heading's text as written, without what a renderer added to it: inline HTML (an
 * `<a id="description"></a>` anchor) and permalink links at either end ("[#](…#description)").
 */
export function headingText(heading: Heading): string {
  const children = heading.children.filter((c) => c.type !== 'html');
  const permalink = (c: PhrasingContent | undefined) => c?.type === 'link' && permalinkText.test(toString(c).trim());
  while (permalink(children[0])) children.shift();
  while (permalink(children[children.length - 1])) children.pop();
  return toString({ type: 'paragraph', children }).trim();
}

/**
 * Every heading opens a section holding the blocks up to the next heading of the same or a
 * higher level (so a `##` section includes its `###` subsections, which also get their own).
 * Blocks before the first heading form a preamble section of depth 0.
 */
export function splitSections(tree: Root, aliases: Readonly<Record<string, SectionKind>> = {}): Section[] {
  const written = tree.children.filter((n) => n.type !== 'yaml' && (n.type as string) !== 'toml');
  // A document written without Markdown headings names its sections on lines of their own.
  const blocks = written.some((n) => n.type === 'heading' && n.depth > 1) ? written : written.flatMap((n) => (n.type === 'paragraph' ? lineHeading(n, aliases) : null) ?? [n]);
  const sections: Section[] = [];
  const firstHeading = blocks.findIndex((n) => n.type === 'heading');
  const preamble = firstHeading === -1 ? blocks : blocks.slice(0, firstHeading);
  if (preamble.length > 0) {
    sections.push({ kind: 'other', heading: '', depth: 0, line: preamble[0]!.position?.start.line ?? 1, node: null, children: preamble });
  }
  const headings = blocks.filter((n) => n.type === 'heading');
  const h1s = headings.filter((h) => h.depth === 1);
  const loneH1 = h1s.length === 1 ? h1s[0]! : null;
  const loneH1Names = loneH1 ? exactSectionKind(toString(loneH1).trim(), aliases) !== 'other' : false;
  // A single top-level heading that opens the document is its title, never a section kind; unless
  // it names a section exactly ("# Timeline" under a front matter title).
  const titleHeading = loneH1 && loneH1 === headings[0] && headings.length > 1 && !loneH1Names ? loneH1 : null;
  // Such a lone "# Timeline" among "##" sections (its H1 a slip) nests as one of them, so
  // "## Root Cause" after it is not inside it.
  const slipped = loneH1 && loneH1Names && headings.some((h) => h.depth === 2) ? loneH1 : null;
  const levelOf = (h: Heading): number => (h === slipped ? 2 : h.depth);
  const open: Section[] = [];
  /** The section each inheriting subsection took its kind from. */
  const inheritedFrom = new Map<Section, Section>();
  /** The last section opened at each heading level, under the current parents. */
  const lastAtDepth = new Map<number, Section>();
  /** Timelines named inside another part ("### Recovery Timeline"), with the kind they would have had. */
  const nestedTimelines = new Map<Section, SectionKind | 'other'>();
  blocks.forEach((node, i) => {
    if (node.type !== 'heading') return;
    const level = levelOf(node);
    while (open.length > 0 && open[open.length - 1]!.depth >= level) open.pop();
    const children: RootContent[] = [];
    for (let j = i + 1; j < blocks.length; j++) {
      const next = blocks[j]!;
      if (next.type === 'heading' && levelOf(next) <= level) break;
      children.push(next);
    }
    const heading = headingText(node);
    // Subsections belong to the kind of the section they sit in ("### 2023-08-25" under "## Timeline").
    const parent = open.findLast((s) => s.kind !== 'other');
    // Under a summary, a subsection named for another kind ("### Mitigation:" under "## Details:")
    // is that kind, and a timeline is a timeline wherever it sits ("### Timeline (UTC)" under
    // "## Recovery"); elsewhere subsections keep their parent's ("### Detection" under action items).
    const exact = parent ? exactSectionKind(heading, aliases) : 'other';
    // Under a resolution or lessons, the work still to do is action items ("### Short-term
    // (Recommended)", "### Follow-up", "### Recovery TODO", "### Moving forward"); "### Improvements"
    // there is a lesson.
    const todo = (parent?.kind === 'resolution' || parent?.kind === 'lessons') && ((exact === 'actionItems' && !/improv/i.test(heading)) || plannedWork.test(heading));
    // A retrospective's own headings ("### Things that went well", "### Where we got lucky") are
    // lessons wherever they sit ("## Root Cause" over them); "What went wrong" there tells the cause.
    const lesson = exact === 'lessons' && parent?.kind !== 'lessons' && normaliseHeading(heading) !== 'what went wrong';
    // "### Recovery Timeline" or "### Línea de tiempo del error" under another part is the timeline
    // of a report that has no other (see below).
    const nestedTimeline = exact !== 'timeline' && parent !== undefined && sectionKindOf(heading, aliases) === 'timeline';
    const own = todo ? 'actionItems' : nestedTimeline ? 'timeline' : parent?.kind === 'summary' || exact === 'timeline' || lesson ? exact : 'other';
    let kind = node === titleHeading ? 'other' : own !== 'other' ? own : (parent?.kind ?? sectionKindOf(heading, aliases));
    // "## May 12" or "## 13:20" straight after "## Timeline" (a day or an entry written at the
    // timeline's own level) goes on with the timeline.
    if (kind === 'other' && lastAtDepth.get(level)?.kind === 'timeline' && opensWithStamp(heading)) kind = 'timeline';
    // A heading that gives a section's text as its value ("# Root Cause: The SSL certificate expired").
    // Only when nothing of its own is under it: then it is a label, and the headings after it are
    // not inside it. ("## Root cause: DNS" over paragraphs stays an ordinary section.)
    const labelOnly = !parent && node !== titleHeading && (children.length === 0 || children[0]!.type === 'heading');
    const field = labelOnly ? fieldSection(node, heading, aliases) : null;
    if (field) {
      kind = field.kind;
      children.length = 0;
      children.push(field.value);
    }
    const section: Section = {
      kind,
      heading,
      depth: level,
      line: node.position?.start.line ?? 1,
      node,
      children,
    };
    if (parent && node !== titleHeading) inheritedFrom.set(section, inheritedFrom.get(parent) ?? parent);
    if (section.kind === 'timeline' && parent) {
      const was = nestedTimeline ? parent.kind : nestedTimelines.get(parent);
      if (was !== undefined) nestedTimelines.set(section, was);
    }
    sections.push(section);
    if (!field) open.push(section);
    for (const depth of lastAtDepth.keys()) if (depth > level) lastAtDepth.delete(depth);
    lastAtDepth.set(level, section);
  });
  // Beside a timeline of its own, a report's "Detection Timeline" is part of its detection.
  if (sections.some((s) => s.kind === 'timeline' && !nestedTimelines.has(s))) {
    for (const [s, kind] of nestedTimelines) s.kind = kind;
  }
  // Where no section names the root cause, the one that diagnoses the failure tells it ("##
  // Diagnosis", "# The mistake"); and "What went wrong?" on its own (no "What went well" beside it,
  // not under lessons) is where a question-style postmortem tells its cause.
  if (!sections.some((s) => s.kind === 'rootCause')) {
    const wentWell = sections.some((s) => normaliseHeading(s.heading) === 'what went well');
    const causes = new Set(sections.filter((s) => !inheritedFrom.has(s) && (
      (s.kind === 'other' && s.node !== null && causeWhenNoneOther.has(normaliseHeading(s.heading)))
      || (!wentWell && s.kind === 'lessons' && normaliseHeading(s.heading) === 'what went wrong'))));
    // Their subsections go with them ("### SMART data" under "## Diagnosis").
    const inside = (s: Section) => [...causes].some((c) => s.node !== null && c.children.includes(s.node));
    for (const s of sections) if (causes.has(s) || causes.has(inheritedFrom.get(s)!) || (s.kind === 'other' && inside(s))) s.kind = 'rootCause';
  }
  return sections.flatMap((s) => (s.kind === 'other' ? [s, ...labelledSections(s, aliases)] : [s]));
}

/**
 * Headings that tell the cause only where no section is named for it: beside a "Root cause"
 * section, a "Diagnosis" tells how it was found.
 */
const causeWhenNoneOther = new Set(['diagnosis', 'the diagnosis', 'diagnosing the issue', 'diagnosing the problem', 'mistake', 'the mistake', 'our mistake', 'problem', 'the problem', 'issue details', 'details of incident', 'details of the incident', 'why it failed', 'why it broke']);

/** A heading for work still to do: "Short-term (Recommended)", "Long term", "Recovery TODO", "Next steps". */
const plannedWork = /^(?:short|medium|mid|long|near)[- ]?term\b|\brecommend(?:ed|ations?)\b|\bto ?do\b|\bfollow[- ]?ups?\b|\bnext steps\b/i;

/**
 * A paragraph whose first line only names a section ("Timeline", "Root Cause and Resolution",
 * "**Impact:**") or is a heading missing the space after its marks ("##What happened?"), as
 * documents written without Markdown headings do: that line as a heading (one that is not in the
 * tree), then the rest of the paragraph. Null for any other paragraph.
 */
function lineHeading(p: Paragraph, aliases: Readonly<Record<string, SectionKind>>): RootContent[] | null {
  const first: PhrasingContent[] = [];
  let rest: PhrasingContent[] = [];
  for (let i = 0; i < p.children.length; i++) {
    const child = p.children[i]!;
    if (child.type === 'break') {
      rest = p.children.slice(i + 1);
      break;
    }
    const nl = child.type === 'text' ? child.value.indexOf('\n') : -1;
    if (child.type !== 'text' || nl === -1) {
      first.push(child);
      continue;
    }
    const start = child.position?.start;
    const head = child.value.slice(0, nl);
    if (head) first.push(textAt(head, start));
    // The next line starts a column after the line break (continuation lines of a top-level
    // paragraph are seldom indented; where one is, its column is a few characters early).
    const tail = child.value.slice(nl + 1);
    const end = child.position?.end;
    const position = start?.offset !== undefined && end ? { start: { line: start.line + 1, column: 1, offset: start.offset + nl + 1 }, end } : undefined;
    rest = [...(tail ? [{ type: 'text' as const, value: tail, position }] : []), ...p.children.slice(i + 1)];
    break;
  }
  // Words only, plain or bold, maybe in inline HTML ("**Timeline of Events** <small>(Time in Central
  // Time)</small>"): an image's alt text or a link is no heading.
  const plain = (n: PhrasingContent): boolean => n.type === 'text' || n.type === 'html' || ((n.type === 'strong' || n.type === 'emphasis') && n.children.every(plain));
  if (!first.every(plain) || first.every((n) => n.type === 'html')) return null;
  const line = toString({ type: 'paragraph', children: first.filter((n) => n.type !== 'html') }).replace(/\s+/g, ' ').trim();
  // "##What happened?": a heading written without the space after its marks, as kramdown reads one.
  // Two marks at least: "#2 node of the cluster" and "#homelab" are text.
  const marks = /^#{2,6}(?=[^\s#])/.exec(line)?.[0];
  const name = (marks ? line.slice(marks.length) : line).replace(/:$/, '').trim();
  // An aside in brackets ("(all times in UTC)") is not counted in the name's words.
  const words = name.replace(/\([^()]*\)/g, ' ').trim().split(/\s+/).length;
  if (marks ? name.length > 100 : name.length === 0 || name.length > 80 || /[.!?;,]$/.test(name) || words > 6 || sectionKindOf(name, aliases) === 'other') return null;
  const position = spanOf(first);
  const heading: Heading = { type: 'heading', depth: (marks?.length ?? 2) as Heading['depth'], children: [{ type: 'text', value: name, position }], position };
  return rest.length === 0 ? [heading] : [heading, { type: 'paragraph', children: rest, position: spanOf(rest) }];
}

/** A heading that gives a field and its value ("Date: February 06, 2023", "Root Cause: the disk filled"). */
export function headingField(heading: string): { label: string; value: string } | null {
  const m = /^([^:]{1,40}):\s*(\S.*)$/.exec(heading);
  return m ? { label: m[1]!.trim(), value: m[2]!.trim() } : null;
}

/**
 * The section a field heading's label names, when its value can be that section's text ("Root
 * Cause: The SSL certificate expired"); null for other headings. A summary label ("Incident Report:
 * …") names a title, not a section.
 */
export function labelledKind(heading: string, aliases: Readonly<Record<string, SectionKind>>): { kind: SectionKind; value: string } | null {
  const field = headingField(heading);
  const kind = field ? exactSectionKind(field.label, aliases) : 'other';
  return field && kind !== 'other' && kind !== 'summary' ? { kind, value: field.value } : null;
}

/**
 * The section a heading used as a label gives ("# Root Cause: The SSL certificate expired"), with
 * its value as a paragraph (not in the tree).
 */
function fieldSection(node: Heading, heading: string, aliases: Readonly<Record<string, SectionKind>>): { kind: SectionKind; value: Paragraph } | null {
  const field = labelledKind(heading, aliases);
  if (!field) return null;
  const only = node.children.length === 1 && node.children[0]!.type === 'text' ? node.children[0]! : null;
  const at = only?.position?.start;
  const skip = only && at?.offset !== undefined ? only.value.indexOf(field.value) : -1;
  const text = textAt(field.value, at?.offset !== undefined && skip >= 0 ? { line: at.line, column: at.column + skip, offset: at.offset + skip } : undefined);
  return { kind: field.kind, value: { type: 'paragraph', children: [text], position: text.position } };
}

/** The name of a paragraph that opens with a bold label ("**Root Causes:** …"), and what follows it. */
export function paragraphLabel(p: Paragraph): { name: string; rest: PhrasingContent[] } | null {
  const [first, next, ...after] = p.children;
  if (first?.type !== 'strong') return null;
  const label = toString(first).trim();
  if (label.endsWith(':')) return { name: label.slice(0, -1).trim(), rest: p.children.slice(1) };
  if (next?.type === 'text' && next.value.startsWith(':')) return { name: label, rest: [{ ...next, value: next.value.slice(1) }, ...after] };
  return null;
}

/** A plain label that opens a header list item ("- Date: 2025-12-05", "- Root Causes: …"), and what follows it. */
function plainLabel(p: Paragraph): { name: string; rest: PhrasingContent[] } | null {
  const [first, ...after] = p.children;
  if (first?.type !== 'text') return null;
  const m = /^([A-Za-z][A-Za-z /-]{0,40}):(?:\s|$)/.exec(first.value);
  if (!m) return null;
  return { name: m[1]!.trim(), rest: [{ ...first, value: first.value.slice(m[0].length) }, ...after] };
}

/** A paragraph that is a bold name and nothing else ("**Key events**"), as a list item heading what is nested under it. */
function boldAlone(p: Paragraph): { name: string; rest: PhrasingContent[] } | null {
  const [first, ...after] = p.children;
  const label = first?.type === 'strong' ? { name: toString(first).trim(), rest: after } : null;
  return label && labelStandsAlone(label) ? label : null;
}

/** Whether a label stands alone in its paragraph ("**Root causes:**"), with no text after it. */
export function labelStandsAlone(label: { rest: readonly PhrasingContent[] }): boolean {
  return label.rest.every((c) => c.type === 'text' && c.value.trim() === '');
}

/** A bold label that opens a paragraph, with the blocks that go with it. */
export interface LabelledBlock {
  lead: Paragraph;
  label: { name: string; rest: PhrasingContent[] };
  after: RootContent[];
}

/** A text node for `value` written on one line from `start`, placed there when the place is known. */
function textAt(value: string, start: Point | undefined): Text {
  const position = start?.offset !== undefined ? { start, end: { line: start.line, column: start.column + value.length, offset: start.offset + value.length } } : undefined;
  return { type: 'text', value, position };
}

/** Where a phrasing node starts and ends, when it says. */
function spanOf(children: readonly PhrasingContent[]): Paragraph['position'] {
  const start = children.find((c) => c.position)?.position?.start;
  const end = children.findLast((c) => c.position)?.position?.end;
  return start && end ? { start, end } : undefined;
}

/**
 * What separates fields: a line break, or a pipe, middle dot or bullet between spaces ("**Severity:**
 * SEV1 | **Duration:** 47 minutes", "**Severity:** Major · **Status:** Closed", as incident tools export them).
 */
const fieldBreak = /\n|[ \t][|·•][ \t]/;
const fieldBreaks = /[ \t]*\n[ \t]*|[ \t]+[|·•][ \t]+/;

/** The paragraphs `labelledLines` made: the lines of a block of fields. */
const fieldLines = new WeakSet<Paragraph>();

/**
 * The lines of a paragraph that each open with a bold label, as paragraphs of their own: a header
 * written as one block of `**Date:** …` / `**Severity:** …` lines (soft or hard breaks between
 * them, often inside a `>` quote), or as fields on one line between pipes. A line without a label continues the label above it. Null when
 * the paragraph holds fewer than two labelled lines.
 */
function labelledLines(p: Paragraph): Paragraph[] | null {
  // Two labelled lines need two bold runs: most paragraphs are let go without being split.
  let bold = 0;
  for (const child of p.children) if (child.type === 'strong' && ++bold === 2) break;
  if (bold < 2) return null;
  const lines: PhrasingContent[][] = [[]];
  for (const child of p.children) {
    if (child.type === 'break') {
      lines.push([]);
      continue;
    }
    if (child.type !== 'text' || !fieldBreak.test(child.value)) {
      lines.at(-1)!.push(child);
      continue;
    }
    // Split the text node at its line breaks (and at " | " or " · " between fields on one line). The first
    // piece keeps its place; a later one starts after a quote marker or indentation the text leaves
    // out, so it gets none.
    const start = child.position?.start;
    child.value.split(fieldBreaks).forEach((value, i) => {
      if (i > 0) lines.push([]);
      if (value !== '') lines.at(-1)!.push(textAt(value, i === 0 ? start : undefined));
    });
  }
  const opensWithLabel = (line: PhrasingContent[]) => paragraphLabel({ type: 'paragraph', children: line }) !== null;
  if (lines.filter(opensWithLabel).length < 2 || !opensWithLabel(lines[0]!)) return null;
  const groups: PhrasingContent[][] = [];
  for (const line of lines) {
    if (opensWithLabel(line) || groups.length === 0) groups.push([...line]);
    else groups.at(-1)!.push({ type: 'text', value: '\n' }, ...line);
  }
  return groups.map((children) => {
    const line: Paragraph = { type: 'paragraph', children, position: spanOf(children) };
    fieldLines.add(line);
    return line;
  });
}

/**
 * The blocks a section's labels are looked for in: each paragraph of several labelled lines split
 * into one paragraph a line, and at the top of the document, the blocks of a `>` quote (a header
 * of fields quoted as a callout).
 */
function labelBlocks(blocks: readonly RootContent[], top: boolean): RootContent[] {
  return blocks.flatMap((block): RootContent[] => {
    if (block.type === 'paragraph') return labelledLines(block) ?? [block];
    if (block.type === 'blockquote' && top) return labelBlocks(block.children, false);
    return [block];
  });
}

/**
 * The bold labels of a section: each paragraph that opens with one, with the blocks up to the next
 * label of any name; and, at the top of the document only (the preamble or the title's section),
 * each list item that opens with a label, bold or plain ("- Date: …"), with the rest of the item,
 * and the labels of a quoted header. Lower down, such lists describe things ("- **Solution**:
 * Longhorn v1.6.2" under "Storage"), so they are not read.
 */
export function sectionLabels(section: Section, { lists = section.depth <= 1 } = {}): LabelledBlock[] {
  const blocks = labelBlocks(ownChildren(section), section.depth <= 1);
  const labels = blocks.map((b) => (b.type === 'paragraph' ? paragraphLabel(b) : null));
  const found: LabelledBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const label = labels[i];
    if (label) {
      let j = i + 1;
      while (j < blocks.length && !labels[j]) j++;
      found.push({ lead: block as Paragraph, label, after: blocks.slice(i + 1, j) });
    } else if (block.type === 'list' && lists) {
      for (const item of block.children) {
        const [lead, ...more] = item.children;
        const itemLabel = lead?.type === 'paragraph' ? (paragraphLabel(lead) ?? plainLabel(lead) ?? (more.length > 0 ? boldAlone(lead) : null)) : null;
        if (itemLabel) found.push({ lead: lead as Paragraph, label: itemLabel, after: more });
      }
    }
  }
  return found;
}

/**
 * Sections a document opens with bold labels instead of headings, as Google's postmortem template
 * does: in a section of no role, a label (`sectionLabels`) naming a section kind exactly
 * ("**Summary:**", "**Root Causes:**", "**Impact:**") opens a section of that kind one level down,
 * holding the rest of its paragraph and the blocks that go with it. Its heading node is made from
 * the label (it is not in the tree), so problems point at the label.
 */
function labelledSections(parent: Section, aliases: Readonly<Record<string, SectionKind>>): Section[] {
  const depth = Math.min(parent.depth + 1, 6) as Heading['depth'];
  return sectionLabels(parent).flatMap(({ lead, label, after }): Section[] => {
    if (label.name.length > 60) return [];
    const kind = exactSectionKind(label.name, aliases);
    if (kind === 'other') return [];
    // In a block of field lines, a label whose value is a date is a field ("**Follow-up:** May 13, 2026").
    if (fieldLines.has(lead) && opensWithStamp(toString({ type: 'paragraph', children: label.rest }).trim())) return [];
    // The bold label, or the text node a plain label opens.
    const labelNode = lead.children[0]!;
    const children: RootContent[] = [];
    if (!labelStandsAlone(label)) {
      children.push({ type: 'paragraph', children: label.rest, position: labelNode.position && lead.position ? { start: labelNode.position.end, end: lead.position.end } : undefined });
    }
    children.push(...after);
    const node: Heading = { type: 'heading', depth, children: [{ type: 'text', value: label.name, position: labelNode.position }], position: labelNode.position };
    return [{ kind, heading: label.name, depth, line: lead.position?.start.line ?? parent.line, node, children }];
  });
}

/**
 * The blocks of a section with its subsections, less those of a subsection that has a role of its
 * own: a timeline inside a "Root Cause Analysis" is the timeline, not the cause.
 */
export function kindBlocks(sections: readonly Section[], section: Section): RootContent[] {
  const foreign = new Set<RootContent>();
  for (let j = sections.indexOf(section) + 1; j < sections.length && sections[j]!.depth > section.depth; j++) {
    const sub = sections[j]!;
    if (sub.kind === section.kind || sub.kind === 'other' || !sub.node) continue;
    foreign.add(sub.node);
    for (const block of sub.children) foreign.add(block);
  }
  return foreign.size === 0 ? section.children : section.children.filter((n) => !foreign.has(n));
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
