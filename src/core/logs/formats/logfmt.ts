/**
 * logfmt: `time=2024-01-02T03:04:05Z level=error msg="connection refused" host=db1`
 * (logrus text, Go slog text, Grafana/Loki/Prometheus). Hand-scanned in one pass: the format has no
 * library in this project, and a scanner keeps the work linear on hostile lines.
 */
import type { LogContext, ParsedLine } from '../types.ts';
import { entryFromFields, hasLogShape } from './fields.ts';

/** Key/value pairs of a logfmt line in one left-to-right pass; null when the line does not open with `key=`. */
export function scanLogfmt(line: string): Record<string, string> | null {
  const pairs: Record<string, string> = {};
  const n = line.length;
  let i = 0;
  let withValue = 0;
  let first = true;
  while (i < n) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= n) break;
    const keyStart = i;
    while (i < n && line[i] !== '=' && line[i] !== ' ' && line[i] !== '\t' && line[i] !== '"') i++;
    const key = line.slice(keyStart, i);
    if (line[i] !== '=') {
      if (first) return null;
      // A bare word or stray quote: skip to the next space.
      while (i < n && line[i] !== ' ' && line[i] !== '\t') i++;
      if (key && !Object.hasOwn(pairs, key) && key !== '__proto__') pairs[key] = '';
      continue;
    }
    if (key.length === 0 || !/^[A-Za-z_@][\w.@/-]{0,63}$/.test(key)) {
      if (first) return null;
      while (i < n && line[i] !== ' ' && line[i] !== '\t') i++;
      continue;
    }
    first = false;
    i++; // '='
    let value = '';
    if (line[i] === '"') {
      i++;
      let out = '';
      let chunkStart = i;
      for (; i < n; i++) {
        const c = line[i];
        if (c === '\\' && i + 1 < n) {
          out += line.slice(chunkStart, i);
          const next = line[i + 1];
          out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          i++;
          chunkStart = i + 1;
        } else if (c === '"') {
          break;
        }
      }
      out += line.slice(chunkStart, i);
      value = out;
      i++; // closing quote
    } else {
      const valueStart = i;
      while (i < n && line[i] !== ' ' && line[i] !== '\t') i++;
      value = line.slice(valueStart, i);
    }
    if (!Object.hasOwn(pairs, key) && key !== '__proto__') pairs[key] = value;
    withValue++;
  }
  return withValue >= 2 ? pairs : null;
}

/** A logfmt line with at least two pairs and a time, level or message key; null otherwise. */
export function parseLogfmt(line: string, ctx: LogContext): ParsedLine | null {
  const first = line.charCodeAt(0);
  const letter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 95 || first === 64;
  if (!letter || line.indexOf('=') === -1) return null;
  const pairs = scanLogfmt(line);
  if (!pairs || !hasLogShape(pairs)) return null;
  const entry = entryFromFields(pairs, 'logfmt', ctx);
  if (entry.message === '') {
    const rest = Object.entries(entry.details).map(([k, v]) => `${k}=${v}`).join(' ');
    entry.message = rest || entry.hint?.trim() || '';
  }
  return entry;
}
