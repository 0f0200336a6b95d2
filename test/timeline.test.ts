import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../src/core/parse.ts';
import { extractIncident } from '../src/core/extract.ts';
import { extractTimeline, type TimelineInput, type TimelineResult } from '../src/core/timeline/index.ts';
import { timelineEventSchema } from '../schemas/incident.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`fixtures/timeline/${name}`, import.meta.url));
const seedPath = fileURLToPath(new URL('../content/incidents/2025-04-22-management-cluster-nodes-flapping.md', import.meta.url));

function extract(file: string, opts: Partial<Omit<TimelineInput, 'sections' | 'text'>> = {}): TimelineResult {
  const parsed = parsePostmortem(file, readFileSync(file));
  const result = extractTimeline({
    sections: parsed.sections,
    text: parsed.text,
    incidentDate: opts.incidentDate ?? null,
    timezone: opts.timezone ?? 'UTC',
    dateOrder: opts.dateOrder ?? 'auto',
  });
  for (const e of result.events) expect(timelineEventSchema.parse(e)).toEqual(e);
  return result;
}

function fromText(markdown: string, opts: Partial<Omit<TimelineInput, 'sections' | 'text'>> = {}): TimelineResult {
  const parsed = parsePostmortem('inline.md', markdown);
  return extractTimeline({
    sections: parsed.sections,
    text: parsed.text,
    incidentDate: opts.incidentDate ?? null,
    timezone: opts.timezone ?? 'UTC',
    dateOrder: opts.dateOrder ?? 'auto',
  });
}

const brief = (r: TimelineResult) => r.events.map((e) => [e.line, e.at, e.written, e.text]);

describe('the seed postmortem', () => {
  it('gives its four day-precision entries, read day first, with no warnings', () => {
    const r = extract(seedPath, { incidentDate: '2025-04-22' });
    expect(r.dateOrder).toBe('dmy');
    expect(r.diagnostics).toEqual([]);
    expect(r.events).toHaveLength(4);
    expect(r.events.map((e) => e.at)).toEqual(['2025-04-21', '2025-04-21', '2025-04-21', '2025-04-22']);
    expect(r.events.map((e) => e.line)).toEqual([37, 38, 39, 40]);
    expect(r.events.every((e) => e.precision === 'day' && e.timezone === null && e.source === 'timeline')).toBe(true);
    expect(r.events[0]).toMatchObject({ written: '21-04-2025', text: 'CAPI MC was promoted to self-managing (pivoted from bootstrap cluster)' });
    expect(r.events[3]).toMatchObject({ written: '22-04-2025', text: '`apiserver` was observed being oomkilled on a master' });
  });
});

describe('list entries', () => {
  const r = extract(fixture('list-entries.md'), { incidentDate: '2024-07-03' });

  it('reads each item, whatever wraps its time, in the stated zone', () => {
    expect(brief(r).slice(0, 6)).toEqual([
      [12, '2024-07-03T21:05Z', '14:05', 'Error rate alert fires for checkout-api'],
      [13, '2024-07-03T21:10Z', '14:10', 'On-call engineer acknowledges the page'],
      [14, '2024-07-03T21:20Z', '14:20', 'Bad config push identified in deploy log'],
      [15, '2024-07-03T21:25Z', '14:25', 'Rollback started'],
      [16, '2024-07-03T21:30Z', '~14:30', 'approx. Error rate back to baseline'],
      [17, '2024-07-03T21:45Z', '9:45 PM UTC', 'Status page updated'],
    ]);
    expect(r.events[0]!.timezone).toBe('UTC-07:00');
    expect(r.events[5]!.timezone).toBe('UTC');
  });

  it('gives a nested item with a time its own entry, and folds one without into its parent', () => {
    expect(brief(r).slice(6, 8)).toEqual([
      [18, '2024-07-03T22:00Z', '15:00', 'Investigation opened checked the load balancer logs'],
      [20, '2024-07-03T22:05Z', '15:05', 'cache flushed on all nodes'],
    ]);
  });

  it('keeps an entry with no readable time, with a warning', () => {
    expect(r.events[8]).toMatchObject({ line: 21, at: null, precision: null, written: null, text: 'sometime later: dashboards reviewed' });
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'timeline-time', severity: 'warning', line: 21, column: 3 }),
    ]);
  });

  it('rolls past midnight when a time goes far back after a late-evening one', () => {
    expect(brief(r).slice(9)).toEqual([
      [22, '2024-07-04T06:50Z', '23:50', 'Final rollout of the fix begins'],
      [23, '2024-07-04T07:10Z', '00:10', 'Fix confirmed in all regions'],
    ]);
  });

  it('uses the configured zone when the timeline states none', () => {
    const plain = fromText('# X\n\n## Timeline\n\n- 14:05 alert\n- 14:10 ack\n', { incidentDate: '2024-07-03', timezone: 'Europe/London' });
    expect(plain.events.map((e) => [e.at, e.timezone])).toEqual([['2024-07-03T13:05Z', 'Europe/London'], ['2024-07-03T13:10Z', 'Europe/London']]);
  });
});

describe('table rows', () => {
  it('combines a Date and a Time column, reads the zone in the header and skips markup rows', () => {
    const r = extract(fixture('table-columns.md'));
    expect(brief(r)).toEqual([
      [7, '2024-02-28T15:30Z', '2024-02-28 15:30', 'Replica lag alert'],
      [8, '2024-02-28T15:42:10Z', '2024-02-28 15:42:10', 'Manual failover to the standby'],
      [9, null, '...', 'Clients slowly reconnect'],
      [10, '2024-02-29', '2024-02-29', 'Follow-up review scheduled'],
    ]);
    expect(r.events[1]!.precision).toBe('second');
    expect(r.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['timeline-time', 9]]);
  });

  it('finds the time column by its cells and the event column by its length', () => {
    const r = extract(fixture('table-guessed.md'), { incidentDate: '2024-05-01' });
    expect(brief(r)).toEqual([
      [7, '2024-05-01T14:05Z', '2:05 PM', 'Cache cluster restarted for patching'],
      [8, '2024-05-01T14:07Z', '2:07 PM', 'Origin request rate triples and the origin saturates'],
      [9, '2024-05-01T14:31Z', '2:31 PM', 'Cache warmed, origin recovers'],
    ]);
  });

  it('joins a row broken over two lines instead of making an entry of the stray line', () => {
    const md = '# X\n\n## Timeline\n\n| Time | Event |\n| --- | --- |\n| 2023-02-14 11:00 | Mail sent\n|\n| 2023-02-14 11:01 | Nodes healthy |\n';
    expect(brief(fromText(md))).toEqual([
      [7, '2023-02-14T11:00Z', '2023-02-14 11:00', 'Mail sent'],
      [9, '2023-02-14T11:01Z', '2023-02-14 11:01', 'Nodes healthy'],
    ]);
  });
});

describe('per-entry headings', () => {
  it('reads heading times, takes paragraphs as text, and a heading without one from its first paragraph', () => {
    const r = extract(fixture('heading-entries.md'), { incidentDate: '2022-03-14' });
    expect(brief(r)).toEqual([
      [7, '2022-03-14T09:00Z', '2022-03-14 10:00', 'A routine dependency bump is deployed. Nobody notices anything yet.'],
      [13, '2022-03-14T13:05Z', '14:05', 'DNS for the registry fails'],
      [15, '2022-03-14T13:35Z', '14:35', 'Users report failed pulls.'],
      [19, '2022-03-14T13:50Z', '14:50', 'Status page updated'],
    ]);
    expect(r.events.every((e) => e.timezone === 'UTC+01:00')).toBe(true);
    expect(r.diagnostics).toEqual([]);
  });

  it('reads a heading time left in a template\'s placeholder braces, and leaves shortcodes alone', () => {
    const r = fromText('## Timeline\n\n### {{ 06:10 }}\n\nThe instructor opened an issue.\n\n### {{ 07:45 }}\nA fix went out.\n\n### {{< 08:00 >}}\nNot a placeholder.\n', { incidentDate: '2022-01-20' });
    expect(brief(r).slice(0, 2)).toEqual([
      [3, '2022-01-20T06:10Z', '06:10', 'The instructor opened an issue.'],
      [7, '2022-01-20T07:45Z', '07:45', 'A fix went out.'],
    ]);
    expect(r.events[2]!.at).toBeNull();
  });
});

describe('date lines and timed paragraphs', () => {
  const r = extract(fixture('date-lines.md'), { incidentDate: '2025-04-22' });

  it('takes the day of a bold date line, a plain date line and a date heading', () => {
    expect(brief(r).slice(0, 7)).toEqual([
      [11, '2025-04-21T22:10Z', '22:10', 'Disk usage alert on node-3'],
      [12, '2025-04-21T23:40Z', '23:40', 'Node-3 evicts pods'],
      [16, '2025-04-22T10:05Z', '10:05', 'first responder joins'],
      [17, '2025-04-22T10:07Z', '10:07', 'second responder joins'],
      [18, '2025-04-22T10:20Z', '10:20', 'volume expanded'],
      [22, '2025-06-14T09:00Z', '09:00-17:00', 'Migration work'],
      [23, '2025-06-14', null, 'Action taken: paths changed'],
    ]);
  });

  it('splits a paragraph of dated lines into one entry per line', () => {
    expect(brief(r).slice(7)).toEqual([
      [25, '2021-08-22T10:05Z', '2021-08-22 10:05 UTC', 'unrelated replay of an old alert'],
      [26, '2021-08-22T10:09Z', '2021-08-22 10:09 UTC', 'replay stopped'],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('splits entries joined by <br> and wrapped mid-entry, in a generic zone across DST', () => {
    const b = extract(fixture('br-paragraphs.md'));
    expect(brief(b)).toEqual([
      [5, null, null, 'At some point earlier in the year the aliases stopped working.'],
      [9, '2023-01-10T17:15Z', '09:15', 'Change submitted to the DNS zone.'],
      [9, '2023-01-11T01:40Z', '17:40', 'The change takes effect.'],
      [10, '2023-01-11T02:02Z', '18:02', 'First report from a user.'],
      [10, '2023-01-11T07:55Z', '23:55', 'Fix submitted.'],
      [15, '2023-07-10T16:15Z', '09:15', 'Same change made again in summer'],
      [16, '2023-07-10T16:30Z', '09:30', 'Rolled back'],
    ]);
    expect(b.events[1]!.timezone).toBe('America/Los_Angeles');
    expect(b.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['timeline-time', 5]]);
  });

  it('reads entries indented into a code block by mistake', () => {
    const c = extract(fixture('indented-code.md'));
    expect(c.dateOrder).toBe('mdy');
    expect(brief(c)).toEqual([
      [7, '2024-01-11T03:32Z', '7:32 PM', 'The chain stalled.'],
      [9, '2024-01-11T03:38Z', '7:38 PM', 'Monitoring detected the stall.'],
      [11, '2024-01-31', '01-31-2024', 'Fix merged.'],
    ]);
  });

  it('treats untimed paragraphs after a timed one as its text, and ignores fenced code', () => {
    const md = '# X\n\n## Timeline\n\n**± 17:20 UTC:** snapshot taken.\n\nMore detail on the snapshot.\n\n```\n2025-01-01T00:00:00Z log line\n```\n\n**± 19:00 UTC:** load rises.\n';
    expect(brief(fromText(md, { incidentDate: '2017-01-31' }))).toEqual([
      [5, '2017-01-31T17:20Z', '± 17:20 UTC', 'snapshot taken. More detail on the snapshot.'],
      [13, '2017-01-31T19:00Z', '± 19:00 UTC', 'load rises.'],
    ]);
  });

  it('skips notes about the timeline and introductions', () => {
    const md = '# X\n\n## Timeline\n\nAll times in CET.\n\nBelow is the sequence of events.\n\n- 2024-01-10 10:00 first\n';
    const r2 = fromText(md);
    expect(brief(r2)).toEqual([[9, '2024-01-10T09:00Z', '2024-01-10 10:00', 'first']]);
    expect(r2.diagnostics).toEqual([]);
  });

  it('skips a line describing the timeline before its first entry, in any language the section names know', () => {
    const md = '# X\n\n## Timeline\n\nA timeline of the events important to the incident.\n\n[2026-07-01]\n[08:33] The PR is merged\n';
    expect(brief(fromText(md))).toEqual([[8, '2026-07-01T08:33Z', '08:33', 'The PR is merged']]);
    const norwegian = '# X\n\n## Tidslinje\n\nVeldig ca. tidslinje\n\n| Tid | Hendelse |\n|---|---|\n| 27.01.20 - 07:00 | Siste batch går |\n';
    expect(brief(fromText(norwegian))).toEqual([[9, '2020-01-27T07:00Z', '27.01.20 - 07:00', 'Siste batch går']]);
  });

  it('reads stray paragraphs opening with a bold date and time when there is no timeline section', () => {
    const md = '# Grid report\n\nBackground prose.\n\n**30 July 2012, 02:33 IST.** A line tripped.\n\n**31 July 2012, 13:00 IST.** A second collapse.\n\n**Note** nothing here.\n';
    expect(brief(fromText(md))).toEqual([
      [5, '2012-07-29T21:03Z', '30 July 2012, 02:33 IST', 'A line tripped.'],
      [7, '2012-07-31T07:30Z', '31 July 2012, 13:00 IST', 'A second collapse.'],
    ]);
  });

  it('takes the paragraphs under a bold update line that stands alone as its text, up to a rule, in the document\'s year', () => {
    const md = '---\ntitle: Scheduler problem\ndate: 2021-02-11 13:30:00+00:00\n---\n\n**13:30 11th Feb - update 1**\n\nJobs pend for hours.\n\nSorry for the inconvenience.\n\n---\n\n**10:00 12th Feb - update 2**\n\nJobs run normally.\n\n---\n\nThe JASMIN team\n';
    expect(brief(fromText(md, { incidentDate: '2021-02-11' }))).toEqual([
      [6, '2021-02-11T13:30Z', '13:30 11th Feb', 'update 1 Jobs pend for hours. Sorry for the inconvenience.'],
      [14, '2021-02-12T10:00Z', '10:00 12th Feb', 'update 2 Jobs run normally.'],
    ]);
  });

  it('reads the timeline in the one zone the rest of the document uses, when it states none', () => {
    const md = '# X\n\n## Summary\n\nAs of June 15, 2025 06:00 EST all is well.\n\n## Timeline\n\n### June 14, 2025\n\n- **21:00**: takeover\n';
    expect(fromText(md).events.map((e) => [e.at, e.timezone])).toEqual([['2025-06-15T02:00Z', 'UTC-05:00']]);
  });

  it('finds the document\'s zone in a time its source writes with character references, and none in prose without digits', () => {
    const md = '# X\n\n## Summary\n\nAs of June 15, 2025 &#48;&#54;:00 EST all is well; nothing else was timed.\n\n## Timeline\n\n### June 14, 2025\n\n- **21:00**: takeover\n';
    expect(fromText(md).events.map((e) => [e.at, e.timezone])).toEqual([['2025-06-15T02:00Z', 'UTC-05:00']]);
    const none = '# X\n\n## Summary\n\nAll is well in EST and PST.\n\n## Timeline\n\n### June 14, 2025\n\n- **21:00**: takeover\n';
    expect(fromText(none).events.map((e) => [e.at, e.timezone])).toEqual([['2025-06-14T21:00Z', 'UTC']]);
  });

  it('looks for the document\'s zone only in its first 300,000 characters of text, whether they hold digits or not', () => {
    const prose = 'The disk filled up because the log rotation job had been disabled during the migration.\n\n'.repeat(3500);
    const md = `# X\n\n## Summary\n\n${prose}As of June 15, 2025 06:00 EST all is well.\n\n## Timeline\n\n### June 14, 2025\n\n- **21:00**: takeover\n`;
    expect(fromText(md).events.map((e) => [e.at, e.timezone])).toEqual([['2025-06-14T21:00Z', 'UTC']]);
  });

  it('reads a bold timeline label with its zone in inline HTML, a day list over its times, and no list after a rule as entries', () => {
    const md = '+++\ntitle = "Outage on June 8, 2021"\ndate = 2021-06-08\n+++\nOur web server became unresponsive.\n\n**Timeline of Events** <small>(Time in Central Time)</small>\n\n* June 8, 2021\n    * 5:39PM: Monitoring system indicate multiple failures.\n    * 11:55PM: Web sites are coming back online.\n\n----\n\n**Effected Service**\n\n* Managed Web Service\n* Managed Mail Service\n\n----\n\nQuestions? Contact us.\n';
    const { incident } = extractIncident(parsePostmortem('x.md', md));
    expect(incident.sections.map((s) => [s.kind, s.heading])).toEqual([['timeline', 'Timeline of Events (Time in Central Time)']]);
    expect(incident.timeline.map((e) => [e.line, e.at, e.timezone])).toEqual([[10, '2021-06-08T22:39Z', 'America/Chicago'], [11, '2021-06-09T04:55Z', 'America/Chicago']]);
    expect([incident.started, incident.detected, incident.resolved]).toEqual(['2021-06-08T22:39Z', '2021-06-08T22:39Z', '2021-06-09T04:55Z']);
  });

  it('reads a GitHub alert in the timeline as a note: its zone counts, its text is no entry', () => {
    const md = '# CI outage\n\n## Timeline\n\n> [!NOTE]\n>\n> All times are in CEST. The first entry seems out of order.\n\n| Datetime | Description |\n| --- | --- |\n| 2026-07-02 14:21 | Mirrors fixed |\n| 2026-07-02 07:48 | Outage reported |\n';
    expect(fromText(md).events.map((e) => [e.line, e.at, e.timezone])).toEqual([[11, '2026-07-02T12:21Z', 'UTC+02:00'], [12, '2026-07-02T05:48Z', 'UTC+02:00']]);
  });

  it('reads no untimed list item of a GitHub alert as an entry', () => {
    const md = '# CI outage\n\n## Timeline\n\n> [!WARNING]\n> - Times are approximate\n\n- 2026-07-02 07:48 Outage reported\n';
    expect(fromText(md).events.map((e) => [e.line, e.at])).toEqual([[8, '2026-07-02T07:48Z']]);
  });

  it('keeps the postmortem\'s own zone for entries without one, whatever zone one entry writes', () => {
    const md = '---\ntitle: t\ndate: 2024-03-09\ntimezone: Europe/Berlin\n---\n\n## Timeline\n\n- 09:00 Alert fired\n- 09:30 UTC Upstream confirmed the fix\n';
    expect(extractIncident(parsePostmortem('x.md', md)).incident.timeline.map((e) => e.at)).toEqual(['2024-03-09T08:00Z', '2024-03-09T09:30Z']);
  });

  it('reads entries without a zone in the one zone the others write; in the default when they write several', () => {
    const one = '# X\n\n## Timeline\n\nAround **09:50** (CEST), we ran a deployment. Around\n10:00, we monkey-patched the code path.\n';
    expect(fromText(one, { incidentDate: '2019-06-13' }).events.map((e) => [e.at, e.timezone])).toEqual([['2019-06-13T07:50Z', 'UTC+02:00'], ['2019-06-13T08:00Z', 'UTC+02:00']]);
    const several = '# X\n\n## Timeline\n\n- 09:00 PDT alert\n- 17:30 UTC fix\n- 18:00 closed\n';
    expect(fromText(several, { incidentDate: '2024-07-03' }).events.map((e) => [e.at, e.timezone])).toEqual([['2024-07-03T16:00Z', 'UTC-07:00'], ['2024-07-03T17:30Z', 'UTC'], ['2024-07-03T18:00Z', 'UTC']]);
  });
});

describe('a timeline written in a fenced block of plain text', () => {
  const block = (lang: string, lines: string[]) => `## Timeline (all times PDT)\n\n\`\`\`${lang}\n${lines.join('\n')}\n\`\`\`\n`;
  const plain = ['09:02  sentinel marks primary down', '09:03  replica promoted', '       (clients reconnect)', '09:40  maxclients raised, stable'];

  it('reads one entry a timed line, from the line after the fence, in the heading\'s zone', () => {
    expect(brief(fromText(block('', plain), { incidentDate: '2024-05-06' }))).toEqual([
      [4, '2024-05-06T16:02Z', '09:02', 'sentinel marks primary down'],
      [5, '2024-05-06T16:03Z', '09:03', 'replica promoted (clients reconnect)'],
      [7, '2024-05-06T16:40Z', '09:40', 'maxclients raised, stable'],
    ]);
    expect(fromText(block('text', plain), { incidentDate: '2024-05-06' }).events).toHaveLength(3);
  });

  it('leaves code, logs and blocks of mostly untimed lines alone', () => {
    const logs = ['2024-05-06T16:02:11Z level=error msg="primary down"', '2024-05-06T16:03:40Z level=info msg="replica promoted"'];
    for (const md of [block('js', plain), block('', logs), block('', ['09:02 one', 'two', 'three', 'four'])]) {
      expect(fromText(md, { incidentDate: '2024-05-06' }).events, md).toEqual([]);
    }
  });

  it('reads timestamped lines told in words as the entries of a timeline section that has nothing else', () => {
    const told = ['2024-05-06T10:15:00+02:00  disk usage alert on db-1', '2024-05-06T10:31:12+02:00  writes start failing'];
    expect(brief(fromText(block('', told), { incidentDate: '2024-05-06' }))).toEqual([
      [4, '2024-05-06T08:15:00Z', '2024-05-06T10:15:00+02:00', 'disk usage alert on db-1'],
      [5, '2024-05-06T08:31:12Z', '2024-05-06T10:31:12+02:00', 'writes start failing'],
    ]);
    // Beside entries of its own, the section's block of such lines is logs.
    expect(fromText(`${block('', told)}\n- 10:40 disk cleaned\n`, { incidentDate: '2024-05-06' }).events).toHaveLength(1);
    // Read as the timeline, the lines are not logs too.
    const incident = extractIncident(parsePostmortem('x.md', `---\ntitle: Disk full\ndate: 2024-05-06\n---\n\n${block('', told)}`)).incident;
    expect([incident.timeline.length, incident.logs.length]).toEqual([2, 0]);
  });
});

describe('a time alone, with its story below it', () => {
  it('takes the untimed items of the list that follows as its text', () => {
    const md = '## Timeline\n\n**15:00 UTC**\n\n- recovered\n- traffic back\n- 15:10 all clear\n';
    expect(brief(fromText(md, { incidentDate: '2024-01-05' }))).toEqual([
      [3, '2024-01-05T15:00Z', '15:00 UTC', 'recovered traffic back'],
      [7, '2024-01-05T15:10Z', '15:10', 'all clear'],
    ]);
  });
});

describe('status-page updates pasted as a timeline', () => {
  it('dates each update by the bare time on the line after it', () => {
    const md = '## Timeline\n\n**Resolved** - This incident has been resolved.\nJan 5, 14:32 UTC\n\n**Monitoring** - A fix has been implemented.\nWe are watching.\nJan 5, 13:50 UTC\n**Investigating** - Errors are elevated.\nJan 5, 12:58 UTC\n';
    expect(brief(fromText(md, { incidentDate: '2024-01-05' }))).toEqual([
      [4, '2024-01-05T14:32Z', 'Jan 5, 14:32 UTC', 'Resolved - This incident has been resolved.'],
      [8, '2024-01-05T13:50Z', 'Jan 5, 13:50 UTC', 'Monitoring - A fix has been implemented. We are watching.'],
      [10, '2024-01-05T12:58Z', 'Jan 5, 12:58 UTC', 'Investigating - Errors are elevated.'],
    ]);
  });

  it('leaves a time that opens the paragraph, or one with text after it, to the usual reading', () => {
    const md = '## Timeline\n\n14:05 Alert fired\nfrom the exporter.\n\nThe queue grew.\n14:20 Workers added\n';
    // Prose that does not open with a time continues the entry before it, times and all.
    expect(brief(fromText(md, { incidentDate: '2024-01-05' }))).toEqual([[3, '2024-01-05T14:05Z', '14:05', 'Alert fired from the exporter. The queue grew. 14:20 Workers added']]);
  });
});

describe('day/month order', () => {
  it('reads undecidable numeric dates day first and says so, with how to fix it', () => {
    const r = extract(fixture('order-ambiguous.md'));
    expect(r.dateOrder).toBe('dmy');
    expect(r.events.map((e) => e.at)).toEqual(['2025-04-03T10:00Z', '2025-04-05T09:00Z']);
    const warning = r.diagnostics.find((d) => d.ruleId === 'timeline-date-order');
    expect(warning).toMatchObject({ severity: 'warning', line: 5, column: 3 });
    expect(warning!.message).toContain('03-04-2025');
    expect(warning!.message).toContain('day-month');
    expect(warning!.message).toContain('dateOrder');
    expect(warning!.message).toContain('ISO');
  });

  it('follows a configured order without a warning', () => {
    const r = extract(fixture('order-ambiguous.md'), { dateOrder: 'mdy' });
    expect(r.dateOrder).toBe('mdy');
    expect(r.events.map((e) => e.at)).toEqual(['2025-03-04T10:00Z', '2025-05-04T09:00Z']);
    expect(r.diagnostics).toEqual([]);
  });

  it('picks the order under which the dates run forward', () => {
    const r = extract(fixture('order-chronology.md'), { incidentDate: '2025-02-05' });
    expect(r.dateOrder).toBe('dmy');
    expect(r.events.map((e) => e.at)).toEqual(['2025-01-12', '2025-02-01']);
    expect(r.diagnostics).toEqual([]);
    const us = fromText('# X\n\n## Timeline\n\n- 01-12-2025: starts\n- 02-01-2025: ends\n', { incidentDate: '2025-02-05' });
    expect(us.dateOrder).toBe('mdy');
    expect(us.events.map((e) => e.at)).toEqual(['2025-01-12', '2025-02-01']);
    // A postmortem dated on the incident's first day: its timeline runs on to the next day.
    const next = fromText('# X\n\n## Timeline (all times PST)\n\n_7/5/2023_\n\n- 12:11 PM: email received\n\n_7/6/2023_\n\n- 7:05 AM: reported as phishing\n', { incidentDate: '2023-07-05' });
    expect([next.dateOrder, ...next.events.map((e) => e.at)]).toEqual(['mdy', '2023-07-05T20:11Z', '2023-07-06T15:05Z']);
    // Only then: a timeline that does not open on the postmortem's date stays on or before it.
    const before = fromText('# X\n\n## Timeline\n\n- 4/5/2023 10:00: alerts fire\n', { incidentDate: '2023-05-01' });
    expect([before.dateOrder, before.events[0]!.at, before.diagnostics]).toEqual(['mdy', '2023-04-05T10:00Z', []]);
  });

  it('settles the order from one date with a field above 12', () => {
    expect(fromText('# X\n\n## Timeline\n\n- 03-04-2025: a\n- 04-21-2025: b\n').dateOrder).toBe('mdy');
    expect(fromText('# X\n\n## Timeline\n\n- 03-04-2025: a\n- 21-04-2025: b\n').dateOrder).toBe('dmy');
  });

  it('reports no order when there are no numeric dates', () => {
    expect(fromText('# X\n\n## Timeline\n\n- 2025-04-21: a\n').dateOrder).toBeNull();
  });
});

describe('nothing is dropped', () => {
  it('keeps placeholder dates, impossible dates and undated times as null entries with warnings', () => {
    const md = '# X\n\n## Timeline\n\n- 2023-MM-DD[^1]: token created\n- 2025-02-30 10:00: impossible\n- 14:51 no date anywhere\n- nothing at all\n\n[^1]: unknown\n';
    const r = fromText(md);
    expect(r.events.map((e) => [e.line, e.at, e.written])).toEqual([
      [5, null, '2023-MM-DD'],
      [6, null, '2025-02-30 10:00'],
      [7, null, '14:51'],
      [8, null, null],
    ]);
    expect(r.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['timeline-time', 5], ['timeline-time', 6], ['timeline-time', 7], ['timeline-time', 8],
    ]);
    expect(r.diagnostics[2]!.message).toContain('no date');
  });

  it('reads a list whose entries tell their date and time at the end, but not one stray such item', () => {
    const md = '# Exploit\n\n## Timeline\n\n- Attacker funded their wallet at 2021-02-12 8:55 AM +UTC\n- Attacker deployed the contract at 2021-02-13 5:37 AM +UTC\n- Alarm raised on Twitter at 2021-02-13 6:29 +UTC\n- Funds returned later\n';
    expect(brief(fromText(md)).map((e) => [e[0], e[1], e[2], e[3]])).toEqual([
      [5, '2021-02-12T08:55Z', '2021-02-12 8:55 AM +UTC', 'Attacker funded their wallet'],
      [6, '2021-02-13T05:37Z', '2021-02-13 5:37 AM +UTC', 'Attacker deployed the contract'],
      [7, '2021-02-13T06:29Z', '2021-02-13 6:29 +UTC', 'Alarm raised on Twitter'],
      [8, null, null, 'Funds returned later'],
    ]);
    const stray = '# X\n\n## Timeline\n\n- 09:00 Restore started\n- We restored the backup taken at 2021-02-13 05:00\n- 10:00 Done\n';
    expect(brief(fromText(stray, { incidentDate: '2021-02-14' })).map((e) => e[1])).toEqual(['2021-02-14T09:00Z', null, '2021-02-14T10:00Z']);
  });

  it('reads a list whose entries end with a time, its zone and the day ("at 12:16 ET on June 16, 2020"), the afternoon going on', () => {
    const md = '# Locator outage\n\n## Timeline\n\n- The support desk was told of the outage at 12:16 ET on June 16, 2020.\n- Staff escalated to the on-call lead at approximately 1:00 PM ET.\n- The locator was fixed at approximately 4:00 ET, June 16.\n- We met at 10:00 to talk about the plan for next week and more\n';
    expect(brief(fromText(md, { incidentDate: '2020-06-18' }))).toEqual([
      [5, '2020-06-16T16:16Z', '12:16 ET on June 16, 2020', 'The support desk was told of the outage'],
      [6, '2020-06-16T17:00Z', 'approximately 1:00 PM ET', 'Staff escalated to the on-call lead'],
      [7, '2020-06-16T20:00Z', 'approximately 4:00 ET, June 16', 'The locator was fixed'],
      [8, null, null, 'We met at 10:00 to talk about the plan for next week and more'],
    ]);
  });

  it('leaves out untimed text after the last rule of a timeline (its footer), but not a day told after a rule', () => {
    const md = '# USB stick died\n\n## Timeline\n\n2022-01-23\n\n* 14:25 The UI breaks.\n* 16:41 Outage ends.\n\n---\n\nThis follows an example postmortem.\n';
    expect(brief(fromText(md)).map((e) => [e[0], e[1]])).toEqual([[7, '2022-01-23T14:25Z'], [8, '2022-01-23T16:41Z']]);
    const days = '# Outage\n\n## Timeline\n\n- 2022-01-23 14:25 The UI breaks.\n\n---\n\nThe next morning the team met again.\n\n- 2022-01-24 09:00 Restore starts.\n';
    expect(brief(fromText(days)).map((e) => [e[0], e[1]])).toEqual([[5, '2022-01-23T14:25Z'], [9, null], [11, '2022-01-24T09:00Z']]);
  });

  it('reads year-less numeric dates in the order that puts them near the postmortem\'s date, before an approximate time or a part of the day', () => {
    const md = '---\ntitle: TLS certificate lost\ndate: 2026-10-02\n---\n\n## Timeline (UTC)\n\n| Time | Event |\n|---|---|\n| 10-01 09:45 | Proxy recreated |\n| 10-01 ~15:00 | Broken login found |\n| 10-01 evening | Diagnosis |\n| 10-02 07:07 | Certificate issued |\n';
    const r = fromText(md, { incidentDate: '2026-10-02' });
    expect(r.dateOrder).toBe('mdy');
    expect(brief(r).map((e) => [e[0], e[1]])).toEqual([[10, '2026-10-01T09:45Z'], [11, '2026-10-01T15:00Z'], [12, '2026-10-01'], [13, '2026-10-02T07:07Z']]);
    expect(r.diagnostics.filter((d) => d.ruleId === 'timeline-date-order')).toEqual([]);
  });

  it('reads a fenced timeline drawn with arrows between its entries', () => {
    const md = '# Container unhealthy\n\n## Timeline\n\n```\n[~16:00]  → Container turns unhealthy\n            ↓\n[21:35]   → Detected\n            ↓\n[21:39]   → Site back\n```\n';
    expect(brief(fromText(md, { incidentDate: '2026-01-01' }))).toEqual([
      [6, '2026-01-01T16:00Z', '~16:00', 'Container turns unhealthy'], [8, '2026-01-01T21:35Z', '21:35', 'Detected'], [10, '2026-01-01T21:39Z', '21:39', 'Site back'],
    ]);
  });

  it('says a year-less date has no year to take, when the postmortem has no date', () => {
    for (const md of ['# X\n\n## Timeline\n\n- 10-01 09:45 Proxy recreated\n', '# X\n\n## Timeline\n\n- Oct 1, 09:45 Proxy recreated\n']) {
      const r = fromText(md);
      expect(r.events[0]!.at).toBeNull();
      expect(r.diagnostics.find((d) => d.ruleId === 'timeline-time')?.message).toContain('has no year and the postmortem has no date to take it from');
    }
  });

  it('takes a note in brackets before the first entry as a note on the timeline, not an entry', () => {
    const md = '# Inflation bug\n\n## Timeline\n\n(Using GitHub handles as identifiers)\n\n2022-02-02 1625: alice reports the bug by e-mail.\n\n(bob joins the call)\n';
    expect(brief(fromText(md)).map((e) => [e[0], e[1], e[3]])).toEqual([[7, '2022-02-02T16:25Z', 'alice reports the bug by e-mail. (bob joins the call)']]);
  });

  it('reads a list indented into a code block by mistake without its markers, and the afternoon after a time around noon', () => {
    const md = '# Leaked credentials\n\n## Timeline (PST)\n    - 11:16 ::::: queue deployed with new logging\n    - 12:16 ::::: credentials rolled\n    - 1:52 ::::: old log drains found\n    - 3:31 ::::: cleanup complete\n';
    expect(brief(fromText(md, { incidentDate: '2019-03-20' })).map((e) => [e[0], e[1], e[3]])).toEqual([
      [4, '2019-03-20T19:16Z', 'queue deployed with new logging'],
      [5, '2019-03-20T20:16Z', 'credentials rolled'],
      [6, '2019-03-20T21:52Z', 'old log drains found'],
      [7, '2019-03-20T23:31Z', 'cleanup complete'],
    ]);
    // A 24-hour timeline is left as it is: "09:30" after "12:16" keeps its leading zero.
    expect(brief(fromText('# X\n\n## Timeline\n\n- 12:16 rolled\n- 09:30 next morning\n', { incidentDate: '2019-03-20' })).map((e) => e[1])).toEqual(['2019-03-20T12:16Z', '2019-03-20T09:30Z']);
  });

  it('takes a list on the line after a timed item, indented too little to nest in it, as that item\'s detail', () => {
    const md = '# X\n\n## Timeline\n\n15. **17 December 2024, 12:21 – Partial restoration**\n   - A new link becomes operational.\n   - The API is restored.\n\n16. **18 December 2024, 00:29 – Service restored**\n';
    expect(brief(fromText(md)).map((e) => [e[0], e[1], e[3]])).toEqual([
      [5, '2024-12-17T12:21Z', 'Partial restoration A new link becomes operational. The API is restored.'],
      [9, '2024-12-18T00:29Z', 'Service restored'],
    ]);
  });

  it('leaves a "**Resolution:** …" summary after the entries out of the last entry', () => {
    const md = '# X\n\n## Timeline\n\n- **22:30 UTC** - Incident reported\n- **05:39 UTC** - Incident resolved\n\n**Resolution:** We resized the nodes.\n\n## Impact\n\nSlow queries.\n';
    expect(brief(fromText(md, { incidentDate: '2025-10-29' })).map((e) => [e[0], e[1], e[3]])).toEqual([
      [5, '2025-10-29T22:30Z', 'Incident reported'], [6, '2025-10-30T05:39Z', 'Incident resolved'],
    ]);
  });

  it('says once that the times have no date when nothing dates any of them, and per time otherwise', () => {
    const none = fromText('# CTF\n\n## Timeline\n\n- 10:00 UTC cloud open\n- 10:40 UTC cloud closed\n- 11:30 UTC cloud open\n');
    expect(none.events.map((e) => e.at)).toEqual([null, null, null]);
    expect(none.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [5, 'None of the 3 times in the timeline has a date: put a date line or heading (such as "### 2025-04-21") above them, or give the postmortem a date'],
    ]);
    const two = fromText('# CTF\n\n## Timeline\n\n- 10:00 UTC cloud open\n- 10:40 UTC cloud closed\n');
    expect(two.diagnostics.map((d) => d.line)).toEqual([5, 6]);
  });

  it('returns nothing for a document without a timeline', () => {
    const r = fromText('# X\n\n## Summary\n\nAt 14:05 things broke.\n');
    expect(r).toEqual({ events: [], diagnostics: [], dateOrder: null, entryBlocks: new Set() });
  });

  it('sets aside what a bold label of another section introduces, in a timeline of several incidents', () => {
    const md = [
      '# Two outages', '', '## Timeline', '', '### 2025-03-04 - Queue backlog', '',
      '**Length:** 09:10 to 09:55 UTC (45 minutes)  ', '**Impact:** webhooks delayed', '',
      '**Root causes:**', '', '- worker pool sized for last year', '- no alert on queue depth', '',
      '**Timeline:**', '', '- **09:10 UTC** - backlog starts growing', '- **09:55 UTC** - workers scaled up', '',
      '### 2025-03-06 - Login errors', '',
      '**Impact:** one in ten logins failed', '', '- **14:00 UTC** - cookie change shipped', '',
      '**Notes:**', '', '- 14:20 UTC: rolled back',
    ].join('\n');
    expect(brief(fromText(md))).toEqual([
      [17, '2025-03-04T09:10Z', '09:10 UTC', 'backlog starts growing'],
      [18, '2025-03-04T09:55Z', '09:55 UTC', 'workers scaled up'],
      // "**Impact:** …" with its text sets aside only itself; any other label ends an aside.
      [24, '2025-03-06T14:00Z', '14:00 UTC', 'cookie change shipped'],
      [28, '2025-03-06T14:20Z', '14:20 UTC', 'rolled back'],
    ]);
  });

  it('goes on into day and entry headings written at the timeline\'s own level, in its zone', () => {
    const md = [
      '# Slow starts', '', '## Timeline', '', '_All times in CEST_', '',
      '## June 3', '', '### 23:40', '', 'Users report slow starts', '', '### 00:10', '', 'Node pool scaled up', '',
      '## Tuesday, June 4', '', '### 09:00', '', 'Quota raised', '', '## 09:30', '', 'Workshop starts', '',
      '## Impact', '', '## June 9', '', 'Not part of the timeline.',
    ].join('\n');
    const parsed = parsePostmortem('inline.md', md);
    expect(parsed.sections.map((s) => [s.heading, s.kind])).toEqual([
      ['Slow starts', 'other'], ['Timeline', 'timeline'], ['June 3', 'timeline'], ['23:40', 'timeline'], ['00:10', 'timeline'],
      ['Tuesday, June 4', 'timeline'], ['09:00', 'timeline'], ['09:30', 'timeline'], ['Impact', 'impact'], ['June 9', 'other'],
    ]);
    expect(brief(fromText(md, { incidentDate: '2025-06-05' }))).toEqual([
      [9, '2025-06-03T21:40Z', '23:40', 'Users report slow starts'],
      // Past midnight: the next day.
      [13, '2025-06-03T22:10Z', '00:10', 'Node pool scaled up'],
      [19, '2025-06-04T07:00Z', '09:00', 'Quota raised'],
      // An entry heading written at the timeline's level, too.
      [23, '2025-06-04T07:30Z', '09:30', 'Workshop starts'],
    ]);
  });

  it('reads a table row that only names a day as the date of the rows under it, not as an entry', () => {
    const md = ['# X', '', '## Timeline (UTC)', '', '| Time | Event |', '|---|---|', '| **May 6** | |', '| 23:40 | deploy starts |', '| **May 7** | |', '| 00:10 | rollback |'].join('\n');
    expect(brief(fromText(md, { incidentDate: '2024-05-06' }))).toEqual([
      [8, '2024-05-06T23:40Z', '23:40', 'deploy starts'],
      [10, '2024-05-07T00:10Z', '00:10', 'rollback'],
    ]);
  });

  it('dates a table row by its Date column when a Day column of weekdays comes first', () => {
    const md = [
      '# X', '', '## Timeline', '',
      '| Day | Date (2024) | Time (UTC) | Event |', '|---|---|---|---|',
      '| Wed | Mar 6 | 23:50 | Token revoked |', '| Thu | Mar 7 | 00:15 | Sessions cleared |',
    ].join('\n');
    expect(brief(fromText(md, { incidentDate: '2024-03-07' }))).toEqual([
      [7, '2024-03-06T23:50Z', 'Mar 6 23:50', 'Token revoked'],
      [8, '2024-03-07T00:15Z', 'Mar 7 00:15', 'Sessions cleared'],
    ]);
  });

  it('keeps an untimed list as the detail of the entry whose text introduces it with a colon', () => {
    const md = [
      '# X', '', '## Timeline', '', '### 2024-05-02', '', 'A workaround is reverted.', '',
      'The fix lands with a test that:', '', '- builds an app without Android', '- checks the APK', '',
      'Release notes are updated.',
    ].join('\n');
    expect(brief(fromText(md))).toEqual([
      [7, '2024-05-02', null, 'A workaround is reverted.'],
      [9, '2024-05-02', null, 'The fix lands with a test that: builds an app without Android checks the APK'],
      [14, '2024-05-02', null, 'Release notes are updated.'],
    ]);
  });

  it('keeps an untimed list right under a timed paragraph as that entry\'s detail; timed items stay entries', () => {
    const md = [
      '# X', '', '## Timeline', '', '**02:22** - Ran terraform apply', '- It replaced the config resources', '- **CRITICAL:** they reset on destroy', '',
      '**02:24** - Control planes reset', '- powder → maintenance mode', '- 02:25 API unreachable', '- cluster down',
    ].join('\n');
    expect(brief(fromText(md, { incidentDate: '2026-01-05' }))).toEqual([
      [5, '2026-01-05T02:22Z', '02:22', 'Ran terraform apply It replaced the config resources CRITICAL: they reset on destroy'],
      [9, '2026-01-05T02:24Z', '02:24', 'Control planes reset powder → maintenance mode'],
      [11, '2026-01-05T02:25Z', '02:25', 'API unreachable cluster down'],
    ]);
  });

  it('sets aside a subsection of the timeline that names another part of the report', () => {
    const md = '# X\n\n## Timeline\n\n### January 10, 2026\n\n| Time (UTC) | Event |\n|---|---|\n| 23:09:37 | Release job starts |\n\n### Key Evidence from Logs\n\n```\nerror E404\n```\n\nThe success message came right after the error.\n\n### January 11, 2026\n\n- 08:00 Release pulled\n';
    expect(brief(fromText(md)).map((e) => [e[0], e[1]])).toEqual([[9, '2026-01-10T23:09:37Z'], [21, '2026-01-11T08:00Z']]);
  });

  it('reads status-page updates, each a heading with its date and time, when there is no timeline section', () => {
    const md = '---\ntitle: File storage down\n---\n\n## 2025-01-21T18:00:00 - Service is back\n\n* Plugin disabled\n* Close monitoring\n\n## 2025-01-21T09:30:00\n\nThe service is unreachable.\n\n## Notes\n\nNothing else.\n';
    expect(brief(fromText(md))).toEqual([
      [5, '2025-01-21T18:00:00Z', '2025-01-21T18:00:00', 'Service is back Plugin disabled Close monitoring'],
      [10, '2025-01-21T09:30:00Z', '2025-01-21T09:30:00', 'The service is unreachable.'],
    ]);
  });

  it('takes a note on the timeline\'s day and zone, reads headings that name its phases as no entries, and skips a closing "**Resolution**:" note', () => {
    const md = [
      '# X', '', '## Timeline', '',
      'All events happened on **24 July 2025**. Times are quoted in the local timezone, Europe/London, which was BST (UTC+1) at the time.', '',
      '### Timeline of problems', '', '1. 02:00:00 – CPU usage becomes abnormally high', '2. 02:44 (01:44 UTC) – Monitoring detected the outage', '',
      '### Timeline of troubleshooting', '', 'At around 12:00, I try to access Immich.', '',
      '### Timeline of recovery', '', '- 14:05 Kubelet restarted', '- **Resolution**: restarting the kubelet on both nodes fixed it', '- **Resolution**: at 14:30 all pods ran', '',
    ].join('\n');
    expect(brief(fromText(md, { incidentDate: '2025-07-25' })).map((e) => [e[0], e[1], e[3]])).toEqual([
      [9, '2025-07-24T01:00:00Z', 'CPU usage becomes abnormally high'],
      [10, '2025-07-24T01:44Z', '(01:44 UTC) – Monitoring detected the outage'],
      [14, '2025-07-24T11:00Z', 'I try to access Immich.'],
      [18, '2025-07-24T13:05Z', 'Kubelet restarted'],
      [20, '2025-07-24', 'Resolution: at 14:30 all pods ran'],
    ]);
  });

  it('reads the day and zone of a heading over status updates headed by their times', () => {
    const md = '# Exploit timeline\n\n## August 12, 2026 (America/Chicago)\n\n### 7:51 PM — exploit transaction\n\nSeen on chain.\n\n### 3:43 AM — funds preserved\n\nSwept.\n';
    expect(brief(fromText(md)).map((e) => [e[0], e[1]])).toEqual([[5, '2026-08-13T00:51Z'], [9, '2026-08-13T08:43Z']]);
  });

  it('reads status updates each under a time alone on its line, in a document without a timeline section', () => {
    const md = '---\ntitle: FRA1 disruption\ndate: 2021-10-08 10:59:00\n---\n\n11:55 GMT+1\n\nAPI queries respond again.\n\nWe keep monitoring.\n\n---\n\n11:13 GMT+1\n\nWe identified the issue.\n\n---\n\nA note with no time.\n';
    expect(brief(fromText(md, { incidentDate: '2021-10-08' }))).toEqual([
      [6, '2021-10-08T10:55Z', '11:55 GMT+1', 'API queries respond again. We keep monitoring.'],
      [14, '2021-10-08T10:13Z', '11:13 GMT+1', 'We identified the issue.'],
    ]);
  });

  it('reads cState status updates, each dated by the `{{< track >}}` shortcode under it', () => {
    const md = '---\ntitle: Major DNS outage\ndate: 2019-09-29 18:00:00\n---\n\n**Working on the issue**\nThe registrar rolled back the change.\n{{< track "2019-09-29 21:00:00" >}}\n\n**Major DNS outage**:\nGlue records were removed.\n{{< track "2019-09-29 10:00:00" >}}\n';
    expect(brief(fromText(md))).toEqual([
      [8, '2019-09-29T21:00:00Z', '2019-09-29 21:00:00', 'Working on the issue The registrar rolled back the change.'],
      [12, '2019-09-29T10:00:00Z', '2019-09-29 10:00:00', 'Major DNS outage: Glue records were removed.'],
    ]);
  });

  it('reads a `{{< track >}}` that ends the update\'s line, and Statusfy\'s `::: update Status | time` blocks', () => {
    const cstate = '---\ntitle: Legacy cluster errors\ndate: 2020-05-28T14:20:00Z\n---\nWe are seeing errors.\n\n**Update**: The error rate is decreasing. {{< track "2020-05-28T14:32:00.000Z" >}}\n\n**Update**: Errors again. {{< track "2020-05-28T14:55:00.000Z" >}}\n';
    expect(brief(fromText(cstate))).toEqual([
      [7, '2020-05-28T14:32:00Z', '2020-05-28T14:32:00.000Z', 'Update: The error rate is decreasing.'],
      [9, '2020-05-28T14:55:00Z', '2020-05-28T14:55:00.000Z', 'Update: Errors again.'],
    ]);
    const statusfy = '---\ntitle: Workspaces do not start\ndate: 2021-01-13T17:06:46.693Z\n---\nWe are investigating.\n\n::: update Monitoring | 2021-01-14T11:03:46.693Z\nA fix has been implemented.\n\nWe are watching the results.\n:::\n\n::: update | 2021-01-13T17:12:46.693Z\nTraffic is routed to the EU cluster.\n:::\n';
    expect(brief(fromText(statusfy))).toEqual([
      [7, '2021-01-14T11:03:46Z', '2021-01-14T11:03:46.693Z', 'Monitoring: A fix has been implemented. We are watching the results.'],
      [13, '2021-01-13T17:12:46Z', '2021-01-13T17:12:46.693Z', 'Update: Traffic is routed to the EU cluster.'],
    ]);
  });

  it('reads a timeline listed inside another section when its lead-in names it, in a document without a timeline section', () => {
    const md = '# February 11, 2016 incident report\n\n### What happened\n\nThis is the timeline of events that occurred on Thursday February 11 2016, starting at 10.42am:\n\n - 10.42: the application became unavailable.\n - 10.46: engineers were alerted.\n - 10.56: the platform auto-healed.\n\nThis is what we have learnt:\n\n - 10.42 is when the instance was terminated.\n - The router lost its routes.\n';
    expect(brief(fromText(md, { incidentDate: '2016-02-11' })).map((e) => [e[0], e[1]])).toEqual([
      [7, '2016-02-11T10:42Z'], [8, '2016-02-11T10:46Z'], [9, '2016-02-11T10:56Z'],
    ]);
  });

  it('reads a list of items nearly all opening with a time as the timeline of a document without one, but for its action items', () => {
    const md = '## CI failures in AWS\n\n* **23:00 UTC(*April 5*)** - A CI run fails\n* **11:00 UTC** - More failures\n* **12:00 UTC** - Isolated to us-east-2\n* Nothing else\n\n## Action items\n\n- 2022-04-10 09:00 Add a second region\n- 2022-04-11 09:00 Alert on NAT errors\n- 2022-04-12 09:00 Review quotas\n';
    expect(brief(fromText(md, { incidentDate: '2022-04-06' })).map((e) => [e[0], e[1]])).toEqual([
      [3, '2022-04-05T23:00Z'], [4, '2022-04-06T11:00Z'], [5, '2022-04-06T12:00Z'], [6, null],
    ]);
  });

  it('reads four-digit times throughout a section that writes its times so, "1923" among them', () => {
    const md = '# X\n\n## How was it fixed\n\n### 28 Feb 2017\n\n1738: the vendor posts an incident.\n\n[1758](https://chat.example/p1): we acknowledge it.\n\n1923: a service message goes out.\n\n~1940: we decide to migrate.\n\n2046: logins fail.\n';
    expect(brief(fromText(md)).map((e) => [e[1], e[2]])).toEqual([
      ['2017-02-28T17:38Z', '1738'], ['2017-02-28T17:58Z', '1758'], ['2017-02-28T19:23Z', '1923'], ['2017-02-28T19:40Z', '~1940'], ['2017-02-28T20:46Z', '2046'],
    ]);
    // The section's heading gives their zone as well as their day.
    const zoned = fromText(md.replace('### 28 Feb 2017', '### 28 Feb 2017 (all times CET)'));
    expect(zoned.events[0]!.at).toBe('2017-02-28T16:38Z');
    // Years opening entries stay years.
    const years = '# X\n\n## Timeline\n\n- 2015: servers bought\n- 2016: cluster built\n- 2019: cluster retired\n';
    expect(fromText(years).events.map((e) => e.at)).toEqual([null, null, null]);
    // Error codes under a timed entry are its text; a list of codes or ports elsewhere is no timeline.
    const codes = '# X\n\n## Timeline\n\n- 10:00 The API returns errors:\n  - 1040: Too many connections\n  - 1205: Lock wait timeout exceeded\n- 10:20 Pool settings reverted\n';
    expect(brief(fromText(codes, { incidentDate: '2024-05-06' })).map((e) => e[1])).toEqual(['2024-05-06T10:00Z', '2024-05-06T10:20Z']);
    for (const list of ['- 1040: Too many connections\n- 1205: Lock wait timeout\n- 1213: Deadlock found\n- 2013: Lost connection\n', '- 1433: SQL Server\n- 2049: NFS\n- 1521: Oracle\n']) {
      expect(fromText(`# X\n\n## Root cause\n\n${list}`, { incidentDate: '2024-05-06' }).events, list).toEqual([]);
    }
  });

  it('reads the day lines around a timeline listed inside another section, and the lists of later days under them', () => {
    const md = '# Webhook backlog\n\n## What happened\n\n**Tuesday, March 5**\n\n- 2:43 PM ET: queue depth alert\n- 2:47 PM ET: incident declared\n- 3:30 PM ET: queue drained\n\n**Wednesday, March 6**\n\n- 9:00 AM ET: review held\n\nThe review found a deploy halved concurrency.\n\n- 10:00 is when reviews start.\n';
    expect(brief(fromText(md, { incidentDate: '2024-03-05' })).map((e) => [e[0], e[1]])).toEqual([
      [7, '2024-03-05T19:43Z'], [8, '2024-03-05T19:47Z'], [9, '2024-03-05T20:30Z'], [13, '2024-03-06T14:00Z'],
    ]);
  });

  it('reads paragraphs that each open with a time as the updates of a document without a timeline section, from the line that introduces them', () => {
    const md = '# Power cut at the office\n\nThe server room lost power at 11:00 today.\n\n## Updates\n\nAll times CEST\n\n13:15 CEST: The utility expects six more hours.\n\nThe street has to be dug up.\n\n20:04 - Crews are on site.\n\n1:30 - Power is back.\n\n## Notes\n\n10:00: a backup ran.\n\n11:00: another one did.\n';
    expect(brief(fromText(md, { incidentDate: '2008-10-10' }))).toEqual([
      [9, '2008-10-10T11:15Z', '13:15 CEST', 'The utility expects six more hours. The street has to be dug up.'],
      [13, '2008-10-10T18:04Z', '20:04', 'Crews are on site.'],
      [15, '2008-10-10T23:30Z', '1:30', 'Power is back.'],
    ]);
    // Two such paragraphs are not enough, and times that are not followed by a separator are prose.
    const prose = '# Notes\n\n10:00 is when backups run.\n\n11:00 is when they end.\n\n12:00 is lunch.\n';
    expect(fromText(prose, { incidentDate: '2008-10-10' }).events).toEqual([]);
  });

  it('reads a fenced block of plain text under a "Timeline:" lead-in in another section, and leaves other code alone', () => {
    const md = '# CTF 2023 | Post-mortem\n\n## Tokens issues\n\nWe sent invalid tokens twice.\n\nTimeline:\n\n```\n10:00 UTC - cloud open\n10:40 UTC - cloud closed\n```\n\nThe fix:\n\n```\n10:00 UTC - not a timeline\n10:40 UTC - no lead-in names one\n```\n';
    expect(brief(fromText(md, { incidentDate: '2023-11-18' }))).toEqual([
      [10, '2023-11-18T10:00Z', '10:00 UTC', 'cloud open'],
      [11, '2023-11-18T10:40Z', '10:40 UTC', 'cloud closed'],
    ]);
  });

  it('reads a timeline told as prose: "So at 17:30 UTC, …", and a list that goes on from the entry above', () => {
    const long = 'We listed the backups first. '.repeat(80);
    const md = `# X\n\n## Timeline\n\nAt 17:25 UTC we started the restore.\n\n${long}\n\nTo restore without losing data, we needed to\n\n1. Restore the weekly backup.\n2. Replay the WALs.\n\nSo at 17:30 UTC, we started restoring with wal-g.\n\nIn the meantime, the backend team was paged.\n`;
    expect(brief(fromText(md, { incidentDate: '2025-09-02' })).map((e) => [e[0], e[1], e[2]])).toEqual([
      [5, '2025-09-02T17:25Z', '17:25 UTC'],
      [14, '2025-09-02T17:30Z', '17:30 UTC'],
    ]);
  });

  it('reads updates headed by a time alone on the incident\'s day, and starts no untimed entries under them', () => {
    const md = '2021-06-22\n==========\n\nOur CDN\'s DNS failed.\n\n### 11:28 UTC\n\nIssues continue.\n\n### 12:22 UTC\n\nService restored.\n';
    expect(brief(fromText(md, { incidentDate: '2021-06-22' }))).toEqual([
      [6, '2021-06-22T11:28Z', '11:28 UTC', 'Issues continue.'],
      [10, '2021-06-22T12:22Z', '12:22 UTC', 'Service restored.'],
    ]);
    const story = '# Everything crashed\n\n## 8:23 AM: The Discovery\n\nPods were crashing.\n\n```bash\nkubectl get pods\n```\n\n**I expected**: 23 healthy pods\n\n## 8:25 AM - Diagnosis\n\nWe looked.\n';
    const read = fromText(story, { incidentDate: '2025-10-05' });
    expect(brief(read).map((e) => [e[0], e[1]])).toEqual([[3, '2025-10-05T08:23Z'], [13, '2025-10-05T08:25Z']]);
  });

  it('reads times written in two zones of paired columns ("UTC/ACDT" over "03:16/13:46") in the first', () => {
    const md = '# X\n\n## Timeline\n\nUTC/ACDT\n\n03:16/13:46 - New Relic reports errors\n\n03:30/14:00 - Subdomain check fails\n';
    expect(brief(fromText(md, { incidentDate: '2021-11-15', timezone: 'Australia/Adelaide' }))).toEqual([
      [7, '2021-11-15T03:16Z', '03:16/13:46', 'New Relic reports errors'],
      [9, '2021-11-15T03:30Z', '03:30/14:00', 'Subdomain check fails'],
    ]);
  });

  it('reads a year-less day alone on its line ("11/25") as the day of the entries nested under it', () => {
    const md = '# X\n\n## Timeline\n\n* 11/25\n    * 15:00 - v1.4.0 released\n    * 23:16 - release tests done\n* 11/26\n    * 00:28 - v1.4.1 submitted\n';
    expect(brief(fromText(md, { incidentDate: '2021-11-25' })).map((e) => [e[0], e[1]])).toEqual([
      [6, '2021-11-25T15:00Z'], [7, '2021-11-25T23:16Z'], [9, '2021-11-26T00:28Z'],
    ]);
  });

  it('skips a line on the timeline\'s zone, a pointer to a full timeline, a note to keep in mind, and a labelled note on a phase', () => {
    const md = [
      '# X', '', '## Timeline', '', 'All events are documented in UTC time.', '',
      'A full timeline of updates is available on the status page.', '',
      '_Keep in mind: in the USA, the weekend is Saturday and Sunday._', '',
      '- **23:15 UTC**: Degradation begins', '- **Impact**: Blocks were missed during this period', '- **00:30 UTC**: Service restarted', '',
    ].join('\n');
    expect(brief(fromText(md, { incidentDate: '2025-08-18' })).map((e) => [e[0], e[1]])).toEqual([[11, '2025-08-18T23:15Z'], [13, '2025-08-19T00:30Z']]);
  });

  it('takes a zone alone on its line as the timeline\'s, and skips a pointer elsewhere', () => {
    const md = '# X\n\n## Timeline\n\n(UTC+9:30)\n\nSee the #incident channel for the whole chat.\n\n6:54am - First alert\n\n7:10am - Rollback\n';
    expect(brief(fromText(md, { incidentDate: '2018-04-24' }))).toEqual([
      [9, '2018-04-23T21:24Z', '6:54am', 'First alert'],
      [11, '2018-04-23T21:40Z', '7:10am', 'Rollback'],
    ]);
  });

  it('skips a graph pasted between the entries', () => {
    const md = '# X\n\n## Timeline\n\n- 10:00 Calls time out\n\n![Ingress traffic](ingress.png)\n\n[![QPS](qps.png)](qps-full.png)\n\n- 10:05 DNS pods OOM\n';
    expect(brief(fromText(md, { incidentDate: '2019-01-07' })).map((e) => e[0])).toEqual([5, 11]);
  });

  it('reads four digits in a column headed "Time" as a time, and skips a note and a legend of the table', () => {
    const md = [
      '# X', '', '## Timeline', '', '_All times in UTC._', '', 'Note: compiled from the chat transcript; there may be slight inaccuracies.', '', '**Types:** `automated`, `operator`, `comms`', '',
      '| Time | Event Type | Description |', '| --- | --- | --- |', '| 0730 | `operator` | Metadata renewed |', '| 0809 | `operator` | Provisioning fails |',
      '| 2359 | `comms` | Update sent |', '| 2460 | `comms` | Not a time |',
    ].join('\n');
    expect(brief(fromText(md, { incidentDate: '2019-02-04' }))).toEqual([
      [13, '2019-02-04T07:30Z', '0730', 'Metadata renewed'],
      [14, '2019-02-04T08:09Z', '0809', 'Provisioning fails'],
      [15, '2019-02-04T23:59Z', '2359', 'Update sent'],
      [16, null, '2460', 'Not a time'],
    ]);
  });

  it('reads "MM-DD HH:MM" without a year, in the incident\'s year (the year before for a month far after it)', () => {
    const md = '# Registry outage\n\n## Timeline\n\n- [12-05 16:21] bug introduced\n- [03-20 16:46] config updated\n- [03-26 17:40] node upgrade starts\n';
    const r = fromText(md, { incidentDate: '2019-03-26' });
    expect(brief(r)).toEqual([
      [5, '2018-12-05T16:21Z', '12-05 16:21', 'bug introduced'],
      [6, '2019-03-20T16:46Z', '03-20 16:46', 'config updated'],
      [7, '2019-03-26T17:40Z', '03-26 17:40', 'node upgrade starts'],
    ]);
    expect(r.dateOrder).toBe('mdy');
  });

  it('counts "+10 minutes" from the last entry given in full, and warns when there is none', () => {
    const md = '# X\n\n## Timeline\n\n- +5 min: pager fires\n- July 2 2025, 11:00 AM UTC: snapshot taken\n- +10 minutes: upgrade retried\n- T+2h: checkout passes\n';
    const r = fromText(md);
    expect(brief(r)).toEqual([
      [5, null, '+5 min', 'pager fires'],
      [6, '2025-07-02T11:00Z', 'July 2 2025, 11:00 AM UTC', 'snapshot taken'],
      [7, '2025-07-02T11:10Z', '+10 minutes', 'upgrade retried'],
      [8, '2025-07-02T13:00Z', 'T+2h', 'checkout passes'],
    ]);
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([[5, expect.stringContaining('counts from an earlier time')]]);
  });

  it('reads four digits after a date as its time: "2024-03-12 0616: wrong block"', () => {
    const md = '# X\n\n## Timeline (UTC)\n\n- 2024-03-12 0616: wrong block produced\n- 2024-03-12 0619: alerts fire\n';
    expect(fromText(md).events.map((e) => e.at)).toEqual(['2024-03-12T06:16Z', '2024-03-12T06:19Z']);
    // A run of colons as the separator; four digits before plain text stay a number.
    const colons = '# X\n\n## Timeline (UTC)\n\n- 2022-01-08 2233 ::::: a node stops reporting\n- 2022-01-08 2000 users were logged out\n';
    expect(brief(fromText(colons))).toEqual([[5, '2022-01-08T22:33Z', '2022-01-08 2233', 'a node stops reporting'], [6, '2022-01-08', '2022-01-08', '2000 users were logged out']]);
  });

  it('skips a sentence that sums up the duration before the first entry', () => {
    const md = '# X\n\n## Timeline\n\nIt took 1 hour and 31 minutes from the first report to the fix.\n\n### 2020-02-20\n\n- 21:17 UTC first report\n';
    expect(brief(fromText(md))).toEqual([[9, '2020-02-20T21:17Z', '21:17 UTC', 'first report']]);
  });

  it('skips a template\'s prompt left at the top of the timeline', () => {
    const md = '# X\n\n## Timeline\n\nWhat was the exact timeline of the relevant events?\n\n(all times CET)\n\n- 2025-02-10 00:21 first report\n';
    expect(brief(fromText(md))).toEqual([[9, '2025-02-09T23:21Z', '2025-02-10 00:21', 'first report']]);
  });

  it('reads bare times on a 12-hour clock as the afternoon going on, where the timeline writes AM and PM', () => {
    const md = '# X\n\n## Timeline\n\n- 9:43 AM issue found\n- 11:57 patch discussed\n- 1:17 test shared\n- 1:42-1:59 PM releases\n- 9:35 retrospective\n';
    expect(fromText(md, { incidentDate: '2025-03-05' }).events.map((e) => e.at)).toEqual([
      '2025-03-05T09:43Z', '2025-03-05T11:57Z', '2025-03-05T13:17Z', '2025-03-05T13:42Z', '2025-03-05T21:35Z',
    ]);
    // A 24-hour time with its leading zero stays as written. Where no AM or PM is written, only a time
    // right after one around noon is taken as the afternoon going on.
    expect(fromText('# X\n\n## Timeline\n\n- 2:05 PM a\n- 15:00 b\n- 09:30 c\n', { incidentDate: '2025-03-05' }).events.map((e) => e.at?.slice(11)))
      .toEqual(['14:05Z', '15:00Z', '09:30Z']);
    expect(fromText('# X\n\n## Timeline\n\n- 11:57 a\n- 1:17 b\n', { incidentDate: '2025-03-05' }).events.map((e) => e.at?.slice(11)))
      .toEqual(['11:57Z', '13:17Z']);
    expect(fromText('# X\n\n## Timeline\n\n- 15:00 a\n- 1:17 b\n', { incidentDate: '2025-03-05' }).events.map((e) => e.at?.slice(11)))
      .toEqual(['15:00Z', '01:17Z']);
  });

  it('counts subsections once', () => {
    const md = '# X\n\n## Timeline\n\n### 2023-08-25\n\n- 10:00 a\n\n### 2023-08-26\n\n- 11:00 b\n';
    expect(fromText(md).events.map((e) => e.at)).toEqual(['2023-08-25T10:00Z', '2023-08-26T11:00Z']);
  });
});

describe('hostile input', () => {
  it('never throws on odd input', () => {
    const odd = [
      '', '## Timeline', '## Timeline\n\n|', '## Timeline\n\n| a |\n| - |\n', '## Timeline\n\n- \n- \n',
      `## Timeline\n\n${'> '.repeat(3000)}10:00 x\n`, `## Timeline\n\n${'*_'.repeat(2000)}10:00${'_*'.repeat(2000)}\n`,
      `## Timeline\n\n- ${'1'.repeat(200_000)}\n- ${'12:'.repeat(50_000)}\n- ${'~'.repeat(50_000)} ${'On '.repeat(30_000)}\n`,
      `## Timeline\n\n{% ${'{%'.repeat(5000)} %}\n`, `## Timeline\n\n- ${'2025-'.repeat(20_000)}\n`,
    ];
    for (const md of odd) expect(() => fromText(md, { incidentDate: 'not a date', timezone: 'Nowhere/Void' })).not.toThrow();
    const bad = extractTimeline({ sections: null as never, text: null as never, incidentDate: null, timezone: 1 as never, dateOrder: 'auto' });
    expect(bad.events).toEqual([]);
  });

  it('reads a timeline of 100,000 entries in a few seconds', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `- ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} event ${i}`);
    const parsed = parsePostmortem('big.md', `# Big\n\n## Timeline\n\n${lines.join('\n')}\n`);
    const start = performance.now();
    const r = extractTimeline({ sections: parsed.sections, text: parsed.text, incidentDate: '2024-01-01', timezone: 'Europe/London', dateOrder: 'auto' });
    const elapsed = performance.now() - start;
    expect(r.events).toHaveLength(100_000);
    expect(r.events[1440]!.at).toBe('2024-01-02T00:00Z');
    expect(elapsed).toBeLessThan(5000);
  }, 120_000);
});
