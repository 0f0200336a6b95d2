/** The output formats of `hindsight lint`; each formatter is loaded only when it is used. */
import type { LintResult } from '../engine.ts';
import type { Levels } from '../levels.ts';

export const formats = ['stylish', 'json', 'github', 'sarif'] as const;
export type Format = (typeof formats)[number];

export interface FormatContext {
  cwd: string;
  color: boolean;
  levels: Levels;
  version: string;
}

/** Whether `value` names an output format. */
export function isFormat(value: string): value is Format {
  return (formats as readonly string[]).includes(value);
}

/** Render results in a format (an empty string when there is nothing to print). */
export async function formatResults(format: Format, results: readonly LintResult[], ctx: FormatContext): Promise<string> {
  switch (format) {
    case 'json': return (await import('./json.ts')).formatJson(results);
    case 'github': return (await import('./github.ts')).formatGithub(results);
    case 'sarif': return (await import('./sarif.ts')).formatSarif(results, ctx);
    case 'stylish': return (await import('./stylish.ts')).formatStylish(results, ctx);
  }
}
