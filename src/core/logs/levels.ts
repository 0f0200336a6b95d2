/**
 * Severity levels: every spelling logs use, normalised to the syslog names
 * (emerg, alert, crit, err, warning, notice, info, debug).
 */
import type { LogLevel } from '../../../schemas/incident.ts';

/** Syslog severities by number (RFC 5424 §6.2.1). */
export const SYSLOG_SEVERITIES: readonly LogLevel[] = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];

/** Level words, lower-cased, that mean a syslog level. */
const LEVEL_WORDS: Readonly<Record<string, LogLevel>> = {
  emerg: 'emerg', emergency: 'emerg',
  alert: 'alert',
  crit: 'crit', critical: 'crit', fatal: 'crit', ftl: 'crit', panic: 'crit', dpanic: 'crit', crt: 'crit',
  err: 'err', error: 'err', eror: 'err', erro: 'err', severe: 'err',
  warn: 'warning', warning: 'warning', wrn: 'warning', warnung: 'warning',
  notice: 'notice', ntc: 'notice',
  info: 'info', inf: 'info', information: 'info', informational: 'info', note: 'info',
  debug: 'debug', dbg: 'debug', debu: 'debug', trace: 'debug', trc: 'debug', verbose: 'debug', vrb: 'debug',
  fine: 'debug', finer: 'debug', finest: 'debug',
};

/** Single-letter levels (klog, Android, zerolog console), upper-case only. */
const LEVEL_LETTERS: Readonly<Record<string, LogLevel>> = {
  F: 'crit', C: 'crit', E: 'err', W: 'warning', N: 'notice', I: 'info', D: 'debug', V: 'debug', T: 'debug',
};

/** Level of a syslog PRI value (`<34>` → crit), or null when out of range. */
export function levelFromPri(pri: number): LogLevel | null {
  if (!Number.isInteger(pri) || pri < 0 || pri > 191) return null;
  return SYSLOG_SEVERITIES[pri % 8] ?? null;
}

/** Level of a number: 0–7 are syslog severities, 10–60 are bunyan/pino levels. */
function levelFromNumber(n: number): LogLevel | null {
  if (!Number.isFinite(n) || n < 0) return null;
  if (Number.isInteger(n) && n <= 7) return SYSLOG_SEVERITIES[n] ?? null;
  if (n < 10) return null;
  if (n >= 60) return 'crit';
  if (n >= 50) return 'err';
  if (n >= 40) return 'warning';
  if (n >= 30) return 'info';
  return 'debug';
}

/** Normalise a level value from a structured field (`"ERROR"`, `"warn"`, `"E"`, `50`, `"3"`), or null. */
export function normalizeLevel(value: unknown): LogLevel | null {
  if (typeof value === 'number') return levelFromNumber(value);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (s.length === 0 || s.length > 20) return null;
  if (/^\d{1,3}$/.test(s)) return levelFromNumber(Number(s));
  const letter = LEVEL_LETTERS[s];
  if (letter) return letter;
  return LEVEL_WORDS[s.toLowerCase()] ?? null;
}

/**
 * Level of a bare word found in free text, stricter than normalizeLevel: the word must be all upper case,
 * all lower case or Capitalised, and single letters are refused. `LOG` counts (PostgreSQL) only as `LOG:`.
 */
export function levelWord(token: string): LogLevel | null {
  if (token.length < 3 || token.length > 18) return null;
  const word = token.replace(/^[[(<]+/, '').replace(/[\])>:,|]+$/, '');
  if (word.length < 3 || word.length > 13) return null;
  if (word === 'LOG' && token.endsWith(':')) return 'info';
  const lower = word.toLowerCase();
  const level = LEVEL_WORDS[lower];
  if (!level) return null;
  const upper = word.toUpperCase();
  const capitalised = upper[0] + lower.slice(1);
  if (word !== lower && word !== upper && word !== capitalised) return null;
  return level;
}

/** Whether a token is a level word (used to refuse it as a host or program name). */
export function isLevelWord(token: string): boolean {
  return levelWord(token) !== null;
}

const KLOG_PREFIX = /^([IWEF])\d{4} \d{2}:\d{2}:\d{2}/;
const NESTED_TIMESTAMP = /^\[?\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?\]?\s*/;
const PROGRAM_LEVEL = /^[\w.@/-]{1,80}: (warning|error|fatal|panic|critical|crit|err|warn):/i;
const LEVEL_PAIR = /\b(?:level|lvl|severity)=["']?([A-Za-z]{1,13})/;

/** The leading level of a message and where the rest begins, from tokens such as `ERROR`, `[warn]`, `production.ERROR`, `- app - ERROR -`. */
export interface LevelPrefix {
  level: LogLevel | null;
  /** A program or logger name written before or right after the level. */
  unit: string | null;
  /** Thread or context written in brackets before the level (`[main]`). */
  thread: string | null;
  /** A number in brackets before the level (`[37747]`). */
  pid: number | null;
  /** The text after the level (the whole text when no level was found). */
  message: string;
}

const TOKEN = /\S+/g;
const LOGGER_AFTER_LEVEL = /^([\w$][\w.$/-]{0,200}) - /;
const DOTTED_LOGGER = /^([\w$][\w$-]{0,100}(?:[./][\w$-]{1,100}){1,20}): /;

/**
 * Split the level and decorations off the front of a log line's remainder (after its timestamp).
 * Only the first few tokens are looked at, so a level word deep inside a message is never taken,
 * and a level word counts only when written as one: upper case, bracketed, or followed by `:` or ` -`
 * (so `Error connecting to db` keeps its first word).
 */
export function splitLevelPrefix(text: string): LevelPrefix {
  const result: LevelPrefix = { level: null, unit: null, thread: null, pid: null, message: text.trim() };
  TOKEN.lastIndex = 0;
  let bareWords = 0;
  let unit: string | null = null;
  let thread: string | null = null;
  let pid: number | null = null;
  for (let index = 0; index < 5; index++) {
    const m = TOKEN.exec(text);
    if (!m) break;
    const token = m[0];
    const end = m.index + token.length;
    let candidate = token;
    // `production.ERROR:` (Laravel) → the part after the last dot.
    const dot = token.lastIndexOf('.');
    if (dot > 0 && dot < token.length - 1 && /^[A-Za-z]/.test(token.slice(dot + 1))) candidate = token.slice(dot + 1);
    const level = levelWord(candidate);
    if (level) {
      const strong = token === token.toUpperCase() || /^[[(<]/.test(token) || token.endsWith(':') || text.startsWith(' -', end);
      if (strong) {
        result.level = level;
        result.unit = unit;
        result.thread = thread;
        result.pid = pid;
        let message = text.slice(end).replace(/^[\s:|-]+/, '');
        if (!result.unit) {
          const logger = LOGGER_AFTER_LEVEL.exec(message) ?? DOTTED_LOGGER.exec(message);
          if (logger) {
            result.unit = logger[1] ?? null;
            message = message.slice(logger[0].length);
          }
        }
        result.message = message.trim();
        return result;
      }
      break;
    }
    if (token === '-' || token === '|' || token === ':') continue;
    const bracketed = /^\[([^\]]{1,200})\]:?$/.exec(token);
    if (bracketed) {
      const inside = bracketed[1] ?? '';
      if (/^\d{1,10}$/.test(inside)) pid = Number(inside);
      else thread = inside;
      continue;
    }
    if (/^[\w.@/-]{1,100}:?$/.test(token) && bareWords === 0) {
      bareWords++;
      unit = token.replace(/:$/, '');
      continue;
    }
    break;
  }
  return result;
}

/**
 * A level read from a message that came without one (a syslog line, a plain line): a klog prefix,
 * a nested `level=`, a leading level word after an optional nested timestamp, or `prog: error:`.
 */
export function inferLevel(message: string): LogLevel | null {
  const head = message.length > 400 ? message.slice(0, 400) : message;
  const klog = KLOG_PREFIX.exec(head);
  if (klog) return LEVEL_LETTERS[klog[1] ?? ''] ?? null;
  const pair = LEVEL_PAIR.exec(head);
  if (pair) {
    const level = normalizeLevel(pair[1]);
    if (level) return level;
  }
  let rest = head.replace(NESTED_TIMESTAMP, '');
  rest = rest.replace(/^(?:UTC|GMT)\s+/, '');
  const prefix = splitLevelPrefix(rest);
  if (prefix.level) return prefix.level;
  const program = PROGRAM_LEVEL.exec(rest);
  if (program) return normalizeLevel(program[1]);
  if (head.includes(' panicked at ')) return 'crit';
  if (head.startsWith('Traceback (most recent call last)')) return 'err';
  return null;
}

/** klog's severity letters (I, W, E, F). */
export const LEVEL_LETTER_KLOG: Readonly<Record<string, LogLevel>> = { I: 'info', W: 'warning', E: 'err', F: 'crit' };
