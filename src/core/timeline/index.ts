/**
 * Timeline extraction: every entry of a postmortem's Timeline section becomes an event with a UTC
 * time. Entries are never dropped: one whose time cannot be read keeps `at: null` and gets a
 * `timeline-time` warning.
 */
import type { Code, List, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { TimelineEvent } from '../../../schemas/incident.ts';
import type { Section } from '../model.ts';
import { ownChildren } from '../sections.ts';
import { diagnostic, type Diagnostic } from '../diagnostic.ts';
import {
  dayOnly, formatDay, openingFourDigits, opensWithStamp, openingStamp, nextDay, wholeStamp, parseDay, resolveDay, toUtcInstant, zoneFromName,
  type Day, type NumericOrder, type Stamp, type WrittenDate, type Zone,
} from '../dates/index.ts';
import { decideOrder } from './order.ts';
import { documentZone } from './zone-fallback.ts';
import { collapse } from './inline.ts';
import { timesInFourDigits, metaLine, SourceLines, statusfyUpdate, TimelineWalker, timelineWords, trackShortcode, type RawEntry } from './walk.ts';

export interface TimelineInput {
  /** All sections of the file; the `timeline` ones are read. */
  sections: Section[];
  /** The decoded file text (mdast positions have offsets into it). */
  text: string;
  /** YYYY-MM-DD: front matter date, H1, or file name; the date of time-only entries with no other. */
  incidentDate: string | null;
  /** The zone of times written without one: the postmortem's own (`timezone` in its front matter), else the configured one (e.g. 'UTC'). */
  timezone: string;
  /** `timezone` is the postmortem's own: it wins over the one zone the entries write. */
  zoneStated?: boolean;
  dateOrder: 'dmy' | 'mdy' | 'auto';
}

export interface TimelineResult {
  /** Source 'timeline', in document order, one per entry. */
  events: TimelineEvent[];
  diagnostics: Diagnostic[];
  /** The order used for numeric dates, null if none were seen. */
  dateOrder: 'dmy' | 'mdy' | null;
  /** Code blocks that read as logs but are the timeline's entries (a timeline section told only in one): not logs. */
  entryBlocks: ReadonlySet<Code>;
}

const MAX_TEXT = 2000;

/** The top-most timeline sections (a `### 2023-08-25` under `## Timeline` is read as part of its parent). */
function topTimelineSections(sections: readonly Section[]): Section[] {
  const inside = new Set<RootContent>();
  const top: Section[] = [];
  for (const s of sections) {
    if (s.kind !== 'timeline') continue;
    if (s.node && inside.has(s.node)) continue;
    top.push(s);
    for (const c of s.children) if (c.type === 'heading') inside.add(c);
  }
  return top;
}

/** Reads the timeline of a postmortem into events. Never throws. */
export function extractTimeline(input: TimelineInput): TimelineResult {
  try {
    return extract(input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      events: [],
      diagnostics: [diagnostic('timeline-time', 'warning', `The timeline could not be read (${message}).`, { line: 1, column: 1 })],
      dateOrder: null,
      entryBlocks: new Set(),
    };
  }
}

/**
 * Timelines listed inside another section: a list of three or more items nearly all opening with a
 * time of day, or a list (or fenced plain text) after a line that names the timeline ("Timeline of
 * events:"). Each comes as a run of blocks with the day lines around its lists ("**Tuesday, March 5**"
 * above it, and after it another day line with a list of that day's times), so later days keep their date.
 */
function embeddedTimelines(sections: readonly Section[]): RootContent[][] {
  // A block can sit in two sections (one a bold label opens, and the one around it): each is read once.
  const taken = new Set<RootContent>();
  const runs: RootContent[][] = [];
  const timed = (text: string) => openingStamp(text.slice(0, 80))?.time != null;
  const timedItems = (list: List) => list.children.filter((item) => item.children[0]?.type === 'paragraph' && timed(toString(item.children[0]))).length;
  const dayLine = (block: RootContent | undefined): boolean => {
    if (block?.type !== 'paragraph') return false;
    const text = toString(block);
    return dayOnly(text.length <= 60 ? wholeStamp(text) : null);
  };
  for (const section of sections) {
    const blocks = ownChildren(section);
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      if (taken.has(block)) continue;
      const lead = blocks[i - 1];
      let found = false;
      // A list of three or more items nearly all opening with a time of day needs no lead-in, but
      // for the work and the lessons that follow an incident.
      if (block.type === 'list' && section.kind !== 'actionItems' && section.kind !== 'lessons' && block.children.length >= 3 && timedItems(block) * 4 >= block.children.length * 3) found = true;
      else if (lead?.type === 'paragraph') {
        const text = toString(lead).trim();
        if (text.endsWith(':') && text.length <= 400 && timelineWords.test(text)) {
          if (block.type === 'list') found = timedItems(block) >= 2;
          // A fenced block of plain text, one entry a line ("10:00 UTC - cloud open").
          else if (block.type === 'code' && plainTextFence.test(block.lang ?? '')) found = block.value.split('\n', 200).filter(timed).length >= 2;
        }
      }
      if (!found) continue;
      const run: RootContent[] = dayLine(lead) ? [lead!, block] : [block];
      let next = i + 1;
      for (; dayLine(blocks[next]) && blocks[next + 1]?.type === 'list' && timedItems(blocks[next + 1] as List) >= 1; next += 2) run.push(blocks[next]!, blocks[next + 1]!);
      i = next - 1;
      for (const b of run) taken.add(b);
      runs.push(run);
    }
  }
  return runs;
}

/** A paragraph's opening time of day followed by a separator ("13:15 CEST: New rumor …", "9:20 – Admins …"). */
function opensWithTimeOfDay(text: string): boolean {
  const head = text.trimStart().slice(0, 80);
  const stamp = openingStamp(head);
  return stamp?.time != null && /^\s*[:\-–—|]/.test(head.trim().slice(stamp.end));
}

/**
 * Updates written as plain paragraphs, each opening with its time ("13:15 CEST: New rumor: …",
 * "16:45 CEST: Bad news: …"): where a section holds three or more, the paragraphs from the first
 * to the last of them (an untimed paragraph between two goes on with the one above), after a line
 * that introduces them.
 */
function timedParagraphRuns(sections: readonly Section[]): { section: Section; blocks: RootContent[] }[] {
  const runs: { section: Section; blocks: RootContent[] }[] = [];
  for (const section of sections) {
    const blocks = ownChildren(section);
    const texts = blocks.map((b) => (b.type === 'paragraph' ? toString(b) : null));
    // Paragraphs that open with four digits ("1738: …") are timed where the section writes its times so.
    const fourDigits = texts.map((text) => (text === null ? null : openingFourDigits(text.slice(0, 12))));
    const inFourDigits = timesInFourDigits(fourDigits.filter((n) => n !== null));
    const timed = texts.flatMap((text, i) => (text !== null && (opensWithTimeOfDay(text) || (inFourDigits && fourDigits[i] !== null)) ? [i] : []));
    if (timed.length < 3) continue;
    // A line before the first that names the timeline or its zone ("Timeline (all times in PST/PDT)") is read with it.
    const lead = blocks[timed[0]! - 1];
    const leadText = lead?.type === 'paragraph' ? toString(lead) : '';
    const from = leadText.length <= 200 && (timelineWords.test(leadText) || metaLine.test(leadText)) ? timed[0]! - 1 : timed[0]!;
    runs.push({ section, blocks: blocks.slice(from, timed[timed.length - 1]! + 1) });
  }
  return runs;
}

/** Fences of plain text, where a timeline may be written out line by line. */
const plainTextFence = /^(?:|text|txt|plain|plaintext)$/i;

/** Text that is a time of day and nothing else ("11:55 GMT+1", "2021-10-08 11:13 UTC"). */
function onlyATime(text: string): boolean {
  return text.trim().length <= 60 && wholeStamp(text)?.time != null;
}

/** A heading that opens with a time of day, with or without a date ("### 11:28 UTC" under a dated title). */
function timedHeading(heading: string): boolean {
  return openingStamp(heading)?.time != null;
}

/**
 * A document without a Timeline heading tells what happened when in other shapes, each read once:
 * status-page updates headed by their time and maybe their date ("## 2025-01-21T18:00:00 - Service
 * is back", "### 11:28 UTC"), dated by cState's `{{< track "…" >}}`, or each under a time alone on
 * its line ("11:55 GMT+1"); a timeline listed inside another section; paragraphs that open with a
 * bold date and time.
 */
function readWithoutTimelineSection(walker: TimelineWalker, sections: readonly Section[]): void {
  const updates = sections.filter((s) => s.node && timedHeading(s.heading));
  if (updates.length >= 2) {
    // A day heading over them ("## August 12, 2026 (America/Chicago)") gives their day and zone.
    const days = sections.filter((s) => s.node && !updates.includes(s) && dayOnly(openingStamp(s.heading)) && updates.some((u) => s.children.includes(u.node!)));
    const read = sections.filter((s) => updates.includes(s) || days.includes(s));
    walker.readUpdates(read.flatMap((s) => [s.node!, ...ownChildren(s)]));
  }
  const rest = sections.filter((s) => !updates.includes(s));
  for (const run of embeddedTimelines(rest)) walker.readSection(null, run);
  const blocks = [...new Set(rest.flatMap((s) => ownChildren(s)))];
  const paragraphs = blocks.filter((b) => b.type === 'paragraph').map((block) => ({ block, text: toString(block) }));
  const read = new Set<RootContent>();
  // Updates dated by cState's shortcode, or opened by Statusfy's `::: update … | time` (and what follows each, up to the next).
  const first = paragraphs.findIndex((p) => statusfyUpdate(p.text.split('\n', 1)[0]!) !== null);
  const tracked = first === -1 ? paragraphs.filter((p) => trackShortcode.test(p.text)).map((p) => p.block) : blocks.slice(blocks.indexOf(paragraphs[first]!.block));
  if (tracked.length > 0) {
    walker.readSection(null, tracked);
    for (const b of tracked) read.add(b);
  } else if (updates.length < 2) {
    const timeAlone = paragraphs.filter((p) => onlyATime(p.text));
    if (timeAlone.length >= 2) {
      const from = blocks.slice(blocks.indexOf(timeAlone[0]!.block));
      walker.readUpdates(from);
      for (const b of from) read.add(b);
    } else {
      // Each run is read under its section's heading, which may give its day or zone ("### 28 Feb 2017").
      for (const run of timedParagraphRuns(rest)) {
        walker.readSection(run.section.node, run.blocks);
        for (const b of run.blocks) read.add(b);
      }
    }
  }
  walker.readLooseParagraphs(blocks.filter((b) => !read.has(b)));
}

/** Walk the timeline sections of a document, or the other shapes a timeline takes when it has none. */
function walk(source: SourceLines, sections: readonly Section[], top: readonly Section[], logsAreEntries: boolean): TimelineWalker {
  const walker = new TimelineWalker(source, { logsAreEntries });
  if (top.length > 0) {
    top.forEach((s, k) => {
      const before = top[k - 1];
      if (before && s.node && s.depth === before.depth && opensWithStamp(s.heading)) walker.continueSection(s.node, s.children);
      else walker.readSection(s.node, s.children);
    });
  } else {
    readWithoutTimelineSection(walker, sections);
  }
  return walker;
}

function extract(input: TimelineInput): TimelineResult {
  const source = new SourceLines(input.text ?? '');
  const sections = Array.isArray(input.sections) ? input.sections : [];
  const top = topTimelineSections(sections);
  let walker = walk(source, sections, top, false);
  // A timeline section told only in a fenced block of timestamped lines: those lines are its
  // entries, even when they read like logs ("2024-05-06T10:15:00+02:00  disk usage alert on db-1").
  if (top.length > 0 && !walker.items.some((item) => item.kind === 'entry') && top.some((s) => s.children.some((b) => b.type === 'code'))) {
    walker = walk(source, sections, top, true);
  }
  const incidentDay = parseDay(input.incidentDate);
  const decision = decideOrder(input.dateOrder, walker.numeric, walker.items, incidentDay);
  const diagnostics: Diagnostic[] = [];
  const undated: Diagnostic[] = [];
  if (decision.undecided) {
    const { seen, reason } = decision.undecided;
    const as = decision.order === 'dmy' ? 'day-month-year' : 'month-day-year';
    const day = resolveDay(seen.date, decision.order, null);
    const example = day ? ` (${formatDay(day)})` : '';
    const why = reason === 'conflicting' ? 'The numeric dates in this timeline disagree on day/month order' : `Numeric date "${seen.written}" could be day-month or month-day`;
    diagnostics.push(diagnostic('timeline-date-order', 'warning',
      `${why}; read as ${as}${example}. Set \`dateOrder\` ("dmy" or "mdy") in the config, or write ISO dates (YYYY-MM-DD).`,
      { line: seen.line, column: seen.column }));
  }
  const defaultZone = zoneFromName(typeof input.timezone === 'string' ? input.timezone : 'UTC');
  // A section's own zone ("Timeline (all times PDT)"); else, unless the postmortem states its zone,
  // the one zone its entries write ("Around 09:50 (CEST), … Around 10:00, …"); entries that write
  // several, or a stated zone, leave the others in the default.
  const zones = walker.sectionZones.map((z, i) => {
    if (z) return z;
    const written = walker.sectionEntryZones[i];
    if (written === 'several' || (written && input.zoneStated)) return defaultZone;
    return written ?? null;
  });
  let fallbackZone: Zone | null | undefined;
  const zoneFor = (section: number): Zone => {
    const z = zones[section];
    if (z) return z;
    // The timeline never says its zone: use the one zone the rest of the document writes times in.
    if (fallbackZone === undefined) fallbackZone = documentZone(sections, input.text ?? '');
    return fallbackZone ?? defaultZone;
  };
  // Sections that write some times with AM or PM: there a bare "1:17" after "11:57" is in the afternoon.
  const twelveHourSections = new Set<number>();
  for (const item of walker.items) if (item.kind === 'entry' && item.stamp?.time?.twelveHour) twelveHourSections.add(item.section);
  const events: TimelineEvent[] = [];
  let ctxDay: Day | null = null;
  let lastDay: Day | null = null;
  let lastMinutes: number | null = null;
  let anchor: Context['anchor'] = null;
  let section = -1;
  const yearFor = (date: WrittenDate): number | null => {
    if (date.kind === 'ymd' || (date.kind === 'numeric' && date.y !== null)) return null;
    const month = date.kind === 'md' ? date.m : decision.order === 'dmy' ? date.b : date.a;
    const ref = lastDay ?? ctxDay ?? incidentDay;
    if (!ref) return null;
    // "Jan 2" after "Dec 30" is the next year.
    if (ref.m - month > 6) return ref.y + 1;
    // Before anything dated, "Dec 5" in a postmortem of a March incident is the year before.
    if (ref === incidentDay && month - ref.m > 6) return ref.y - 1;
    return ref.y;
  };
  for (const item of walker.items) {
    if (item.section !== section) {
      section = item.section;
      anchor = null;
      ctxDay = null;
      lastDay = null;
      lastMinutes = null;
    }
    if (item.kind === 'date') {
      const day = resolveDay(item.date, decision.order, yearFor(item.date));
      if (day) {
        ctxDay = day;
        lastDay = day;
        lastMinutes = null;
      }
      continue;
    }
    const result = resolveEntry(item, decision.order, zoneFor, { anchor, ctxDay, lastDay, lastMinutes, incidentDay, twelveHour: twelveHourSections.has(item.section) }, yearFor);
    if (result.day) {
      lastDay = result.day;
      lastMinutes = result.minutes;
    }
    if (result.event.at && result.minutes !== null && item.stamp?.after === undefined) anchor = { at: result.event.at, timezone: result.event.timezone };
    if (result.afternoon) twelveHourSections.add(item.section);
    events.push(result.event);
    if (result.problem) {
      const d = diagnostic('timeline-time', 'warning', result.problem, { line: item.line, column: item.column });
      diagnostics.push(d);
      if (result.undated) undated.push(d);
    }
  }
  // Times of day and not one day anywhere (no date line, no incident date): one message, not one per time.
  if (undated.length >= 3 && events.every((e) => e.at === null)) {
    const first = undated[0]!;
    const kept = diagnostics.filter((d) => !undated.includes(d));
    kept.push(diagnostic('timeline-time', 'warning', `None of the ${undated.length} times in the timeline has a date: put a date line or heading (such as "### 2025-04-21") above them, or give the postmortem a date`, { line: first.line, column: first.column }));
    diagnostics.splice(0, diagnostics.length, ...kept);
  }
  // A timeline told as a story, no entry dated at all: one message, not one per paragraph.
  const entries = walker.items.filter((item) => item.kind === 'entry');
  if (entries.length >= 3 && entries.every((item) => item.stamp === null) && events.every((e) => e.at === null)) {
    const first = entries[0]!;
    const others = diagnostics.filter((d) => d.ruleId !== 'timeline-time');
    others.push(diagnostic('timeline-time', 'warning', `None of the ${entries.length} timeline entries has a date or time; start each with one, such as "14:05 UTC" or "2025-04-21 14:05"`, { line: first.line, column: first.column }));
    return { events, diagnostics: others, dateOrder: decision.reported, entryBlocks: walker.logBlocksRead };
  }
  return { events, diagnostics, dateOrder: decision.reported, entryBlocks: walker.logBlocksRead };
}

interface Context {
  /** The last entry given in full (its UTC instant and zone): relative times count from it. */
  anchor: { at: string; timezone: string | null } | null;
  ctxDay: Day | null;
  lastDay: Day | null;
  lastMinutes: number | null;
  incidentDay: Day | null;
  /** The section writes some of its times with AM or PM. */
  twelveHour: boolean;
}

interface Resolved {
  event: TimelineEvent;
  day: Day | null;
  minutes: number | null;
  problem: string | null;
  /** A time of day with no day to put it on (none written, none above, no incident date). */
  undated?: boolean;
  /** Read on a 12-hour clock as an afternoon time ("1:52" after "12:16"): the section's later times are too. */
  afternoon?: boolean;
}

/** A UTC instant as `toUtcInstant` writes it (`YYYY-MM-DDTHH:MM[:SS]Z`), `minutes` later, in the same form. */
function addMinutes(at: string, minutes: number): string {
  const t = new Date(Date.parse(at) + minutes * 60_000).toISOString();
  return at.length > 17 ? `${t.slice(0, 19)}Z` : `${t.slice(0, 16)}Z`;
}

/**
 * Whether a bare time is in the afternoon going on. On a 12-hour clock, "1:17" after "11:57" is
 * 13:17 ("09:30", with its leading zero, is a 24-hour time). So it is after a time around noon
 * ("12:16" then "1:52"), even where no time says AM or PM: no one writes 01:52 as "1:52" straight
 * after 12:16.
 */
function afterNoon(stamp: Stamp, written: string | null | undefined, ctx: Context): boolean {
  const time = stamp.time;
  if (!time || time.twelveHour || time.h < 1 || time.h >= 12 || ctx.lastMinutes === null) return false;
  const minutes = time.h * 60 + time.m;
  const aroundNoon = ctx.lastMinutes >= 11 * 60 && ctx.lastMinutes < 13 * 60 && time.h <= 9;
  return (ctx.twelveHour || aroundNoon) && !/(?:^|\D)0\d[:.h]/.test(written ?? '')
    && minutes < ctx.lastMinutes && minutes + 12 * 60 >= ctx.lastMinutes;
}

/** The entry's text: parts joined, whitespace collapsed, stray separators and table pipes trimmed. */
function entryText(entry: RawEntry): string {
  let text = collapse(entry.parts.length === 1 ? entry.parts[0]! : entry.parts.join(' ')).replace(/^[\s|:–—-]+/, '');
  while (text.endsWith('|')) text = text.slice(0, -1).trimEnd();
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function resolveEntry(
  entry: RawEntry,
  order: NumericOrder,
  zoneFor: (section: number) => Zone,
  ctx: Context,
  yearFor: (date: WrittenDate) => number | null,
): Resolved {
  const base: TimelineEvent = { at: null, precision: null, text: entryText(entry), source: 'timeline', line: entry.line, written: entry.written, timezone: null };
  let stamp = entry.stamp;
  const quoted = entry.written ? `"${entry.written}"` : 'This entry';
  if (!stamp) {
    // An entry with no time of its own takes the day of the date heading or line it sits under.
    if (ctx.ctxDay) return { event: { ...base, at: formatDay(ctx.ctxDay), precision: 'day' }, day: null, minutes: null, problem: null };
    return { event: base, day: null, minutes: null, problem: 'Timeline entry has no date or time; start it with one, such as "14:05 UTC" or "2025-04-21 14:05".' };
  }
  if (stamp.placeholder) {
    return { event: base, day: null, minutes: null, problem: `${quoted} is not a readable date or time; write it in full (YYYY-MM-DD, HH:MM), or leave the entry undated.` };
  }
  if (stamp.after !== undefined) {
    // "+10 minutes": counted from the last entry given in full.
    if (!ctx.anchor) return { event: base, day: null, minutes: null, problem: `${quoted} counts from an earlier time, but no entry before it gives one; write the time in full.` };
    const at = addMinutes(ctx.anchor.at, stamp.after);
    return { event: { ...base, at, precision: at.length > 17 ? 'second' : 'minute', timezone: ctx.anchor.timezone }, day: null, minutes: null, problem: null };
  }
  let day: Day | null;
  let afternoon = false;
  if (stamp.date) {
    day = resolveDay(stamp.date, order, yearFor(stamp.date));
    if (!day) {
      const problem = stamp.date.kind === 'md' || (stamp.date.kind === 'numeric' && stamp.date.y === null)
        ? `${quoted} has no year and the postmortem has no date to take it from; add the year.`
        : `${quoted} is not a calendar date${stamp.date.kind === 'numeric' ? ` when read as ${order === 'dmy' ? 'day-month-year' : 'month-day-year'}` : ''}.`;
      return { event: base, day: null, minutes: null, problem };
    }
    // "at 4:00 ET, June 16" after "at 1:00 PM ET" that day: its day changes nothing of the clock.
    const last = ctx.lastDay;
    if (stamp.time && last && day.y === last.y && day.m === last.m && day.d === last.d && afterNoon(stamp, entry.written, ctx)) {
      stamp = { ...stamp, time: { ...stamp.time, h: stamp.time.h + 12 } };
      afternoon = true;
    }
  } else {
    day = ctx.lastDay ?? ctx.ctxDay ?? ctx.incidentDay;
    if (!day) {
      return {
        event: base, day: null, minutes: null, undated: true,
        problem: `Time ${quoted} has no date: put a date line or heading (such as "### 2025-04-21") above it, or give the postmortem a date.`,
      };
    }
    let minutes = stamp.time!.h * 60 + stamp.time!.m;
    if (afterNoon(stamp, entry.written, ctx)) {
      stamp = { ...stamp, time: { ...stamp.time!, h: stamp.time!.h + 12 } };
      minutes += 12 * 60;
      afternoon = true;
    }
    // Past midnight: a time far earlier than a late-evening entry before it is on the next day.
    if (ctx.lastDay && ctx.lastMinutes !== null && ctx.lastMinutes >= 18 * 60 && minutes <= 12 * 60 && ctx.lastMinutes - minutes >= 8 * 60) {
      day = nextDay(day);
    }
  }
  if (!stamp.time) {
    return { event: { ...base, at: formatDay(day), precision: 'day' }, day, minutes: null, problem: null };
  }
  const zone = stamp.zone ?? zoneFor(entry.section);
  const at = toUtcInstant(day, stamp.time, zone);
  if (!at) return { event: base, day: null, minutes: null, problem: `${quoted} could not be placed in time zone ${zone.label}.` };
  return {
    event: { ...base, at, precision: stamp.time.s === null ? 'minute' : 'second', timezone: zone.label },
    day,
    minutes: stamp.time.h * 60 + stamp.time.m,
    problem: null,
    ...(afternoon ? { afternoon } : {}),
  };
}
