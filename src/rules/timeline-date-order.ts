/** timeline-date-order: numeric dates whose day/month order nothing decides. */
import { defineFileRule } from '../lint/rule.ts';
import { reportCore } from '../lint/rule-helpers.ts';

export default defineFileRule({
  id: 'timeline-date-order',
  defaultLevel: 'warn',
  summary: 'Numeric dates such as 03-04-2025 can be read one way only',
  description:
    'A date like `03-04-2025` is 3 April or 4 March. Hindsight infers the order from the document (a ' +
    'first field over 12, the order under which entries fall on or before the postmortem’s date and run ' +
    'in order); when nothing decides, this warning asks for ISO dates (`2025-04-03`) or a `dateOrder` ' +
    '(`dmy` or `mdy`) in the config.',
  examples: {
    valid: [{ source: '---\ntitle: Queue backlog\ndate: 2025-04-22\n---\n\n## Timeline\n\n- `21-04-2025`: nodes flagged NotReady\n- `22-04-2025`: apiserver OOM-killed\n' }],
    invalid: [{ source: '---\ntitle: Queue backlog\ndate: 2025-12-01\n---\n\n## Timeline\n\n- 03-04-2025: deploy\n- 05-06-2025: alert\n', line: 8, column: 3 }],
  },
  check(ctx) {
    reportCore(ctx, 'timeline-date-order');
  },
});
