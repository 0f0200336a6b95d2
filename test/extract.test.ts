import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../src/core/parse.ts';
import { extractIncident } from '../src/core/extract.ts';
import { incidentListSchema, incidentSchema } from '../schemas/incident.ts';
import { configSchema } from '../schemas/config.ts';

const root = new URL('..', import.meta.url).pathname;
const seedFile = 'content/incidents/2025-04-22-management-cluster-nodes-flapping.md';
const bin = join(root, 'bin/hindsight.mjs');

function hindsight(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the seed', () => {
  const extraction = extractIncident(parsePostmortem(seedFile, readFileSync(join(root, seedFile))));

  it('extracts exactly to the reviewed fixture', () => {
    const fixture = JSON.parse(readFileSync(join(root, 'test/fixtures/core/seed.incident.json'), 'utf8'));
    expect(extraction.incident).toEqual(fixture);
    expect(incidentSchema.safeParse(extraction.incident).success).toBe(true);
  });

  it('has four authored events over two days, day-month order inferred, and the OOM kill as a log event', () => {
    const { timeline } = extraction.incident;
    expect(timeline.filter((e) => e.source === 'timeline').map((e) => e.at)).toEqual(['2025-04-21', '2025-04-21', '2025-04-21', '2025-04-22']);
    expect(extraction.dateOrder).toBe('dmy');
    expect(timeline.find((e) => e.source === 'log')).toMatchObject({ at: '2025-04-22T10:37:36Z', line: 45 });
    expect(extraction.incident.logs[0]).toMatchObject({ host: '172.25.100.11', kind: 'oom-kill', details: { process: 'kube-apiserver' } });
    expect(extraction.diagnostics).toEqual([]);
  });
});

describe('files without front matter', () => {
  it('still yield an incident, with the title and date from the H1, and an error', () => {
    const text = '# Website outage 2021-05-26\n\n## Timeline\n\n- 16:49 UTC branch renamed\n\n## Root cause\n\nA bug in the CI job that publishes the site.\n';
    const { incident, diagnostics } = extractIncident(parsePostmortem('notes/outage.md', text));
    expect(incident).toMatchObject({ title: 'Website outage 2021-05-26', date: '2021-05-26', slug: 'outage' });
    expect(incident.timeline[0]).toMatchObject({ at: '2021-05-26T16:49Z', precision: 'minute' });
    expect(diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'frontmatter-missing', severity: 'error', line: 1, column: 1 }));
  });

  it('take the date from the file name when the H1 has none', () => {
    const { incident } = extractIncident(parsePostmortem('2023-01-23-ingress-upgrade.md', '# Ingress upgrade\n\nText.\n'));
    expect(incident.date).toBe('2023-01-23');
    expect(extractIncident(parsePostmortem('20260414_ide_outage.md', '# IDE outage\n\nText.\n')).incident.date).toBe('2026-04-14');
    expect(extractIncident(parsePostmortem('build_12345678.md', '# Build\n\nText.\n')).incident.date).toBeNull();
  });

  it('take title and date from a report header written as headings', () => {
    const text = '## Incident Report for Failed Reward Payout\n## Date: March 08, 2024\n## Time: 05:13 UTC\n\n## Details:\n\nThe payout job stopped.\n';
    const { incident } = extractIncident(parsePostmortem('report.md', text));
    expect([incident.title, incident.date]).toEqual(['Incident Report for Failed Reward Payout', '2024-03-08']);
  });

  it('read a header written as a list of plain labels at the top', () => {
    const text = '# Slow blocks\n\n- Date: 2025-DEC-5\n- Authors: Platform team\n- Root Causes: Bulk transfers overloaded block processing.\n- Status: resolved\n\n## Timeline\n\n- 22:11 first slow block\n';
    const { incident } = extractIncident(parsePostmortem('notes.md', text));
    expect([incident.date, incident.authors, incident.rootCause]).toEqual(['2025-12-05', ['Platform team'], 'Bulk transfers overloaded block processing.']);
    expect(incident.timeline[0]).toMatchObject({ at: '2025-12-05T22:11Z' });
  });

  it('read a header list under a second heading before the first section, and a Pelican metadata block', () => {
    const halt = extractIncident(parsePostmortem('x.md', '# Testnet Halt 95\n\n## Testnet Halt 95\n\n* **Chain id:** `testnet`\n* **Date:** 16/03/2020 3am UTC\n\n### Description\n\nA proposal halted the chain.\n\n- **Date:** 2021-01-01\n')).incident;
    expect(halt.date).toBe('2020-03-16');
    const pelican = extractIncident(parsePostmortem('post.md', 'slug: pine-downtime\npublished: Mon, 17 Feb 2020 at 04:57 AM\ntitle: Pine.blog Downtime Post-Mortem\nauthor: Brian\n\nThe disk filled.\n\n### The Causes\n\nLogs.\n')).incident;
    expect([pelican.title, pelican.date]).toEqual(['Pine.blog Downtime Post-Mortem', '2020-02-17']);
    // A table headed "Title | Link" lists things: its header row gives no title.
    const table = extractIncident(parsePostmortem('notes.md', '# Outage\n\n| Title | Link |\n|---|---|\n| Runbook | https://x.test |\n')).incident;
    expect(table.title).toBe('Outage');
  });

  it('take the date from a dated heading right under the title H1 (a log of incidents)', () => {
    const text = '# Storage Server Incidents\n\n## 2026-03-01 — NFS Outage: All PVCs Failed to Mount\n\n### Timeline\n\n| Time | Event |\n|---|---|\n| Feb 28, 06:06 UTC | nfs-server stopped |\n| Mar 1, 13:17 UTC | restarted |\n';
    const { incident } = extractIncident(parsePostmortem('incidents.md', text));
    expect([incident.date, incident.timeline.map((e) => e.at)]).toEqual(['2026-03-01', ['2026-02-28T06:06Z', '2026-03-01T13:17Z']]);
  });

  it('take the title and date a front matter block YAML refuses still gives on plain lines', () => {
    const text = '---\ntitle: Post-Mortem: Pull Request Unavailability\ndate: "2012-09-24"\nlayout: post\n---\n\n# Heading\n\nText.\n';
    const parsed = parsePostmortem('post.md', text);
    const { incident } = extractIncident(parsed);
    expect([incident.title, incident.date]).toEqual(['Post-Mortem: Pull Request Unavailability', '2012-09-24']);
    expect(parsed.diagnostics.map((d) => d.ruleId)).toContain('frontmatter-yaml');
  });

  it('read a field given as a heading with its value under it, and date the incident by a start time', () => {
    const headings = extractIncident(parsePostmortem('x.md', '# v23 shipped broken\n\n## Date\n\n2025-03-26\n\n## Authors\n\n@alice @bob\n\n## Summary\n\nText.\n')).incident;
    expect([headings.date, headings.authors]).toEqual(['2025-03-26', ['@alice', '@bob']]);
    const start = extractIncident(parsePostmortem('notes.md', '# Outage\n\n**Start time:** 2024-01-05 14:32 UTC\n\n## Summary\n\nText.\n')).incident;
    expect([start.date, start.started]).toEqual(['2024-01-05', '2024-01-05T14:32Z']);
    const japanese = extractIncident(parsePostmortem('x.md', '# 障害報告\n\n## 障害の内容\n\n### 発生日時\n2021年11月25日午後3時\n\n### 復旧日時\n2021年11月26日午前10時47分\n')).incident;
    expect([japanese.date, japanese.started, japanese.resolved]).toEqual(['2021-11-25', '2021-11-25T15:00Z', '2021-11-26T10:47Z']);
  });

  it('leave a subsection with a role of its own out of a section\'s text', () => {
    const text = '---\ntitle: t\ndate: 2026-01-05\n---\n\n## Root Cause Analysis\n\n### Timeline\n\n**02:00** - Node added\n\n### Technical Root Cause\n\nA destroy provisioner reset every node.\n\n### Notes\n\nIt ran on apply.\n';
    const { incident } = extractIncident(parsePostmortem('x.md', text));
    expect(incident.rootCause).toBe('Technical Root Cause\n\nA destroy provisioner reset every node.\n\nNotes\n\nIt ran on apply.');
    expect(incident.timeline.map((e) => e.at)).toEqual(['2026-01-05T02:00Z']);
  });

  it('else take the date from a blog address, the first timeline entry as written, or the opening sentence', () => {
    const address = extractIncident(parsePostmortem('post.md', '+++\ntitle = "Registry outage"\npath = "2023/09/01/registry-outage.html"\n+++\n\nText.\n'));
    expect(address.incident.date).toBe('2023-09-01');
    // 23:30 PST on 12 May is 13 May in UTC; the day written is the 12th.
    const timeline = extractIncident(parsePostmortem('notes.md', '# Registry outage\n\n## Timeline (all times PST)\n\n- 2024-05-12 23:30 builds fail\n'));
    expect(timeline.incident.date).toBe('2024-05-12');
    const opening = extractIncident(parsePostmortem('notes.md', '---\ntitle: Token leak\n---\n\nOn 18th April 2021 a researcher reported a leaked token. On 20 April 2021 it was revoked.\n'));
    expect(opening.incident.date).toBe('2021-04-18');
    // An Astro blog's `pubDate` written out.
    const published = extractIncident(parsePostmortem('post.md', '---\ntitle: Blob storage outage\npubDate: Dec 31, 2024\n---\n\nText.\n'));
    expect(published.incident.date).toBe('2024-12-31');
    // Hashnode's `datePublished`, and a `published_at` in the `date` command's words (its year last).
    const hashnode = extractIncident(parsePostmortem('post.md', '---\ntitle: DNSSEC broke the blog\ndatePublished: 2020-06-16T12:38:57.000Z\n---\n\nText.\n'));
    expect(hashnode.incident.date).toBe('2020-06-16');
    // A header label in French, and a document whose opening heading (no H1, no front matter) dates it.
    expect(extractIncident(parsePostmortem('x.md', '# Bannissement abusif\n\n## Informations générales\n\n- **Date de création :** 2025-01-04\n- **Auteur :** Louis\n')).incident.date).toBe('2025-01-04');
    expect(extractIncident(parsePostmortem('x.md', '## Mail outage November 25-30, 2010\n\nA block list added our servers.\n')).incident.date).toBe('2010-11-25');
    // A blog that names the title `heading`: its date is the incident's day, before the post's.
    const heading = extractIncident(parsePostmortem('post.md', '---\nheading: "Post-mortem: step backlogs on Aug 31, 2023"\ndate: 2023-09-08\n---\n\n## Timeline\n\n- Thurs 07:06 PDT: Paged.\n'));
    expect([heading.incident.title, heading.incident.timeline[0]!.at]).toEqual(['Post-mortem: step backlogs on Aug 31, 2023', '2023-08-31T14:06Z']);
    const dateCommand = extractIncident(parsePostmortem('post.md', '---\ntitle: Data loss\npublished_at: Thu Mar 20 20:14:14 PDT 2025\n---\n\nText.\n'));
    expect(dateCommand.incident.date).toBe('2025-03-20');
    // "Sept." abbreviates the month; the sentence goes on.
    const abbreviated = extractIncident(parsePostmortem('notes.md', '# Overview\n\nIn the morning of Sept. 18th, 2017, a couple of our sites went down. On Oct. 2, 2017 it recurred.\n'));
    expect(abbreviated.incident.date).toBe('2017-09-18');
    // Header fields an editor export ran together on one line.
    const runTogether = extractIncident(parsePostmortem('notes.md', '# Flutter postmortem: platform views\n\nStatus:Published Owners: a, b\n\n## Summary\n\nViews stopped displaying.\n\nComponent: Android Date/time: 2024-05-28 Duration: 6 months\n'));
    expect(runTogether.incident.date).toBe('2024-05-28');
  });

  it('give a null date, never a made-up one, when nothing names a day; and an error', () => {
    const { incident, diagnostics } = extractIncident(parsePostmortem('notes.md', '# Registry outage\n\nOn 28th February the registry went down.\n'));
    expect(incident.date).toBeNull();
    expect(incidentSchema.safeParse(incident).success).toBe(true);
    expect(diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'frontmatter-schema', severity: 'error', message: expect.stringContaining('No date') }));
  });
});

describe('front matter the schema refuses', () => {
  it('still gives tags and categories, split as the schema splits them', () => {
    // No title: the schema refuses the block, and the fields are read from the raw data.
    const { incident } = extractIncident(parsePostmortem('x.md', '---\ndate: 2024-01-01\ntags: nginx tls\ncategories: a, b c\n---\n'));
    expect([incident.tags, incident.categories]).toEqual([['nginx', 'tls'], ['a', 'b c']]);
  });
});

describe('milestones and durations', () => {
  it('come from front matter, read in the configured zone when written without one', () => {
    const text = '---\ntitle: t\ndate: 2024-03-10\nstarted: 2024-03-10T01:30\ndetected: 2024-03-10T03:10\nresolved: 2024-03-10T04:00\n---\n';
    const { incident } = extractIncident(parsePostmortem('x.md', text));
    expect(incident.started).toBe('2024-03-10T01:30Z');
    const ny = extractIncident(parsePostmortem('x.md', text), configSchema.parse({ timezone: 'America/New_York' }));
    // 01:30 EST is 06:30Z; 03:10 EDT (after the spring-forward) is 07:10Z.
    expect(ny.incident.started).toBe('2024-03-10T06:30Z');
    expect(ny.incident.detected).toBe('2024-03-10T07:10Z');
    expect(ny.incident.timeToDetectMinutes).toBe(40);
    expect(ny.incident.durationMinutes).toBe(90);
  });

  it('take a start marker only with the outage as its subject', () => {
    const text = '# CI outage on 2026-07-02\n\n## Timeline\n\n- 07:48 CI outage reported\n- 08:53 Mitigation attempt failed\n- 10:13 More investigations into the outage began\n- 11:00 Tree reopened\n';
    expect(extractIncident(parsePostmortem('x.md', text)).incident.started).toBe('2026-07-02T07:48Z');
    expect(extractIncident(parsePostmortem('x.md', text.replace('More investigations into the outage began', 'The outage began'))).incident.started).toBe('2026-07-02T10:13Z');
  });

  it('are read in the file\'s own `timezone` when it gives one', () => {
    const text = '---\ntitle: t\ndate: 2024-03-09\ntimezone: Europe/Berlin\nstarted: 2024-03-09T14:00\n---\n\n## Timeline\n\n- 14:32 Alert fired\n- 3:20 PM CET Rolled back\n';
    const { incident, diagnostics } = extractIncident(parsePostmortem('x.md', text));
    expect(diagnostics).toEqual([]);
    expect(incident.timezone).toBe('Europe/Berlin');
    expect(incident.started).toBe('2024-03-09T13:00Z');
    expect(incident.timeline.map((e) => e.at)).toEqual(['2024-03-09T13:32Z', '2024-03-09T14:20Z']);
    const bad = extractIncident(parsePostmortem('x.md', text.replace('Europe/Berlin', 'Mars/Olympus')));
    // Without a zone it can use, the timeline's own (CET, the one zone its entries write) is the incident's.
    expect(bad.incident.timezone).toBe('UTC+01:00');
    expect(bad.diagnostics.map((d) => [d.ruleId, d.line, d.message])).toEqual([['frontmatter-schema', 4, expect.stringContaining('is not a time zone this runtime knows')]]);
  });

  it('put undated times on the day the title names, when the postmortem came out up to 60 days later', () => {
    const body = '\n## Timeline\n\nAt 13:42, a WAF rule for XSS detection was deployed.\n\nAt 13:45, the first PagerDuty page was received.\n';
    const late = extractIncident(parsePostmortem('x.md', `---\ntitle: "Details of the outage on July 2, 2019"\ndate: 2019-07-12\n---\n${body}`)).incident;
    expect(late.date).toBe('2019-07-12');
    expect(late.timeline.map((e) => e.at)).toEqual(['2019-07-02T13:42Z', '2019-07-02T13:45Z']);
    // "XSS detection" is not the incident being detected; the page is.
    expect(late.detected).toBe('2019-07-02T13:45Z');
    for (const title of ['Outage on July 2', 'Outage on July 2, 2018', 'Outage on July 20, 2019']) {
      const other = extractIncident(parsePostmortem('x.md', `---\ntitle: "${title}"\ndate: 2019-07-12\n---\n${body}`)).incident;
      expect(other.timeline[0]!.at, title).toBe('2019-07-12T13:42Z');
    }
  });

  it('else come from bold labels in a report\'s header', () => {
    const text = [
      '---', 'title: t', 'date: 2024-01-05', 'timezone: America/Los_Angeles', '---', '',
      '**Start time:** 2024-01-05 14:32', '', '**Detected:** 2024-01-05 14:40 UTC', '', '**End time:** January 5, 2024 3:20 PM', '',
      '**Duration:** about 48 minutes', '', '## Timeline', '', '- 14:35 first error', '- 16:00 postmortem started',
    ].join('\n');
    const { incident } = extractIncident(parsePostmortem('x.md', text));
    expect([incident.started, incident.detected, incident.resolved]).toEqual(['2024-01-05T22:32Z', '2024-01-05T14:40Z', '2024-01-05T23:20Z']);
    // Front matter wins over a label.
    const fm = extractIncident(parsePostmortem('x.md', text.replace('timezone: America/Los_Angeles', 'timezone: UTC\nstarted: 2024-01-05T14:00Z'))).incident;
    expect(fm.started).toBe('2024-01-05T14:00Z');
    // So do severity and authors, as Google's template writes them.
    const google = extractIncident(parsePostmortem('x.md', '# Sonnet++ Postmortem\n\n**Authors:** jennifer, martym and agoogler\n\n**Severity:** SEV2\n\n**Summary:** Search down.\n')).incident;
    expect([google.authors, google.severity]).toEqual([['jennifer', 'martym', 'agoogler'], 'SEV2']);
    // A table of fields at the top, as incident tools export them; its header row is a field too.
    const table = '# Payments degraded\n\n| **Severity** | SEV2 |\n|---|---|\n| Started at | 2024-03-14 09:12 UTC |\n| Resolved at: | 2024-03-14 10:05 UTC |\n| Authors | sophie, raj |\n\n## Summary\n\nCard payments failed.\n';
    const exported = extractIncident(parsePostmortem('x.md', table)).incident;
    expect([exported.severity, exported.started, exported.resolved, exported.authors]).toEqual(['SEV2', '2024-03-14T09:12Z', '2024-03-14T10:05Z', ['sophie', 'raj']]);
    // A severity with what it meant after it keeps the level alone.
    const severity = (value: string) => extractIncident(parsePostmortem('x.md', `# Outage\n\n**Severity:** ${value}\n\n## Summary\n\nDown.\n`)).incident.severity;
    expect([severity('Medium (cluster functional, DNS broken)'), severity('Critical - Complete outage for US customers'), severity('SEV-3 (degraded, workaround available)'), severity('Critical (P0)')])
      .toEqual(['Medium', 'Critical', 'SEV-3', 'Critical (P0)']);
    const heading = extractIncident(parsePostmortem('x.md', '# Outage\n\n## Severity\n\n**Critical** - Complete outage affecting US and Canada region customers.\n\n## Impact\n\nDown.\n')).incident;
    expect(heading.severity).toBe('Critical');
    // When it was reported is when it was detected.
    expect(extractIncident(parsePostmortem('x.md', '# Outage\n\n**Reported at:** 14 Feb 2024 10:32 UTC\n\n## Summary\n\nDown.\n')).incident.detected).toBe('2024-02-14T10:32Z');
  });

  it('come from a header of field lines in one block, quoted or not, each line a field', () => {
    const header = [
      '**Incident ID:** INC-2041', '**Date:** 2025-03-14', '**Start time:** 2025-03-14 10:01 UTC', '**Severity:** P1',
      '**Author:** Dana Smith', '**Follow-up:** May 13, 2026 (limits applied)', '**Impact:** Card payments failed for two hours.',
    ];
    const body = '\n\n## Timeline\n\n- 10:03 On-call acknowledged\n';
    for (const [how, lines] of [['soft breaks', header], ['hard breaks', header.map((l) => `${l}  `)], ['a quote', header.map((l) => `> ${l}`)], ['pipes', [header.join('  |  ')]], ['middle dots', [header.join(' · ')]], ['bullets', [header.join(' • ')]]] as const) {
      const { incident } = extractIncident(parsePostmortem('x.md', `# Payments API outage\n\n${lines.join('\n')}${body}`));
      expect([incident.date, incident.started, incident.severity, incident.authors], how).toEqual(['2025-03-14', '2025-03-14T10:01Z', 'P1', ['Dana Smith']]);
      // A line naming a section is that section; one whose value is a date stays a field.
      expect(incident.impact, how).toBe('Card payments failed for two hours.');
      expect(incident.sections.map((s) => s.kind), how).not.toContain('actionItems');
    }
  });

  it('take the earliest event that says them, in a timeline that runs newest first', () => {
    const text = '---\ntitle: t\ndate: 2024-01-05\n---\n\n## Timeline\n\n**Resolved** - Resolved.\nJan 5, 14:32 UTC\n\n**Monitoring** - A fix has been implemented.\nJan 5, 13:50 UTC\n\n**Update** - We are investigating further.\nJan 5, 13:30 UTC\n\n**Investigating** - We are investigating errors.\nJan 5, 12:58 UTC\n';
    const { incident } = extractIncident(parsePostmortem('x.md', text));
    expect([incident.started, incident.detected, incident.mitigated, incident.resolved]).toEqual(['2024-01-05T12:58Z', '2024-01-05T12:58Z', '2024-01-05T13:50Z', '2024-01-05T14:32Z']);
  });

  it('are not taken from an entry dated apart from both entries around it, nor from logs of another day', () => {
    // "2021-01-09" between two entries of 2022-01-09 is a slip in its year; the logs were pasted from another day.
    const text = ['---', 'title: t', 'date: 2022-01-08', '---', '', '## Timeline', '', '- 2022-01-08 23:14 errors begin', '- 2022-01-09 01:36 more errors',
      '- 2021-01-09 00:16 sheriffs report issues', '- 2022-01-09 02:42 upstream resolves', '- 2022-03-20 19:30 the fix ships', '- 2022-01-09 20:33 all services back', '',
      '## Logs', '', '```', '2022-05-01T10:00:00Z kernel: Out of memory: Killed process 2735 (api)', '```', ''].join('\n');
    const { incident } = extractIncident(parsePostmortem('x.md', text));
    expect([incident.started, incident.resolved]).toEqual(['2022-01-08T23:14Z', '2022-01-09T20:33Z']);
    expect(incident.timeline.filter((e) => e.source === 'timeline')).toHaveLength(6);
    // Log lines inside the authored window, even before its first entry, still start it.
    const early = text.replace('2022-05-01T10:00:00Z', '2022-01-08T20:00:00Z');
    expect(extractIncident(parsePostmortem('x.md', early)).incident.started).toBe('2022-01-08T20:00:00Z');
  });

  it('look for milestone words only in the opening of an entry told as prose', () => {
    const later = ' Moving the services took a while and needed help from the new provider, who set up the machines for us right away. '.repeat(4);
    const text = ['---', 'title: t', 'date: 2021-03-02', '---', '', '## Timeline of events', '', 'At 02:00 AM UTC an email said our media was blocked.', '',
      `At 03:00 AM UTC we decided to move to another provider.${later}The block was lifted at 18:40 UTC, 16.5 hours after the incident started.`, ''].join('\n');
    const { incident } = extractIncident(parsePostmortem('x.md', text));
    expect(incident.started).toBe('2021-03-02T02:00Z');
  });

  it('read the milestone words of the other languages whose section names are known', () => {
    const text = ['---', 'title: t', 'date: 2025-10-07', '---', '', '## Cronología del Incidente', '', '| Hora (UTC) | Evento |', '|---|---|',
      '| 14:29 | Primeros errores de PostgreSQL |', '| 15:00 | Usuario reporta errores |', '| 15:15 | PostgreSQL restaurado y funcional |', '| 15:19 | Limpieza adicional |', ''].join('\n');
    const { incident } = extractIncident(parsePostmortem('x.md', text));
    expect([incident.detected, incident.mitigated]).toEqual(['2025-10-07T15:00Z', '2025-10-07T15:15Z']);
  });

  it('take detection from monitoring or an alarm that fired', () => {
    const text = ['---', 'title: t', 'date: 2025-09-02', '---', '', '## Timeline', '', '- 11:03 Drives were added', '- 11:17 A drive disappeared from the RAID array. Our monitoring fired.', '- 13:27 Fail-over complete', ''].join('\n');
    expect(extractIncident(parsePostmortem('x.md', text)).incident.detected).toBe('2025-09-02T11:17Z');
  });

  it('read the status changes incident tools log', () => {
    const text = [
      '---', 'title: t', 'date: 2025-06-10', '---', '', '## Timeline', '',
      '- 14:20 Cache node redis-3 fails', '- 14:32 Incident declared by Alice Smith', '- 14:50 Status changed from Fixing to Monitoring',
      '- 15:12 Status changed from Monitoring to Closed', '- 16:00 Postmortem scheduled', '',
    ].join('\n');
    const { incident } = extractIncident(parsePostmortem('x.md', text));
    expect([incident.started, incident.detected, incident.mitigated, incident.resolved]).toEqual(['2025-06-10T14:20Z', '2025-06-10T14:32Z', '2025-06-10T14:50Z', '2025-06-10T15:12Z']);
  });

  it('else come from the timeline: marked starts and ends win over the first and last events', () => {
    const text = [
      '---', 'title: t', 'date: 2015-10-21', '---', '', '## Timeline', '',
      '- 14:51 News reports a new sonnet', '- 14:54 **OUTAGE BEGINS** -- backends melt down', '- 14:55 docbrown receives pager storm',
      '- 15:36 **OUTAGE MITIGATED**, traffic sent to a sacrificial cluster', '- 16:00 **OUTAGE ENDS**, traffic back to normal', '- 17:30 Postmortem draft shared', '',
    ].join('\n');
    const { incident } = extractIncident(parsePostmortem('x.md', text));
    expect([incident.started, incident.detected, incident.mitigated, incident.resolved]).toEqual(['2015-10-21T14:54Z', '2015-10-21T14:55Z', '2015-10-21T15:36Z', '2015-10-21T16:00Z']);
    expect([incident.timeToDetectMinutes, incident.durationMinutes]).toEqual([1, 66]);
    // A "Resolved" label marks the end, even with a later entry after it.
    const keyEvents = extractIncident(parsePostmortem('x.md', ['---', 'title: t', 'date: 2022-01-22', '---', '', '## Key events', '', '- First detected 2022-01-22 11:57', '- Repaired 2022-01-22 13:59', '- Resolved 2022-01-22 14:38', '- Incident declared 2022-01-22 14:41', ''].join('\n'))).incident;
    expect([keyEvents.detected, keyEvents.mitigated, keyEvents.resolved]).toEqual(['2022-01-22T11:57Z', '2022-01-22T13:59Z', '2022-01-22T14:38Z']);
    // Resolved, reopened and resolved again: the last "Resolved" ends it.
    const reopened = extractIncident(parsePostmortem('x.md', ['---', 'title: t', 'date: 2024-01-05', '---', '', '## Timeline', '', '- 13:00 Investigating - errors rise', '- 14:00 Resolved - errors gone', '- 15:00 Investigating - errors have returned', '- 16:00 Resolved - fixed for good', '- 17:00 Postmortem drafted', ''].join('\n'))).incident;
    expect(reopened.resolved).toBe('2024-01-05T16:00Z');
    // "Borgmon pages on-call" says when it was detected.
    const pages = extractIncident(parsePostmortem('x.md', text.replace('docbrown receives pager storm', 'Borgmon pages on-call'))).incident;
    expect(pages.detected).toBe('2015-10-21T14:55Z');
  });

  it('start at the first entry written on its day: a day-only entry above the timed ones, not one below them', () => {
    const entries = (lines: string[]) => extractIncident(parsePostmortem('x.md', ['---', 'title: t', 'date: 2021-12-10', '---', '', '## Timeline', '', ...lines, ''].join('\n'))).incident;
    expect(entries(['- 2021-12-10: The flaw is published', '- 2021-12-10 15:40: We are told', '- 2021-12-10 18:00: Patched']).started).toBe('2021-12-10');
    const below = entries(['- 2021-12-10 15:40: We are told', '- 2021-12-10 evening: Diagnosis', '- 2021-12-10 18:00: Patched', '- 2021-12-10: Follow-ups filed']);
    expect([below.started, below.resolved]).toEqual(['2021-12-10T15:40Z', '2021-12-10T18:00Z']);
  });

  it('read "INCIDENT START", "INCIDENT END" and "Incident resolved" markers, follow-up entries after them', () => {
    const text = [
      '---', 'title: t', 'date: 2025-01-24', '---', '', '## Timeline', '',
      '**19:15** - Deployment completed  ', '**19:17** - **INCIDENT START:** Noticed pods in CrashLoopBackOff  ',
      '**19:28** - **INCIDENT END:** Pods Running  ', '**19:30** - Verified DNS resolution', '',
    ].join('\n');
    const { incident } = extractIncident(parsePostmortem('x.md', text));
    expect([incident.started, incident.resolved]).toEqual(['2025-01-24T19:17Z', '2025-01-24T19:28Z']);
    const followUp = ['---', 'title: t', 'date: 2025-08-12', '---', '', '## Timeline', '', '- 17:00 Incident declared', '- 18:11 Incident resolved.', '- 20:16 Users report login trouble', ''].join('\n');
    expect(extractIncident(parsePostmortem('x.md', followUp)).incident.resolved).toBe('2025-08-12T18:11Z');
    const intent = ['---', 'title: t', 'date: 2026-02-02', '---', '', '## Timeline', '', '- 18:00 Jobs queued', '- 21:13 Status: working with the provider to mitigate', '- 23:30 Failover completed', ''].join('\n');
    expect(extractIncident(parsePostmortem('x.md', intent)).incident.mitigated).toBe('2026-02-02T23:30Z');
  });
});

describe('hindsight extract', () => {
  it('prints a schema-valid JSON array of every incident in the content folder', () => {
    const r = hindsight(['extract']);
    expect(r.code).toBe(0);
    const incidents = incidentListSchema.parse(JSON.parse(r.stdout));
    expect(incidents.length).toBeGreaterThanOrEqual(6);
    expect(incidents.map((i) => i.slug)).toContain('2025-04-22-management-cluster-nodes-flapping');
  });

  it('leaves out a file it cannot read, reports it as file:line:column, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-extract-'));
    writeFileSync(join(dir, 'good.md'), '---\ntitle: Good\ndate: 2024-01-01\n---\n\n## Summary\n\nFine.\n');
    writeFileSync(join(dir, 'evil.md'), '---js\n{ title: require("fs").writeFileSync("pwned", "x") }\n---\n');
    const r = hindsight(['extract', dir], dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).map((i: { title: string }) => i.title)).toEqual(['Good']);
    expect(r.stderr.trim()).toMatch(/^evil\.md:1:4: error: Front matter in `js` is executable and is never evaluated/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
  });

  it('writes --out atomically and exits 2 on a bad config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-extract-'));
    const out = join(dir, 'incidents.json');
    expect(hindsight(['extract', seedFile, '--out', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))[0].slug).toBe('2025-04-22-management-cluster-nodes-flapping');
    writeFileSync(join(dir, 'hindsight.config.json'), '{\n  "dateOrder": "ymd"\n}\n');
    const bad = hindsight(['extract'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr.trim()).toBe('hindsight: hindsight.config.json:2:3: `dateOrder` must be one of `dmy`, `mdy`, `auto`');
  });
});

describe('title and date left out of the front matter', () => {
  it('come from the heading and the file name of a Jekyll post, or from publishDate', () => {
    const jekyll = extractIncident(parsePostmortem('_posts/2023-02-06-post-mortem.md', '---\nlayout: post\nauthor: Saray\n---\n\n# Failing email deliveries\n\nMail stopped.\n'));
    expect([jekyll.incident.title, jekyll.incident.date, jekyll.diagnostics.filter((d) => d.severity === 'error')]).toEqual(['Failing email deliveries', '2023-02-06', []]);
    // Jekyll's singular `category` is one category, spaces and all.
    const category = extractIncident(parsePostmortem('2023-02-06-x.md', '---\ncategory: Site Reliability\ncategories: [mail]\n---\n\n# Mail\n')).incident;
    expect(category.categories).toEqual(['mail', 'Site Reliability']);
    const hugo = extractIncident(parsePostmortem('zfs.md', '---\ntitle: The stages of ZFS data loss\npublishDate: 2023-12-09\n---\n\nA pool went missing.\n'));
    expect([hugo.incident.date, hugo.diagnostics.filter((d) => d.severity === 'error')]).toEqual(['2023-12-09', []]);
    const hexo = extractIncident(parsePostmortem('disaster.md', '---\ntitle: Disaster\npublished: 2015/12/10 12:00:00\n---\n\nThe worst day at work.\n'));
    expect([hexo.incident.date, hexo.incident.draft, hexo.diagnostics.filter((d) => d.severity === 'error')]).toEqual(['2015-12-10', false, []]);
    // Jekyll's `published: false` keeps a post unpublished.
    expect(extractIncident(parsePostmortem('2023-02-06-x.md', '---\ntitle: x\npublished: false\n---\n\n# x\n')).incident.draft).toBe(true);
  });

  it('are errors when nothing in the document gives them', () => {
    const { incident, diagnostics } = extractIncident(parsePostmortem('notes.md', '---\nlayout: post\n---\n\nSomething broke.\n'));
    expect(incident.date).toBeNull();
    expect(diagnostics.filter((d) => d.ruleId === 'frontmatter-schema').map((d) => d.message.slice(0, 30))).toEqual(['No date could be found for thi', 'No title could be found for th']);
  });
});

describe('the incident\'s zone', () => {
  const zoneOf = (frontmatter: string, timeline: string) =>
    extractIncident(parsePostmortem('x.md', `---\ntitle: t\ndate: 2024-05-02\n${frontmatter}---\n\n${timeline}`)).incident.timezone;
  it('is the zone every timeline entry was written in, when the postmortem states none', () => {
    expect(zoneOf('', '## Timeline (all times PDT)\n\n- 09:12 Deploy started\n- 09:40 Alert fired\n')).toBe('UTC-07:00');
    expect(zoneOf('', '## Timeline\n\n- 09:12 Pacific: deploy started\n- 2024-05-03 Follow-up\n')).toBe('America/Los_Angeles');
  });
  it('is the stated timezone, else the configured one when entries name several zones', () => {
    expect(zoneOf('timezone: Europe/Berlin\n', '## Timeline\n\n- 09:12 PDT Deploy started\n')).toBe('Europe/Berlin');
    expect(zoneOf('', '## Timeline\n\n- 09:12 PDT Deploy started\n- 18:40 UTC Alert fired\n')).toBe('UTC');
  });
  it('is null when the postmortem states none and gives no time of day', () => {
    expect(zoneOf('', '## Timeline\n\n- 2024-05-02 Deploy started\n')).toBeNull();
    expect(zoneOf('', '## Summary\n\nThe cache expired.\n')).toBeNull();
    expect(zoneOf('timezone: Europe/Berlin\n', '## Summary\n\nThe cache expired.\n')).toBe('Europe/Berlin');
    // A time of day anywhere (here a front matter milestone) is read in the configured zone, and says so.
    expect(zoneOf('started: 2024-05-02T09:00\n', '## Summary\n\nThe cache expired.\n')).toBe('UTC');
    // Log lines carry their own zone: pasted logs give the report none.
    expect(zoneOf('', '## Logs\n\n```\n2024-05-02T09:00:00Z kernel: Out of memory: Killed process 2735 (postgres)\n```\n')).toBeNull();
  });
});

describe('milestones written without a zone', () => {
  it('are read in the zone the timeline writes its times in', () => {
    const { incident } = extractIncident(parsePostmortem('x.md', '---\ntitle: t\ndate: 2024-05-02\nstarted: 2024-05-02T09:00\n---\n\n## Timeline (all times PDT)\n\n- 09:12 Alert fired\n'));
    expect([incident.timezone, incident.started, incident.timeline[0]!.at]).toEqual(['UTC-07:00', '2024-05-02T16:00Z', '2024-05-02T16:12Z']);
  });
});

describe('a window of time in the header', () => {
  const milestones = (header: string, body = '## Summary\n\nThe API returned 502s.\n') => {
    const { incident } = extractIncident(parsePostmortem('x.md', `# API outage on 2025-05-20\n\n${header}\n\n${body}`));
    return [incident.started, incident.resolved, incident.durationMinutes];
  };
  it('gives the start and end', () => {
    expect(milestones('**Severity:** SEV-1  \n**Duration:** 08:41–09:54 UTC (1 h 13 m)')).toEqual(['2025-05-20T08:41Z', '2025-05-20T09:54Z', 73]);
    expect(milestones('**Date:** 2025-05-21 1:42-1:59 PM PDT')).toEqual(['2025-05-21T20:42Z', '2025-05-21T20:59Z', 17]);
    // An end earlier than the start is on the next day.
    expect(milestones('- Incident window: 23:10 - 01:05 UTC')).toEqual(['2025-05-20T23:10Z', '2025-05-21T01:05Z', 115]);
  });
  it('comes from a header table of one row under its labels', () => {
    const text = '---\ntitle: Post Mortem 2022-08-29\n---\n\n## DEV environment inaccessible\n\n### Date\n\n| Start | End |\n|---|---|\n| August 29th 2022, 8:10 CEST | 29.08.2022, 14:15 CEST |\n\n### Summary\n\nThe ingress controller stopped.\n';
    const { incident } = extractIncident(parsePostmortem('x.md', text));
    // Its zone is the incident's.
    expect([incident.started, incident.resolved, incident.durationMinutes, incident.timezone]).toEqual(['2022-08-29T06:10Z', '2022-08-29T12:15Z', 365, 'UTC+02:00']);
  });
  it('leaves a two-column table of label and value rows to be read as such', () => {
    const read = (table: string) => extractIncident(parsePostmortem('x.md', `# Outage\n\n${table}\n\n## Summary\n\nDown.\n`)).incident;
    expect(read('| **Severity** | SEV2 |\n|---|---|\n| **Date** | 2024-03-05 |')).toMatchObject({ severity: 'SEV2', date: '2024-03-05' });
    expect(read('| Start | 2024-03-05 10:00 UTC |\n|---|---|\n| End | 2024-03-05 11:00 UTC |')).toMatchObject({ started: '2024-03-05T10:00Z', resolved: '2024-03-05T11:00Z' });
  });

  it('gives way to stated milestones, and a single time is no window', () => {
    expect(milestones('**Duration:** 08:41–09:54 UTC\n\n**Start time:** 2025-05-20 08:30 UTC')).toEqual(['2025-05-20T08:30Z', '2025-05-20T09:54Z', 84]);
    expect(milestones('**Time:** 15:30:00 UTC')).toEqual([null, null, null]);
  });
});

describe('an outage window stated in a sentence', () => {
  const told = (text: string) => {
    const { incident } = extractIncident(parsePostmortem('x.md', text));
    return [incident.started, incident.resolved, incident.durationMinutes, incident.timezone];
  };
  it('gives the start and end of a report told in prose', () => {
    expect(told('---\ntitle: Flags down\ndate: 2024-02-28\n---\n\nFeature flags went down for about 3 hours, from 15:30 to 18:10 UTC. Requests timed out.\n'))
      .toEqual(['2024-02-28T15:30Z', '2024-02-28T18:10Z', 160, 'UTC']);
    // Across midnight, each end with its day, in a block quote; the zone written is the incident's.
    expect(told('---\ntitle: Outage\ndate: 2023-06-03\n---\n\nHello.\n\n> Service disruption happened from 2023-06-02 at 7:30 PM EDT to 2023-06-03 at 3:30 AM EDT.\n'))
      .toEqual(['2023-06-02T23:30Z', '2023-06-03T07:30Z', 480, 'UTC-04:00']);
    // The day told before the window, not the day the post was written.
    expect(told('---\ntitle: Homeserver\ndate: 2024-04-25\n---\n\nThe homeserver suffered from an outage on Monday 22 April, between 08:00 UTC and 10:00 UTC, followed by slowness.\n'))
      .toEqual(['2024-04-22T08:00Z', '2024-04-22T10:00Z', 120, 'UTC']);
  });
  it('is read after a title heading, and from a time to an "until" further on', () => {
    expect(told('# 2021-01-10: Primary node outage\n\nWe had an outage of our node. The outage lasted from around 20:20 to 20:46 UTC, but was not a full service outage.\n\n## Impact\n\nSome.\n'))
      .toEqual(['2021-01-10T20:20Z', '2021-01-10T20:46Z', 26, 'UTC']);
    expect(told('---\ntitle: Site down\ndate: 2016-11-18\n---\n\nOn Thursday, November 17th, 2016 at approximately 12:05pm our website went down to fix deployments and lasted until Friday, November 18th, at 3:01pm. Sorry.\n'))
      .toEqual(['2016-11-17T12:05Z', '2016-11-18T15:01Z', 1616, 'UTC']);
  });

  it('is read in the summary and stands above the first and last timeline entries', () => {
    const text = '# Queue outage on 2025-03-02\n\n## Summary\n\nThe queue was unavailable from 09:40 until 10:30 UTC.\n\n## Timeline\n\n- 2025-02-20 Capacity review\n- 2025-03-02 09:52 Alert fired\n- 2025-03-04 Follow-up meeting\n';
    expect(told(text)).toEqual(['2025-03-02T09:40Z', '2025-03-02T10:30Z', 50, 'UTC']);
  });
  it('gives its zone when it cannot be placed in time (no year to read the day in)', () => {
    expect(told('\nOn 28th February, feature flags went down for about 3 hours, from 15:30 to 18:10 UTC.\n')).toEqual([null, null, null, 'UTC']);
  });

  it('runs past midnight in any zone, and is not read from a later H1 section', () => {
    expect(told('---\ntitle: DB\ndate: 2024-05-01\n---\n\nThe database was unavailable from 23:00 UTC+1 to 01:00 UTC+1.\n').slice(0, 3)).toEqual(['2024-05-01T22:00Z', '2024-05-02T00:00Z', 120]);
    const h1s = '# Queue outage\n\nThe queue stalled on 2025-03-02.\n\n# Timeline\n\n- 2025-03-02 02:00 UTC Alert\n- 2025-03-02 04:00 UTC Recovered\n\n# Root cause\n\nThe queue was unavailable between 02:00 and 02:05 UTC while the leader moved.\n';
    expect(told(h1s).slice(0, 2)).toEqual(['2025-03-02T02:00Z', '2025-03-02T04:00Z']);
  });

  it('is not a window of lost data or counted requests, nor two numbers', () => {
    const base = '---\ntitle: Backup\ndate: 2020-10-17\n---\n\n';
    expect(told(`${base}Scores added between 15:47 CET and 23:21 CET have been lost.\n`)).toEqual([null, null, null, null]);
    expect(told(`${base}The site was down while the load average went from 53.12 to 13.50.\n`)).toEqual([null, null, null, null]);
    // A header window is given first.
    expect(told(`${base}**Duration:** 08:41–09:54 UTC\n\nThe site was down from 08:30 to 10:00 UTC.\n`).slice(0, 2)).toEqual(['2020-10-17T08:41Z', '2020-10-17T09:54Z']);
  });
});

describe('times of day when only the opening sentence names the day', () => {
  it('fall on that day', () => {
    const text = '# Expired certificate\n\nOn June 1, 2023, the certificate for our website expired.\n\n## Timeline\n\n- 2:00 PM EST - Users report certificate errors.\n- 4:00 PM EST - New certificate installed.\n';
    const { incident } = extractIncident(parsePostmortem('x.md', text));
    expect([incident.date, ...incident.timeline.map((e) => e.at), incident.timezone]).toEqual(['2023-06-01', '2023-06-01T19:00Z', '2023-06-01T21:00Z', 'UTC-05:00']);
  });
});
