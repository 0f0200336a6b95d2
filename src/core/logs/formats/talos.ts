/**
 * Talos kernel and service logs (`talosctl dmesg`):
 * `172.25.100.11: kern:     err: [2025-04-22T10:37:36.727637155Z]: Out of memory: Killed process 2735 (…)`.
 */
import type { LogLevel } from '../../../../schemas/incident.ts';
import { ISO_TIMESTAMP_SOURCE, isoFieldsFromMatch, isoInstant } from '../time.ts';
import type { LogContext, ParsedLine } from '../types.ts';

const TALOS = new RegExp(
  String.raw`^(?:(\S{1,255}): +)?([a-z][a-z0-9]{1,11}): +(emerg|alert|crit|err|warning|warn|notice|info|debug): +\[${ISO_TIMESTAMP_SOURCE}\]: ?(.*)$`,
);

/** A Talos kmsg/service line, or null. */
export function parseTalos(line: string, ctx: LogContext): ParsedLine | null {
  if (line.indexOf(': [') === -1) return null;
  const m = TALOS.exec(line);
  if (!m) return null;
  const { fields, offset } = isoFieldsFromMatch(m, 4);
  const written = m[3] === 'warn' ? 'warning' : m[3];
  return {
    at: isoInstant(fields, offset, ctx.timezone),
    host: m[1] ?? null,
    unit: m[2] ?? null,
    level: (written ?? null) as LogLevel | null,
    message: (m[12] ?? '').trim(),
    format: 'talos',
    details: {},
  };
}
