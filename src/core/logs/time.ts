/**
 * Turning the times written in log lines into UTC instants (`2025-04-22T10:37:36Z`).
 * Zone and calendar arithmetic goes through luxon; results are cached per minute
 * because a block of 100,000 lines usually repeats the same few minutes.
 */
import { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon';

/** Wall-clock fields as written in a line. */
export interface ClockFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Offsets of zone abbreviations that log lines commonly carry (ambiguous ones such as IST are left out). */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, number>> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0, WEST: 60, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, JST: 540, KST: 540, AEST: 600, AEDT: 660, ACST: 570,
  AWST: 480, NZST: 720, NZDT: 780,
};

/** Regex alternation of the abbreviations above, for use inside line patterns. */
export const ZONE_ABBREVIATION_SOURCE = Object.keys(ZONE_ABBREVIATIONS).filter((k) => k !== 'Z').join('|');

/**
 * An ISO-8601-like timestamp: date, `T` or space, time, optional fraction and offset.
 * Groups: year, month, day, hour, minute, second, fraction, offset.
 */
export const ISO_TIMESTAMP_SOURCE =
  String.raw`(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?`;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Month number for a three-letter English month name (any case), or null. */
export function monthNumber(name: string): number | null {
  return MONTHS[name.slice(0, 3).toLowerCase()] ?? null;
}

/** Minutes east of UTC for `Z`, `+05:30`, `+0530`, `-08`, or a known abbreviation; null when unknown. */
export function offsetMinutes(written: string | undefined): number | null {
  if (!written) return null;
  const abbreviation = ZONE_ABBREVIATIONS[written.toUpperCase()];
  if (abbreviation !== undefined) return abbreviation;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(written);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 18 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

const zoneCache = new Map<string, Zone>();

/** A luxon zone for an IANA name or `UTC±H[:MM]`; unknown names fall back to UTC rather than failing. */
export function resolveZone(name: string): Zone {
  const cached = zoneCache.get(name);
  if (cached) return cached;
  let zone: Zone = FixedOffsetZone.utcInstance;
  if (typeof name === 'string' && name.length > 0 && name.length < 100) {
    // `UTC` and `UTC±H[:MM]` first: asking ICU about a zone name loads its zone data, a cost worth
    // paying only for a name it alone knows.
    const fixed = FixedOffsetZone.parseSpecifier(name);
    if (fixed) zone = fixed;
    else if (IANAZone.isValidZone(name)) zone = IANAZone.create(name);
  }
  if (zoneCache.size > 1000) zoneCache.clear();
  zoneCache.set(name, zone);
  return zone;
}

/** A minute's start in epoch milliseconds and, when it falls on a whole UTC minute, its `YYYY-MM-DDTHH:MM` text. */
interface MinuteStart {
  ms: number;
  prefix: string | null;
}

const minuteCache = new Map<string, MinuteStart | null>();

/** A minute at a fixed offset from UTC, without luxon: most log lines are in UTC. Null for an impossible date. */
function fixedOffsetMinute(f: ClockFields, offsetMinutes: number): number | null {
  const date = new Date(Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute));
  if (date.getUTCFullYear() !== f.year || date.getUTCMonth() !== f.month - 1 || date.getUTCDate() !== f.day) return null;
  return date.getTime() - offsetMinutes * 60_000;
}

/** A minute in a zone with rules (daylight saving, history), through luxon. Null for an impossible date. */
function zonedMinute(f: ClockFields, zone: Zone): number | null {
  const dt = DateTime.fromObject({ year: f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute }, { zone });
  return dt.isValid ? dt.toMillis() : null;
}

/** Start of the minute written in `zone`, or null for an impossible date. */
function minuteStart(f: ClockFields, zone: Zone): MinuteStart | null {
  // A fixed offset (UTC, most log lines) is worked out at once; a zone with rules asks luxon, once a minute.
  if (zone.isUniversal) return minuteValue(fixedOffsetMinute(f, zone.offset(0)));
  const key = `${zone.name}|${f.year}-${f.month}-${f.day} ${f.hour}:${f.minute}`;
  const cached = minuteCache.get(key);
  if (cached !== undefined) return cached;
  const value = minuteValue(zonedMinute(f, zone));
  if (minuteCache.size > 20000) minuteCache.clear();
  minuteCache.set(key, value);
  return value;
}

function minuteValue(ms: number | null): MinuteStart | null {
  if (ms === null) return null;
  const text = formatInstant(ms);
  // Zones with second-level offsets (historic local mean time) are formatted per line instead.
  return { ms, prefix: text !== null && ms % 60000 === 0 ? text.slice(0, 16) : null };
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/** Format epoch milliseconds as `YYYY-MM-DDTHH:MM:SSZ` (whole seconds, truncated), or null outside years 1000–9999. */
export function formatInstant(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const whole = Math.floor(ms / 1000) * 1000;
  const date = new Date(whole);
  if (Number.isNaN(date.getTime())) return null;
  const text = date.toISOString().slice(0, 19);
  return INSTANT.test(text) ? `${text}Z` : null;
}

/**
 * UTC instant of wall-clock fields read in a zone: minutes east of UTC (a number) or a zone name.
 * Null when the fields are not a real time.
 */
export function toInstant(f: ClockFields, zone: number | string): string | null {
  if (
    !Number.isInteger(f.year) || f.year < 1000 || f.year > 9999 ||
    f.month < 1 || f.month > 12 || f.day < 1 || f.day > 31 ||
    f.hour < 0 || f.hour > 23 || f.minute < 0 || f.minute > 59 || f.second < 0 || f.second > 60
  ) {
    return null;
  }
  const luxonZone = typeof zone === 'number' ? FixedOffsetZone.instance(zone) : resolveZone(zone);
  const start = minuteStart(f, luxonZone);
  if (start === null) return null;
  // A leap second (:60) is read as :59 so it stays inside its minute.
  const second = Math.min(Math.trunc(f.second), 59);
  if (start.prefix !== null) return `${start.prefix}:${second < 10 ? '0' : ''}${second}Z`;
  return formatInstant(start.ms + second * 1000);
}

/** Fields from a match of ISO_TIMESTAMP_SOURCE starting at group `first` (the year). */
export function isoFieldsFromMatch(m: RegExpExecArray, first: number): { fields: ClockFields; offset: string | undefined } {
  return {
    fields: {
      year: Number(m[first]),
      month: Number(m[first + 1]),
      day: Number(m[first + 2]),
      hour: Number(m[first + 3]),
      minute: Number(m[first + 4]),
      second: Number(m[first + 5] ?? '0'),
    },
    offset: m[first + 7],
  };
}

/** Instant of ISO-like fields, using the written offset when there is one, else the default zone. */
export function isoInstant(fields: ClockFields, offset: string | undefined, defaultZone: string): string | null {
  const minutes = offsetMinutes(offset);
  return toInstant(fields, minutes ?? defaultZone);
}

const ISO_ALONE = new RegExp(String.raw`^${ISO_TIMESTAMP_SOURCE}(?: ?(${ZONE_ABBREVIATION_SOURCE}))?$`);
const SLASH_ALONE = /^(\d{4})\/(\d{2})\/(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[.,]\d{1,9})?$/;
const DATE_ALONE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Instant of a whole timestamp string (ISO-like, `YYYY/MM/DD hh:mm:ss`, or digits of an epoch), or null. */
export function parseTimestampText(text: string, defaultZone: string): string | null {
  const s = text.trim();
  if (s.length === 0 || s.length > 64) return null;
  if (/^\d{9,19}(?:\.\d{1,9})?$/.test(s)) return fromEpoch(Number(s));
  const iso = ISO_ALONE.exec(s);
  if (iso) {
    const { fields, offset } = isoFieldsFromMatch(iso, 1);
    return isoInstant(fields, offset ?? iso[9], defaultZone);
  }
  const slash = SLASH_ALONE.exec(s);
  if (slash) {
    const { fields } = isoFieldsFromMatch(slash, 1);
    return toInstant(fields, defaultZone);
  }
  const date = DATE_ALONE.exec(s);
  if (date) {
    return toInstant({ year: Number(date[1]), month: Number(date[2]), day: Number(date[3]), hour: 0, minute: 0, second: 0 }, defaultZone);
  }
  return null;
}

/** Instant of a unix epoch number, guessing its unit from its size (s, ms, µs, ns), or null. */
export function fromEpoch(value: number): string | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  let ms: number;
  if (value < 1e11) ms = value * 1000;
  else if (value < 1e14) ms = value;
  else if (value < 1e17) ms = value / 1000;
  else ms = value / 1e6;
  return formatInstant(ms);
}
