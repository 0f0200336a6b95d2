/** timeline-time: unreadable times at their entries; a timeline told with no times at all, once. */
import { describe, expect, it } from 'vitest';
import { lintExample } from './lint-helpers.ts';

describe('timeline-time', () => {
  it('reports a timeline told as a story, with no entry dated, once at its first entry', async () => {
    const source = '---\ntitle: DNS outage\ndate: 2019-01-07\n---\n\n## Timeline\n\nCalls to a downstream service began to time out.\n\nDNS queries spiked and CoreDNS ran out of memory.\n\nThe pods were given more memory and recovered.\n';
    const messages = (await lintExample({ source }, 'timeline-time')).messages;
    expect(messages.map((m) => [m.line, m.column, m.message])).toEqual([
      [8, 1, 'None of the 3 timeline entries has a date or time; start each with one, such as "14:05 UTC" or "2025-04-21 14:05"'],
    ]);
  });

  it('reports each undated entry of a timeline that dates the others', async () => {
    const source = '---\ntitle: DNS outage\ndate: 2019-01-07\n---\n\n## Timeline\n\n- 10:00 Calls time out\n- CoreDNS runs out of memory\n- Pods restart\n- 10:40 Memory raised\n';
    const messages = (await lintExample({ source }, 'timeline-time')).messages;
    expect(messages.map((m) => m.line)).toEqual([9, 10]);
  });
});
