/**
 * `--format stylish`: the layout remark and unified users know from vfile-reporter — each file on a
 * line of its own, one aligned row per problem, one summary line — with colour only on a terminal.
 *
 * Laid out here rather than by vfile-reporter: it measures every cell with string-width, which
 * took 15 s for a file with 130,000 problems; fast-string-width measures the same in milliseconds,
 * and only the message cell can hold anything but ASCII.
 */
import stringWidth from 'fast-string-width';
import { messageSource } from '../docs-url.ts';
import type { LintResult } from '../engine.ts';
import type { LintMessage } from '../file-lint.ts';

interface Palette {
  underline: (text: string) => string;
  red: (text: string) => string;
  yellow: (text: string) => string;
  cyan: (text: string) => string;
}

const paint = (open: string, close: string) => (text: string) => `\u001B[${open}m${text}\u001B[${close}m`;
const colours: Palette = { underline: paint('4', '24'), red: paint('31', '39'), yellow: paint('33', '39'), cyan: paint('36', '39') };
const plain: Palette = { underline: (t) => t, red: (t) => t, yellow: (t) => t, cyan: (t) => t };

/**
 * Control characters written as escapes: a message quotes text from the file, and a terminal
 * must not take an escape sequence in a tag or a title as a command.
 */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).replace(/\n/g, ' ');
}

function place(m: LintMessage): string {
  return `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`;
}

const label = (m: LintMessage) => (m.severity === 2 ? 'error' : 'warning');

/** Code spans (`…`) in a message, coloured like vfile-reporter colours them. */
function highlightCode(text: string, palette: Palette): string {
  return palette === plain ? text : text.replace(/`[^`]*`/g, (code) => palette.cyan(code));
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The closing line: `✖ 2 errors`, `⚠ 1 warning`, or `3 messages (✖ 2 errors, ⚠ 1 warning)`. */
function summary(errors: number, warnings: number, palette: Palette): string {
  const parts: string[] = [];
  if (errors) parts.push(`${palette.red('✖')} ${plural(errors, 'error')}`);
  if (warnings) parts.push(`${palette.yellow('⚠')} ${plural(warnings, 'warning')}`);
  const both = parts.join(', ');
  return errors && warnings ? `${errors + warnings} messages (${both})` : both;
}

export function formatStylish(results: readonly LintResult[], options: { color: boolean }): string {
  const palette = options.color ? colours : plain;
  const withMessages = results.filter((r) => r.messages.length > 0);
  if (withMessages.length === 0) return '';

  // Column widths across every file, as in one table.
  const rows = withMessages.map((r) =>
    r.messages.map((m) => {
      const reason = printable(m.message);
      return { m, place: place(m), reason, width: stringWidth(reason) };
    }),
  );
  let placeWidth = 0;
  let labelWidth = 0;
  let reasonWidth = 0;
  let ruleWidth = 0;
  for (const fileRows of rows) {
    for (const row of fileRows) {
      placeWidth = Math.max(placeWidth, row.place.length);
      labelWidth = Math.max(labelWidth, label(row.m).length);
      reasonWidth = Math.max(reasonWidth, row.width);
      ruleWidth = Math.max(ruleWidth, row.m.ruleId.length);
    }
  }

  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  withMessages.forEach((result, i) => {
    const fileErrors = result.messages.some((m) => m.severity === 2);
    if (i > 0) lines.push('');
    lines.push(palette.underline((fileErrors ? palette.red : palette.yellow)(printable(result.file))));
    for (const row of rows[i]!) {
      if (row.m.severity === 2) errors++;
      else warnings++;
      const severity = label(row.m);
      lines.push(
        row.place.padEnd(placeWidth + 1) +
          (row.m.severity === 2 ? palette.red : palette.yellow)(severity) + ' '.repeat(labelWidth + 1 - severity.length) +
          highlightCode(row.reason, palette) + ' '.repeat(reasonWidth + 1 - row.width) +
          row.m.ruleId.padEnd(ruleWidth + 1) +
          messageSource,
      );
    }
  });
  lines.push('', summary(errors, warnings, palette));
  return lines.join('\n');
}
