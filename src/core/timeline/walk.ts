/**
 * Walking the blocks of a timeline section into raw items — entries (with the stamp they were
 * written with) and date lines — before any date is resolved. Every entry shape lands here:
 * list items, table rows, per-entry headings, timed paragraphs and lines of indented code.
 */
import type { Heading, List, ListItem, Paragraph, PhrasingContent, RootContent, Table, TableRow, Code } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { dayOnly, findDates, findZone, openingFourDigits, readStamp, type Stamp, type WrittenDate, type Zone } from '../dates/index.ts';
import { flattenInline, OPEN, plainText, unmark, type TextLine } from './inline.ts';
import { isLabelOnly, readLines, restAfter, trailingStamp, writtenOf, type LineRead } from './lines.ts';
import { looksLikeLogs, parseLogBlock } from '../logs/index.ts';
import type { SectionKind } from '../../../schemas/config.ts';
import { exactSectionKind, sectionKindOf } from '../heading-aliases.ts';
import { labelStandsAlone, paragraphLabel } from '../sections.ts';
import { textStart } from '../plain-text.ts';

/** Languages of a fenced block that can hold a timeline written as plain text. */
const plainLanguages = new Set(['text', 'txt', 'plain', 'plaintext', 'none', 'timeline']);

export interface RawEntry {
  kind: 'entry';
  line: number;
  /** 1-based column of the stamp (or of the text when there is none). */
  column: number;
  stamp: Stamp | null;
  written: string | null;
  parts: string[];
  /** Later untimed paragraphs add to this entry. */
  absorbs: boolean;
  /** The last text given to the entry ends with a colon (kept or not: the entry's text has a cap). */
  introduces?: boolean;
  /** Index of the top-level timeline section the entry is in. */
  section: number;
}

export interface RawDate {
  kind: 'date';
  date: WrittenDate;
  /** From the timeline section's own heading: sets the day, but says nothing about order. */
  fromSectionHeading?: boolean;
  line: number;
  column: number;
  section: number;
}

export type RawItem = RawEntry | RawDate;

/** Where a numeric date was seen, for deciding day/month order. */
export interface NumericSeen {
  date: Extract<WrittenDate, { kind: 'numeric' }>;
  line: number;
  column: number;
  /** Seen only as evidence (a section heading), not as an entry's date. */
  evidenceOnly: boolean;
  written: string;
}

/**
 * A heading left in a template's placeholder braces, `### {{ 06:10 }}`, as its text (`06:10`).
 * Hugo shortcodes (`{{< … >}}`, `{{% … %}}`) and template expressions (`{{ .Title }}`) are not placeholders.
 */
function unwrapPlaceholder(text: string): string {
  if (!text.startsWith('{{') || !text.endsWith('}}')) return text;
  const inner = text.slice(2, -2).trim();
  return /^[^{}<>%.\s-][^{}]*$/.test(inner) ? inner : text;
}

/** Source lines of the file, for columns. */
export class SourceLines {
  private starts: number[] | null = null;
  private readonly text: string;
  constructor(text: string) {
    this.text = text;
  }

  line(n: number): string {
    if (!this.starts) {
      this.starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    }
    const start = this.starts[n - 1];
    if (start === undefined) return '';
    const end = this.starts[n] ?? this.text.length;
    return this.text.slice(start, Math.min(end, start + 4000));
  }

  /** Column of `needle` on line `n`, else of the line's first non-space character. */
  column(n: number, needle: string | null): number {
    const line = this.line(n);
    if (needle) {
      const i = line.indexOf(needle.slice(0, 12));
      if (i !== -1) return i + 1;
    }
    const first = line.search(/\S/);
    return first === -1 ? 1 : first + 1;
  }
}

const MAX_TEXT = 2000;
/** Deepest list/blockquote nesting followed. */
const MAX_NESTING = 32;

const timeHeader = /^(?:time(?:stamp)?s?|when|hour|clock|at|time ?utc|utc time|local time|start(?: time)?|date ?(?:\/|and|&)? ?time|time ?(?:\/|and|&) ?date|datetime)$/;
const dateHeader = /^(?:date|dates|day|days)$/;
const eventHeader = /^(?:events?|descriptions?|what|what happened|details?|actions?|activity|summary|updates?|notes?|messages?|comments?|status|happening|occurrence|incident)$/;

/** The opening of a GitHub alert block quote: "[!NOTE]", "[!WARNING]"… */
const githubAlert = /^\s*\[!(?:note|tip|important|warning|caution)\]/i;

/** "All times in CET", "Times are UTC", "All times approximate": a line about the timeline, not an entry. */
export const metaLine = /^\W{0,4}(?:(?:note|nb)\W{1,3})?(?:all\s+)?(?:times?|timestamps?|dates?(?:\s+and\s+times?)?|hours)\b|^\W{0,4}(?:time\s*zones?|tz)\s*(?:is|are|:|=)|\b(?:all\s+)?(?:times|events|timestamps)\s+(?:are\s+)?(?:in|shown in|given in|listed in|documented in|recorded in|quoted in|stated in|written in|expressed in|reported in)\b/i;
/** A line that is only a zone, or the zones of paired columns: "(UTC+9:30)", "[PST]", "UTC/ACDT". */
const zoneAlone = /^[\s(\[_*]*(?:(?:UTC|GMT)[ \t]*[+\-−][ \t]*\d{1,2}(?::?\d{2})?|[A-Z]{2,5})(?:[ \t]*\/[ \t]*[A-Z]{2,5})?[\s)\]_*]*$/;

/** An image, a linked image, or the space and line breaks between them. */
function isPicture(node: PhrasingContent): boolean {
  if (node.type === 'image' || node.type === 'imageReference' || node.type === 'break') return true;
  if (node.type === 'text') return node.value.trim() === '';
  return node.type === 'link' && node.children.length > 0 && node.children.every(isPicture);
}

/** A pointer elsewhere: "See the Slack thread", "A full timeline is available on the status page". */
const pointerLine = /^\W{0,4}(?:see|for (?:more |the )?details,? see|refer to|(?:a|the) (?:full|complete|detailed) timeline\b)\b/i;
/** A legend for the entries or a note on them: "Types: automated, operator, comms", "Legend: …", "Note: …", "Keep in mind: …". */
const legendLine = /^\W{0,4}(?:(?:event\s+)?types?|legend|key|abbreviations?|note|nb|n\.b\.|please note|keep in mind)\W{0,4}:/i;
/** A sentence that sums up how long the incident took, not an entry of it. */
const durationSummary = /^(?:it took\b|in total\b|the (?:whole |entire )?(?:incident|outage|downtime|disruption) lasted\b|total (?:duration|downtime|time to \w+)\b)/i;
const introWords = /\b(?:timeline|below|following|as follows|chronolog\w*|sequence of events)\b/i;
/** Words that name the timeline itself, in the languages the section names know ("Veldig ca. tidslinje"). */
export const timelineWords = /\b(?:time ?line|chronolog\w*|sequence of events|tidslinje\w*|zeitleiste|zeitlinie|zeitverlauf|cronolog\w*|tijdlijn)\b|タイムライン|时间线|時系列/i;
/**
 * Section kinds whose bold label inside a timeline sets text aside: "**Root causes:**" and the list
 * under it, in a timeline that tells several incidents one after another, are not entries.
 */
const asideKinds: ReadonlySet<SectionKind | 'other'> = new Set(['summary', 'impact', 'rootCause', 'lessons', 'actionItems']);
/**
 * Section kinds whose label with no time in a timeline ("**Resolution:** After identifying…",
 * "- **Resolution**: Kubelet restart required") sums up a part of the incident: no entry, nor
 * an entry's text. With a time ("**Resolution:** 14:05 restarted") it is an entry.
 */
const summaryKinds: ReadonlySet<SectionKind | 'other'> = new Set(['resolution', 'detection', 'trigger']);
/** Something that looks like a time of day: "14:05", "2.30pm", "9am". */
const clockLike = /\d{1,2}[:.h]\d{2}|\d{1,2}\s?[ap]\.?m\b/i;
/** A line that opens with a bold field name (marked by `flattenInline`): "**Duration:** 21:45 to 23:28 UTC". */
const fieldLine = /^\s*\uE000[A-Za-z][\w /()-]{0,40}(?::\uE001|\uE001:)/;
/**
 * cState's shortcode that dates a status update: `{{< track "2019-09-29 21:00:00" >}}`, alone on its
 * line or ending the update's last line (spaces around it allowed).
 */
export const trackShortcode = /\{\{[<%][ \t]*track[ \t]+"([^"\n]{4,40})"[ \t]*[%>]\}\}\s*$/;
/**
 * Statusfy's update block opening, `::: update Monitoring | 2021-01-14T11:03:46.693Z`: its status and
 * its time; null for any other line. (Split by hand: a pattern around the bar backtracks on long lines.)
 */
export function statusfyUpdate(line: string): { status: string; time: string } | null {
  const open = /^:::[ \t]*update\b/i.exec(line);
  if (!open) return null;
  const rest = line.slice(open[0].length);
  const bar = rest.indexOf('|');
  if (bar === -1 || rest.includes('|', bar + 1) || rest.includes('\n')) return null;
  return { status: rest.slice(0, bar).trim(), time: rest.slice(bar + 1).trim() };
}
/** A line that is one bold run and nothing else (markers from `flattenInline`). */
const boldAlone = /^\s*\uE000[^\uE000\uE001]*\uE001\s*$/;
const templateTag = /^\s*(?:\{%.*%\}|\{\{.*\}\})\s*$/s;
const attributeList = /^\s*\{:[^}]*\}\s*$/;

/** A year a postmortem may name, which four digits opening an entry may be. */
function plausibleYear(n: number): boolean {
  return n >= 1900 && n <= 2039;
}

/**
 * Whether a section writes its times as four digits: three or more of its paragraphs and list
 * items open with four digits a clock can read, at least one of
 * them no year ("0341", "1738", "2046"), and they run forward (once past midnight at most). Then
 * "1923: …" among them is 19:23, not the year 1923. A list of error codes or ports ("1040: Too
 * many connections", "1433: SQL Server") does not run forward as times do, or holds years.
 */
function fourDigitTimes(blocks: readonly RootContent[]): boolean {
  const values: number[] = [];
  const look = (p: RootContent | undefined) => {
    const opening = p?.type === 'paragraph' ? openingFourDigits(textStart(p, 12)) : null;
    if (opening !== null) values.push(opening);
  };
  for (const block of blocks) {
    if (block.type === 'list') for (const item of block.children) look(item.children[0]);
    else look(block);
  }
  return timesInFourDigits(values);
}

/** Whether the four digits that open a section's lines, in order, are times (see `fourDigitTimes`). */
export function timesInFourDigits(values: readonly number[]): boolean {
  if (values.length < 3 || values.every(plausibleYear)) return false;
  let back = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! < values[i - 1]!) back++;
  return back <= 1;
}

/**
 * Whether timestamped lines tell what happened in words ("2024-05-06T10:15:00+02:00  disk alert on
 * db-1") rather than as a program logs it: no level, program, host or `key=value` fields.
 */
function toldInProse(text: string): boolean {
  const entries = parseLogBlock(text.slice(0, 20_000), 1, { year: 2000, timezone: 'UTC' });
  const prose = entries.filter((e) => e.level === null && e.unit === null && e.host === null && e.kind === 'other' && !/\w=\S|^[\w.\/-]+(?:\[\d+\])?:\s/.test(e.message));
  return entries.length > 0 && prose.length * 4 >= entries.length * 3;
}

export class TimelineWalker {
  readonly items: RawItem[] = [];
  readonly numeric: NumericSeen[] = [];
  /** Zone stated for each top-level section ("Timeline (all times PDT)", "All times in CET"). */
  readonly sectionZones: (Zone | null)[] = [];
  /** The zone the section's entries wrote (one zone, by its label), 'several' when they wrote more than one, null when none. */
  readonly sectionEntryZones: (Zone | 'several' | null)[] = [];

  private section = 0;
  private current: RawEntry | null = null;
  /** Under a bold label of another kind of section ("**Root causes:**"), up to the next label or heading. */
  private aside = false;
  /** Where the items stood at each of the section's rules (`---`), for `dropFooter`. */
  private breaks: number[] = [];
  /** The last paragraph read, when the current entry took it as more of its text. */
  private continued: RootContent | null = null;
  /** Only timed entries are kept (status updates: see `readUpdates`). */
  private timedOnly = false;
  /** Inside a note on the timeline (a GitHub alert): untimed text there is no entry. */
  private inNote = false;
  /** The section writes its times as four digits ("1738: …"): see `fourDigitTimes`. */
  private hhmm = false;
  private readonly source: SourceLines;
  /** Read a fenced block of timestamped lines as entries even when they look like logs (see `extract`). */
  private readonly logsAreEntries: boolean;
  /** The blocks that look like logs but were read as entries: they are the timeline's, not logs. */
  readonly logBlocksRead = new Set<Code>();

  constructor(source: SourceLines, { logsAreEntries = false } = {}) {
    this.source = source;
    this.logsAreEntries = logsAreEntries;
  }

  /**
   * Reads status updates written as headings, for documents with no timeline section: each heading
   * is an entry, and what is under it is its text (a story told under "## 8:25 AM - Diagnosis"
   * starts no untimed entries of its own).
   */
  readUpdates(blocks: readonly RootContent[]): void {
    this.timedOnly = true;
    try {
      this.readSection(null, blocks);
    } finally {
      this.timedOnly = false;
    }
  }

  /** Reads a top-level timeline section: its heading, then its blocks (subsections included). */
  readSection(heading: Heading | null, children: readonly RootContent[]): void {
    this.section = this.sectionZones.length;
    this.sectionZones.push(null);
    this.sectionEntryZones.push(null);
    this.current = null;
    this.aside = false;
    if (heading) {
      const text = plainText(flattenInline(heading.children, heading.position?.start.line ?? 1));
      const zone = findZone(text);
      if (zone) this.sectionZones[this.section] = zone;
      const line = heading.position?.start.line ?? 1;
      const dates = findDates(text);
      for (const d of dates) {
        if (d.date.kind === 'numeric') this.noteNumeric(d.date, line, this.source.column(line, null), true, text.slice(d.index, d.index + 10));
      }
      // A timeline heading with a date ("Timeline — 2023-08-25") sets the day for what follows.
      if (dates[0]) this.items.push({ kind: 'date', date: dates[0].date, line, column: this.source.column(line, null), section: this.section, fromSectionHeading: true });
    }
    const from = this.items.length;
    this.breaks = [];
    this.hhmm = fourDigitTimes(children);
    this.readBlocks(children, 0);
    this.dropFooter(from);
  }

  /**
   * Untimed text after a rule that follows the last timed entry of a timeline is its footer ("---"
   * then "This follows Google's example postmortem.", or a list of the services affected), not
   * entries.
   */
  private dropFooter(from: number): void {
    let lastTimed = -1;
    for (let i = this.items.length - 1; i >= from; i--) {
      const item = this.items[i]!;
      if (item.kind === 'entry' && item.stamp !== null) {
        lastTimed = i;
        break;
      }
    }
    const at = lastTimed === -1 ? undefined : this.breaks.find((b) => b > lastTimed);
    if (at === undefined || at >= this.items.length) return;
    if (this.items.slice(at).every((i) => i.kind === 'entry' && i.stamp === null)) this.items.length = at;
  }

  /**
   * Reads a day or entry heading written at the timeline's own level ("## May 12" or "## 13:20"
   * after "## Timeline") as part of the timeline section before it: its zone and day carry on.
   */
  continueSection(heading: Heading, children: readonly RootContent[]): void {
    this.aside = false;
    this.hhmm ||= fourDigitTimes(children);
    this.readBlocks([heading, ...children], 0);
  }

  /** Reads stray paragraphs that open with a bold date and time, for documents with no timeline section. */
  readLooseParagraphs(blocks: readonly RootContent[]): void {
    this.section = this.sectionZones.length;
    this.sectionZones.push(null);
    this.sectionEntryZones.push(null);
    // An update whose bold line stands alone ("**13:30 11th Feb - update 1**") goes on in the
    // paragraphs under it, up to a rule, another block or the next update.
    let open: RawEntry | null = null;
    for (const block of blocks) {
      if (block.type !== 'paragraph') {
        open = null;
        continue;
      }
      const lines = this.lines(block);
      const first = lines[0];
      const clean = first ? unmark(first.text) : '';
      const stamp = first?.text.trimStart().startsWith(OPEN) ? readStamp(clean, 0, { hhmm: this.hhmm }) : null;
      if (!first || !stamp || !stamp.date || !stamp.time) {
        if (open) this.addText(open, plainText(lines));
        continue;
      }
      const written = writtenOf(clean, stamp);
      const entry = this.newEntry(stamp, written, first.line, restAfter(clean, stamp));
      for (const l of lines.slice(1)) this.addText(entry, unmark(l.text));
      open = lines.length === 1 && boldAlone.test(first.text) ? entry : null;
      this.current = null;
    }
  }

  private readBlocks(blocks: readonly RootContent[], nesting: number): void {
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      if (block.type === 'paragraph' && this.readLabel(block)) continue;
      if (this.aside && block.type !== 'heading' && block.type !== 'thematicBreak') continue;
      switch (block.type) {
        case 'heading': {
          this.aside = false;
          let j = i + 1;
          while (j < blocks.length && blocks[j]!.type !== 'heading') j++;
          const body = blocks.slice(i + 1, j);
          const swallow = this.readHeading(block, body);
          // A heading that is one entry (dated by its first paragraph) covers its body: no entries in there.
          if (swallow) i = j - 1;
          break;
        }
        case 'paragraph': {
          const entry = this.current;
          const items = this.items.length;
          this.readParagraph(block, blocks[i + 1]);
          // An untimed paragraph the entry above took as more of its text.
          this.continued = entry !== null && this.current === entry && this.items.length === items ? block : null;
          break;
        }
        case 'list': {
          // A time alone ("**15:00 UTC**") with its story as the list below it: untimed items are its text.
          const bare = this.current && this.current.stamp && this.current.parts.every((p) => p.trim() === '') ? this.current : null;
          // An entry that ends with a colon ("The change lands with a test that:") has the list as its detail.
          const lead = this.current?.introduces ? this.current : null;
          // A list right under a timed paragraph or heading ("**02:22** - Ran terraform apply" / "- It replaced …"): its untimed items are that entry's detail.
          const previous = blocks[i - 1];
          const under = (previous?.type === 'paragraph' || previous?.type === 'heading') && this.current?.stamp && previous.position
            && this.current.line >= previous.position.start.line && this.current.line <= previous.position.end.line ? this.current : null;
          // A list right after a paragraph a timed entry took as its text goes on telling that entry
          // ("…To restore without data loss we needed to" / "1. Restore the weekly backup").
          const after = previous && previous === this.continued && this.current?.stamp ? this.current : null;
          // A list on the very next line after a list whose last item is timed, indented too little to
          // nest ("15. **17 December 2024, 12:21 – …**" over "   - A new link …"), is that item's detail.
          const nested = previous?.type === 'list' && this.current?.stamp && previous.position && block.position
            && block.position.start.line === previous.position.end.line + 1 ? this.current : null;
          this.readList(block, 0, bare ?? lead ?? under ?? after ?? nested);
          break;
        }
        case 'table':
          this.readTable(block);
          break;
        case 'code':
          if (this.isIndentedCode(block)) this.readCodeLines(block);
          else this.readFencedTimeline(block);
          break;
        case 'blockquote': {
          let quote = block;
          while (quote.children.length === 1 && quote.children[0]!.type === 'blockquote') quote = quote.children[0];
          if (nesting >= MAX_NESTING) break;
          // A GitHub alert ("> [!NOTE]") is a note on the timeline: it may give its zone or day, but no entries.
          const alert = quote.children[0]?.type === 'paragraph' && githubAlert.test(toString(quote.children[0]));
          const wasNote = this.inNote;
          this.inNote ||= alert;
          try {
            this.readBlocks(quote.children, nesting + 1);
          } finally {
            this.inNote = wasNote;
          }
          break;
        }
        case 'thematicBreak':
          this.current = null;
          if (nesting === 0) this.breaks.push(this.items.length);
          break;
        default:
          break;
      }
    }
  }

  /**
   * A paragraph that opens with a bold label: "**Timeline:**" alone introduces entries. A label
   * naming another kind of section is not an entry: standing alone ("**Root causes:**") it sets the
   * blocks under it aside, up to the next label or heading; with text ("**Impact:** …") it is set
   * aside itself. Any other label alone ("**Notes:**") heads what follows, as a heading would, and a
   * block of labelled fields, one per line ("**Duration:** …" / "**Impact:** …"), is no entry either.
   * Returns true when the paragraph is not to be read as entries.
   */
  private readLabel(node: Paragraph): boolean {
    const label = paragraphLabel(node);
    if (!label || label.name.length > 60 || readStamp(label.name)) return false;
    this.aside = false;
    const kind = exactSectionKind(label.name);
    const alone = labelStandsAlone(label);
    if (kind === 'timeline') return alone;
    if (asideKinds.has(kind)) {
      // "**Root causes:**" alone sets aside the blocks under it; "**Impact:** …" only its own text.
      this.aside = alone;
      this.current = null;
      return true;
    }
    const lines = this.lines(node);
    // "**Resolution:** After identifying…" after the entries (`summaryKinds`).
    if (!alone && summaryKinds.has(kind) && !readStamp(unmark(lines[0]?.text ?? '').replace(/^[^:]*:\s*/, ''))) {
      this.current = null;
      return true;
    }
    // A label alone ("**Notes:**") heads what follows, as a heading would; so does a block of fields.
    if (alone || (lines.length > 1 && lines.every((l) => fieldLine.test(l.text)))) {
      this.current = null;
      return true;
    }
    return false;
  }

  // ---- headings ----

  /** Returns the entry that swallows the heading's body as its text, when the heading is one entry. */
  private readHeading(node: Heading, body: readonly RootContent[]): RawEntry | null {
    const line = node.position?.start.line ?? 1;
    const lines = flattenInline(node.children, line);
    const text = unwrapPlaceholder(plainText(lines));
    this.current = null;
    if (!text) return null;
    const stamp = readStamp(text);
    if (stamp && !stamp.placeholder) {
      const rest = restAfter(text, stamp);
      const written = writtenOf(text, stamp);
      this.noteStamp(stamp, line, written);
      if (dayOnly(stamp) && (isLabelOnly(rest) || this.bodyHasEntries(body))) {
        this.items.push({ kind: 'date', date: stamp.date, line, column: this.source.column(line, written), section: this.section });
        const zone = isLabelOnly(rest) ? findZone(rest) : null;
        if (zone && !this.sectionZones[this.section]) this.sectionZones[this.section] = zone;
        return null;
      }
      // "### 14:05 — DNS fails" or "### 2022-01-27 11:00" (its paragraphs are the text).
      const entry = this.newEntry(stamp, written, line, rest);
      if (!rest) entry.absorbs = true;
      return null;
    }
    if (stamp?.placeholder) {
      this.newEntry(stamp, writtenOf(text, stamp), line, restAfter(text, stamp));
      return null;
    }
    // A heading that names a day somewhere in a few words: "Day 2 (2023-08-26)".
    const dates = findDates(text);
    if (dates.length === 1 && text.split(/\s+/).length <= 6 && !/\d{1,2}:\d{2}/.test(text)) {
      const d = dates[0]!;
      const without = `${text.slice(0, d.index)} ${text.slice(d.end)}`;
      if (isLabelOnly(without) || without.trim().split(/\s+/).length <= 2) {
        if (d.date.kind === 'numeric') this.noteNumeric(d.date, line, this.source.column(line, null), false, text.slice(d.index, d.index + 10));
        this.items.push({ kind: 'date', date: d.date, line, column: this.source.column(line, null), section: this.section });
        return null;
      }
    }
    // A heading over sub-headings, images or code only ("### Phase 1", "### Graphs") is not an event.
    if (!body.some((b) => b.type === 'paragraph' || b.type === 'list')) return null;
    if (this.bodyHasEntries(body)) return null;
    // A heading that names another part of the report ("### Key Evidence from Logs", "### Root causes")
    // sets its blocks aside, as such a label does.
    const kind = sectionKindOf(text);
    if (asideKinds.has(kind) || kind === 'logs') {
      this.aside = true;
      return null;
    }
    // A heading that names a part of the timeline ("### Timeline of troubleshooting") is no entry: its
    // paragraphs are.
    if (kind === 'timeline') return null;
    // A heading per entry with its time in the first paragraph: "### API outage (Major)" / "On 23 April 2026, 1AM SAST, …".
    const first = body.find((b) => b.type === 'paragraph') as Paragraph | undefined;
    let leadStamp: Stamp | null = null;
    let written: string | null = null;
    if (first) {
      const firstLines = this.lines(first);
      const lead = firstLines[0] ? unmark(firstLines[0].text) : '';
      const s = readStamp(lead);
      if (s && !s.placeholder) {
        leadStamp = s;
        written = writtenOf(lead, s);
        this.noteStamp(s, firstLines[0]!.line, written);
      }
    }
    const entry = this.newEntry(leadStamp, written, line, text);
    entry.column = this.source.column(line, null);
    return entry;
  }

  /** Whether blocks under a heading hold entries of their own (timed list items, rows, paragraphs). */
  private bodyHasEntries(body: readonly RootContent[]): boolean {
    let paragraphs = 0;
    for (const b of body) {
      if (b.type === 'table') return true;
      if (b.type === 'list') {
        if (b.children.some((item) => this.itemStamp(item) !== null)) return true;
      } else if (b.type === 'paragraph') {
        const reads = readLines(this.lines(b), { hhmm: this.hhmm });
        const stamped = reads.filter((r) => r.kind !== 'text').length;
        if (stamped > 1 || (stamped === 1 && paragraphs > 0)) return true;
        paragraphs++;
      } else if (b.type === 'code' && this.isIndentedCode(b)) {
        if (readLines(this.codeLines(b), { hhmm: this.hhmm }).some((r) => r.kind !== 'text')) return true;
      }
    }
    return false;
  }

  private itemStamp(item: ListItem): Stamp | null {
    const first = item.children[0];
    if (!first || first.type !== 'paragraph') return null;
    const l = this.lines(first)[0];
    const s = l ? readStamp(unmark(l.text), 0, { hhmm: this.hhmm }) : null;
    return s && !s.placeholder ? s : null;
  }

  // ---- paragraphs ----

  private readParagraph(node: Paragraph, next: RootContent | undefined): void {
    // A graph pasted between the entries ("![CoreDNS QPS](qps.png)") is no entry.
    if (node.children.every(isPicture)) return;
    const lines = this.lines(node);
    if (lines.length === 0) return;
    const full = plainText(lines);
    const line = lines[0]!.line;
    if (full.length <= 2000 && (templateTag.test(full) || attributeList.test(full))) {
      this.readContextLine(full, line);
      return;
    }
    const reads = readLines(lines, { hhmm: this.hhmm });
    const opensWithStamp = reads[0]!.kind !== 'text';
    // A legend of the table below ("**Types:** `automated`, `operator`, …") or a note on the timeline
    // itself ("Note: I compiled this from the chat transcript") is no entry.
    if (!opensWithStamp && full.length <= 600 && legendLine.test(full)) return;
    // A pointer elsewhere ("See the #incident channel for the chat") is no entry either.
    if (!opensWithStamp && full.length <= 300 && pointerLine.test(full)) return;
    // A line about the timeline ("All times in CET") gives its zone; so does a zone alone on its line
    // ("(UTC+9:30)"), which is an entry when it names no zone after all.
    const meta = !opensWithStamp && full.length <= 200 && metaLine.test(full);
    if (meta || (!opensWithStamp && full.length <= 40 && zoneAlone.test(full))) {
      const zone = findZone(full);
      if (zone && !this.sectionZones[this.section]) this.sectionZones[this.section] = zone;
      // "All events happened on 24 July 2025. Times are quoted in …": the day of the entries below.
      const day = meta ? findDates(full).find((d) => d.date.kind === 'ymd') : undefined;
      if (day) this.items.push({ kind: 'date', date: day.date, line, column: this.source.column(line, null), section: this.section });
      if (meta || zone) return;
    }
    if (this.inNote && !opensWithStamp) return;
    // "The timeline of events:" or "Below is what happened." introducing a list or table is not an entry.
    const introduces = next && (next.type === 'list' || next.type === 'table');
    if (!opensWithStamp && introduces && !this.current && (/:\s*$/.test(full) || (full.length <= 300 && introWords.test(full)))) return;
    // A line about the timeline before its first entry ("A timeline of the events important to the
    // incident.", "(Using GitHub handles as identifiers)") describes it.
    if (!opensWithStamp && !this.current && lines.length <= 2 && full.length <= 300 && (timelineWords.test(full) || /^\([^()]*\)$/.test(full.trim()))) return;
    // A template's prompt left in: "What was the exact timeline of the relevant events?"
    if (!opensWithStamp && full.length <= 300 && /\?\s*$/.test(full) && introWords.test(full)) return;
    // A summary of the whole before its first entry: "It took 91 minutes from the first report to the fix."
    if (!opensWithStamp && !this.current && full.length <= 400 && durationSummary.test(full)) return;
    if (!opensWithStamp && this.readStampsAfterText(reads)) return;
    this.readReads(reads, false);
  }

  /**
   * Status-page updates pasted as a timeline: text, then the time alone on the next line
   * ("**Resolved** - This incident has been resolved." / "Jan 5, 14:32 UTC"). When every timed line
   * of a paragraph is a bare time after text, each time dates the text before it.
   */
  private readStampsAfterText(reads: readonly LineRead[]): boolean {
    const last = reads[reads.length - 1]!;
    if (last.kind !== 'entry' || last.rest !== '') return false;
    for (let k = 0; k < reads.length; k++) {
      const r = reads[k]!;
      if (r.kind === 'date' || (r.kind === 'entry' && (r.rest !== '' || k === 0 || reads[k - 1]!.kind !== 'text'))) return false;
    }
    let texts: string[] = [];
    for (const r of reads) {
      if (r.kind === 'text') {
        texts.push(r.text);
        continue;
      }
      if (r.kind !== 'entry') continue;
      this.noteStamp(r.stamp, r.line, r.written);
      const entry = this.newEntry(r.stamp, r.written, r.line, texts[0]!);
      for (const t of texts.slice(1)) this.addText(entry, t);
      texts = [];
    }
    this.current = null;
    return true;
  }

  /** A template tag line (`{% include date.html day="2016-04-11 18:25" zone="US/Pacific" %}`): context only. */
  private readContextLine(text: string, line: number): void {
    const dates = findDates(text);
    if (dates[0]) this.items.push({ kind: 'date', date: dates[0].date, line, column: this.source.column(line, null), section: this.section });
    const zone = findZone(text);
    if (zone && !this.sectionZones[this.section]) this.sectionZones[this.section] = zone;
  }

  /**
   * Turns the lines of one block into entries. Untimed text continues the block's own entry, or
   * the previous entry when that one has a readable stamp; otherwise it is an entry of its own.
   */
  private readReads(reads: readonly LineRead[], alwaysEntry: boolean): RawEntry | null {
    let own: RawEntry | null = null;
    let first: RawEntry | null = null;
    for (const r of reads) {
      if (r.kind === 'date') {
        this.noteStamp(r.stamp, r.line, r.written);
        // "2015-10-21 (all times UTC)"
        const zone = r.rest ? findZone(r.rest) : null;
        if (zone && !this.sectionZones[this.section]) this.sectionZones[this.section] = zone;
        this.items.push({ kind: 'date', date: r.stamp.date!, line: r.line, column: this.source.column(r.line, r.written), section: this.section });
        this.current = null;
        own = null;
        continue;
      }
      if (r.kind === 'entry') {
        this.noteStamp(r.stamp, r.line, r.written);
        own = this.newEntry(r.stamp, r.written, r.line, r.rest);
        first ??= own;
        continue;
      }
      const target = own ?? (!alwaysEntry && this.current && this.current.absorbs ? this.current : null);
      if (target) {
        this.addText(target, r.text);
      } else {
        own = this.newEntry(null, null, r.line, r.text);
        first ??= own;
      }
    }
    return first;
  }

  // ---- lists ----

  private readList(list: List, depth: number, parent: RawEntry | null): void {
    if (depth > MAX_NESTING) return;
    const trailing = this.timesAtEnd(list);
    // Untimed items are the detail of the entry above them: the parent's, or a timed item's before them.
    let owner = parent;
    for (const item of list.children) {
      this.readItem(item, depth, owner, trailing);
      if (owner && this.current && this.current !== owner && this.current.stamp) owner = this.current;
    }
  }

  /**
   * Whether a list tells its entries' times at their end ("… at 2021-02-13 5:37 AM UTC"): two or
   * more items, and at least half of them, with no time first and a full date and time last.
   */
  private timesAtEnd(list: List): boolean {
    // Only a list with two items or more saying "at" or "on" on their first line needs a closer look.
    const candidates = list.children.filter((item) => item.position && / (?:at|on) /i.test(this.source.line(item.position.start.line)));
    if (candidates.length < 2 || candidates.length * 2 < list.children.length) return false;
    let found = 0;
    for (const item of candidates) {
      const head = item.children[0];
      if (head?.type !== 'paragraph') continue;
      const first = unmark(this.lines(head)[0]?.text ?? '');
      if (!readStamp(first) && trailingStamp(first)) found++;
    }
    return found >= 2 && found * 2 >= list.children.length;
  }

  private readItem(item: ListItem, depth: number, parent: RawEntry | null, trailing = false): void {
    const [head, ...others] = item.children;
    const reads = head && head.type === 'paragraph' ? readLines(this.lines(head), { trailing, hhmm: this.hhmm }) : [];
    const nestedLists = others.filter((b): b is List => b.type === 'list');
    const firstRead = reads[0];
    // "- **Impact**: Blocks were missed" between the entries says what a phase did; it is no entry.
    const label = head?.type === 'paragraph' && firstRead?.kind === 'text' ? paragraphLabel(head) : null;
    const labelKind = label ? exactSectionKind(label.name) : 'other';
    if (asideKinds.has(labelKind)) return;
    // "- **Resolution**: Kubelet restart required on both nodes" closing the list (`summaryKinds`).
    if (label && summaryKinds.has(labelKind) && !clockLike.test(reads.map((r) => (r.kind === 'text' ? r.text : r.written)).join(' '))) return;
    // A nested item without a time of its own belongs to its parent's text.
    if (parent && (!firstRead || firstRead.kind === 'text')) {
      this.addText(parent, reads.map((r) => (r.kind === 'text' ? r.text : `${r.written} ${r.rest}`)).join(' '));
      for (const b of others) {
        if (b.type === 'list') this.readList(b, depth + 1, parent);
        else this.addText(parent, this.blockText(b));
      }
      return;
    }
    // "- **Monday 21 April**" with the day's entries nested below it.
    if (firstRead?.kind === 'date' && reads.length === 1 && nestedLists.length > 0) {
      this.noteStamp(firstRead.stamp, firstRead.line, firstRead.written);
      this.items.push({ kind: 'date', date: firstRead.stamp.date!, line: firstRead.line, column: this.source.column(firstRead.line, firstRead.written), section: this.section });
      this.current = null;
      for (const b of others) {
        if (b.type === 'list') this.readList(b, depth + 1, null);
      }
      return;
    }
    let entry: RawEntry;
    if (!firstRead) {
      entry = this.newEntry(null, null, item.position?.start.line ?? 1, '');
    } else {
      const asEntries = firstRead.kind === 'date' ? [{ ...firstRead, kind: 'entry' as const }, ...reads.slice(1)] : reads;
      entry = this.readReads(asEntries, true)!;
    }
    let last = this.current ?? entry;
    for (const b of others) {
      if (b.type === 'list') this.readList(b, depth + 1, last);
      else if (b.type === 'paragraph') this.addText(last, plainText(this.lines(b)));
      else if (b.type !== 'code' || this.isIndentedCode(b)) this.addText(last, this.blockText(b));
      last = this.current ?? last;
    }
    this.current = last;
  }

  // ---- tables ----

  private readTable(table: Table): void {
    const [header, ...rows] = table.children;
    if (!header) return;
    const headerTexts = header.children.map((c) => plainText(this.lines(c)));
    const names = headerTexts.map((h) => h.toLowerCase().replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').replace(/[^a-z/&]+/g, ' ').trim());
    const cellText = (row: TableRow, i: number): string => {
      const cell = row.children[i];
      return cell ? plainText(this.lines(cell)) : '';
    };
    let timeCol = names.findIndex((n) => timeHeader.test(n));
    const namedTimeCol = timeCol;
    // A "Date" column before a "Day" one: the day of the week alone says less.
    const dateCols = names.flatMap((n, i) => (i !== timeCol && dateHeader.test(n) ? [i] : []));
    const dateCol = dateCols.find((i) => names[i]!.startsWith('date')) ?? dateCols[0] ?? -1;
    if (timeCol === -1 && dateCol !== -1) timeCol = dateCol;
    const separateDate = dateCol !== -1 && dateCol !== timeCol ? dateCol : -1;
    if (timeCol === -1) timeCol = this.stampColumn(rows, header.children.length, cellText);
    const headerZone = timeCol !== -1 ? findZone(headerTexts[timeCol] ?? '') : null;
    let eventCol = names.findIndex((n, i) => i !== timeCol && i !== separateDate && eventHeader.test(n));
    if (eventCol === -1) {
      let best = -1;
      for (let i = 0; i < header.children.length; i++) {
        if (i === timeCol || i === separateDate) continue;
        const total = rows.reduce((sum, r) => sum + cellText(r, i).length, 0);
        if (total > best) {
          best = total;
          eventCol = i;
        }
      }
    }
    for (const row of rows) {
      const cells = row.children.map((_, i) => cellText(row, i));
      const joined = cells.join(' ').trim();
      if (!joined || (joined.length <= 2000 && attributeList.test(joined))) continue;
      const line = row.position?.start.line ?? 1;
      if (timeCol === -1) {
        this.readReads(readLines([{ text: cells.join(' | '), line, hard: true }]), true);
        continue;
      }
      const rawTime = cells[timeCol] ?? '';
      // "0730" in a column headed "Time" is 07:30 (four digits elsewhere are no time without a zone).
      const hhmm = timeCol === namedTimeCol ? /^([01]\d|2[0-3])([0-5]\d)$/.exec(rawTime.trim()) : null;
      const timeCell = hhmm ? `${hhmm[1]}:${hhmm[2]}` : rawTime;
      const timeText = separateDate !== -1 ? `${cells[separateDate] ?? ''} ${timeCell}`.trim() : timeCell;
      const text = eventCol !== -1 ? (cells[eventCol] ?? '') : cells.filter((_, i) => i !== timeCol && i !== separateDate).join(' | ');
      const stamp = timeText ? readStamp(timeText) : null;
      // "Time (UTC)": the header's zone holds for the column.
      if (stamp && !stamp.zone && headerZone) stamp.zone = headerZone;
      // A broken row: a line of text the table swallowed, continuing the row above.
      const onlyFirst = cells.slice(1).every((c) => c === '') && row.children.length < header.children.length;
      if (!stamp && onlyFirst && this.current) {
        this.addText(this.current, joined);
        continue;
      }
      // The time as the cell wrote it ("0730"), not as it was read.
      const read = stamp ? writtenOf(timeText, stamp) : null;
      const written = read !== null && hhmm ? read.replace(timeCell, () => rawTime.trim()) : (read ?? (timeText || null));
      if (stamp) this.noteStamp(stamp, line, written ?? '');
      // A row that only names a day ("| **May 6** | |") dates the rows under it.
      if (dayOnly(stamp) && text.trim() === '' && separateDate === -1) {
        this.items.push({ kind: 'date', date: stamp.date, line, column: this.source.column(line, written), section: this.section });
        this.current = null;
        continue;
      }
      this.newEntry(stamp, written, line, text);
    }
  }

  /** The column whose cells mostly open with a date or time, or -1. */
  private stampColumn(rows: readonly TableRow[], width: number, cellText: (r: TableRow, i: number) => string): number {
    for (let i = 0; i < width; i++) {
      let filled = 0;
      let stamped = 0;
      for (const r of rows.slice(0, 200)) {
        const t = cellText(r, i);
        if (!t) continue;
        filled++;
        const s = readStamp(t);
        if (s && (s.date || s.time || s.after !== undefined)) stamped++;
      }
      if (filled > 0 && stamped * 2 >= filled) return i;
    }
    return -1;
  }

  // ---- indented code ----

  /** Indented (not fenced) code in a timeline is almost always entries indented by mistake. */
  private isIndentedCode(node: Code): boolean {
    if (!node.position) return false;
    return !/^\s{0,3}(?:```|~~~)/.test(this.source.line(node.position.start.line));
  }

  /** The non-blank lines of a code block's text, the first numbered `start` (for a fenced block, the line after its fence). */
  private codeLines(node: Code, start = node.position?.start.line ?? 1): TextLine[] {
    return node.value
      .slice(0, 200_000)
      .split('\n')
      .map((text, k) => ({ text, line: start + k, hard: true }))
      .filter((l) => /\S/.test(l.text));
  }

  /** An indented code block that is a timeline list indented by mistake: its list markers are no part of the entries. */
  private readCodeLines(node: Code): void {
    const lines = this.codeLines(node).map((l) => ({ ...l, text: l.text.replace(/^\s*(?:[-*+]|\d{1,3}[.)])[ \t]+/, '') }));
    this.readReads(readLines(lines, { hhmm: this.hhmm }), false);
  }

  /**
   * A timeline written in a fenced block of plain text ("09:02  sentinel marks primary down" a line):
   * read when most of its lines open with a time and it does not read as logs (logs are the log
   * reader's, and become timeline events from there).
   */
  private readFencedTimeline(node: Code): void {
    if (node.lang && !plainLanguages.has(node.lang.toLowerCase())) return;
    const lines = this.codeLines(node, (node.position?.start.line ?? 1) + 1);
    if (lines.length === 0 || lines.length > 2000) return;
    // Lines of arrows or rules between the entries ("↓", "|") are drawing, not text.
    const written = lines.filter((l) => /[\p{L}\p{N}]/u.test(l.text));
    const reads = readLines(written);
    if (reads.filter((r) => r.kind === 'entry').length * 2 < written.length) return;
    if (looksLikeLogs(node.value)) {
      if (!this.logsAreEntries || !toldInProse(node.value)) return;
      this.logBlocksRead.add(node);
    }
    this.readReads(reads, false);
  }

  // ---- helpers ----

  /** Lines of a block with inline content (paragraph, heading, table cell). */
  private lines(node: { children: PhrasingContent[]; position?: { start: { line: number } } }): TextLine[] {
    const lines = flattenInline(node.children, node.position?.start.line ?? 1);
    // cState's `{{< track "2019-09-29 21:00:00" >}}` under an update, or ending it, is its time: a line of its own.
    // Statusfy's `::: update Monitoring | 2021-01-14T11:03:46Z` opens an update with its time; `:::` closes it.
    // Most lines are neither: they are passed on as they are.
    if (!lines.some((l) => l.text.startsWith(':::') || l.text.includes('{{'))) return lines;
    return lines.flatMap((l) => {
      const update = statusfyUpdate(l.text);
      if (update) return [{ ...l, text: `${update.time} ${update.status || 'Update'}:`, hard: true }];
      if (/^:::\s*$/.test(l.text)) return [];
      const track = trackShortcode.exec(l.text);
      if (!track) return [l];
      const before = l.text.slice(0, track.index);
      return before.trim() ? [{ ...l, text: before.trimEnd() }, { ...l, text: track[1]!, hard: true }] : [{ ...l, text: track[1]! }];
    });
  }

  /** Plain text of any block (for text swallowed into an entry). */
  private blockText(block: RootContent, depth = 0): string {
    if (depth > MAX_NESTING) return '';
    if (block.type === 'paragraph' || block.type === 'heading') return plainText(this.lines(block));
    if (block.type === 'list') return block.children.map((item) => item.children.map((b) => this.blockText(b, depth + 1)).join(' ')).join('; ');
    if (block.type === 'blockquote') return block.children.map((b) => this.blockText(b, depth + 1)).join(' ');
    if (block.type === 'table') return block.children.map((r) => r.children.map((c) => plainText(this.lines(c))).join(' | ')).join('; ');
    return '';
  }

  private newEntry(stamp: Stamp | null, written: string | null, line: number, text: string): RawEntry {
    const entry: RawEntry = {
      kind: 'entry',
      line,
      column: this.source.column(line, written ?? text),
      stamp,
      written,
      parts: text ? [text] : [],
      absorbs: stamp !== null && !stamp.placeholder,
      introduces: /:\s*$/.test(text),
      section: this.section,
    };
    if (stamp?.zone) {
      const seen = this.sectionEntryZones[this.section];
      this.sectionEntryZones[this.section] = seen === undefined || seen === null || (seen !== 'several' && seen.label === stamp.zone.label) ? stamp.zone : 'several';
    }
    // Among status updates, untimed text that would stand alone is no entry (the update above it
    // has already taken its first paragraphs); nor is it in a note on the timeline.
    if ((this.timedOnly || this.inNote) && stamp === null) return entry;
    this.items.push(entry);
    this.current = entry;
    return entry;
  }

  private addText(entry: RawEntry, text: string): void {
    if (!text) return;
    entry.introduces = /:\s*$/.test(text);
    let size = 0;
    for (const p of entry.parts) size += p.length;
    if (size >= MAX_TEXT) return;
    entry.parts.push(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text);
  }

  private noteStamp(stamp: Stamp, line: number, written: string): void {
    if (stamp.date?.kind !== 'numeric') return;
    const dateText = /\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}/.exec(written)?.[0] ?? written;
    this.noteNumeric(stamp.date, line, this.source.column(line, dateText), false, dateText);
  }

  private noteNumeric(date: Extract<WrittenDate, { kind: 'numeric' }>, line: number, column: number, evidenceOnly: boolean, written: string): void {
    if (this.numeric.length < 10_000) this.numeric.push({ date, line, column, evidenceOnly, written });
  }
}
