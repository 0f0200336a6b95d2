/** timeline-order: timeline entries run forward in time; the entry that goes back is reported. */
import type { TimelineEvent } from '../../schemas/incident.ts';
import { compareTimed, precisionRank, showInstant, type Timed } from '../lint/instants.ts';
import { defineFileRule, type FileRuleContext } from '../lint/rule.ts';
import { topSections } from '../core/sections.ts';
import { entrySpan, incidentZone } from '../lint/rule-helpers.ts';

export default defineFileRule({
  id: 'timeline-order',
  defaultLevel: 'error',
  summary: 'Timeline entries are in chronological order',
  description:
    'Readers follow a timeline top to bottom; an entry earlier than the one above it is usually a typo ' +
    'in the time or the date (or a day/month mix-up). The entry that goes back in time is reported, with ' +
    'the entry it goes back from; when one entry jumps ahead of the entries on both sides of it (two or ' +
    'more after it), that entry is reported instead, once. Entries at day precision are compared by day only. A timeline that runs ' +
    'newest first (status-page updates pasted in; one step forward among three or more back allowed) is reported once, at its first entry; in a ' +
    'status page\'s own incident file (no timeline section, updates dated by cState\'s `{{< track >}}` or ' +
    'by their headings) newest first is the order, and is not reported. Each ' +
    'timeline section runs forward on its own: a report of two incidents may give each its own timeline, ' +
    'the later incident first.',
  examples: {
    valid: [
      { source: '---\ntitle: Queue backlog\ndate: 2025-03-02\n---\n\n## Timeline\n\n- 2025-03-02 09:40 Deploy started\n- 2025-03-02 10:00 Alert fired\n' },
      {
        source: '---\ntitle: Two validator incidents\ndate: 2025-03-02\n---\n\n## Incident 2\n\n### Timeline\n\n- 2025-03-02 23:15 Missed blocks\n- 2025-03-02 23:50 Recovered\n\n## Incident 1\n\n### Timeline\n\n- 2025-03-02 15:25 Peers dropped\n- 2025-03-02 17:55 Upgraded\n',
        note: 'two incidents, each with its own timeline',
      },
      {
        source: '---\ntitle: DNS outage\ndate: 2019-09-29\n---\n\n**Resolved**\nRecords restored.\n{{< track "2019-09-29 21:00:00" >}}\n\n**Investigating**\nGlue records were removed.\n{{< track "2019-09-29 10:00:00" >}}\n',
        note: 'a cState status page, newest update first',
      },
    ],
    invalid: [
      { source: '---\ntitle: Queue backlog\ndate: 2025-03-02\n---\n\n## Timeline\n\n- 2025-03-02 10:00 Alert fired\n- 2025-03-02 09:40 Deploy started\n', line: 9, column: 3 },
      { source: '---\ntitle: Queue backlog\ndate: 2025-03-02\n---\n\n## Timeline\n\n- 2025-03-02 09:40 Deploy started\n- 2025-03-20 10:00 Alert fired\n- 2025-03-02 10:05 Rollback\n- 2025-03-02 10:30 Queue drained\n', line: 9, column: 3, note: 'one entry dated ahead: reported once, not each entry after it' },
      { source: '---\ntitle: CI outage\ndate: 2026-07-02\n---\n\n## Timeline\n\n- 2026-07-02 14:21 Upstream mirrors fixed\n- 2026-07-02 07:48 CI outage reported\n- 2026-07-02 08:53 Mitigation attempt\n', line: 8, column: 3, note: 'the first entry dated ahead: reported once' },
      { source: '---\ntitle: Queue backlog\ndate: 2025-03-02\n---\n\n## Timeline\n\n**Resolved** - Queue drained.\nMar 2, 11:15 UTC\n\n**Monitoring** - Workers added.\nMar 2, 10:30 UTC\n\n**Investigating** - Jobs are delayed.\nMar 2, 10:00 UTC\n', line: 9, column: 1, note: 'status-page updates, newest first' },
      { source: '---\ntitle: Registry outage\ndate: 2023-01-13\n---\n\n## Timeline\n\n- **15:00 UTC (Sat)** All objects restored.\n- **20:30 UTC** Restore script still running.\n- **18:00 UTC** Restore script started.\n- **15:30 UTC** Cause found.\n- **14:30 UTC** Investigating.\n', line: 8, column: 5, note: 'newest first, its first update read on the day before: still one report' },
    ],
  },
  check(ctx) {
    const timed = ctx.extraction!.incident.timeline
      .filter((e): e is TimelineEvent & Timed => e.source === 'timeline' && e.at !== null)
      .sort((a, b) => a.line - b.line);
    const zone = incidentZone(ctx);
    // A document that tells two incidents gives each its own timeline section: each runs forward on its own.
    const starts = topSections(ctx.parsed.sections, 'timeline').map((s) => s.line);
    const groups = new Map<number, (TimelineEvent & Timed)[]>();
    for (const e of timed) {
      const key = starts.findLastIndex((line) => line <= e.line);
      const group = groups.get(key);
      if (group) group.push(e);
      else groups.set(key, [e]);
    }
    // Key -1: a document without a timeline section, whose timeline is its status updates.
    for (const [key, events] of groups) checkOrder(ctx, events, zone, key === -1);
  },
});

/**
 * Whether a timeline runs newest first: it ends before it starts, and every step but at most one
 * (an update read on the wrong day) goes back, three times as many going back as forward.
 */
function newestFirst(events: readonly (TimelineEvent & Timed)[], zone: string, least: number): boolean {
  if (events.length < least || compareTimed(events.at(-1)!, events[0]!, zone) >= 0) return false;
  let back = 0;
  let forward = 0;
  for (let k = 1; k < events.length; k++) {
    const cmp = compareTimed(events[k]!, events[k - 1]!, zone);
    if (cmp < 0) back++;
    else if (cmp > 0) forward++;
  }
  return forward === 0 || (forward === 1 && back >= 3);
}

/** Report the entries of one timeline that go back in time. */
function checkOrder(ctx: FileRuleContext, events: readonly (TimelineEvent & Timed)[], zone: string, statusPage: boolean): void {
  // Newest first throughout, as status pages list their updates: one message, not one per entry;
  // none on a status page's own incident file (cState's `{{< track >}}` updates), where that is the order.
  if (newestFirst(events, zone, statusPage ? 2 : 3)) {
    if (statusPage) return;
    const span = entrySpan(ctx, events[0]!.line, events[0]!.written);
    ctx.report(`The timeline runs newest first (${events.length} entries, ${showInstant(events[0]!.at)} back to ${showInstant(events.at(-1)!.at)}); list its entries oldest first`, span.start, span.end);
    return;
  }
  const shown = (e: TimelineEvent & Timed) => (e.written ? `\`${e.written}\`` : showInstant(e.at));
  let latest: (TimelineEvent & Timed) | null = null;
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!;
    if (latest === null) {
      latest = e;
      continue;
    }
    const cmp = compareTimed(e, latest, zone);
    if (cmp >= 0) {
      if (cmp > 0 || precisionRank(e) >= precisionRank(latest)) latest = e;
      continue;
    }
    // One entry that jumps ahead ("2022-02-20" among the 2nd's entries) is the one to fix: it is the
    // entry right above this one, and this one and the next follow on from the entry above that.
    // Reported once, instead of every entry after it. (Two entries swapped: the one that goes back.)
    // The first entry can be that one too, when those after it run on in order.
    const above = events[k - 2];
    const next = events[k + 1];
    const aboveFits = above ? compareTimed(latest, above, zone) > 0 && compareTimed(e, above, zone) >= 0 : k === 1;
    if (latest === events[k - 1] && aboveFits && next && compareTimed(next, latest, zone) < 0 && compareTimed(next, e, zone) >= 0) {
      const span = entrySpan(ctx, latest.line, latest.written);
      const after = above ? ', which follows on from the entries before it' : ' and those after that, which run on in order';
      ctx.report(`Entry at ${shown(latest)} (${showInstant(latest.at)}) is later than the entry after it on line ${e.line} (${shown(e)})${after}; fix its time or date`, span.start, span.end);
      latest = e;
      continue;
    }
    const span = entrySpan(ctx, e.line, e.written);
    ctx.report(`Entry at ${shown(e)} (${showInstant(e.at)}) is earlier than the entry before it on line ${latest.line} (${shown(latest)}); keep the timeline in chronological order or fix the time`, span.start, span.end);
  }
}
