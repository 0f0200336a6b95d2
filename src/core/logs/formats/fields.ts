/**
 * Reading a log entry out of key/value fields, shared by JSON lines and logfmt:
 * which keys hold the time, level, message, host and unit, and what else is kept as details.
 */
import { normalizeLevel } from '../levels.ts';
import { fromEpoch, parseTimestampText } from '../time.ts';
import type { Details } from '../kinds.ts';
import type { LogContext, ParsedLine } from '../types.ts';

export const TIME_KEYS = ['time', 'ts', 'timestamp', '@timestamp', '@t', 't', 'datetime', 'date', 'eventTime', 'time_local', '__REALTIME_TIMESTAMP', 'TIMESTAMP'];
export const LEVEL_KEYS = ['level', 'severity', 'lvl', 'loglevel', 'log.level', 'levelname', 'level_name', '@l', 'severity_text', 'PRIORITY', 'priority'];
export const MESSAGE_KEYS = ['msg', 'message', '@m', '@mt', 'MESSAGE', 'log', 'text', 'event'];
export const HOST_KEYS = ['host', 'hostname', 'host.name', 'node', 'nodeName', 'node_name', '_HOSTNAME', 'instance'];
export const UNIT_KEYS = ['unit', 'logger', 'logger_name', 'log.logger', 'component', 'target', 'service', 'service.name', 'app', 'program', 'name', 'module', 'SYSLOG_IDENTIFIER', '_SYSTEMD_UNIT', '_COMM', 'source'];
/** Keys whose text also describes what went wrong, looked at when recognising the kind. */
export const ERROR_KEYS = ['error', 'err', 'error.message', 'exception', 'reason', 'stacktrace'];

const MAX_DETAILS = 24;
/** Keys never copied: assigning them on a plain object would touch its prototype. */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_VALUE = 500;

/** The first present key of `keys`, as the key and its value. */
function pick(record: Record<string, unknown>, keys: readonly string[]): [string, unknown] | null {
  for (const key of keys) {
    if (Object.hasOwn(record, key)) {
      const value = record[key];
      if (value !== null && value !== undefined && value !== '') return [key, value];
    }
  }
  return null;
}

/** A scalar as text, or null for objects and arrays. */
function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** Instant of a time field: text, epoch number, or `{seconds, nanos}`. */
function timeValue(value: unknown, ctx: LogContext): string | null {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value === 'string') return parseTimestampText(value, ctx.timezone);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const seconds = (value as Record<string, unknown>).seconds ?? (value as Record<string, unknown>).$date;
    if (typeof seconds === 'number') return fromEpoch(seconds);
    if (typeof seconds === 'string') return parseTimestampText(seconds, ctx.timezone);
  }
  return null;
}

/** Flatten one level of nesting (`{fields: {message}}` → `fields.message`) so nested keys can be looked up. */
export function flatten(record: Record<string, unknown>): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  let count = 0;
  for (const [key, value] of Object.entries(record)) {
    if (++count > 200) break;
    if (UNSAFE_KEYS.has(key)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      let inner = 0;
      for (const [innerKey, innerValue] of Object.entries(value as Record<string, unknown>)) {
        if (++inner > 50) break;
        if (UNSAFE_KEYS.has(innerKey)) continue;
        const flatKey = `${key}.${innerKey}`;
        if (!Object.hasOwn(flat, flatKey)) flat[flatKey] = innerValue;
      }
      flat[key] = value;
    } else {
      flat[key] = value;
    }
  }
  return flat;
}

/** Whether the record looks like a log entry: a time, a level or a message key. */
export function hasLogShape(record: Record<string, unknown>): boolean {
  return pick(record, TIME_KEYS) !== null || pick(record, LEVEL_KEYS) !== null || pick(record, MESSAGE_KEYS) !== null ||
    pick(record, ['fields.message']) !== null;
}

/** Build a parsed line from log fields (error-like fields become the kind hint). */
export function entryFromFields(
  record: Record<string, unknown>,
  format: 'json' | 'logfmt',
  ctx: LogContext,
): ParsedLine {
  const used = new Set<string>();
  const time = pick(record, TIME_KEYS);
  const level = pick(record, LEVEL_KEYS);
  const message = pick(record, [...MESSAGE_KEYS, 'fields.message']);
  const host = pick(record, HOST_KEYS);
  const unit = pick(record, UNIT_KEYS);
  for (const found of [time, level, message, host, unit]) if (found) used.add(found[0]);
  if (message?.[0] === 'fields.message') used.add('fields.message');

  const details: Details = {};
  let errorText = '';
  let count = 0;
  for (const [key, value] of Object.entries(record)) {
    if (used.has(key) || key.length > 64 || UNSAFE_KEYS.has(key)) continue;
    const text = scalarText(value);
    if (text === null) continue;
    if (ERROR_KEYS.includes(key) || key.endsWith('.error') || key.endsWith('.err')) errorText += ` ${text}`;
    if (count >= MAX_DETAILS) continue;
    if (key === 'pid' && /^\d{1,10}$/.test(text)) details.pid = Number(text);
    else details[key] = text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
    count++;
  }

  return {
    at: time ? timeValue(time[1], ctx) : null,
    host: host ? scalarText(host[1]) : null,
    unit: unit ? scalarText(unit[1]) : null,
    level: level ? normalizeLevel(level[1]) : null,
    message: message ? (scalarText(message[1]) ?? '').trim() : '',
    format,
    details,
    hint: errorText.slice(0, 2000),
  };
}
