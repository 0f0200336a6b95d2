/** timeline-future: no timeline entry after the postmortem's date. */
import { addDays, dayOf, dayOfValue, daysBetween, formatDay, parseDay } from '../core/dates/index.ts';
import { runsOnDays as runsOn } from '../core/timeline/order.ts';
import { defineFileRule } from '../lint/rule.ts';
import { entrySpan, incidentZone } from '../lint/rule-helpers.ts';

export default defineFileRule({
  id: 'timeline-future',
  defaultLevel: 'warn',
  summary: 'No timeline entry is dated after the postmortem',
  description:
    'A postmortem is written after its incident, so an entry later than its `date` (or `lastmod` / ' +
    '`publishDate`, when later) is usually a wrong year, a day/month mix-up, or a `date` that names the ' +
    'incident’s first day while the timeline runs on. When the earliest entry is on that day (or the day ' +
    `before or after), \`date\` names the incident’s first day, and entries up to ${runsOn} days after it are the ` +
    'incident running on. Days are compared in the entry’s own time zone. ' +
    'One message per file, at the first such entry; entries dated after today are each reported. ' +
    'Without a front matter `date`, only entries after today are.',
  examples: {
    valid: [
      { source: '---\ntitle: Queue backlog\ndate: 2025-03-03\n---\n\n## Timeline\n\n- 2025-03-02 23:40 Deploy started\n- 2025-03-03 00:10 Alert fired\n' },
      { source: '# Queue backlog of 2025-03-02\n\n## Timeline\n\n- 2025-03-02 09:40 Deploy started\n- 2025-03-04 10:00 Backlog cleared\n', note: 'the date comes from the title: the incident\'s first day' },
      { source: '---\ntitle: Geocoding API throttled\ndate: 2025-08-21\n---\n\n## Timeline\n\n- 2025-08-21 23:08 Alert fired\n- 2025-08-22 00:09 Error rates back to baseline\n', note: '`date` names the first day, and the incident ran past midnight' },
      { source: '---\ntitle: TLS expired\ndate: 2023-02-27\n---\n\n## Timeline\n\n- 2023-02-28 01:52 UTC First report\n- 2023-03-01 10:00 UTC New certificates everywhere\n', note: '`date` is the evening before in the author\'s zone' },
    ],
    invalid: [
      { source: '---\ntitle: Queue backlog\ndate: 2025-03-02\n---\n\n## Timeline\n\n- 2025-03-02 09:40 Deploy started\n- 2026-03-02 10:00 Alert fired\n', line: 9, column: 3, note: 'a wrong year' },
      { source: '---\ntitle: Queue backlog\ndate: 2025-03-10\n---\n\n## Timeline\n\n- 2025-03-02 09:40 Deploy started\n- 2025-04-03 10:00 Alert fired\n', line: 9, column: 3, note: 'written a week after the incident: a later entry has its day and month swapped' },
    ],
  },
  check(ctx) {
    const incident = ctx.extraction!.incident;
    const data = ctx.parsed.frontmatter?.data ?? {};
    // Only a date the front matter states: one read from a title, a file name or the timeline names
    // the incident's day, and a timeline runs on from it.
    const refs = [dayOfValue(data.date), dayOfValue(data.lastmod), dayOfValue(data.publishDate)].filter((d): d is string => d !== null).sort();
    const ref = refs[refs.length - 1] ?? null;
    const today = new Date().toISOString().slice(0, 10);
    // When the timeline's earliest entry is on that day (or the day before: an evening start; or the
    // day after: a status page opened late in the day, its first update the next), the date names
    // the incident's first day, and the timeline runs on from it while the incident lasts.
    let opening: (typeof incident.timeline)[number] | null = null;
    for (const e of incident.timeline) if (e.source === 'timeline' && e.at !== null && (!opening || e.at < opening.at!)) opening = e;
    const refDay = parseDay(ref);
    const openingDay = opening ? parseDay(dayOf({ at: opening.at!, timezone: opening.timezone }, incidentZone(ctx))) : null;
    const namesFirstDay = refDay !== null && openingDay !== null && [-1, 0, 1].includes(daysBetween(openingDay, refDay));
    const limit = namesFirstDay ? formatDay(addDays(refDay, runsOn)) : ref;
    let first: { line: number; written: string | null; day: string } | null = null;
    let more = 0;
    // Entries up to this day pass: the limit, but never past today.
    const bound = limit !== null && limit < today ? limit : today;
    for (const e of incident.timeline) {
      if (e.source !== 'timeline' || e.at === null) continue;
      // A local day is at most one day after the UTC one: an earlier UTC day needs no zone arithmetic.
      if (e.at.slice(0, 10) < bound) continue;
      const day = dayOf({ at: e.at, timezone: e.timezone }, incidentZone(ctx));
      if (day <= bound) continue;
      if (day > today) {
        const span = entrySpan(ctx, e.line, e.written);
        ctx.report(`Entry dated ${day} is in the future; check the year and the day/month order`, span.start, span.end);
        continue;
      }
      if (first) more++;
      else first = { line: e.line, written: e.written, day };
    }
    if (first) {
      const span = entrySpan(ctx, first.line, first.written);
      const also = more > 0 ? `, as ${more === 1 ? 'is 1 later entry' : `are ${more} later entries`}` : '';
      ctx.report(`Entry dated ${first.day} is after the postmortem's date (${ref})${also}; check the year and the day/month order, or set \`date\` to the day the postmortem was written`, span.start, span.end);
    }
  },
});
