/** timeline-order: timeline entries run forward in time; the entry that goes back is reported. */
import type { TimelineEvent } from '../../schemas/incident.ts';
import { compareTimed, precisionRank, showInstant, type Timed } from '../lint/instants.ts';
import { defineFileRule } from '../lint/rule.ts';
import { entrySpan } from '../lint/rule-helpers.ts';

export default defineFileRule({
  id: 'timeline-order',
  defaultLevel: 'error',
  summary: 'Timeline entries are in chronological order',
  description:
    'Readers follow a timeline top to bottom; an entry earlier than the one above it is usually a typo ' +
    'in the time or the date (or a day/month mix-up). The entry that goes back in time is reported, with ' +
    'the entry it goes back from. Entries at day precision are compared by day only.',
  examples: {
    valid: [{ source: '---\ntitle: Queue backlog\ndate: 2025-03-02\n---\n\n## Timeline\n\n- 2025-03-02 09:40 Deploy started\n- 2025-03-02 10:00 Alert fired\n' }],
    invalid: [{ source: '---\ntitle: Queue backlog\ndate: 2025-03-02\n---\n\n## Timeline\n\n- 2025-03-02 10:00 Alert fired\n- 2025-03-02 09:40 Deploy started\n', line: 9, column: 3 }],
  },
  check(ctx) {
    const events = ctx.extraction!.incident.timeline
      .filter((e): e is TimelineEvent & Timed => e.source === 'timeline' && e.at !== null)
      .sort((a, b) => a.line - b.line);
    let latest: (TimelineEvent & Timed) | null = null;
    for (const e of events) {
      if (latest === null) {
        latest = e;
        continue;
      }
      const cmp = compareTimed(e, latest, ctx.extraction!.incident.timezone);
      if (cmp < 0) {
        const span = entrySpan(ctx, e.line, e.written);
        const was = latest.written ? `\`${latest.written}\`` : showInstant(latest.at);
        const now = e.written ? `\`${e.written}\`` : showInstant(e.at);
        ctx.report(`Entry at ${now} (${showInstant(e.at)}) is earlier than the entry before it on line ${latest.line} (${was}); keep the timeline in chronological order or fix the time`, span.start, span.end);
        continue;
      }
      if (cmp > 0 || precisionRank(e) >= precisionRank(latest)) latest = e;
    }
  },
});
