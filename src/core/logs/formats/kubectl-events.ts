/**
 * Kubernetes event tables: `kubectl get events` (also `-A` and `-o wide`) and the `Events:` table of
 * `kubectl describe` (`Type Reason Age From Message` with a `----` underline). Rows carry relative
 * ages, so their time is null unless a column holds a full timestamp.
 */
import type { LogLevel } from '../../../../schemas/incident.ts';
import { parseTimestampText } from '../time.ts';
import type { Details } from '../kinds.ts';
import type { LogContext, ParsedLine } from '../types.ts';

/** A column of an events table: its upper-cased name and where it starts in the header line. */
interface Column {
  name: string;
  start: number;
}

/** The columns of an events table header, with the header's indentation. */
export interface EventsTable {
  columns: Column[];
}

/** Cells of a line split where two or more spaces or a tab separate them, with their start offsets. */
function cells(line: string): Column[] {
  const out: Column[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= n) break;
    const start = i;
    let end = i;
    while (i < n) {
      if (line[i] === '\t') break;
      if (line[i] === ' ' && (i + 1 >= n || line[i + 1] === ' ' || line[i + 1] === '\t')) break;
      i++;
      end = i;
    }
    out.push({ name: line.slice(start, end), start });
  }
  return out;
}

const KNOWN = new Set(['LAST SEEN', 'FIRST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'COUNT', 'NAME', 'NAMESPACE', 'AGE', 'FROM', 'INVOLVED OBJECT', 'KIND']);

/** The table described by an events header line, or null when the line is not one. */
export function detectEventsHeader(line: string): EventsTable | null {
  if (line.length > 400 || !/reason/i.test(line)) return null;
  const upper = line.toUpperCase();
  if (!upper.includes('REASON') || !upper.includes('MESSAGE') || !upper.includes('TYPE')) return null;
  const columns = cells(line).map((c) => ({ name: c.name.toUpperCase(), start: c.start }));
  if (columns.length < 3 || columns.some((c) => !KNOWN.has(c.name))) return null;
  const names = new Set(columns.map((c) => c.name));
  if (!names.has('TYPE') || !names.has('REASON') || !names.has('MESSAGE')) return null;
  return { columns };
}

/** Whether a line is the `----  ------` underline under a describe Events header. */
export function isUnderline(line: string): boolean {
  // Length first, and no nested quantifiers: `^[\s-]*-{3,}[\s-]*$` backtracks in cubic time on a
  // long run of dashes that ends in anything else.
  return line.length < 1000 && /^[\s-]*$/.test(line) && line.includes('---');
}

/** Cells of a row: by header offsets when the row lines up with them, else by runs of spaces. */
function rowCells(line: string, table: EventsTable): Map<string, string> | null {
  const { columns } = table;
  const values = new Map<string, string>();
  const aligned = !line.includes('\t') && columns.every((c, index) => {
    if (index === 0) return /^\s*$/.test(line.slice(0, c.start)) && c.start < line.length;
    return c.start >= line.length || line[c.start - 1] === ' ';
  });
  if (aligned) {
    columns.forEach((c, index) => {
      const next = columns[index + 1];
      values.set(c.name, line.slice(c.start, next ? next.start : undefined).trim());
    });
    return values;
  }
  const parts = cells(line);
  if (parts.length < columns.length - 1) return null;
  const messageIndex = columns.findIndex((c) => c.name === 'MESSAGE');
  const after = columns.length - 1 - messageIndex;
  columns.forEach((c, index) => {
    let value: string | undefined;
    if (index < messageIndex) value = parts[index]?.name;
    else if (index > messageIndex) value = parts[parts.length - (columns.length - index)]?.name;
    else {
      const first = parts[messageIndex];
      const last = parts[parts.length - 1 - after];
      value = first && last ? line.slice(first.start, last.start + last.name.length) : '';
    }
    values.set(c.name, (value ?? '').trim());
  });
  return values;
}

const TYPE_LEVELS: Readonly<Record<string, LogLevel>> = { normal: 'info', warning: 'warning', error: 'err' };

/** A row of an events table, or null when the line does not fit the table (the table has ended). */
export function parseEventsRow(line: string, table: EventsTable, ctx: LogContext): ParsedLine | null {
  const values = rowCells(line, table);
  if (!values) return null;
  const level = TYPE_LEVELS[(values.get('TYPE') ?? '').toLowerCase()];
  if (!level) return null;
  const details: Details = {};
  const reason = values.get('REASON') ?? '';
  if (reason) details.reason = reason;
  const put = (column: string, key: string): void => {
    const value = values.get(column);
    if (value && value !== '<unknown>' && value !== '<none>') details[key] = value;
  };
  put('OBJECT', 'object');
  put('INVOLVED OBJECT', 'object');
  put('SUBOBJECT', 'subobject');
  put('NAMESPACE', 'namespace');
  put('LAST SEEN', 'lastSeen');
  put('FIRST SEEN', 'firstSeen');
  put('AGE', 'age');
  put('NAME', 'name');
  const count = /^\d{1,9}$/.exec(values.get('COUNT') ?? '') ?? /\(x(\d{1,9}) over/.exec(values.get('AGE') ?? '');
  if (count) details.count = Number(count[1] ?? count[0]);

  let host: string | null = null;
  let unit: string | null = null;
  const source = values.get('FROM') ?? values.get('SOURCE') ?? '';
  if (source && source !== '<unknown>') {
    // Older kubectl writes `kubelet, node-1`; newer versions write the component alone.
    const [component, node] = source.split(/,\s*/, 2);
    unit = component || null;
    host = node || null;
  }
  const object = typeof details.object === 'string' ? details.object : null;
  if (!host && object?.startsWith('node/')) host = object.slice('node/'.length) || null;
  if (!unit) unit = object;

  const written = values.get('LAST SEEN') ?? values.get('FIRST SEEN') ?? '';
  const at = /^\d{4}-/.test(written) ? parseTimestampText(written, ctx.timezone) : null;
  return {
    at,
    host,
    unit,
    level,
    message: values.get('MESSAGE') ?? '',
    format: 'kubectl-events',
    details,
    hint: reason,
  };
}
