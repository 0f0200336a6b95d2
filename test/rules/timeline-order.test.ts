/** timeline-order: each timeline section runs forward on its own. */
import { describe, expect, it } from 'vitest';
import { lintExample } from './lint-helpers.ts';

const twoIncidents = (secondTimeline: string) =>
  '---\ntitle: Two validator incidents\ndate: 2025-03-02\n---\n\n## Incident 2\n\n### Timeline\n\n- 2025-03-02 23:15 Missed blocks\n- 2025-03-02 23:50 Recovered\n\n' +
  `## Incident 1\n\n### Timeline\n\n${secondTimeline}`;

describe('timeline-order', () => {
  it('checks each timeline section on its own', async () => {
    const messages = (await lintExample({ source: twoIncidents('- 2025-03-02 17:55 Upgraded\n- 2025-03-02 15:25 Peers dropped\n') }, 'timeline-order')).messages;
    expect(messages.map((m) => [m.line, m.column, m.message])).toEqual([
      [18, 3, 'Entry at `2025-03-02 15:25` (2025-03-02 15:25 UTC) is earlier than the entry before it on line 17 (`2025-03-02 17:55`); keep the timeline in chronological order or fix the time'],
    ]);
  });

  it('compares the subsections of one timeline with each other', async () => {
    const source = '---\ntitle: Queue backlog\ndate: 2025-03-02\n---\n\n## Timeline\n\n### Detection\n\n- 2025-03-02 10:00 Alert fired\n\n### Response\n\n- 2025-03-02 09:40 Deploy rolled back\n';
    const messages = (await lintExample({ source }, 'timeline-order')).messages;
    expect(messages.map((m) => m.line)).toEqual([14]);
  });

  it('compares a time given to the minute with one given to the second at the minute', async () => {
    const source = '---\ntitle: Upgrade\ndate: 2025-03-02\n---\n\n## Timeline\n\n- 2025-03-02 17:54 Upgrade started\n- 2025-03-02 17:55:08 Service terminated\n- 2025-03-02 17:55 New process started\n- 2025-03-02 17:54:59 Late log line\n';
    const messages = (await lintExample({ source }, 'timeline-order')).messages;
    expect(messages.map((m) => m.line)).toEqual([11]);
  });
});
