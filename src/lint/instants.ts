/** Comparing timeline instants that may be bare days or UTC date-times written in some zone. */
import { dayOf } from '../core/dates/index.ts';

/** An instant as the incident model gives it: `2025-04-22` or `2025-04-22T10:37:36Z`. */
export interface Timed {
  at: string;
  precision: 'day' | 'minute' | 'second' | null;
  timezone?: string | null;
}

/** Negative when `a` is before `b`, positive after, 0 when equal or not decidable at their precisions. */
export function compareTimed(a: Timed, b: Timed, fallbackZone: string): number {
  if (a.at.length === 10 || b.at.length === 10 || a.precision === 'day' || b.precision === 'day') {
    const da = dayOf(a, fallbackZone);
    const db = dayOf(b, fallbackZone);
    return da < db ? -1 : da > db ? 1 : 0;
  }
  const ma = Date.parse(a.at);
  const mb = Date.parse(b.at);
  // "17:55" and "17:55:08" name the same minute: a time given to the minute is compared to the minute.
  if (precisionRank(a) !== precisionRank(b)) return Math.sign(Math.floor(ma / 60_000) - Math.floor(mb / 60_000));
  return Math.sign(ma - mb);
}

const rank = { day: 0, minute: 1, second: 2 } as const;

/** How precise an instant is (day < minute < second). */
export function precisionRank(t: Timed): number {
  return t.at.length === 10 ? 0 : rank[t.precision ?? 'minute'];
}

/** Milliseconds of an instant; a bare day is its UTC midnight. */
export function instantMs(at: string): number {
  return Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at);
}

/** An instant for a message: `2025-04-22` or `2025-04-22 10:37 UTC`. */
export function showInstant(at: string): string {
  if (at.length === 10) return at;
  return `${at.slice(0, 10)} ${at.slice(11, 16)}${at.length > 17 && at.slice(17, 19) !== '00' ? `:${at.slice(17, 19)}` : ''} UTC`;
}
