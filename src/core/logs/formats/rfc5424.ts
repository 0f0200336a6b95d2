/**
 * RFC 5424 syslog: `<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - 'su root' failed`.
 */
import { levelFromPri } from '../levels.ts';
import { parseTimestampText } from '../time.ts';
import type { Details } from '../kinds.ts';
import type { LogContext, ParsedLine } from '../types.ts';
import { FACILITIES } from './syslog.ts';

const HEADER = /^<(\d{1,3})>(\d{1,2}) (\S{1,64}) (\S{1,255}) (\S{1,48}) (\S{1,128}) (\S{1,32}) ?(.*)$/;

/** Length of the STRUCTURED-DATA at the start of `text` (`-` or `[id k="v"]…`), scanning once; -1 when malformed. */
function structuredDataLength(text: string): number {
  if (text.startsWith('-')) return 1;
  let i = 0;
  while (i < text.length && text[i] === '[') {
    let inQuotes = false;
    i++;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '"') inQuotes = !inQuotes;
      else if (c === ']' && !inQuotes) break;
    }
    if (i >= text.length) return -1;
    i++;
  }
  return i === 0 ? -1 : i;
}

const nil = (value: string | undefined): string | null => (value === undefined || value === '-' ? null : value);

/** An RFC 5424 line, or null. */
export function parseRfc5424(line: string, ctx: LogContext): ParsedLine | null {
  if (!line.startsWith('<')) return null;
  const m = HEADER.exec(line);
  if (!m) return null;
  const pri = Number(m[1]);
  if (pri > 191) return null;
  const written = nil(m[3]);
  const at = written ? parseTimestampText(written, ctx.timezone) : null;
  if (written && at === null) return null;
  const details: Details = {};
  const facility = FACILITIES[Math.floor(pri / 8)];
  if (facility) details.facility = facility;
  const procId = nil(m[6]);
  if (procId) {
    if (/^\d{1,10}$/.test(procId)) details.pid = Number(procId);
    else details.procId = procId;
  }
  const msgId = nil(m[7]);
  if (msgId) details.msgId = msgId;
  let rest = m[8] ?? '';
  const sd = structuredDataLength(rest);
  if (sd > 1) details.structuredData = rest.slice(0, Math.min(sd, 500));
  if (sd > 0) rest = rest.slice(sd);
  // A UTF-8 byte-order mark may open the MSG part.
  const message = rest.replace(/^ ?\uFEFF?/, '').trim();
  return {
    at,
    host: nil(m[4]),
    unit: nil(m[5]) ?? facility ?? null,
    level: levelFromPri(pri),
    message,
    format: 'rfc5424',
    details,
  };
}
