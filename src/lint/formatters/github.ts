/** `--format github`: GitHub Actions workflow commands, which become annotations on the pull request diff. */
import type { LintResult } from '../engine.ts';

/** Escape a command's message (GitHub's rules: `%`, CR and LF). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a command property (also `:` and `,`, which separate properties). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: readonly LintResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const file = r.file.split('\\').join('/');
    for (const m of r.messages) {
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(`${m.ruleId} (hindsight)`)}`,
      ].join(',');
      lines.push(`::${m.severity === 2 ? 'error' : 'warning'} ${props}::${escapeData(`${m.message} (${m.url})`)}`);
    }
  }
  return lines.join('\n');
}
