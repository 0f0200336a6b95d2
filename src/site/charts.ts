/** Figures for the stats page, computed from extracted incidents. Pure functions. */
import { DateTime } from 'luxon';
import type { SiteIncidentData as Incident } from './site-incident.ts';
import { severityName } from './incidents.ts';

type ChartIncident = Pick<Incident, 'date' | 'severity' | 'cause' | 'timeToResolveMinutes' | 'durationMinutes'>;

/** `2025-04` for a YYYY-MM-DD date. */
const monthOf = (date: string): string => date.slice(0, 7);

/** Every month from the first to the last, the last `limit` of them. */
export function monthRange(dates: readonly string[], limit = 36): string[] {
  if (dates.length === 0) return [];
  const sorted = [...dates].map(monthOf).sort();
  let at = DateTime.fromISO(`${sorted[0]}-01`, { zone: 'UTC' });
  const end = DateTime.fromISO(`${sorted[sorted.length - 1]}-01`, { zone: 'UTC' });
  if (!at.isValid || !end.isValid) return [];
  const months: string[] = [];
  while (at <= end) {
    months.push(at.toFormat('yyyy-MM'));
    at = at.plus({ months: 1 });
  }
  return months.slice(-limit);
}

export interface SeverityByMonth {
  months: string[];
  /** One row per severity, most severe first; `(none)` for incidents without one. */
  series: { name: string; values: number[] }[];
  /** Incidents older than the months shown. */
  earlier: number;
}

/** Incidents per month by severity, over the most recent `limit` months. */
export function severityByMonth(incidents: readonly ChartIncident[], scale: readonly string[], limit = 36): SeverityByMonth {
  const months = monthRange(incidents.map((i) => i.date), limit);
  const index = new Map(months.map((m, i) => [m, i]));
  const names = [...scale];
  const counts = new Map<string, number[]>();
  let earlier = 0;
  for (const incident of incidents) {
    const m = index.get(monthOf(incident.date));
    if (m === undefined) {
      earlier++;
      continue;
    }
    const name = incident.severity ? severityName(incident.severity, scale) : '(none)';
    if (!names.includes(name)) names.push(name);
    let row = counts.get(name);
    if (!row) counts.set(name, (row = months.map(() => 0)));
    row[m]!++;
  }
  const series = names.filter((n) => counts.has(n)).map((name) => ({ name, values: counts.get(name)! }));
  return { months, series, earlier };
}

export interface CauseCount {
  category: string;
  /** Incidents whose `cause` front matter names the category. */
  stated: number;
  /** Incidents whose category was inferred from the root-cause text. */
  inferred: number;
}

/** Root-cause categories, most common first; incidents with no category count as `unknown` (inferred). */
export function causeCounts(incidents: readonly ChartIncident[]): CauseCount[] {
  const counts = new Map<string, CauseCount>();
  for (const incident of incidents) {
    const category = incident.cause?.category ?? 'unknown';
    let c = counts.get(category);
    if (!c) counts.set(category, (c = { category, stated: 0, inferred: 0 }));
    if (incident.cause && !incident.cause.inferred) c.stated++;
    else c.inferred++;
  }
  return [...counts.values()].sort((a, b) => b.stated + b.inferred - (a.stated + a.inferred) || a.category.localeCompare(b.category));
}

/** A cause's label: says when some or all of its incidents were inferred. */
export function causeLabel(c: CauseCount): string {
  if (c.inferred === 0) return c.category;
  if (c.stated === 0) return `${c.category} (inferred)`;
  return `${c.category} (${c.inferred} inferred)`;
}

export interface ResolveTimeByMonth {
  months: string[];
  /** Median time to resolve in hours, per month (null when no incident that month has one). */
  medianHours: (number | null)[];
  /** Incidents with a known time to resolve, per month. */
  counts: number[];
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median time to resolve per month (time to resolve, else duration), over the most recent `limit` months. */
export function resolveTimeByMonth(incidents: readonly ChartIncident[], limit = 36): ResolveTimeByMonth {
  const timed = incidents.filter((i) => (i.timeToResolveMinutes ?? i.durationMinutes) !== null);
  const months = monthRange(timed.map((i) => i.date), limit);
  const byMonth = new Map<string, number[]>(months.map((m) => [m, []]));
  for (const incident of timed) byMonth.get(monthOf(incident.date))?.push((incident.timeToResolveMinutes ?? incident.durationMinutes)!);
  return {
    months,
    medianHours: months.map((m) => (byMonth.get(m)!.length ? Math.round((median(byMonth.get(m)!) / 60) * 10) / 10 : null)),
    counts: months.map((m) => byMonth.get(m)!.length),
  };
}
