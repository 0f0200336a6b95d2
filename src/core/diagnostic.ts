/** A problem found in a postmortem, pinned to a place in the file. */
export type DiagnosticSeverity = 'error' | 'warning';

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

export interface Diagnostic {
  /** Rule id, such as `frontmatter-yaml` or `timeline-unreadable-time`. */
  ruleId: string;
  severity: DiagnosticSeverity;
  /** What was found and what was expected, for a person. */
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export function diagnostic(
  ruleId: string,
  severity: DiagnosticSeverity,
  message: string,
  start: Position,
  end?: Position,
): Diagnostic {
  const d: Diagnostic = { ruleId, severity, message, line: start.line, column: start.column };
  if (end) {
    d.endLine = end.line;
    d.endColumn = end.column;
  }
  return d;
}

/** `file:line:column: message`, the one-line form every command prints. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.ruleId}]`;
}
