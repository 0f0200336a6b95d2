/**
 * Syslog and journald lines: BSD/RFC 3164 (`Dec 01 23:05:12 pve2 ceph-osd[1843]: msg`, optional `<PRI>`),
 * `journalctl -o short-iso`/`short-precise`/`short-full`, and ISO-stamped syslog files.
 */
import { inferLevel, isLevelWord, levelFromPri } from '../levels.ts';
import {
  ISO_TIMESTAMP_SOURCE, ZONE_ABBREVIATION_SOURCE, isoFieldsFromMatch, isoInstant, monthNumber, toInstant,
} from '../time.ts';
import type { LogContext, ParsedLine } from '../types.ts';
import type { Details } from '../kinds.ts';

const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ';
const BSD = new RegExp(
  String.raw`^(?:<(\d{1,3})>)?(?:${WEEKDAY})?([A-Z][a-z]{2}) {1,2}(\d{1,2}) (?:(\d{4}) )?(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})? +(\S{1,255}) ?(.*)$`,
);
const ISO = new RegExp(
  String.raw`^(?:<(\d{1,3})>)?(?:${WEEKDAY})?${ISO_TIMESTAMP_SOURCE}(?: (${ZONE_ABBREVIATION_SOURCE}))? +(\S{1,255}) (.*)$`,
);
const TAG = /^([^\s[\]:]{1,200})(?:\[(\d{1,10})\])?: ?(.*)$/;
const KERNEL_UPTIME = /^\[ *\d{1,10}\.\d{1,9}\] ?/;

/** Split `prog[pid]: message` into its parts; null when the text has no tag. */
function splitTag(rest: string): { unit: string; pid: string | undefined; message: string } | null {
  const m = TAG.exec(rest);
  if (!m) return null;
  return { unit: m[1] ?? '', pid: m[2], message: m[3] ?? '' };
}

function finish(pri: string | undefined, at: string | null, host: string, tagged: ReturnType<typeof splitTag>, rest: string): ParsedLine {
  const details: Details = {};
  let unit: string | null = null;
  let message = rest;
  if (tagged) {
    unit = tagged.unit;
    message = tagged.message;
    if (tagged.pid !== undefined) details.pid = Number(tagged.pid);
  }
  if (unit === 'kernel') message = message.replace(KERNEL_UPTIME, '');
  message = message.trim();
  let level = pri !== undefined ? levelFromPri(Number(pri)) : null;
  if (pri !== undefined) {
    const facility = Math.floor(Number(pri) / 8);
    const name = FACILITIES[facility];
    if (name) details.facility = name;
  }
  if (!level) level = inferLevel(message);
  if (!level && unit === 'systemd' && message.startsWith('Failed to start ')) level = 'err';
  return { at, host, unit, level, message, format: 'syslog', details };
}

/** Syslog facility names by number (RFC 5424 §6.2.1). */
export const FACILITIES: readonly string[] = [
  'kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp', 'ntp',
  'security', 'console', 'solaris-cron', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7',
];

/** A syslog or journald short line, or null. */
export function parseSyslog(line: string, ctx: LogContext): ParsedLine | null {
  const first = line.charCodeAt(line.startsWith('<') ? line.indexOf('>') + 1 : 0);
  // Dates start with a digit (ISO) or an upper-case letter (month or weekday).
  if (!(first >= 48 && first <= 57) && !(first >= 65 && first <= 90)) return null;
  const bsd = BSD.exec(line);
  if (bsd) {
    const month = monthNumber(bsd[2] ?? '');
    if (month === null) return null;
    const host = bsd[8] ?? '';
    if (isLevelWord(host)) return null;
    const at = toInstant(
      {
        year: bsd[4] ? Number(bsd[4]) : ctx.year,
        month,
        day: Number(bsd[3]),
        hour: Number(bsd[5]),
        minute: Number(bsd[6]),
        second: Number(bsd[7]),
      },
      ctx.timezone,
    );
    const rest = bsd[9] ?? '';
    return finish(bsd[1], at, host, splitTag(rest), rest);
  }
  const iso = ISO.exec(line);
  if (iso) {
    const host = iso[11] ?? '';
    if (/^[[(\-|{<"']/.test(host) || host.includes(']') || isLevelWord(host)) return null;
    const rest = iso[12] ?? '';
    const tagged = splitTag(rest);
    // Without a `prog:` tag this is an ISO-stamped application line, not syslog.
    if (!tagged || isLevelWord(tagged.unit) || isLevelWord(`${tagged.unit}:`)) return null;
    const { fields, offset } = isoFieldsFromMatch(iso, 2);
    return finish(iso[1], isoInstant(fields, offset ?? iso[10], ctx.timezone), host, tagged, rest);
  }
  return null;
}
