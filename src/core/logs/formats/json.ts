/**
 * JSON lines: `{"ts":"…","level":"error","msg":"…"}` (zap, logrus, bunyan/pino, tracing, ECS,
 * Docker json-file, `journalctl -o json`). Read with JSON.parse only.
 */
import type { LogContext, ParsedLine } from '../types.ts';
import { entryFromFields, flatten, hasLogShape } from './fields.ts';

/** A JSON log line, or null when the line is not a JSON object with a time, level or message. */
export function parseJsonLine(line: string, ctx: LogContext): ParsedLine | null {
  const text = line.trim();
  if (!text.startsWith('{') || !text.endsWith('}')) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const record = flatten(value as Record<string, unknown>);
  if (!hasLogShape(record)) return null;
  const entry = entryFromFields(record, 'json', ctx);
  if (entry.message === '' && entry.hint) entry.message = entry.hint.trim();
  return entry;
}
