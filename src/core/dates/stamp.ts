/**
 * Reading the date/time stamp that opens a line: "2025-04-21 14:05 UTC", "`21-04-2025`",
 * "04:49 PM UTC", "± 17:20 UTC", "On 23 April 2026, 1AM SAST", "09:00-17:00", "Apr 21, 2025 10:37",
 * "1405Z", "noon".
 *
 * Hand-written rather than chrono-node: Hindsight needs the exact span that was written, the raw
 * numeric fields of 03-04-2025 (day/month order is decided per document, later), zone abbreviations
 * read as fixed offsets, and strict anchoring at the start of an entry. Every regex is sticky,
 * linear (no nested quantifiers) and runs on a bounded slice.
 */
import { fixedZone, readZoneWord, utcZone, type Zone } from './zones.ts';

/** A date as written. `numeric` keeps both leading fields until the day/month order is known. */
export type WrittenDate =
  | { kind: 'ymd'; y: number; m: number; d: number }
  | { kind: 'md'; m: number; d: number }
  | { kind: 'numeric'; a: number; b: number; y: number | null };

export interface ClockTime {
  h: number;
  m: number;
  /** Seconds, or null when not written. */
  s: number | null;
  /** Written on a 12-hour clock, with AM or PM (or as noon or midnight). */
  twelveHour?: true;
}

export interface Stamp {
  date: WrittenDate | null;
  time: ClockTime | null;
  zone: Zone | null;
  /** Written with `~`, `±`, `approx.`, `circa`, `around`… */
  approximate: boolean;
  /** Date-shaped but unreadable, like `2023-MM-DD`. */
  placeholder: boolean;
  /** Index where the written stamp starts (after "On"/"At" and similar lead words). */
  start: number;
  /** Index just after the stamp. */
  end: number;
  /** A time written relative to the last one given in full ("+10 minutes", "T+2h"): minutes after it. */
  after?: number;
  /** The end of a range of times ("08:41–09:54 UTC"): its clock time, in the stamp's zone. */
  until?: ClockTime;
}

/** Longest stretch of text a stamp is looked for in. */
const WINDOW = 160;

const MONTH_SRC =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![a-z])';
const monthIndex: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

// "≤11:30" and "≥14:00" bound a time without giving it exactly: read as approximate.
const leadSymbol = /(?:[~±≈≤≥]|\+\/-|\+-)[ \t]*/y;
// "So at 17:30 UTC, we started…", "Then around 9pm…": a connective may come first.
// "Early morning July 12th, 2018": a part of the day before a date says when on it, roughly.
const leadWord = /(so|then|and|but|also|on|at|around|about|approx\.?|approximately|circa|ca\.|c\.|from|by|since|starting|beginning|until|after|before|(?:early|late|mid)(?:[ \t]+|-)(?:morning|afternoon|evening|night|day)(?:[ \t]+(?:of|on))?)[ \t]+/iy;
/** "Estimated: 11:15", "Est. 14:05", "추정: ~11:15", "約14:05": an estimate, read as approximate (a label may end with a colon). */
const estimate = /(?:estimated|est\.|approx(?:imately|\.)?|추정|約|约|大约|大概)(?:[ \t]*[:：])?[ \t]*(?=[~±≈\d])/iy;
const estimateStarts = 'eEaA추約约大';
const weekday = /(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|thurs|thur|mon|tue|wed|thu|fri|sat|sun)\.?,?[ \t]+/iy;
/** A date and time in ISO 8601's basic format: "20251021 162404", "20251021T1624". */
const basicDateTime = /((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3])([0-5]\d)([0-5]\d)?(?!\d)/y;
// The separator may be a non-breaking hyphen (U+2011), as text copied from a rendered page has it.
const isoDate = /(\d{4})([-/.\u2010\u2011])(\d{1,2})\2(\d{1,2})(?!\d)/y;
const numericDate = /(\d{1,2})([-/])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/y;
/**
 * "03-26 23:04", "12/05 16:21", "10-01 ~15:00": day and month without a year, only right before a
 * clock time or a part of the day ("10-01 evening"), at the start of a range to another such day
 * ("06-24 → 06-25"), or alone on its line ("11/25" over the day's entries).
 */
const numericNoYear = /(\d{1,2})[-/](\d{1,2})(?=[ \t]+~?[ \t]*\d{1,2}:\d{2}(?!\d)|[ \t]+(?:morning|afternoon|evening|night|noon|midday)\b|[ \t]*(?:->|[-–—~〜～→⟶]|to)[ \t]*\d{1,2}[-/]\d{1,2}(?![\d/-])|[ \t]*$)/iy;
const dottedDate = /(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/y;
/** "27.01.20": a two-digit year only with a two-digit day and month, so "1.14.20" (a version) is no date. */
const dottedShortDate = /(\d{2})\.(\d{2})\.(\d{2})(?!\d|\.\d)/y;
/** "2021年11月25日" (Japanese, Chinese), "2021년 11월 25일" (Korean). */
const cjkDate = /(\d{4})[ \t]*[年년][ \t]*(\d{1,2})[ \t]*[月월][ \t]*(\d{1,2})[ \t]*[日일]/y;
const placeholderDate = /[\dXY]{4}-[\dMX?]{2}-[\dDX?]{2}(?![A-Za-z\d])/iy;
// "21 April", "21st of April", "21-Apr-2025", and a range of days in one month ("25–26 August"), read as its first day.
const dayMonth = new RegExp(
  `(\\d{1,2})(?:st|nd|rd|th)?(?:[-–]\\d{1,2}(?:st|nd|rd|th)?(?=[ \\t]))?(?:[ \\t]+of[ \\t]+|[ \\t]*[-/][ \\t]*|[ \\t]+)${MONTH_SRC}\\.?(?:(?:,[ \\t]*|[ \\t]+|[-/])((?:19|20)\\d{2})(?!\\d)(?![ \\t]*(?:UTC|GMT|Z|hrs?|hours)(?![A-Za-z])))?`,
  'iy',
);
const monthDay = new RegExp(
  `${MONTH_SRC}\\.?(?:[ \\t]+|[-/])(\\d{1,2})(?:(?:st|nd|rd|th)(?![a-z])|(?!\\d|:\\d))(?:(?:,[ \\t]*|[ \\t]+|[-/])((?:19|20)\\d{2})(?!\\d)(?![ \\t]*(?:UTC|GMT|Z|hrs?|hours)(?![A-Za-z])))?`,
  'iy',
);
const clock = /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?!\d)/y;
const meridiem = /[ \t]*([ap])\.?m\.?(?![a-z])/iy;
/** "11:21a", "12:28p": the letter alone, right after the time. */
const shortMeridiem = /([ap])(?![\p{L}\d])/iuy;
const hourMeridiem = /(\d{1,2})[ \t]*([ap])\.?m\.?(?![a-z])/iy;
/**
 * "11.13 First alerts": a dotted 24-hour time, with a two-digit hour and followed by a space, a colon
 * or a dash (so "4.52", "10.12.1" and "3.14159" stay numbers).
 */
const dottedClock = /([01]\d|2[0-3])\.([0-5]\d)(?=[ \t]*(?:[:–—-][ \t]|[ \t]\S|$))(?![\d.])/y;
/** "4.52pm", "2.52 a.m.": a dotted time, read only with AM or PM (a bare "4.52" is a number). */
const dottedMeridiem = /(\d{1,2})\.([0-5]\d)[ \t]*([ap])\.?m\.?(?![a-z])/iy;
/** "1405Z", "0930 UTC", "2200 hrs": four digits count as a time only with a zone or "hrs" after them. */
const militaryClock = /([01]\d|2[0-3])([0-5]\d)(?=Z(?![A-Za-z])|[ \t]*(?:hrs?|hours)(?![a-z])|[ \t]+(?:UTC|GMT)(?![A-Za-z]))/y;
/** "+10 minutes", "+3 min", "T+2h", "+1 day": a time counted from the last one given in full. */
const relativeTime = /T?\+[ \t]?(\d{1,4})[ \t]?(minutes?|mins?|m|hours?|hrs?|h|days?|d)(?![\p{L}\d])/iuy;
/** A time left to fill in, or unknown: "HH:mm", "14:??", "21:2x", "xx:00", "[???]". */
const placeholderTime = /(?:(?:[01]?\d|2[0-3]|[hH]{2}|[xX]{2})[:.](?:[0-5][xX?]|[xX?]{2}|mm|MM)|(?:[hH]{2}|[xX]{2}|\?{2})[:.](?:[0-5]\d|\?{2})|\?{3,})(?![\p{L}\d])/uy;
/** Four digits opening an entry, before its text ("0341: …", "1015 - …"), and the end of a range of them ("0900 - 1000"). */
const entryHhmm = /([01]\d|2[0-3])([0-5]\d)(?=[ \t]*(?::(?:[ \t]|$)|[-–—][ \t]))/y;
const entryHhmmUntil = /[ \t]*[-–—][ \t]*([01]\d|2[0-3])([0-5]\d)(?=[ \t]*(?::(?:[ \t]|$)|[-–—][ \t]|[ \t][A-Za-z(]))/y;
/** Where four digits may open an entry: after an approximation mark and spaces. */
const entryLead = /[ \t]*[~≈]?[ \t]*/y;

/**
 * The four digits a line opens with, as a number, where a clock could read them ("1738: …", "~1940: …",
 * "0900 - …"), or null. Whether they are a time is the caller's to decide: on their own only with a leading zero
 * ("0341"); in a section that writes its times so (`StampOptions.hhmm`), whatever they are.
 */
export function openingFourDigits(text: string): number | null {
  const lead = at(entryLead, text, 0);
  const m = at(entryHhmm, text, lead ? entryLead.lastIndex : 0);
  return m ? Number(m[0]) : null;
}

/** Four digits right after a date and before its text ("2024-03-12 0616: …", "2024-03-12 0616 - …", "2022-01-08 2233 ::::: …"). */
const dateThenHhmm = /([01]\d|2[0-3])([0-5]\d)(?=:\s|[ \t]+(?:[-–—]|:+)[ \t])/y;
const noonMidnight = /(noon|midday|midnight)(?![a-z])/iy;
/** "24:00", the end of a day, as the end of a range only. */
const endOfDay = /24:00(?::00)?(?!\d|:\d)/y;
/** "午後3時", "午前10時47分", "下午3点20分", "오후 3시 20분": morning or afternoon, hour, minutes, seconds. */
const cjkClock = /(午前|午後|上午|下午|早上|晚上|오전|오후)?[ \t]*(\d{1,2})[ \t]*[時时点點시](?:[ \t]*(\d{1,2})[ \t]*[分분](?:[ \t]*(\d{1,2})[ \t]*[秒초])?)?/y;
/** "14h32", as French and other European writing has it: two-digit hours only, so "1h30" stays a duration. */
const hourMark = /([01]\d|2[0-3])h([0-5]\d)(?![\d\p{L}])/uy;
// Not the end of a range of times: "00:33:20-00:33:24".
const numericOffset = /[ \t]?([+\-−])(\d{2}):?(\d{2})(?!\d|:\d)/y;
// "27.01.2020 - 07:00": a spaced dash may join a date to its time too.
const dateTimeJoin = /(?:T|[ \t]+[-–—][ \t]+(?=\d)|[ \t`]*[,:]?[ \t`]*(?:(?:at|around|about|@|~)[ \t]*)?)/iy;
/** The last day of a range within one month ("-5" of "Feb 2-5"): not a time, not a longer number. */
const dayOfRange = /[-–](?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w:])/y;
// An arrow joins a range too ("11:00 → 11:30", "06-24 -> 06-25").
const rangeJoin = /[ \t]*(?:->|[-–—~〜～→⟶]|to|until|till|through|thru)[ \t]*/iy;
/** A day in brackets right after a time: "23:00 UTC (April 5)", emphasis marks around it allowed. */
const openParen = /[ \t]*\([ \t]*[*_]{0,2}/y;
const closeParen = /[*_]{0,2}[ \t]*\)/y;
// "14:05, Nov 1", "14:05 on Nov 1", "02:54 AM PST Monday Nov 1st", "10:00 7th Nov 2023" (a capitalised
// weekday or month, or a day and a month, right after).
const timeThenDate = /(?:,[ \t]*|[ \t]+on[ \t]+|[ \t]+(?=[A-Z][a-z]{2}|\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]{2}))/y;

/** "hrs", "hours", "Uhr", "uur" after a 24-hour time, or "h" right after it, as written (not "HR notified", "Hrs of logs"). */
const hoursWord = /[ \t]*(?:hrs|hours|Uhr|uur)(?![\p{L}\d])|h(?![\p{L}\d])/uy;

function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function validDay(m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function monthOf(name: string): number {
  return monthIndex[name.toLowerCase().slice(0, 3)] ?? 0;
}

/** "may" and "mar" are words too: as month names they must be capitalised. */
function plausibleMonth(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower === 'may' || lower === 'mar' || lower === 'march') return name[0] === name[0]!.toUpperCase();
  return true;
}

export interface DateMatch {
  date: WrittenDate;
  end: number;
  /** Written with seconds or a `T`: a machine timestamp, where `-07:00` is an offset. */
  iso: boolean;
  placeholder?: boolean;
}

/** Reads a calendar date at `pos` (optionally after a weekday): ISO, numeric, or with a month name. */
export function readDate(text: string, pos: number): DateMatch | null {
  let i = pos;
  const wd = at(weekday, text, i);
  if (wd) i = weekday.lastIndex;
  let m = at(isoDate, text, i);
  if (m) {
    const month = Number(m[3]);
    const day = Number(m[4]);
    if (!validDay(month, day)) return null;
    return { date: { kind: 'ymd', y: Number(m[1]), m: month, d: day }, end: isoDate.lastIndex, iso: m[2] === '-' };
  }
  m = at(placeholderDate, text, i);
  if (m && /[a-z?]/i.test(m[0])) return { date: { kind: 'md', m: 0, d: 0 }, end: placeholderDate.lastIndex, iso: false, placeholder: true };
  m = at(cjkDate, text, i);
  if (m) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (!validDay(month, day)) return null;
    return { date: { kind: 'ymd', y: Number(m[1]), m: month, d: day }, end: cjkDate.lastIndex, iso: false };
  }
  m = at(numericDate, text, i);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) return null;
    return { date: { kind: 'numeric', a, b, y: fullYear(m[4]!) }, end: numericDate.lastIndex, iso: false };
  }
  m = at(dottedDate, text, i) ?? at(dottedShortDate, text, i);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) return null;
    return { date: { kind: 'numeric', a, b, y: fullYear(m[3]!) }, end: m[0].length + m.index, iso: false };
  }
  m = at(numericNoYear, text, i);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) return null;
    return { date: { kind: 'numeric', a, b, y: null }, end: numericNoYear.lastIndex, iso: false };
  }
  m = at(dayMonth, text, i);
  if (m && plausibleMonth(m[2]!)) {
    const month = monthOf(m[2]!);
    const day = Number(m[1]);
    if (!validDay(month, day)) return null;
    const date: WrittenDate = m[3] ? { kind: 'ymd', y: Number(m[3]), m: month, d: day } : { kind: 'md', m: month, d: day };
    return { date, end: dayMonth.lastIndex, iso: false };
  }
  m = at(monthDay, text, i);
  if (m && plausibleMonth(m[1]!)) {
    const month = monthOf(m[1]!);
    const day = Number(m[2]);
    if (!validDay(month, day)) return null;
    const date: WrittenDate = m[3] ? { kind: 'ymd', y: Number(m[3]), m: month, d: day } : { kind: 'md', m: month, d: day };
    return { date, end: monthDay.lastIndex, iso: false };
  }
  return null;
}

interface TimeMatch {
  time: ClockTime;
  end: number;
}

/** Reads a clock time at `pos`: 14:05, 14:05:09.123, 2:05 PM, 2pm, 12:00 a.m. */
function readClock(text: string, pos: number): TimeMatch | null {
  let m = at(clock, text, pos);
  if (m) {
    let h = Number(m[1]);
    const min = Number(m[2]);
    const s = m[3] === undefined ? null : Number(m[3]);
    if (min > 59 || (s !== null && s > 60)) return null;
    let end = clock.lastIndex;
    const mer = at(meridiem, text, end) ?? at(shortMeridiem, text, end);
    const merEnd = mer ? mer.index + mer[0].length : end;
    if (mer && h >= 1 && h <= 12) {
      h = twelveHour(h, mer[1]!);
      end = merEnd;
      return { time: { h, m: min, s, twelveHour: true }, end };
    }
    if (mer && h >= 13 && h <= 23 && mer[1]!.toLowerCase() === 'p') {
      // "13:55 PM": a 24-hour time with a redundant PM.
      end = merEnd;
    }
    if (h > 23) return null;
    // A word for "hours" after the time belongs to it: "14:35hrs", "15:00h", "15:05 Uhr".
    if (!mer && at(hoursWord, text, end)) end = hoursWord.lastIndex;
    return { time: { h, m: min, s }, end };
  }
  m = at(dottedMeridiem, text, pos);
  if (m) {
    const h = Number(m[1]);
    if (h < 1 || h > 12) return null;
    return { time: { h: twelveHour(h, m[3]!), m: Number(m[2]), s: null, twelveHour: true }, end: dottedMeridiem.lastIndex };
  }
  m = at(dottedClock, text, pos);
  if (m) return { time: { h: Number(m[1]), m: Number(m[2]), s: null }, end: dottedClock.lastIndex };
  m = at(hourMeridiem, text, pos);
  if (m) {
    const h = Number(m[1]);
    if (h < 1 || h > 12) return null;
    return { time: { h: twelveHour(h, m[2]!), m: 0, s: null, twelveHour: true }, end: hourMeridiem.lastIndex };
  }
  m = at(hourMark, text, pos);
  if (m) return { time: { h: Number(m[1]), m: Number(m[2]), s: null }, end: hourMark.lastIndex };
  m = at(militaryClock, text, pos);
  if (m) {
    let end = militaryClock.lastIndex;
    const hrs = /[ \t]*(?:hrs?|hours)(?![a-z])/y;
    hrs.lastIndex = end;
    if (hrs.exec(text)) end = hrs.lastIndex;
    return { time: { h: Number(m[1]), m: Number(m[2]), s: null }, end };
  }
  m = at(cjkClock, text, pos);
  if (m) {
    let h = Number(m[2]);
    const min = m[3] === undefined ? 0 : Number(m[3]);
    const sec = m[4] === undefined ? null : Number(m[4]);
    const half = m[1];
    if (min > 59 || (sec !== null && sec > 60)) return null;
    if (half) {
      // "午前0時" is midnight, "午後0時" noon.
      if (h > 12) return null;
      h = twelveHour(h, /午後|下午|晚上|오후/.test(half) ? 'p' : 'a');
      return { time: { h, m: min, s: sec, twelveHour: true }, end: cjkClock.lastIndex };
    }
    if (h > 23) return null;
    return { time: { h, m: min, s: sec }, end: cjkClock.lastIndex };
  }
  m = at(noonMidnight, text, pos);
  if (m) return { time: { h: m[1]!.toLowerCase() === 'midnight' ? 0 : 12, m: 0, s: null, twelveHour: true }, end: noonMidnight.lastIndex };
  return null;
}

function twelveHour(h: number, ap: string): number {
  const pm = ap.toLowerCase() === 'p';
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

interface ZoneRead {
  zone: Zone | null;
  end: number;
}

/** Zone after a time: `Z`, `+01:00`, `-0700`, `UTC`, `(PDT)`, `US/Pacific`. */
function readZoneAfterTime(text: string, pos: number, machine: boolean): ZoneRead {
  if (text[pos] === 'Z' && !/[A-Za-z\d]/.test(text[pos + 1] ?? '')) return { zone: utcZone, end: pos + 1 };
  const off = at(numericOffset, text, pos);
  // "-07:00" right after a time is a range end unless the time is a machine timestamp.
  if (off && (machine || text[pos] === ' ' || off[1] === '+')) {
    const hours = Number(off[2]);
    const minutes = Number(off[3]);
    if (hours <= 14 && minutes < 60 && (machine || minutes % 15 === 0)) {
      const value = hours * 60 + minutes;
      return { zone: fixedZone(off[1] === '+' ? value : -value), end: numericOffset.lastIndex };
    }
  }
  const word = readZoneWord(text, pos);
  if (word) return { zone: word.zone, end: word.end };
  return { zone: null, end: pos };
}

interface TimePart {
  time: ClockTime;
  zone: Zone | null;
  end: number;
  /** The end of a range ("08:41–09:54"). */
  until: ClockTime | null;
}

/** A time, an optional range end ("-14:20", " to 14:20"), an optional "+" ("12:00+") and zone. */
function readTimePart(text: string, pos: number, machine: boolean): TimePart | null {
  const first = readClock(text, pos);
  if (!first) return null;
  let end = first.end;
  let until: ClockTime | null = null;
  let isMachine = machine || first.time.s !== null;
  const range = at(rangeJoin, text, end);
  // "12:00:00-07:00" is a time and its offset; "00:33:20-00:33:24" a range.
  if (range && !(isMachine && /^[+\-−]\d\d:?\d\d(?!\d|:\d)/.test(text.slice(end, end + 8)))) {
    // "18:00-24:00 UTC": a range may end at the end of the day, which is the next day's midnight.
    const second = readClock(text, rangeJoin.lastIndex) ?? (at(endOfDay, text, rangeJoin.lastIndex) ? { time: { h: 0, m: 0, s: null }, end: endOfDay.lastIndex } : null);
    if (second) {
      end = second.end;
      until = second.time;
      isMachine = false;
      // "1:42-1:59 PM": the start is in the same half of the day as the end.
      if (second.time.twelveHour && !first.time.twelveHour && second.time.h >= 12 && first.time.h >= 1 && first.time.h < 12 && first.time.h + 12 <= second.time.h) {
        first.time = { ...first.time, h: first.time.h + 12, twelveHour: true };
      }
    }
  }
  if (text[end] === '+' && !/[\d]/.test(text[end + 1] ?? '')) end++;
  // "03:16/13:46": the same moment in the second zone of paired columns ("UTC/ACDT"), which is left out.
  if (text[end] === '/' && !until) {
    const same = readClock(text, end + 1);
    if (same) end = same.end;
  }
  const zone = readZoneAfterTime(text, end, isMachine);
  // "13:14 EDT (17:14 UTC)": the same moment in another zone, in brackets, is part of the stamp.
  if (zone.zone) {
    const same = at(sameMomentInBrackets, text, zone.end);
    if (same && readZoneAfterTime(same[1]!, 0, false).zone) return { time: first.time, zone: zone.zone, end: sameMomentInBrackets.lastIndex, until };
  }
  return { time: first.time, zone: zone.zone, end: zone.end, until };
}

/** A time in brackets with its zone, right after a zoned time: group 1 is what follows the clock time. */
const sameMomentInBrackets = /[ \t]*\((?:i\.e\.[ \t]*|=[ \t]*)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?([ \t]*[^()\n]{1,30})\)/y;

/**
 * Reads the stamp at the start of `line` (after decorations such as `|`, `>`, `(`, backticks and
 * lead words such as "On", "At", "~", "approx."). Returns null when the line does not open with one.
 */
export interface StampOptions {
  /**
   * Four digits opening an entry are a time even where they could be a year: the timeline writes
   * its times so ("1738: …", "1923: …"), as `fourDigitTimes` in the timeline walker finds.
   */
  hhmm?: boolean;
}

export function readStamp(line: string, from = 0, options: StampOptions = {}): Stamp | null {
  const text = line.length - from > WINDOW ? line.slice(0, from + WINDOW) : line;
  let i = from;
  while (i < text.length && ' \t\u00a0`|>(['.includes(text[i]!)) i++;
  let approximate = false;
  let start = i;
  for (let k = 0; k < 3; k++) {
    // An estimate's label is looked for only where one of its words can start (this runs on every line read).
    const sym = at(leadSymbol, text, i) ?? (estimateStarts.includes(text[i] ?? '\n') ? at(estimate, text, i) : null);
    if (sym) {
      approximate = true;
      i = sym.index + sym[0].length;
      continue;
    }
    const word = at(leadWord, text, i);
    if (!word) break;
    const w = word[1]!.toLowerCase();
    if (!['so', 'then', 'and', 'but', 'on', 'at', 'also', 'from', 'by', 'since', 'starting', 'beginning', 'until', 'after', 'before'].includes(w)) approximate = true;
    i = leadWord.lastIndex;
    if (!approximate) start = i;
  }
  if (approximate) {
    // Keep the approximation marker in the written text, but not a leading "On"/"At".
    const marker = /[~±≈≤≥]|\+\/-|\+-|approx|approximately|circa|ca\.|c\.|around|about|estimated|est\.|추정|約|约|大约|大概/iy;
    for (let j = start; j < i; j++) {
      marker.lastIndex = j;
      if (marker.test(text)) {
        start = j;
        break;
      }
    }
  }
  const relative = at(relativeTime, text, i);
  if (relative) {
    const n = Number(relative[1]);
    const unit = relative[2]!.toLowerCase();
    const after = unit.startsWith('d') ? n * 1440 : unit.startsWith('h') ? n * 60 : n;
    return { date: null, time: null, zone: null, approximate, placeholder: false, start, end: relativeTime.lastIndex, after };
  }
  // ISO 8601's basic format, "20251021 162404" or "20251021T1624": a date and time written without separators.
  const basic = at(basicDateTime, text, i);
  if (basic && validDay(Number(basic[2]), Number(basic[3]))) {
    const time: ClockTime = { h: Number(basic[4]), m: Number(basic[5]), s: basic[6] ? Number(basic[6]) : null };
    const zone = readZoneAfterTime(text, basicDateTime.lastIndex, true);
    return { date: { kind: 'ymd', y: Number(basic[1]), m: Number(basic[2]), d: Number(basic[3]) }, time, zone: zone.zone, approximate, placeholder: false, start, end: zone.end };
  }
  const date = readDate(text, i);
  if (date) {
    if (date.placeholder) {
      // "2022-04-xx xx:00": a time left blank after it is part of the blank stamp.
      const join = at(dateTimeJoin, text, date.end);
      const end = join && at(placeholderTime, text, dateTimeJoin.lastIndex) ? placeholderTime.lastIndex : date.end;
      return { date: null, time: null, zone: null, approximate, placeholder: true, start, end };
    }
    let end = date.end;
    let time: ClockTime | null = null;
    let zone: Zone | null = null;
    let until: ClockTime | null = null;
    // A date range ("2024-06-21 - 2024-06-23", "11 April to 23 April") keeps its start.
    const range = at(rangeJoin, text, end);
    if (range) {
      const second = readDate(text, rangeJoin.lastIndex);
      if (second && !second.placeholder) end = second.end;
      // "Feb 2-5": the range ends on a day of the same month.
      else if (date.date.kind === 'md' && at(dayOfRange, text, end)) end = dayOfRange.lastIndex;
    }
    const join = at(dateTimeJoin, text, end);
    if (join) {
      const from = dateTimeJoin.lastIndex;
      const part = readTimePart(text, from, date.iso && text[end] === 'T');
      const bare = part ? null : at(dateThenHhmm, text, from);
      if (part) {
        time = part.time;
        zone = part.zone;
        end = part.end;
        if (part.until) until = part.until;
      } else if (bare && from > end) {
        // "2024-03-12 0616: wrong block": four digits after a date, before the text, are its time.
        time = { h: Number(bare[1]), m: Number(bare[2]), s: null };
        end = dateThenHhmm.lastIndex;
      } else if (from > end && at(placeholderTime, text, from)) {
        // "2024-03-13 HH:mm": the date stands, the time was never filled in.
        end = placeholderTime.lastIndex;
      }
    }
    return { date: date.date, time, zone, approximate, placeholder: false, start, end, ...(until ? { until } : {}) };
  }
  // A weekday before a time of day ("Thurs 07:06 PDT") names the day the time falls on, which the
  // date above it or the incident's gives: it is read as a lead-in.
  const day = at(weekday, text, i);
  const part = readTimePart(text, day ? weekday.lastIndex : i, false) ?? (day ? readTimePart(text, i, false) : null);
  if (!part) {
    // "0341: a change is merged": four digits opening an entry, before its text, are a time with a
    // leading zero, or in a section that writes its times so ("1923: …"); else they may be a year,
    // an error code or a port ("2019: launched", "1040: Too many connections").
    const hhmm = day ? null : at(entryHhmm, text, i);
    if (hhmm && (options.hhmm || hhmm[0].startsWith('0'))) {
      let end = entryHhmm.lastIndex;
      const range = at(entryHhmmUntil, text, end);
      const until: ClockTime | null = range ? { h: Number(range[1]), m: Number(range[2]), s: null } : null;
      if (range) end = entryHhmmUntil.lastIndex;
      const zone = readZoneAfterTime(text, end, false);
      return { date: null, time: { h: Number(hhmm[1]), m: Number(hhmm[2]), s: null }, zone: zone.zone, approximate, placeholder: false, start, end: zone.end, ...(until ? { until } : {}) };
    }
    // "14:??", "21:2x", "HH:mm": a time left to fill in.
    const blank = at(placeholderTime, text, i);
    return blank ? { date: null, time: null, zone: null, approximate, placeholder: true, start, end: placeholderTime.lastIndex } : null;
  }
  let end = part.end;
  let stampDate: WrittenDate | null = null;
  const then = at(timeThenDate, text, end);
  if (then) {
    const d = readDate(text, timeThenDate.lastIndex);
    if (d && !d.placeholder) {
      stampDate = d.date;
      end = d.end;
    }
  } else if (at(openParen, text, end)) {
    // "23:00 UTC (*April 5*)": the day in brackets after the time.
    const d = readDate(text, openParen.lastIndex);
    const close = d && !d.placeholder ? at(closeParen, text, d.end) : null;
    if (close) {
      stampDate = d!.date;
      end = closeParen.lastIndex;
    }
  }
  return { date: stampDate, time: part.time, zone: part.zone, approximate, placeholder: false, start, end, ...(part.until ? { until: part.until } : {}) };
}
