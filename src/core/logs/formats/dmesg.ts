/**
 * Kernel ring buffer lines as `dmesg` prints them: `[115633.247115] Out of memory: Killed process …`
 * (seconds since boot, so no instant) or, with `dmesg -T`, `[Tue Apr 22 10:37:36 2025] …`.
 */
import { monthNumber, toInstant } from '../time.ts';
import type { LogContext, ParsedLine } from '../types.ts';

const UPTIME = /^\[ *(\d{1,10}\.\d{1,9})\] ?(.*)$/;
const HUMAN = /^\[(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})\] ?(.*)$/;

/** A dmesg line, or null. The format is reported as `plain`: the line has no host and, unless `-T`, no date. */
export function parseDmesg(line: string, ctx: LogContext): ParsedLine | null {
  if (!line.startsWith('[')) return null;
  const uptime = UPTIME.exec(line);
  if (uptime) {
    return {
      at: null, host: null, unit: 'kern', level: null, message: (uptime[2] ?? '').trim(), format: 'plain',
      details: { uptime: Number(uptime[1]) },
    };
  }
  const human = HUMAN.exec(line);
  if (human) {
    const month = monthNumber(human[1] ?? '');
    if (month === null) return null;
    const at = toInstant(
      {
        year: Number(human[6]), month, day: Number(human[2]),
        hour: Number(human[3]), minute: Number(human[4]), second: Number(human[5]),
      },
      ctx.timezone,
    );
    return { at, host: null, unit: 'kern', level: null, message: (human[7] ?? '').trim(), format: 'plain', details: {} };
  }
  return null;
}
