/** Dates and times as people write them in postmortems, read into UTC instants. */
import { formatDay, nextDay, parseDay, resolveDay, toUtcInstant, type NumericOrder } from './calendar.ts';
import { readDate, readStamp, type Stamp, type WrittenDate } from './stamp.ts';
import { zoneFromName, type Zone } from './zones.ts';
import { remembered } from '../remembered.ts';

export { readStamp, readDate, openingFourDigits, type Stamp, type WrittenDate, type ClockTime } from './stamp.ts';
export { findZone, readZoneWord, zoneFromName, utcZone, type Zone } from './zones.ts';
export {
  resolveDay, formatDay, parseDay, dayOfValue, addDays, nextDay, daysBetween, isRealDay, toUtcInstant, dayOf,
  type Day, type NumericOrder,
} from './calendar.ts';

export type Precision = 'day' | 'minute' | 'second';
export type DateOrderSetting = 'dmy' | 'mdy' | 'auto';

const MAX_VALUE = 200;

/**
 * The order a single numeric date reads in when nothing else is known: the one its fields allow
 * (21-04-2025 is day first, 5-26-21 month first), else day first.
 */
export function orderForLoneDate(date: WrittenDate, setting: DateOrderSetting = 'auto'): NumericOrder {
  if (setting !== 'auto') return setting;
  if (date.kind === 'numeric' && date.b > 12 && date.a <= 12) return 'mdy';
  return 'dmy';
}

/** The stamp a field's value opens with (a readable one), and the value trimmed; null for none. */
function valueStamp(value: string): { stamp: Stamp; text: string } | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length === 0 || text.length > MAX_VALUE) return null;
  const stamp = readStamp(text);
  return stamp && !stamp.placeholder && stamp.start === 0 ? { stamp, text } : null;
}

/**
 * A front matter milestone or date value ('2025-04-22', '2025-04-22T10:37:00+01:00',
 * '2025-04-22 10:37', '2022-05-22 08:30:00 -0700') → UTC instant + precision; zone-less times
 * read in `timezone`. Null when the value is not one date (or date and time).
 */
export function toInstant(value: string, timezone: string): { at: string; precision: Precision } | null {
  const read = valueStamp(value);
  const stamp = read?.stamp;
  if (!stamp?.date || read!.text.slice(stamp.end).replace(/^[\s.,]+/, '') !== '') return null;
  const day = resolveDay(stamp.date, orderForLoneDate(stamp.date), null);
  if (!day) return null;
  if (!stamp.time) return { at: formatDay(day), precision: 'day' };
  const at = toUtcInstant(day, stamp.time, stamp.zone ?? zoneFromName(timezone));
  if (!at) return null;
  return { at, precision: stamp.time.s === null ? 'minute' : 'second' };
}

/**
 * A window of time as a report's header gives it: "2025-05-20 08:41–09:54 UTC", or "08:41–09:54
 * UTC (1 h 13 m)" on `day` → its start and end as UTC instants (an end earlier than the start is
 * on the next day). Null unless the value opens with a range of times.
 */
export function toWindow(value: string, timezone: string, day: string | null): { start: string; end: string } | null {
  const stamp = valueStamp(value)?.stamp;
  const end = stamp ? rangeEnd(stamp) : null;
  return stamp && end ? windowBetween(stamp, end, timezone, day) : null;
}

/** The end of a range of times ("08:41–09:54 UTC") as a stamp of its own: in the start's zone, on the start's day unless earlier. Null for a single time. */
export function rangeEnd(stamp: Stamp): Stamp | null {
  return stamp.time && stamp.until ? { ...stamp, date: null, time: stamp.until } : null;
}

/**
 * The window from one stamp to another ("from 2023-06-02 at 7:30 PM EDT to 2023-06-03 at 3:30 AM
 * EDT", "between 11:03 and 11:42 UTC"), both with a time of day. A side without a date is on the
 * other's day (or on `day`), a side without a zone in the other's zone (or in `timezone`), and an
 * end earlier than its start on that day falls on the next day. Null when a side cannot be placed or
 * the window does not run forward.
 */
export function windowBetween(from: Stamp, to: Stamp, timezone: string, day: string | null): { start: string; end: string; zone: Zone | null } | null {
  if (!from.time || !to.time) return null;
  const dayOf = (stamp: Stamp) => (stamp.date ? resolveDay(stamp.date, orderForLoneDate(stamp.date), parseDay(day)?.y ?? null) : null);
  const first = dayOf(from) ?? dayOf(to) ?? parseDay(day);
  if (!first) return null;
  const written = from.zone ?? to.zone;
  const start = toUtcInstant(first, from.time, from.zone ?? written ?? zoneFromName(timezone));
  let endDay = dayOf(to) ?? first;
  // Zones compare by their label: fixed offsets and named zones are made afresh each time they are read.
  const sameClock = !to.date && (to.zone ?? written)?.label === (from.zone ?? written)?.label;
  if (sameClock && to.time.h * 60 + to.time.m < from.time.h * 60 + from.time.m) endDay = nextDay(first);
  const end = toUtcInstant(endDay, to.time, to.zone ?? written ?? zoneFromName(timezone));
  return start && end && Date.parse(end) > Date.parse(start) ? { start, end, zone: written } : null;
}

/** Where a date could start: a digit or a letter at the start of a word. */
const candidate = /[\dA-Za-z]/;

/**
 * First calendar date written in a short text (a H1 like "Website Outage 5-26-21", a file name
 * like "2021-04-21-security-incident", "Postmortem of database outage of January 31" with a year
 * hint), as YYYY-MM-DD, or null. Dates without a year need `yearHint`.
 */
export function findDate(text: string, opts: { yearHint?: number; dateOrder?: DateOrderSetting } = {}): string | null {
  if (typeof text !== 'string') return null;
  const s = text.length > 2000 ? text.slice(0, 2000) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (!candidate.test(c)) continue;
    if (i > 0 && /[A-Za-z\d]/.test(s[i - 1]!)) continue;
    const found = readDate(s, i);
    if (!found || found.placeholder) continue;
    const year = opts.yearHint !== undefined && Number.isInteger(opts.yearHint) ? opts.yearHint : null;
    const day = resolveDay(found.date, orderForLoneDate(found.date, opts.dateOrder), year);
    if (day) return formatDay(day);
  }
  return null;
}

/**
 * Whether a heading opens with a day or a time, as the days and entries of a timeline do: "May 12",
 * "2025-05-12", "Monday, 12 May 2025", "13:20", "14:05 UTC — DNS fails". Remembered: the same
 * headings come back file after file.
 */
export const opensWithStamp: (text: string) => boolean = remembered((text) => openingStamp(text) !== null, { limit: 10_000, maxKeyLength: 200 });

/** Whether a stamp names a day and no time of day ("May 6", "2023-08-25"): a day line, not an entry. */
export function dayOnly(stamp: Stamp | null | undefined): stamp is Stamp & { date: WrittenDate } {
  return stamp != null && stamp.date !== null && stamp.time === null;
}

/** The readable date or time a heading opens with (its offsets are in the trimmed text), or null. */
export function openingStamp(text: string): Stamp | null {
  const s = text.trim();
  if (s.length === 0) return null;
  const stamp = readStamp(s.slice(0, 200));
  return stamp !== null && !stamp.placeholder && (stamp.date !== null || stamp.time !== null) ? stamp : null;
}

/** The stamp a text is and nothing more ("## 3.4.2020", "11:55 GMT+1"), or null. */
export function wholeStamp(text: string): Stamp | null {
  const stamp = openingStamp(text);
  return stamp !== null && text.trim().slice(stamp.end).trim() === '' ? stamp : null;
}

/** Every date written in a short text, with where it starts and ends. */
export function findDates(text: string): { date: WrittenDate; index: number; end: number }[] {
  const s = text.length > 2000 ? text.slice(0, 2000) : text;
  const out: { date: WrittenDate; index: number; end: number }[] = [];
  for (let i = 0; i < s.length; i++) {
    if (!candidate.test(s[i]!) || (i > 0 && /[A-Za-z\d]/.test(s[i - 1]!))) continue;
    const found = readDate(s, i);
    if (!found || found.placeholder) continue;
    out.push({ date: found.date, index: i, end: found.end });
    i = found.end - 1;
  }
  return out;
}
