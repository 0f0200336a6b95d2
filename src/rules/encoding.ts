/** encoding: a postmortem must be UTF-8 text; binary or mis-encoded files are reported, never parsed. */
import { defineFileRule } from '../lint/rule.ts';
import { reportCore } from '../lint/rule-helpers.ts';

export default defineFileRule({
  id: 'encoding',
  defaultLevel: 'error',
  checksUnreadable: true,
  summary: 'The file is UTF-8 text, not binary or another encoding',
  description:
    'Postmortems are read as UTF-8. A file with a NUL byte (binary) or bytes that are not valid UTF-8 ' +
    '(saved as Windows-1252 or Latin-1) cannot be read; the message points at the first bad byte. ' +
    'Re-save the file as UTF-8.',
  examples: {
    valid: [{ source: '# Disk full on db-1\n\nThe café’s database filled its disk.\n' }],
    invalid: [{ source: '# Disk full on db-1\n\nA pasted binary\u0000blob.\n', line: 3, column: 16, note: 'a NUL byte pasted from a binary file' }],
  },
  check(ctx) {
    reportCore(ctx, 'encoding');
  },
});
