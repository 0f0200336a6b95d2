/** How dates, times and durations read on the site. */
import { DateTime } from 'luxon';
import { remembered } from '../core/remembered.ts';

/** `22 Apr 2025` for a YYYY-MM-DD date. */
export const formatDate: (date: string) => string = remembered((date) => {
  const d = DateTime.fromISO(date, { zone: 'UTC' });
  return d.isValid ? d.toFormat('d LLL yyyy') : date;
});

/** `22 Apr 2025 10:37 UTC` for an instant, shown in a zone; a bare date stays a date. */
export function formatInstant(at: string | null, timezone: string): string | null {
  if (!at) return null;
  if (at.length === 10) return formatDate(at);
  const d = DateTime.fromISO(at, { zone: 'UTC' }).setZone(timezone);
  return d.isValid ? `${d.toFormat('d LLL yyyy HH:mm')} ${d.offsetNameShort ?? timezone}` : at;
}

/** `1 h 53 min`, `2 d 4 h`, `45 min`; null stays null. */
export function formatMinutes(minutes: number | null): string | null {
  if (minutes === null || !Number.isFinite(minutes)) return null;
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const rest = m % 60;
  if (days > 0) return hours ? `${days} d ${hours} h` : `${days} d`;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** `2025-04-22T10:37:36Z` as an HTML `datetime` value (a bare date is already one). */
export function datetimeAttribute(at: string): string {
  return at;
}

/** A category or cause id as words: `resource-exhaustion` → `resource exhaustion`. */
export function humanize(id: string): string {
  return id.replace(/[-_]+/g, ' ').trim();
}

/**
 * Plain text split at Markdown code spans, so a page can show `` `NotReady` `` as code: a run of
 * backticks opens a span that the next run of the same length closes. Runs are paired by a scan
 * rather than a pattern, which would take quadratic time on text with many unpaired backticks.
 */
export function codeSpans(text: string): { code: boolean; text: string }[] {
  const runs: { start: number; end: number }[] = [];
  for (let i = text.indexOf('`'); i !== -1; ) {
    let end = i;
    while (text[end] === '`') end++;
    runs.push({ start: i, end });
    i = text.indexOf('`', end);
  }
  // For each run, the next run of the same length (found from the end, one map of lengths).
  const next: (number | undefined)[] = [];
  const latest = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    const length = runs[r]!.end - runs[r]!.start;
    next[r] = latest.get(length);
    latest.set(length, r);
  }
  const parts: { code: boolean; text: string }[] = [];
  let last = 0;
  for (let r = 0; r < runs.length; r++) {
    const close = next[r];
    if (close === undefined) continue;
    const open = runs[r]!;
    if (open.start > last) parts.push({ code: false, text: text.slice(last, open.start) });
    parts.push({ code: true, text: text.slice(open.end, runs[close]!.start).trim() });
    last = runs[close]!.end;
    r = close;
  }
  if (last < text.length) parts.push({ code: false, text: text.slice(last) });
  return parts;
}

/** A term as shown: a tag with one `#` before it (`#dns`, also for a tag written `#dns`), others as written. */
export function termLabel(kind: 'tags' | 'categories' | 'services', name: string): string {
  return kind === 'tags' ? `#${name.replace(/^#+\s*/, '')}` : name;
}
