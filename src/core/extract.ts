/** From a parsed postmortem to the extracted incident of the output contract. */
import { basename, extname } from 'node:path';
import type { Code, Heading, Html, RootContent, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Config } from '../../schemas/config.ts';
import { timeZoneSchema } from '../../schemas/time-zone.ts';
import { defaultConfig } from '../../schemas/config.ts';
import { normaliseStatus, splitTaxonomy, statusSchema, type Frontmatter } from '../../schemas/frontmatter.ts';
import type { Incident, LogEntry, TimelineEvent } from '../../schemas/incident.ts';
import type { ParsedPostmortem, Section } from './model.ts';
import { headingField, headingText, kindBlocks, labelledKind, ownChildren, sectionLabels, topSections } from './sections.ts';
import { diagnostic, type Diagnostic } from './diagnostic.ts';
import { validateFrontmatter } from './frontmatter-schema.ts';
import { blocksText } from './plain-text.ts';
import { normaliseHeading } from './heading-aliases.ts';
import { extractActionItems } from './action-items.ts';
import { causeCategory } from './cause-category.ts';
import { dayOf, dayOfValue, findDate, readStamp, toInstant, toWindow } from './dates/index.ts';
import { incidentDateOf, timelineDayOf } from './incident-date.ts';
import { extractTimeline } from './timeline/index.ts';
import { describeLogEvent, isNotable, looksLikeLogs, parseLogBlock } from './logs/index.ts';
import { slugify } from './slug.ts';
import { statedWindow } from './stated-window.ts';

/** The fields of an incident its prose tells: the cause category, the excerpt and the section texts. */
export type ProseField = 'cause' | 'excerpt' | 'summary' | 'impact' | 'trigger' | 'detection' | 'rootCause' | 'resolution' | 'lessons';

/** An incident without its prose fields: what lint checks (timeline, milestones, action items, front matter). */
export type IncidentFacts = Omit<Incident, ProseField>;

export interface Extraction<I extends IncidentFacts = Incident> {
  incident: I;
  /** Front matter schema problems and everything the extractors could not read. */
  diagnostics: Diagnostic[];
  /** Validated front matter, or null when it is missing or invalid. */
  frontmatter: Frontmatter | null;
  /** Numeric date order used in the timeline (null when it had no numeric dates). */
  dateOrder: 'dmy' | 'mdy' | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
const list = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : []).map((x) => String(x).trim()).filter(Boolean);
/** Tags or categories from front matter the schema refused, split as the schema splits them. */
const taxonomy = (v: unknown): string[] => (typeof v === 'string' ? splitTaxonomy(v) : list(v));

/**
 * The title a document gives in its headings: its first H1; else, in a document without front
 * matter, its first heading ("## Incident Report for …"). A front matter block, even one that cannot
 * be read, is where the title belongs, so there the file name stands in instead.
 */
function headingTitle(parsed: ParsedPostmortem): string | null {
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

/** The one zone every timed timeline entry was written in, or null when they name several or none. */
function writtenZone(events: readonly TimelineEvent[]): string | null {
  let zone: string | null = null;
  for (const e of events) {
    if (e.source !== 'timeline' || e.at === null || e.at.length === 10 || !e.timezone) continue;
    if (zone !== null && zone !== e.timezone) return null;
    zone = e.timezone;
  }
  return zone;
}

/**
 * The day a front matter value gives: ISO, or written out ("Dec 31, 2024", as Astro blogs write
 * `pubDate`; "Thu Mar 20 20:14:14 PDT 2025", as the `date` command writes it, its year last).
 */
function writtenDay(value: unknown, dateOrder: Config['dateOrder']): string | null {
  const day = dayOfValue(value);
  if (day || typeof value !== 'string') return day;
  const text = value.slice(0, 100);
  const year = /\b(?:19|20)\d{2}\b/.exec(text);
  return findDate(text, { dateOrder, ...(year ? { yearHint: Number(year[0]) } : {}) });
}

/** Front matter keys that say when a post was published, as blog engines name them. */
const publishedKeys = ['publishDate', 'pubDate', 'published', 'datePublished', 'date_published', 'publishedAt', 'published_at'] as const;

/** A `Key: value` line ("title: Pine.blog Downtime", "published: Mon, 17 Feb 2020"): the key and the value. */
const keyValueLine = /^([A-Za-z][\w -]{0,30}):[ \t]+(\S.*)$/;

/**
 * The top-level `key: value` lines of a front matter block YAML refuses, each value as written
 * ("title: Post-Mortem: Pull Request Unavailability" has a colon YAML reads as a second key).
 */
function plainLines(raw: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const line of raw.split('\n')) {
    const m = keyValueLine.exec(line.trimEnd());
    if (m && !found.has(m[1]!)) found.set(m[1]!, m[2]!.replace(/^(["'])(.+)\1$/, '$2').trim());
  }
  return found;
}

/** The day of the first dated timeline entry as it was written: in the entry's own zone. */
function firstEventDay(events: readonly TimelineEvent[], timezone: string): string | null {
  const first = events.find((e) => e.at);
  return first?.at ? dayOf({ at: first.at, timezone: first.timezone }, timezone) : null;
}

/** A full date in the first sentence of the document's first paragraph: "On 18th April 2021 a researcher…". */
function openingDate(parsed: ParsedPostmortem, dateOrder: Config['dateOrder']): string | null {
  const first = parsed.tree.children.find((n) => n.type === 'paragraph');
  if (!first) return null;
  // The sentence ends at a full stop, but not at one that abbreviates a month ("Sept. 18th, 2017").
  const sentence = toString(first).slice(0, 300).split(/(?<!\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|approx|ca|mr|mrs|ms|dr|st))[.!?](?:\s|$)/i, 1)[0]!;
  return findDate(sentence, { dateOrder });
}

/**
 * An ISO date labelled as the incident's in the first paragraphs, among other fields on one line
 * ("Component: Android Date/time: 2024-05-28 Duration: 6 months", as documents exported from an
 * editor run their header fields together).
 */
function labelledDate(parsed: ParsedPostmortem): string | null {
  for (const node of parsed.tree.children.slice(0, 12)) {
    if (node.type !== 'paragraph') continue;
    const m = /(?:^|\s)(?:incident )?date(?:\s*\/\s*time)?:\s*(\d{4}-\d{2}-\d{2})(?![\d-])/i.exec(toString(node).slice(0, 600));
    if (m) return dayOfValue(m[1]);
  }
  return null;
}

/** Text of the sections of one kind (subsections are inside their top-most section). */
function sectionText(sections: readonly Section[], kind: Section['kind']): string | null {
  const top = topSections(sections, kind);
  const text = top.map((s) => blocksText(kindBlocks(sections, s))).filter(Boolean).join('\n\n').trim();
  return text || null;
}

/** Text of the first section whose normalised heading matches. */
function fallbackText(sections: readonly Section[], heading: RegExp): string | null {
  const section = sections.find((s) => s.node && heading.test(normaliseHeading(s.heading)));
  return section ? blocksText(section.children) || null : null;
}

function excerptOf(parsed: ParsedPostmortem, description: string | null): string {
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

/** Log entries from code blocks in logs sections and from blocks elsewhere that read as logs. */
function extractLogs(parsed: ParsedPostmortem, year: number, timezone: string): LogEntry[] {
  const inLogs = new Set<RootContent>();
  for (const s of parsed.sections) if (s.kind === 'logs') for (const c of s.children) inLogs.add(c);
  const entries: LogEntry[] = [];
  // Code blocks in document order, each with the top-level block it sits in; an explicit stack,
  // so deeply nested lists or quotes cannot overflow the call stack.
  const codes: { code: Code; top: RootContent }[] = [];
  const stack: { node: RootContent; top: RootContent }[] = [...parsed.tree.children].reverse().map((n) => ({ node: n, top: n }));
  while (stack.length > 0) {
    const { node: n, top } = stack.pop()!;
    if (n.type === 'code') codes.push({ code: n, top });
    else if (n.type === 'blockquote' || n.type === 'list' || n.type === 'listItem' || n.type === 'footnoteDefinition') for (let i = n.children.length - 1; i >= 0; i--) stack.push({ node: n.children[i] as RootContent, top });
  }
  for (const { code, top } of codes) {
    const isLogSection = inLogs.has(top);
    if (!isLogSection && !looksLikeLogs(code.value)) continue;
    const start = code.position?.start.line ?? 1;
    const fenced = /^\s*(`{3,}|~{3,})/.test(parsed.text.slice(code.position?.start.offset ?? 0, (code.position?.start.offset ?? 0) + 64));
    for (const item of parseLogBlock(code.value, fenced ? start + 1 : start, { year, timezone })) entries.push(item);
  }
  return entries;
}

/** Compare instants that may be bare dates (a day sorts at its start). */
function instantKey(at: string): string {
  return at.length === 10 ? `${at}T00:00Z` : at;
}

/** Most log events a timeline takes, so a pasted error storm cannot bury the authored entries. */
export const maxLogEvents = 20;
const levelRank: Record<string, number> = { emerg: 0, alert: 1, crit: 2, err: 3, warning: 4, notice: 5, info: 6, debug: 7 };

/** Notable, timed log entries worth a timeline line: repeats collapsed, the most telling kept. */
function notableLogEntries(logs: readonly LogEntry[]): LogEntry[] {
  const seen = new Set<string>();
  const notable = logs.filter((e) => {
    if (!e.at || !isNotable(e)) return false;
    const key = `${e.kind}\u0000${e.host}\u0000${e.kind === 'other' ? e.message : (e.details.process ?? '')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (notable.length <= maxLogEvents) return notable;
  const rank = (e: LogEntry) => (e.kind === 'other' ? 10 : 0) + (levelRank[e.level ?? 'info'] ?? 6);
  const kept = new Set([...notable].sort((a, b) => rank(a) - rank(b)).slice(0, maxLogEvents));
  return notable.filter((e) => kept.has(e));
}

/** Put notable log events into the authored timeline after every event at or before them. */
function mergeLogEvents(authored: TimelineEvent[], logs: readonly LogEntry[]): TimelineEvent[] {
  const merged = [...authored];
  for (const entry of notableLogEntries(logs)) {
    if (!entry.at) continue;
    const event: TimelineEvent = {
      at: entry.at,
      precision: 'second',
      text: describeLogEvent(entry),
      source: 'log',
      line: entry.line,
      written: null,
      timezone: 'UTC',
    };
    const key = instantKey(entry.at);
    let index = merged.length;
    for (let i = merged.length - 1; i >= 0; i--) {
      const at = merged[i]!.at;
      if (at !== null && instantKey(at) <= key) break;
      if (at !== null) index = i;
    }
    merged.splice(index, 0, event);
  }
  return merged;
}

function minutesBetween(a: string | null, b: string | null): number | null {
  if (!a || !b || a.length === 10 || b.length === 10) return null;
  const diff = Math.round((Date.parse(b) - Date.parse(a)) / 60_000);
  return Number.isFinite(diff) && diff >= 0 ? diff : null;
}

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/**
 * The timed events that may start or end an incident. Not an entry dated more than a day away from
 * both entries written around it, earlier than both or later than both: an aside, or a slip in its
 * year ("2021-01-09" between two entries of 2022-01-09). Not a log line more than six hours outside
 * the authored timeline: logs from another day (log-window reports them), which would stretch the
 * incident to that day.
 */
function boundCandidates<T extends { event: TimelineEvent; key: string }>(timed: readonly T[]): readonly T[] {
  const authored = timed.filter((t) => t.event.source === 'timeline').sort((a, b) => a.event.line - b.event.line);
  if (authored.length === 0) return timed;
  const ms = authored.map((t) => Date.parse(t.key));
  const asides = new Set<T>();
  for (let i = 1; i + 1 < authored.length; i++) {
    const [before, at, after] = [ms[i - 1]!, ms[i]!, ms[i + 1]!];
    if ((at < before - dayMs && at < after - dayMs) || (at > before + dayMs && at > after + dayMs)) asides.add(authored[i]!);
  }
  let low = Infinity;
  let high = -Infinity;
  authored.forEach((t, i) => {
    if (asides.has(t)) return;
    low = Math.min(low, ms[i]!);
    high = Math.max(high, ms[i]! + (t.event.at!.length === 10 ? dayMs : 0));
  });
  return timed.filter((t) => {
    if (t.event.source === 'timeline') return !asides.has(t);
    const at = Date.parse(t.key);
    return at >= low - 6 * hourMs && at <= high + 6 * hourMs;
  });
}

/** Words that say a milestone; after the English ones, the same in the other languages whose section names are known. */
const milestoneWords = {
  // The outage as the subject: "investigations into the outage began" is not its start.
  started: /(?<!\b(?:into|on|of|about|for|after) (?:the )?)\b(outage|incident|impact|degradation|downtime|disruption) (begins|began|starts|started|start)\b|\bstart of (the )?(outage|incident|impact)\b/i,
  detected: /\b(detect(?:ed|s|ing)?\b|alert\w*|paged|pager\w*|paging|page fired|pages (?:the )?on-?call|receives? (a )?page|notic(e|ed|es|ing)\b|investigating\b|(became|become|were|was) aware\b|observed|reported|flagged|first (\w+ )?reports?|(customer|user)s? report\w*|incident (?:declared|opened|raised)|declared (?:an |the )?incident|\b(?:monitoring|monitors?|alarms?|pager|checks?|probes?)\b[^.]{0,20}?\b(?:fired|fires|firing|triggered|triggers|went off|goes off|indicated?|indicates|warned|notified))|\b(?:detectad[oa]s?|reportad[oa]s?|usuarios? reporta\w*|entdeckt|bemerkt|gemeldet|oppdaget|varslet)\b|\bdétect|\bsignal[ée]|検知|発覚|告警/i,
  // Incident tools log status changes: "Status changed from Fixing to Monitoring" (incident.io).
  // "working to mitigate" is not yet mitigated.
  mitigated: /\b((?<!\b(?:to|will|working on|order to) )mitigat\w*|fix (?:has been |was )?(?:implemented|deployed|applied)|workaround|rolled back|roll(ed)?back|revert\w*|restored|repaired|failover|failed over|to monitoring\b)|\b(?:restablecid[oa]s?|restaurad[oa]s?|wiederhergestellt|gjenopprettet|contournement)\b|återställ|\brétabli|復旧|恢复|回滚/i,
  /** An explicit end marker ("OUTAGE ENDS", "Status changed from Monitoring to Closed"): wins over the last timed event. */
  ended: /\b(outage|incident|impact|degradation|downtime|disruption) (ends|ended|end|is over|over|resolved)\b|\bend of (the )?(outage|incident|impact)\b|\bstatus changed (?:from \w+ )?to (?:closed|resolved)\b/i,
} as const;

/** The front matter keys that name affected services: Hindsight's own, then cState's and other templates'. */
const serviceKeys = ['services', 'affected', 'systems', 'affected_services', 'affectedsystems', 'services_affected'] as const;

/** The front matter keys that give each milestone, the first given winning: Hindsight's own, then status pages' and templates'. */
const milestoneKeys = {
  started: ['started', 'start_time'],
  detected: ['detected'],
  mitigated: ['mitigated'],
  resolved: ['resolved', 'resolvedWhen', 'resolved_on', 'end_time'],
} as const;

/** How much of an entry's text (characters from its start) the milestone words are looked for in. */
const milestoneReach = 400;

type HeaderField = 'title' | 'date' | 'published' | 'window' | 'started' | 'detected' | 'mitigated' | 'resolved' | 'severity' | 'authors';

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
function headerFields(sections: readonly Section[]): Partial<Record<HeaderField, string>> {
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
function headerSeverity(value: string | undefined): string | null {
  if (value && value.length <= 20) return value;
  const level = value?.split(/\s+[-–—]\s+|\s*[(,;]|\.\s|:\s/, 1)[0]!.trim();
  return level && level.length <= 20 ? level : null;
}

/** The fields of an incident's prose the site shows: its cause category and its excerpt. */
export type SiteProse = Pick<Incident, 'cause' | 'excerpt'>;

/** The extracted incident of the output contract (`extract`): its facts, then what its prose tells. */
export function extractIncident(parsed: ParsedPostmortem, config: Config = defaultConfig): Extraction {
  const facts = extractFacts(parsed, config);
  const sections = parsed.sections;
  const rootCause = rootCauseText(sections);
  const prose: Pick<Incident, ProseField> = {
    ...siteProse(parsed, facts, rootCause),
    summary: sectionText(sections, 'summary'),
    impact: sectionText(sections, 'impact'),
    trigger: sectionText(sections, 'trigger'),
    detection: sectionText(sections, 'detection'),
    rootCause,
    resolution: sectionText(sections, 'resolution'),
    lessons: sectionText(sections, 'lessons'),
  };
  return { ...facts, incident: { ...facts.incident, ...prose } };
}

/** What the site publishes of an incident: its facts, its cause category and its excerpt (the pages show the section texts as rendered Markdown). */
export function extractForSite(parsed: ParsedPostmortem, config: Config = defaultConfig): Extraction<IncidentFacts & SiteProse> {
  const facts = extractFacts(parsed, config);
  return { ...facts, incident: { ...facts.incident, ...siteProse(parsed, facts, rootCauseText(parsed.sections)) } };
}

/** The root cause as told: its section, else a "What went wrong?" section, where the cause is told without one. */
function rootCauseText(sections: readonly Section[]): string | null {
  return sectionText(sections, 'rootCause') ?? fallbackText(sections, /^what went wrong\b|^why did (it|this) happen\b/);
}

/** The cause category (from `cause`, else from the root-cause text) and the excerpt. */
function siteProse(parsed: ParsedPostmortem, facts: Extraction<IncidentFacts>, rootCause: string | null): SiteProse {
  const raw = parsed.frontmatter?.data ?? {};
  return {
    cause: causeCategory(facts.frontmatter?.cause ?? str(raw.cause) ?? undefined, rootCause),
    excerpt: excerptOf(parsed, facts.incident.description),
  };
}

/** An incident's facts: everything but what its prose tells, which lint does not need. */
export function extractFacts(parsed: ParsedPostmortem, config: Config = defaultConfig): Extraction<IncidentFacts> {
  const diagnostics: Diagnostic[] = [];
  let fm: Frontmatter | null = null;
  const raw = parsed.frontmatter?.data ?? {};
  // After a syntax error the data is empty: schema messages about "missing" keys would mislead.
  const unreadableFrontmatter = parsed.diagnostics.some((d) => d.ruleId === 'frontmatter-yaml');
  if (parsed.frontmatter && !unreadableFrontmatter) {
    const v = validateFrontmatter(parsed.frontmatter);
    fm = v.data;
    for (const item of v.diagnostics) diagnostics.push(item);
  } else if (parsed.readable && !parsed.diagnostics.some((d) => d.ruleId.startsWith('frontmatter'))) {
    diagnostics.push(diagnostic('frontmatter-missing', 'error', 'The postmortem has no front matter; start the file with a `---` block giving at least `title` and `date`', { line: 1, column: 1 }));
  }
  const name = basename(parsed.file, extname(parsed.file));
  const statedZone = fm?.timezone ?? (typeof raw.timezone === 'string' && timeZoneSchema.safeParse(raw.timezone).success ? raw.timezone : null);
  const timezone = statedZone ?? config.timezone;
  // Fields a report gives in its header (labels, a table, headings) stand in for front matter that lacks them.
  const header = headerFields(parsed.sections);
  // Front matter that is not valid YAML still gives its plain title and date lines (lint reports the block).
  const salvaged = unreadableFrontmatter && parsed.frontmatter ? plainLines(parsed.frontmatter.raw) : null;
  // A header that gives no date but a start time ("**Start time:** 2024-01-05 14:32 UTC") dates the incident by it.
  let date = incidentDateOf(parsed, config.dateOrder, header.date ?? salvaged?.get('date') ?? header.started);
  // Times of day in the timeline fall on the incident's day; without one, on the day its start time,
  // the opening sentence or the publication date names ("On July 10, 2024, from 9:00 AM…").
  const opening = date ? null : writtenDay(milestoneKeys.started.map((key) => raw[key]).find((v) => v !== undefined && v !== null), config.dateOrder) ?? labelledDate(parsed) ?? openingDate(parsed, config.dateOrder) ?? publishedKeys.map((key) => writtenDay(raw[key], config.dateOrder)).find((day) => day !== null) ?? writtenDay(salvaged?.get('published'), config.dateOrder) ?? writtenDay(header.published, config.dateOrder);
  const timeline = extractTimeline({ sections: parsed.sections, text: parsed.text, incidentDate: timelineDayOf(parsed, date, config.dateOrder) ?? opening, timezone, zoneStated: statedZone !== null, dateOrder: config.dateOrder });
  for (const item of timeline.diagnostics) diagnostics.push(item);
  // Else the day of the first dated timeline entry, as written (in the timeline's zone), else a
  // date the opening sentence names; last, the day a blog post was published (Hugo `publishDate`,
  // Astro `pubDate`, Hashnode `datePublished`).
  date ??= firstEventDay(timeline.events, timezone) ?? opening;
  // After a front matter syntax error, its date may be there unread: that error says what to fix.
  if (!date && !unreadableFrontmatter) {
    diagnostics.push(diagnostic('frontmatter-schema', 'error', 'No date could be found for this incident; add `date: YYYY-MM-DD` to the front matter', { line: 1, column: 1 }));
  }
  // Some blog engines (Next.js themes) name the title `heading`.
  const title = fm?.title ?? str(raw.title) ?? str(raw.heading) ?? salvaged?.get('title') ?? header.title ?? headingTitle(parsed);
  // Without front matter, frontmatter-missing already asks for a block with a title.
  if (!title && parsed.frontmatter && !unreadableFrontmatter) {
    diagnostics.push(diagnostic('frontmatter-schema', 'error', 'No title could be found for this incident; add `title: …` to the front matter, or start the postmortem with a `# heading`', { line: 1, column: 1 }));
  }
  // Log lines that give no year take the incident's (1970 when it has no date, as it then has errors).
  const logs = extractLogs(parsed, Number((date ?? '1970').slice(0, 4)), timezone);
  const events = mergeLogEvents(timeline.events, logs);

  // The postmortem's zone: the one it states; else the one its timeline writes every time in ("all
  // times PDT"); else the configured one. Milestones written without a zone are read in it.
  const ownZone = statedZone ?? writtenZone(timeline.events);
  const readZone = ownZone ?? timezone;
  const milestone = (key: 'started' | 'detected' | 'mitigated' | 'resolved'): string | null => {
    let value: string | null = null;
    for (const name of milestoneKeys[key]) value ??= fm?.[name] ?? str(raw[name]);
    const labelled = header[key];
    return (value ? toInstant(value, readZone)?.at : undefined) ?? (labelled ? toInstant(labelled, readZone)?.at : undefined) ?? null;
  };
  // The timed events with the key each sorts by, and the first and last of them.
  const timed = events.filter((e) => e.at !== null).map((e) => ({ event: e, key: instantKey(e.at!) }));
  let first: (typeof timed)[number] | null = null;
  let last: (typeof timed)[number] | null = null;
  // Of an entry dated to the day only and one with a time on that day, the one written first came
  // first ("2021-12-10: the flaw is published" above "2021-12-10 15:40: we are told", but not
  // "10-01 evening" below "10-01 09:45"). The last is the last with a time on its day: a day-only
  // entry after it is follow-up work.
  const before = (a: (typeof timed)[number], b: (typeof timed)[number]): boolean => {
    const dayOnlyA = a.event.at!.length === 10;
    if (dayOnlyA !== (b.event.at!.length === 10) && a.event.at!.slice(0, 10) === b.event.at!.slice(0, 10)) return a.event.line < b.event.line;
    return a.key < b.key;
  };
  for (const t of boundCandidates(timed)) {
    if (first === null || before(t, first)) first = t;
    if (last === null || t.key >= last.key) last = t;
  }
  // The earliest event that says it (a timeline may run newest first).
  const byWords = (key: keyof typeof milestoneWords): string | null => {
    let found: (typeof timed)[number] | null = null;
    for (const t of timed) {
      // Only the opening of an entry says what happened then; a timeline told as prose goes on to
      // tell later things ("… 16.5 hours after the incident started").
      if (t.event.source === 'timeline' && (found === null || t.key < found.key) && milestoneWords[key].test(t.event.text.slice(0, milestoneReach))) found = t;
    }
    return found?.event.at ?? null;
  };
  // A window the header gives ("**Duration:** 08:41–09:54 UTC", "**Date:** 2025-05-20 08:41–09:54").
  const windowOf = (value: string | undefined) => (value ? toWindow(value, readZone, date) : null);
  const window = windowOf(header.window) ?? windowOf(header.date) ?? windowOf(fm?.duration ?? str(raw.duration) ?? undefined);
  // The outage window a sentence of the opening, summary or impact states ("went down … from 15:30 to
  // 18:10 UTC"): the report's own word on when the impact began and ended, before the timeline's
  // markers and its first and last entries (which may be background weeks before, or follow-up after).
  const stated = window ? null : statedWindow(parsed.tree, parsed.sections, readZone, date);
  // An explicit start marker ("OUTAGE BEGINS") is when the impact began, even after earlier events.
  const started = milestone('started') ?? window?.start ?? stated?.start ?? byWords('started') ?? first?.event.at ?? null;
  const detected = milestone('detected') ?? byWords('detected');
  const mitigated = milestone('mitigated') ?? byWords('mitigated');
  // A status page that says `resolved: false` is still open: its last update is no resolution.
  const open = /^(?:no|false)$/i.test(String(raw.resolved ?? ''));
  const resolved = milestone('resolved') ?? window?.end ?? stated?.end ?? byWords('ended') ?? (open ? null : last?.event.at) ?? null;
  // A postmortem that states no zone and gives no time of day has none: readers use the configured one.
  const timeOfDay = [started, detected, mitigated, resolved, ...timed.map((t) => t.event.at)].some((at) => at !== null && at.length > 10);
  // Else the zone the header's start or end is written in ("| August 29th 2022, 8:10 CEST |").
  const headerZone = [header.started, header.resolved].map((v) => (v ? readStamp(v.trim())?.zone : null)).find((z) => z);
  const incidentZone = ownZone ?? stated?.zone?.label ?? headerZone?.label ?? (timeOfDay ? readZone : null);

  const description = fm?.description ?? str(raw.description);
  const fmStatus = fm?.status ?? (typeof raw.status === 'string' ? statusSchema.safeParse(normaliseStatus(raw.status)).data : undefined) ?? null;
  // Jekyll's `published: false` keeps a post out of the site, as `draft: true` does.
  const draft = fm?.draft ?? (raw.draft === true || raw.published === false);
  const incident: IncidentFacts = {
    slug: slugify(fm?.slug ?? str(raw.slug) ?? name),
    file: parsed.file,
    title: title ?? name,
    date,
    description: description ?? null,
    tags: fm?.tags ?? taxonomy(raw.tags),
    categories: [...new Set([...(fm?.categories ?? taxonomy(raw.categories)), ...(fm?.category ?? list(raw.category))])],
    severity: fm?.severity ?? str(raw.severity) ?? headerSeverity(header.severity),
    status: fmStatus ?? (draft ? 'draft' : 'published'),
    draft: draft || fmStatus === 'draft',
    authors: fm?.authors ?? fm?.author ?? list(raw.authors ?? raw.author ?? (header.authors ? header.authors.split(/\s*(?:[,;]|\band\b|&)\s*|\s+(?=@)/) : undefined)),
    services: [...new Set(serviceKeys.flatMap((key) => fm?.[key] ?? list(raw[key])))],
    related: fm?.related ?? list(raw.related),
    timezone: incidentZone,
    timeline: events,
    logs,
    actionItems: extractActionItems(parsed.sections),
    sections: parsed.sections.filter((s) => s.node).map((s) => ({ kind: s.kind, heading: s.heading, depth: s.depth, line: s.line })),
    started,
    detected,
    mitigated,
    resolved,
    durationMinutes: minutesBetween(started, resolved),
    timeToDetectMinutes: minutesBetween(started, detected),
    timeToMitigateMinutes: minutesBetween(started, mitigated),
    timeToResolveMinutes: minutesBetween(started, resolved),
  };
  return { incident, diagnostics, frontmatter: fm, dateOrder: timeline.dateOrder };
}
