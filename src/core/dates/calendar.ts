/** Calendar arithmetic: resolving written dates to days, and local times in a zone to UTC instants. */
import { DateTime } from 'luxon';
import type { ClockTime, WrittenDate } from './stamp.ts';
import type { Zone } from './zones.ts';

/** A calendar day. */
export interface Day {
  y: number;
  m: number;
  d: number;
}

export type NumericOrder = 'dmy' | 'mdy';

/** Whether y-m-d is a real calendar day (no 31 April, 29 February only in leap years). */
export function isRealDay(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * The day a written date names. Numeric dates need the day/month order; dates without a year
 * take `year` (null → unreadable).
 */
export function resolveDay(date: WrittenDate, order: NumericOrder, year: number | null): Day | null {
  let day: Day;
  if (date.kind === 'ymd') day = { y: date.y, m: date.m, d: date.d };
  else if (date.kind === 'numeric') {
    const y = date.y ?? year;
    if (y === null) return null;
    day = order === 'dmy' ? { y, m: date.b, d: date.a } : { y, m: date.a, d: date.b };
  } else {
    if (year === null) return null;
    day = { y: year, m: date.m, d: date.d };
  }
  return isRealDay(day.y, day.m, day.d) ? day : null;
}

/** `YYYY-MM-DD`. */
export function formatDay(day: Day): string {
  return `${String(day.y).padStart(4, '0')}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
}

/** Parses `YYYY-MM-DD` back into a day. */
export function parseDay(text: string | null | undefined): Day | null {
  const m = text ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  if (!m) return null;
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isRealDay(day.y, day.m, day.d) ? day : null;
}

/**
 * The day a front matter value names: a date YAML or TOML read as one, or text that opens with
 * `YYYY-MM-DD` (a date-time keeps its day as written). Null for anything else.
 */
export function dayOfValue(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const iso = typeof value === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(value.trim()) : null;
  return iso && parseDay(iso[0]) ? iso[0] : null;
}

/** The day `n` days later (earlier when negative). */
export function addDays(day: Day, n: number): Day {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** The day after. */
export function nextDay(day: Day): Day {
  return addDays(day, 1);
}

/** Days between two days (b - a). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}

const offsets = new Map<string, number | null>();

/**
 * Offset (minutes) of an IANA zone at a local hour, from luxon; cached per zone, day and hour
 * because DST changes happen on the hour and luxon's rule lookups dominate long timelines.
 */
function zoneOffset(name: string, day: Day, hour: number): number | null {
  const key = `${name}|${day.y}-${day.m}-${day.d}|${hour}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const dt = DateTime.fromObject({ year: day.y, month: day.m, day: day.d, hour, minute: 0 }, { zone: name });
  const offset = dt.isValid ? (Date.UTC(day.y, day.m - 1, day.d, hour) - dt.toMillis()) / 60_000 : null;
  if (offsets.size > 20_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The UTC instant of a local day and clock time in a zone: `YYYY-MM-DDTHH:MMZ`, or with `:SS` when
 * seconds were written. Fixed offsets are plain arithmetic; IANA zones go through luxon, which
 * moves a time inside a spring-forward gap to after it and reads a repeated fall-back hour as the
 * later (standard-time) one.
 */
export function toUtcInstant(day: Day, time: ClockTime, zone: Zone): string | null {
  const local = Date.UTC(day.y, day.m - 1, day.d, time.h, time.m, time.s ?? 0);
  let ms: number;
  if (zone.kind === 'fixed') {
    ms = local - zone.offsetMinutes * 60_000;
  } else {
    const offset = zoneOffset(zone.name, day, time.h);
    if (offset === null) return null;
    ms = local - offset * 60_000;
  }
  if (!Number.isFinite(ms)) return null;
  const t = new Date(ms);
  const base = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
  return time.s === null ? `${base}Z` : `${base}:${pad(t.getUTCSeconds())}Z`;
}

const dayCache = new Map<string, string>();
const utcNames = new Set(['UTC', 'utc', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Z', '+00:00', '-00:00', '+0000', 'UTC+0', 'UTC+00:00']);

/**
 * The calendar day of an instant as the incident model gives it (`2025-04-22`, or
 * `2025-04-22T10:37:36Z` written in `timezone`, an IANA name or an offset): a bare day is its own
 * day; a time falls on its day in its own zone, else in `fallbackZone`.
 */
export function dayOf(t: { at: string; timezone?: string | null }, fallbackZone: string): string {
  if (t.at.length === 10) return t.at;
  const zone = t.timezone || fallbackZone;
  if (utcNames.has(zone)) return t.at.slice(0, 10);
  const key = `${t.at}|${zone}`;
  let day = dayCache.get(key);
  if (day === undefined) {
    const utc = DateTime.fromISO(t.at, { zone: 'utc' });
    let local = utc.setZone(zone);
    if (!local.isValid) local = utc.setZone(`UTC${zone}`);
    if (!local.isValid) local = utc.setZone(fallbackZone);
    day = (local.isValid ? local.toISODate() : null) ?? t.at.slice(0, 10);
    if (dayCache.size > 10_000) dayCache.clear();
    dayCache.set(key, day);
  }
  return day;
}
