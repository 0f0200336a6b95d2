/**
 * Log lines in postmortems: reading code blocks of logs into entries, telling log blocks from
 * other code, and summarising the entries that matter.
 */
import type { LogEntry, LogLevel } from '../../../schemas/incident.ts';
import { classifyMessage, MAX_ANALYSED } from './kinds.ts';
import { detectEventsHeader, isUnderline, parseEventsRow, type EventsTable } from './formats/kubectl-events.ts';
import {
  cleanLine, isContinuation, isFiller, isLogCommandPrompt, isPrompt, isTableHeader, parseLine, plainLine,
} from './line.ts';
import type { LogContext, ParsedLine } from './types.ts';

export type { LogContext } from './types.ts';
export { describeLogEvent } from './describe.ts';

const LINE_BREAK = /\r\n|\r|\n/;
/** Continuation lines appended to one message at most (the rest of a long stack trace is dropped). */
const MAX_CONTINUATIONS = 50;

/** The entry for a parsed line: its kind recognised, the kind's facts added to its details. */
function toEntry(parsed: ParsedLine, line: number): LogEntry {
  const match = classifyMessage(parsed.hint ? `${parsed.hint}\n${parsed.message}` : parsed.message);
  const details = Object.keys(match.details).length > 0 ? { ...parsed.details, ...match.details } : parsed.details;
  return {
    at: parsed.at,
    host: parsed.host,
    unit: parsed.unit,
    level: parsed.level,
    message: parsed.message,
    kind: match.kind,
    format: parsed.format,
    details,
    line,
  };
}

/** Add a continuation line to an entry; a kind recognised in it is kept when the entry had none. */
function appendContinuation(entry: LogEntry, line: string): void {
  if (entry.message.length + line.length + 1 > MAX_ANALYSED) return;
  entry.message = entry.message ? `${entry.message}\n${line.trimEnd()}` : line.trim();
  if (entry.kind === 'other') {
    const match = classifyMessage(line);
    if (match.kind !== 'other') {
      entry.kind = match.kind;
      entry.details = { ...entry.details, ...match.details };
    }
  }
}

/** What a line of a block turned out to be. */
type LineRead =
  | { type: 'skip' }
  | { type: 'entry'; parsed: ParsedLine; structured: boolean }
  | { type: 'continuation' };

/** Walks a block's lines, keeping the state (an open events table, the previous entry) between them. */
class BlockReader {
  private table: EventsTable | null = null;
  private hasPrevious = false;
  private continuations = 0;
  private readonly ctx: LogContext;

  constructor(ctx: LogContext) {
    this.ctx = ctx;
  }

  read(raw: string): LineRead {
    const line = cleanLine(raw);
    if (line.trim().length === 0) {
      this.table = null;
      return { type: 'skip' };
    }
    if (this.table) {
      if (isUnderline(line)) return { type: 'skip' };
      const row = parseEventsRow(line, this.table, this.ctx);
      if (row) return this.entry(row, true);
      this.table = null;
    }
    const parsed = parseLine(line.trimStart(), this.ctx);
    if (parsed) return this.entry(parsed, parsed.format !== 'plain' || parsed.details.uptime !== undefined || parsed.at !== null);
    const header = detectEventsHeader(line);
    if (header) {
      this.table = header;
      return { type: 'skip' };
    }
    if (isUnderline(line) || isFiller(line) || isPrompt(line) || isTableHeader(line)) return { type: 'skip' };
    if (this.hasPrevious && isContinuation(line)) {
      this.continuations++;
      if (this.continuations > MAX_CONTINUATIONS) return { type: 'skip' };
      return { type: 'continuation' };
    }
    return this.entry(plainLine(line), false);
  }

  private entry(parsed: ParsedLine, structured: boolean): LineRead {
    this.hasPrevious = true;
    this.continuations = 0;
    return { type: 'entry', parsed, structured };
  }
}

function safeContext(ctx: LogContext | undefined): LogContext {
  const year = ctx && Number.isInteger(ctx.year) && ctx.year >= 1000 && ctx.year <= 9999 ? ctx.year : new Date().getUTCFullYear();
  const timezone = ctx && typeof ctx.timezone === 'string' && ctx.timezone.length > 0 ? ctx.timezone : 'UTC';
  return { year, timezone };
}

/**
 * Parse a code block's text into entries. firstLine = 1-based file line of the block's first content line.
 * Lines that are not log lines (shell prompts, blank lines, table headers) are skipped; an indented or
 * stack-trace line is appended to the previous message. Lines in no known format become `plain` entries.
 */
export function parseLogBlock(text: string, firstLine: number, ctx: LogContext): LogEntry[] {
  const entries: LogEntry[] = [];
  if (typeof text !== 'string' || text.length === 0) return entries;
  const start = Number.isInteger(firstLine) && firstLine > 0 ? firstLine : 1;
  const reader = new BlockReader(safeContext(ctx));
  const lines = text.split(LINE_BREAK);
  for (let i = 0; i < lines.length; i++) {
    let read: LineRead;
    try {
      read = reader.read(lines[i] ?? '');
    } catch {
      // A line no reader expected (a bug, not the input's fault) is kept as plain text rather than lost.
      read = { type: 'entry', parsed: plainLine(cleanLine(lines[i] ?? '')), structured: false };
    }
    if (read.type === 'entry') entries.push(toEntry(read.parsed, start + i));
    else if (read.type === 'continuation') {
      const previous = entries[entries.length - 1];
      if (previous) appendContinuation(previous, cleanLine(lines[i] ?? ''));
    }
  }
  return entries;
}

/** Lines looked at when deciding whether a block is logs. */
const SAMPLE_LINES = 400;

/**
 * Whether a block outside a "Logs" section looks like logs: at least 60% of its non-blank lines
 * are in a timestamped or structured log format. Continuation lines, separators and prompts running a
 * log command (`$ journalctl -u x`) are left out of the count; other prompts count against. Shell
 * sessions, YAML, code and command output tables do not qualify.
 */
export function looksLikeLogs(text: string): boolean {
  if (typeof text !== 'string' || text.trim().length === 0) return false;
  const reader = new BlockReader({ year: 2000, timezone: 'UTC' });
  const lines = text.split(LINE_BREAK, SAMPLE_LINES);
  let structured = 0;
  let counted = 0;
  for (const raw of lines) {
    const line = cleanLine(raw);
    if (line.trim().length === 0) {
      reader.read(line);
      continue;
    }
    let read: LineRead;
    try {
      read = reader.read(line);
    } catch {
      read = { type: 'entry', parsed: plainLine(line), structured: false };
    }
    if (read.type === 'continuation') continue;
    if (read.type === 'skip' && (isUnderline(line) || isFiller(line) || isLogCommandPrompt(line))) continue;
    counted++;
    if (read.type === 'entry' && read.structured) structured++;
    else if (read.type === 'skip' && detectEventsHeader(line)) structured++;
  }
  return structured > 0 && structured >= counted * 0.6;
}

const NOTABLE_LEVELS: ReadonlySet<LogLevel> = new Set<LogLevel>(['err', 'crit', 'alert', 'emerg']);

/** Notable = level err or worse (err, crit, alert, emerg), or a recognised kind other than 'other'. */
export function isNotable(entry: LogEntry): boolean {
  return (entry.level !== null && NOTABLE_LEVELS.has(entry.level)) || entry.kind !== 'other';
}
