/** `--format json`: ESLint's JSON format, so tools that read ESLint results read Hindsight's. */
import type { LintResult } from '../engine.ts';
import type { LintMessage } from '../file-lint.ts';

/** One file in ESLint's shape. */
export interface EslintFileResult {
  filePath: string;
  messages: (Pick<LintMessage, 'ruleId' | 'severity' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn' | 'fix'> & { fatal?: true })[];
  suppressedMessages: [];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: [];
}

export function toEslintResults(results: readonly LintResult[]): EslintFileResult[] {
  return results.map((r) => ({
    filePath: r.abs,
    messages: r.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity,
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      ...(m.fatal ? { fatal: true as const } : {}),
      ...(m.fix ? { fix: { range: m.fix.range, text: m.fix.text } } : {}),
    })),
    suppressedMessages: [],
    errorCount: r.errorCount,
    fatalErrorCount: r.messages.filter((m) => m.fatal).length,
    warningCount: r.warningCount,
    fixableErrorCount: r.fixableErrorCount,
    fixableWarningCount: r.fixableWarningCount,
    usedDeprecatedRules: [],
  }));
}

export function formatJson(results: readonly LintResult[]): string {
  return JSON.stringify(toEslintResults(results));
}
