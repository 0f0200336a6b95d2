/** timeline-time: every timeline entry has a time Hindsight can read. */
import { defineFileRule } from '../lint/rule.ts';
import { reportCore } from '../lint/rule-helpers.ts';

export default defineFileRule({
  id: 'timeline-time',
  defaultLevel: 'error',
  summary: 'Every timeline entry starts with a readable date or time',
  description:
    'Timeline entries are read from list items, table rows, headings and paragraphs of the timeline ' +
    'section. An entry whose time cannot be read is kept, without a time, and reported here. Write ISO ' +
    'dates (`2025-04-21 10:37`), times (`10:37`, `2:05 PM`) with an optional zone, or month names ' +
    '(`21 Apr 2025`); put a date line or heading above time-only entries. A timeline told as a story, ' +
    'with no entry dated at all, is reported once, at its first entry; so are times of day that nothing ' +
    'dates (no date line above them, no date for the postmortem).',
  examples: {
    valid: [{ source: '---\ntitle: Queue backlog\ndate: 2025-03-02\n---\n\n## Timeline\n\n- 09:40 Deploy started\n- 10:00 Alert fired\n' }],
    invalid: [{ source: '---\ntitle: Queue backlog\ndate: 2025-03-02\n---\n\n## Timeline\n\n- 09:40 Deploy started\n- 25:61 Alert fired\n', line: 9, column: 3 }],
  },
  check(ctx) {
    reportCore(ctx, 'timeline-time');
  },
});
