/**
 * Lines that open with a timestamp: `2024-03-01T12:00:01Z ERROR something`,
 * `2024-03-01 12:00:01,123 [main] WARN  com.example.Foo - …`, `[2024-03-01 12:00:01] production.ERROR: …`,
 * Go's `2024/03/01 12:00:01 …`, and klog `E0412 10:37:36.727637    1234 file.go:123] msg`.
 */
import { LEVEL_LETTER_KLOG, splitLevelPrefix } from '../levels.ts';
import { ISO_TIMESTAMP_SOURCE, ZONE_ABBREVIATION_SOURCE, isoFieldsFromMatch, isoInstant, toInstant } from '../time.ts';
import type { Details } from '../kinds.ts';
import type { LogContext, ParsedLine } from '../types.ts';

const ISO_LINE = new RegExp(
  String.raw`^(\[)?${ISO_TIMESTAMP_SOURCE}(?: ?(${ZONE_ABBREVIATION_SOURCE}))?(\])?(?=[\s:|\]]|$):?(.*)$`,
);
const SLASH_LINE = /^(\[)?(\d{4})\/(\d{2})\/(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[.,]\d{1,9})?(\])?(?=[\s:|\]]|$):?(.*)$/;
const KLOG = /^([IWEF])(\d{2})(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})? +(\d{1,10}) ([^\s\]]{1,200})\] ?(.*)$/;

function fromRest(at: string | null, rest: string): ParsedLine {
  const prefix = splitLevelPrefix(rest.replace(/^\s*[|-]?\s*/, ''));
  const details: Details = {};
  if (prefix.thread) details.thread = prefix.thread;
  if (prefix.pid !== null) details.pid = prefix.pid;
  return { at, host: null, unit: prefix.unit, level: prefix.level, message: prefix.message, format: 'iso', details };
}

/** A line opening with an ISO-like or `YYYY/MM/DD` timestamp, or a klog line; null otherwise. */
export function parseIsoLine(line: string, ctx: LogContext): ParsedLine | null {
  const first = line.charCodeAt(0);
  if (first === 91 /* [ */ || (first >= 48 && first <= 57)) {
    const iso = ISO_LINE.exec(line);
    if (iso) {
      if (Boolean(iso[1]) !== Boolean(iso[11])) return null;
      const { fields, offset } = isoFieldsFromMatch(iso, 2);
      return fromRest(isoInstant(fields, offset ?? iso[10], ctx.timezone), iso[12] ?? '');
    }
    const slash = SLASH_LINE.exec(line);
    if (slash) {
      if (Boolean(slash[1]) !== Boolean(slash[8])) return null;
      const at = toInstant(
        {
          year: Number(slash[2]), month: Number(slash[3]), day: Number(slash[4]),
          hour: Number(slash[5]), minute: Number(slash[6]), second: Number(slash[7]),
        },
        ctx.timezone,
      );
      return fromRest(at, slash[9] ?? '');
    }
    return null;
  }
  const klog = KLOG.exec(line);
  if (klog) {
    const at = toInstant(
      {
        year: ctx.year, month: Number(klog[2]), day: Number(klog[3]),
        hour: Number(klog[4]), minute: Number(klog[5]), second: Number(klog[6]),
      },
      ctx.timezone,
    );
    return {
      at,
      host: null,
      unit: null,
      level: LEVEL_LETTER_KLOG[klog[1] ?? ''] ?? null,
      message: (klog[9] ?? '').trim(),
      format: 'iso',
      details: { pid: Number(klog[7]), source: klog[8] ?? '' },
    };
  }
  return null;
}
