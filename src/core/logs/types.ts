/** Shared shapes of the log parsers. */
import type { LogEntry } from '../../../schemas/incident.ts';

/** What a log block is read against. */
export interface LogContext {
  /** Year to assume for formats without one (syslog `Dec 01 23:05:12`), from the incident date. */
  year: number;
  /** IANA zone for timestamps written without a zone (default 'UTC'). */
  timezone: string;
}

/** One line as a format parser read it, before its kind is recognised. */
export interface ParsedLine extends Omit<LogEntry, 'kind' | 'line'> {
  /** More text to look at when recognising the kind, such as an `error` field beside the message. */
  hint?: string;
}

/** A parser for one line format: the parsed line, or null when the line is not in that format. */
export type LineParser = (line: string, ctx: LogContext) => ParsedLine | null;
