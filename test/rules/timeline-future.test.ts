/** timeline-future: a timeline may run on after the incident's first day, but never into the future. */
import { describe, expect, it } from 'vitest';
import { lintExample } from './lint-helpers.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('timeline-future', () => {
  it('reports an entry after today even within the days an incident may run on', async () => {
    const source = `---\ntitle: Queue backlog\ndate: ${day(-1)}\n---\n\n## Timeline\n\n- ${day(-1)} 09:40 Deploy started\n- ${day(3)} 10:00 Backlog cleared\n`;
    const messages = (await lintExample({ source }, 'timeline-future')).messages;
    expect(messages.map((m) => [m.line, m.message])).toEqual([[9, `Entry dated ${day(3)} is in the future; check the year and the day/month order`]]);
  });

  it('lets the incident run on for days after a date that names its first day', async () => {
    const source = '---\ntitle: Queue backlog\ndate: 2025-03-02\n---\n\n## Timeline\n\n- 2025-03-02 09:40 Deploy started\n- 2025-03-09 10:00 Backlog cleared\n- 2025-03-20 10:00 Postmortem review\n';
    const messages = (await lintExample({ source }, 'timeline-future')).messages;
    expect(messages.map((m) => m.line)).toEqual([10]);
  });
});
