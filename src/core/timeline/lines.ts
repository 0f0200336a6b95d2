/** Reading one line of a timeline: does it open with a stamp, is it only a date, what text follows. */
import { dayOnly, findZone, readStamp, utcZone, type Stamp } from '../dates/index.ts';
import { OPEN, unmark, type TextLine } from './inline.ts';

/** What a line of a timeline block is. */
export type LineRead =
  | { kind: 'entry'; stamp: Stamp; written: string; rest: string; line: number; offset: number }
  | { kind: 'date'; stamp: Stamp; written: string; rest: string; line: number; offset: number }
  | { kind: 'text'; text: string; line: number };

/** Separators between a stamp and its text: " - ", ": ", " — ", "|", "=>", closing brackets, dots. */
const separators = /^(?:[\s.:,;|)\]>=–—→⇒➜-]|\[\^[^\]\s]{1,20}\])+/;
const weekdays = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b\.?/gi;

/** The entry text after a stamp, separators (and the backtick closing a `stamp`) removed. */
export function restAfter(text: string, stamp: Stamp): string {
  let end = stamp.end;
  let ticks = 0;
  for (let i = 0; i < stamp.start; i++) if (text[i] === '`') ticks++;
  if (ticks % 2 === 1) {
    const close = text.indexOf('`', end);
    if (close !== -1 && close - end <= 3) end = close + 1;
  }
  return text.slice(end).replace(separators, '').trim();
}

/** Written text of a stamp: as in the file, without backticks and bold markers. */
export function writtenOf(text: string, stamp: Stamp): string {
  return text.slice(stamp.start, stamp.end).replace(/`/g, '').trim();
}

/**
 * Whether what follows a date is only a label, so the line just sets the day:
 * "(Day Shift)", "- Friday", ":", "Day 2". A description makes it an entry.
 */
export function isLabelOnly(rest: string): boolean {
  const stripped = rest
    .replace(/\([^)]{0,80}\)|\[[^\]]{0,80}\]/g, ' ')
    .replace(weekdays, ' ')
    .replace(/\bday\s*\d{1,3}\b/gi, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return stripped.length === 0;
}

/** A separator right after the stamp: a wrapped prose line starting with a time lacks one. */
function hasSeparator(text: string, end: number): boolean {
  return /^\s*(?:[-–—:|]|=>)(?:\s|$)/.test(text.slice(end, end + 4)) || /^\s*$/.test(text.slice(end));
}

/**
 * A milestone written as its name, then its date and time: "First detected 2020-08-14 10:43",
 * "Resolved: 2024-09-20 11:40". The name is a few words, and the time ends the line (but for a
 * note in brackets, or "onwards").
 */
function namedMilestone(text: string): { stamp: Stamp; text: string } | null {
  // Bounded runs of spaces: a line of spaces after a word must not be tried split after split.
  const m = /^(\p{L}[\p{L}'’ ]{0,30}?)[ \t]{0,3}[:–—-]?[ \t]{1,16}(?=\d)/u.exec(text);
  if (!m || m[1]!.trim().split(/\s+/).length > 4) return null;
  const stamp = readStamp(text, m[0].length);
  if (!stamp || !stamp.date || !stamp.time || stamp.placeholder) return null;
  // After the time, only a note in brackets ("(Prometheus alerts)") or "onwards" may follow.
  const after = /^[ \t]*(?:\(([^()]{1,60})\)|onwards?)?[\s.]*$/i.exec(text.slice(stamp.end));
  if (!after) return null;
  return { stamp, text: after[1] ? `${m[1]!.trim()} (${after[1].trim()})` : m[1]!.trim() };
}

/**
 * A time told at the end of an entry, after "at" or "on": "Attacker deployed the contract at
 * 2021-02-13 5:37 AM +UTC", "OCC was notified at 12:16 ET on June 16, 2020", "resolved at
 * approximately 4:00 ET, June 16". The stamp ends the line (a zone and the day may follow it);
 * the entry's text is what comes before.
 */
export function trailingStamp(text: string): { stamp: Stamp; text: string } | null {
  const leads = [...text.matchAll(/\s(?:at|on)\s+/gi)];
  for (let i = leads.length - 1; i >= 0; i--) {
    const lead = leads[i]!;
    const stamp = readStamp(text, lead.index + lead[0].length);
    if (!stamp || !stamp.time || stamp.placeholder) continue;
    const rest = text.slice(stamp.end);
    if (rest.length > 40) return null;
    const found = rest.trim() === '' || /^[\s.;,)]*$/.test(rest) ? stamp : withZoneAndDay(stamp, rest);
    if (!found) return null;
    return { stamp: found, text: text.slice(0, lead.index).trim() };
  }
  return null;
}

/** A stamp with what follows it at the end of its line: a UTC mark, a zone, the day ("ET on June 16, 2020"); null for anything else. */
function withZoneAndDay(stamp: Stamp, rest: string): Stamp | null {
  const m = /^\s*(\+?[A-Z][A-Za-z]{0,4}(?:[+-]\d{1,2}(?::?\d{2})?)?)?(?:\s*,\s*|\s+on\s+)?(.*?)[\s.;,)]*$/.exec(rest);
  if (!m) return null;
  let zone = stamp.zone;
  if (m[1]) {
    const named = /^\+?(?:UTC|GMT)$/i.test(m[1]) ? utcZone : findZone(m[1]);
    if (!named) return null;
    zone ??= named;
  }
  let date = stamp.date;
  if (m[2]) {
    const day = readStamp(m[2]);
    if (date || !day?.date || day.time || day.placeholder || day.end < m[2].length) return null;
    date = day.date;
  }
  // The written stamp runs to the end of the day it names.
  return { ...stamp, zone, date, end: stamp.end + rest.replace(/[\s.;,)]*$/, '').length };
}

/**
 * Reads the lines of one block. A stamp opens an entry on a block's first line, after a hard
 * break, in bold, in a block whose first line opened with one, or (on a soft-wrapped line of
 * prose) when it carries a date or a separator follows it.
 * A line that is only a date is a date line when the block ends there or the next line is timed.
 * With `trailing` (a list whose entries tell their time at the end), a first line with no stamp
 * before its text takes the one that ends it (`trailingStamp`). With `hhmm`, four digits opening a
 * line are a time even where they could be a year (see `StampOptions`).
 */
export function readLines(lines: readonly TextLine[], { trailing = false, hhmm = false } = {}): LineRead[] {
  const reads: LineRead[] = [];
  let firstStamped = false;
  lines.forEach((l, k) => {
    const clean = unmark(l.text);
    const bold = l.text.trimStart().startsWith(OPEN);
    const stamp = readStamp(clean, 0, { hhmm });
    const named = !stamp && k === 0 ? (namedMilestone(clean) ?? (trailing ? trailingStamp(clean) : null)) : null;
    if (named) {
      firstStamped = true;
      const written = writtenOf(clean, named.stamp);
      reads.push({ kind: 'entry', stamp: named.stamp, written, rest: named.text, line: l.line, offset: named.stamp.start });
      return;
    }
    // In a block that opens with a stamp, every line that starts with one is an entry.
    const accepted = stamp && (k === 0 || firstStamped || l.hard || bold || (stamp.date !== null && !stamp.placeholder) || hasSeparator(clean, stamp.end));
    if (k === 0 && accepted) firstStamped = true;
    if (!stamp || !accepted) {
      reads.push({ kind: 'text', text: clean, line: l.line });
      return;
    }
    const rest = restAfter(clean, stamp);
    const written = writtenOf(clean, stamp);
    const offset = Math.max(0, clean.indexOf(written.slice(0, 12)));
    const dateOnly = dayOnly(stamp) && !stamp.placeholder && isLabelOnly(rest);
    reads.push({ kind: dateOnly ? 'date' : 'entry', stamp, written, rest, line: l.line, offset });
  });
  // A date-only line followed by untimed text is an entry whose text continues below it.
  for (let k = 0; k < reads.length; k++) {
    const r = reads[k]!;
    const next = reads[k + 1];
    if (r.kind === 'date' && next && next.kind === 'text') reads[k] = { ...r, kind: 'entry' };
  }
  return reads;
}
