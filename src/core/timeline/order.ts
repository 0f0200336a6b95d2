/** Deciding whether a document writes numeric dates day first (21-04-2025) or month first (04-21-2025). */
import { daysBetween, resolveDay, type Day, type NumericOrder, type WrittenDate } from '../dates/index.ts';
import type { NumericSeen, RawItem } from './walk.ts';

export interface OrderDecision {
  /** The order numeric dates are read in. */
  order: NumericOrder;
  /** The order reported: null when no numeric date was seen. */
  reported: NumericOrder | null;
  /** Set when the order could not be told from the document: where and why. */
  undecided: { seen: NumericSeen; reason: 'ambiguous' | 'conflicting' } | null;
}

/**
 * `auto`: a field above 12 settles it (21-04-2025 → dmy, 04-21-2025 → mdy); else the order under
 * which the dates run forward and none falls after the postmortem's date (see `runsForward`); else the one
 * under which they all fall within a month of it; else day first, flagged as undecided. A
 * configured order always wins.
 */
export function decideOrder(
  setting: 'dmy' | 'mdy' | 'auto',
  numeric: readonly NumericSeen[],
  items: readonly RawItem[],
  incidentDay: Day | null,
): OrderDecision {
  if (numeric.length === 0) return { order: setting === 'mdy' ? 'mdy' : 'dmy', reported: null, undecided: null };
  if (setting !== 'auto') return { order: setting, reported: setting, undecided: null };
  let dayFirst = 0;
  let monthFirst = 0;
  for (const n of numeric) {
    if (n.date.a > 12 && n.date.b <= 12) dayFirst++;
    else if (n.date.b > 12 && n.date.a <= 12) monthFirst++;
  }
  if (dayFirst > 0 && monthFirst === 0) return { order: 'dmy', reported: 'dmy', undecided: null };
  if (monthFirst > 0 && dayFirst === 0) return { order: 'mdy', reported: 'mdy', undecided: null };
  if (dayFirst > 0 && monthFirst > 0) {
    const order: NumericOrder = monthFirst > dayFirst ? 'mdy' : 'dmy';
    return { order, reported: order, undecided: { seen: numeric[0]!, reason: 'conflicting' } };
  }
  const firstAmbiguous = numeric.find((n) => !n.evidenceOnly) ?? numeric[0]!;
  const fits = (['dmy', 'mdy'] as const).filter((order) => runsForward(order, items, incidentDay));
  if (fits.length === 1) return { order: fits[0]!, reported: fits[0]!, undecided: null };
  // Else the order that puts every date within a month of the postmortem's ("10-01 09:45" and
  // "10-02 07:07" in the timeline of a postmortem dated 2026-10-02 are October's, not January's).
  if (incidentDay) {
    const near = (['dmy', 'mdy'] as const).filter((order) => allNear(order, items, incidentDay));
    if (near.length === 1) return { order: near[0]!, reported: near[0]!, undecided: null };
  }
  return { order: 'dmy', reported: 'dmy', undecided: { seen: firstAmbiguous, reason: 'ambiguous' } };
}

/** The date an item gives the timeline: a date line's, an entry's own; none from the section's heading. */
function writtenDate(item: RawItem): WrittenDate | null {
  if (item.kind === 'date') return item.fromSectionHeading ? null : item.date;
  return item.stamp && !item.stamp.placeholder ? item.stamp.date : null;
}

/** Days from the postmortem's date that a timeline's dates may lie, read in the right order. */
const nearDays = 31;

/**
 * Whether, read in `order`, every numeric date of the timeline lies within a month of the
 * incident's day: a year-less one in the year that puts it nearest.
 */
function allNear(order: NumericOrder, items: readonly RawItem[], incidentDay: Day): boolean {
  let seen = 0;
  for (const item of items) {
    const date = writtenDate(item);
    if (!date || date.kind !== 'numeric') continue;
    const years = date.y !== null ? [null] : [incidentDay.y - 1, incidentDay.y, incidentDay.y + 1];
    const distances = years.map((y) => resolveDay(date, order, y)).filter((d): d is Day => d !== null).map((d) => Math.abs(daysBetween(d, incidentDay)));
    if (distances.length === 0 || Math.min(...distances) > nearDays) return false;
    if (++seen > 5000) break;
  }
  return seen > 0;
}

/**
 * Days a timeline may run on after the postmortem's date, when that date names the incident's first
 * day (the file of "2023-07-05", its timeline on 7/5 and 7/6).
 */
export const runsOnDays = 14;

/**
 * Whether, read in `order`, the written dates run forward and none is after the incident date; or,
 * when the first of them is that date (give or take a day: the postmortem's date names the
 * incident's first day), none is more than `runsOnDays` after it.
 */
function runsForward(order: NumericOrder, items: readonly RawItem[], incidentDay: Day | null): boolean {
  let previous: Day | null = null;
  let allowance = 0;
  let seen = 0;
  for (const item of items) {
    const date = writtenDate(item);
    // Dates without a year ("Dec 5", "12-05 16:21") cannot show which order runs forward.
    if (!date || date.kind === 'md' || (date.kind === 'numeric' && date.y === null)) continue;
    const day = resolveDay(date, order, null);
    if (!day) return false;
    if (incidentDay && previous === null && Math.abs(daysBetween(day, incidentDay)) <= 1) allowance = runsOnDays;
    if (incidentDay && daysBetween(day, incidentDay) < -allowance) return false;
    if (previous && daysBetween(previous, day) < 0) return false;
    previous = day;
    if (++seen > 5000) break;
  }
  return true;
}
