/** `--format stylish`: the vfile-reporter layout remark and unified users know; colour only on a terminal. */
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { reporter } from 'vfile-reporter';
import { messageSource } from '../docs-url.ts';
import type { LintResult } from '../engine.ts';

export function formatStylish(results: readonly LintResult[], options: { color: boolean; cwd: string }): string {
  const files = results.map((r) => {
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
