/** `--format stylish`: the vfile-reporter layout remark and unified users know; colour only on a terminal. */
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { reporter } from 'vfile-reporter';
import { messageSource } from '../docs-url.ts';
import type { LintResult } from '../engine.ts';

const messagesPerSlice = 10_000;

export function formatStylish(results: readonly LintResult[], options: { color: boolean; cwd: string }): string {
  // vfile-reporter overflows the call stack on a file with some hundred thousand messages, so a
  // long list is handed to it in slices of the same file (each slice repeats the file's name).
  const slices = results.flatMap((r) => {
    const parts: LintResult[] = [];
    for (let i = 0; i < r.messages.length || i === 0; i += messagesPerSlice) parts.push({ ...r, messages: r.messages.slice(i, i + messagesPerSlice) });
    return parts;
  });
  const files = slices.map((r) => {
    const file = new VFile({ path: r.file, cwd: options.cwd });
    for (const m of r.messages) {
      const message = new VFileMessage(m.message, {
        place: { start: { line: m.line, column: m.column }, end: { line: m.endLine, column: m.endColumn } },
        ruleId: m.ruleId,
        source: messageSource,
      });
      message.fatal = m.severity === 2;
      message.url = m.url;
      message.file = file.path;
      file.messages.push(message);
    }
    return file;
  });
  const withMessages = files.filter((f) => f.messages.length > 0);
  if (withMessages.length === 0) return '';
  return reporter(withMessages, { color: options.color, quiet: true });
}
