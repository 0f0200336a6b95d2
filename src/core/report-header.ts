/**
 * What a report says of itself outside front matter: the fields its header gives (bold labels,
 * tables of fields, `Field: value` headings, a metadata block) and the title its headings give.
 */
import type { Heading, RootContent, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ParsedPostmortem, Section } from './model.ts';
import { headingField, headingText, labelledKind, ownChildren, sectionLabels } from './sections.ts';
import { normaliseHeading } from './heading-aliases.ts';

/** A `Key: value` line ("title: Pine.blog Downtime", "published: Mon, 17 Feb 2020"): the key and the value. */
const keyValueLine = /^([A-Za-z][\w -]{0,30}):[ \t]+(\S.*)$/;

/**
 * The top-level `key: value` lines of a front matter block YAML refuses, each value as written
 * ("title: Post-Mortem: Pull Request Unavailability" has a colon YAML reads as a second key).
 */
export function plainLines(raw: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const line of raw.split('\n')) {
    const m = keyValueLine.exec(line.trimEnd());
    if (m && !found.has(m[1]!)) found.set(m[1]!, m[2]!.replace(/^(["'])(.+)\1$/, '$2').trim());
  }
  return found;
}

export type HeaderField = 'title' | 'date' | 'published' | 'window' | 'started' | 'detected' | 'mitigated' | 'resolved' | 'severity' | 'authors';

/** Labels that give a field in a report's header ("**Start time:** 2024-01-05 14:32 UTC", "- Date: 2025-12-05", "## Severity: SEV2"). */
const headerLabels = new Map<string, HeaderField>([
  ...['date', 'incident date', 'date of incident', 'date of the incident', 'outage date', 'date of outage', 'event date'].map((n) => [n, 'date'] as const),
  // Other languages: French, Spanish, Portuguese, German, Dutch, Chinese, Japanese.
  ...['date de l incident', 'date de création', 'fecha', 'fecha del incidente', 'data do incidente', 'datum', 'datum des vorfalls', 'datum van het incident', '日期', '事故日期', '発生日'].map((n) => [n, 'date'] as const),
  ...['auteur', 'auteurs', 'autor', 'autores', 'verfasser'].map((n) => [n, 'authors'] as const),
  ...['sévérité', 'gravité', 'severidad', 'gravidade', 'schweregrad'].map((n) => [n, 'severity'] as const),
  // A window of time: "**Duration:** 08:41–09:54 UTC (1 h 13 m)".
  ...['duration', 'outage duration', 'incident duration', 'window', 'incident window', 'outage window', 'impact window', 'time', 'incident time', 'time of incident', 'when'].map((n) => [n, 'window'] as const),
  ...['start', 'start time', 'started', 'started at', 'incident start', 'impact start', 'start of impact', 'outage start', 'began', '発生日時', '発生時刻', '发生时间'].map((n) => [n, 'started'] as const),
  ...['detected', 'detected at', 'detection time', 'time detected', 'reported', 'reported at', 'first reported'].map((n) => [n, 'detected'] as const),
  ...['mitigated', 'mitigated at', 'mitigation time', 'time mitigated'].map((n) => [n, 'mitigated'] as const),
  ...['end', 'end time', 'ended', 'ended at', 'resolved', 'resolved at', 'resolution time', 'time resolved', 'incident end', 'impact end', 'end of impact', 'outage end', '復旧日時', '復旧時刻', '恢复时间'].map((n) => [n, 'resolved'] as const),
  ...['severity', 'sev', 'incident severity', 'severity level'].map((n) => [n, 'severity'] as const),
  ...['authors', 'author', 'written by', 'postmortem owner', 'postmortem author', 'postmortem authors'].map((n) => [n, 'authors'] as const),
  ['title', 'title'],
  // When a blog post was published: the incident's day only when nothing else gives one.
  ...['published', 'published on', 'publish date', 'posted', 'posted on'].map((n) => [n, 'published'] as const),
]);

/**
 * A metadata block as Pelican and MultiMarkdown write it: the document's first paragraph, every
 * line of it `Key: value` ("title: Pine.blog Downtime Post-Mortem", "published: Mon, 17 Feb 2020").
 */
function metadataLines(block: RootContent | undefined): [key: string, value: string][] {
  if (block?.type !== 'paragraph') return [];
  const lines = toString(block).split('\n');
  const pairs = lines.map((line) => keyValueLine.exec(line.trim()));
  return pairs.length >= 2 && pairs.every(Boolean) ? pairs.map((m) => [m![1]!, m![2]!]) : [];
}

/** The text of each field a report's header gives (a label, a table row, a `Field: value` heading) in the sections of no role, the first of each. */
export function headerFields(sections: readonly Section[]): Partial<Record<HeaderField, string>> {
  const found: Partial<Record<HeaderField, string>> = {};
  const take = (name: string, value: string, inTable = false): void => {
    const key = headerLabels.get(normaliseHeading(name));
    // A two-column table headed "Title | Link" lists things; its header row is no title.
    if (inTable && key === 'title') return;
    const text = value.replace(/\s+/g, ' ').trim();
    if (key && text && found[key] === undefined) found[key] = text;
  };
  // The sections before the first one with a role are the report's header, where a list of
  // labelled lines gives fields ("## Testnet Halt 95" over "* **Date:** 16/03/2020 3am UTC").
  let header = true;
  for (const section of sections) {
    if (section.depth === 0) for (const [key, value] of metadataLines(section.children[0])) take(key, value);
    if (section.kind !== 'other') header = false;
    // A heading that names a field, with its value as the one short paragraph under it ("### Start time" / "2024-01-05 14:32 UTC").
    const own = section.node && headerLabels.has(normaliseHeading(section.heading)) ? ownChildren(section) : [];
    if (own.length === 1 && own[0]!.type === 'paragraph') {
      const value = toString(own[0]!);
      if (value.length <= 200) take(section.heading, value);
    }
    if (section.kind !== 'other') continue;
    // A field written as a heading: "## Date: February 06, 2023".
    const field = headingField(section.heading);
    if (field) take(field.label, field.value);
    // Bold labels where they open sections (sectionLabels); and, at the top, two-column tables of
    // fields ("| **Severity** | SEV2 |"), the header row included.
    for (const { label } of sectionLabels(section, { lists: header || section.depth <= 1 })) take(label.name, toString({ type: 'paragraph', children: label.rest }));
    // In the header, a table of one row under its labels ("| Start | End |" over "| August 29th 2022,
    // 8:10 CEST | … |"): every cell of its first row a label, and none of its second (else it is a
    // table of label and value rows, read below).
    if (header) {
      const isLabel = (cell: TableRow['children'][number]) => headerLabels.has(normaliseHeading(toString(cell).replace(/:\s*$/, '')));
      for (const block of ownChildren(section)) {
        if (block.type !== 'table' || block.children.length !== 2) continue;
        const [labels, values] = block.children as [TableRow, TableRow];
        if (!labels.children.every(isLabel) || values.children.some(isLabel)) continue;
        labels.children.forEach((cell, i) => take(toString(cell), values.children[i] ? toString(values.children[i]!) : '', true));
      }
    }
    if (section.depth > 1) continue;
    for (const block of ownChildren(section)) {
      if (block.type === 'table' && block.children.every((row) => row.children.length === 2)) {
        for (const row of block.children) take(toString(row.children[0]!).replace(/:\s*$/, ''), toString(row.children[1]!), true);
      }
    }
  }
  return found;
}

/** The severity a header gives, without what follows it ("**Critical** - Complete outage", "Medium (DNS broken)"). */
export function headerSeverity(value: string | undefined): string | null {
  if (value && value.length <= 20) return value;
  const level = value?.split(/\s+[-–—]\s+|\s*[(,;]|\.\s|:\s/, 1)[0]!.trim();
  return level && level.length <= 20 ? level : null;
}

/**
 * The title a document gives in its headings: its first H1; else, in a document without front
 * matter, its first heading ("## Incident Report for …"). A front matter block, even one that cannot
 * be read, is where the title belongs, so there the file name stands in instead.
 */
export function headingTitle(parsed: ParsedPostmortem): string | null {
  const headings = parsed.tree.children.filter((n) => n.type === 'heading');
  // An H1 used as a label further down ("# Root Cause: …", "# Outage Duration: …") is no title.
  const isLabel = (h: Heading): boolean => {
    const heading = headingText(h);
    const field = headingField(heading);
    return field !== null && (labelledKind(heading, {}) !== null || headerLabels.has(normaliseHeading(field.label)));
  };
  const h1 = headings.find((n) => n.depth === 1);
  // (A document's opening heading is its title, whatever it says.)
  const h = h1 && h1 !== headings[0] && isLabel(h1) ? headings.find((n) => !isLabel(n)) : (h1 ?? (parsed.frontmatter ? undefined : headings[0]));
  return h ? headingText(h) || null : null;
}
