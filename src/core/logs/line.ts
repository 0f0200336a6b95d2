/**
 * Reading one line: cleaning it, skipping what is not a log line (prompts, table headers),
 * trying each format in turn, and recognising continuation lines.
 */
import { inferLevel } from './levels.ts';
import { MAX_ANALYSED } from './kinds.ts';
import { parseDmesg } from './formats/dmesg.ts';
import { parseIsoLine } from './formats/iso.ts';
import { parseJsonLine } from './formats/json.ts';
import { parseLogfmt } from './formats/logfmt.ts';
import { parseRfc5424 } from './formats/rfc5424.ts';
import { parseSyslog } from './formats/syslog.ts';
import { parseTalos } from './formats/talos.ts';
import type { LineParser, LogContext, ParsedLine } from './types.ts';

/** Formats in the order they are tried; the first that reads the line wins. */
const PARSERS: readonly LineParser[] = [parseTalos, parseRfc5424, parseSyslog, parseJsonLine, parseLogfmt, parseIsoLine, parseDmesg];

const ANSI = /\u001b\[[0-9;?]{0,30}[A-Za-z]/g;

/** A line ready for reading: terminal colours removed, cut to the analysed length, trailing space dropped. */
export function cleanLine(raw: string): string {
  let line = raw.length > MAX_ANALYSED ? raw.slice(0, MAX_ANALYSED) : raw;
  if (line.includes('\u001b')) line = line.replace(ANSI, '');
  return line.trimEnd();
}

const PROMPT = new RegExp(
  [
    String.raw`^(?:\$|#|%|>|❯|➜|→|λ|»|âžœ|â[\u0080-\u00ff]?¯)(?:\s|$)`, // bare prompt characters, including mis-decoded ➜ and ❯
    String.raw`^[\w.-]{1,64}@[\w.-]{1,253}(?::[^\s$#]{0,200})?\s?[$#%]`, // user@host:~$
    String.raw`^\[[\w.-]{1,64}@[\w.-]{1,253} [^\]]{0,200}\][$#]`, // [user@host dir]$
    String.raw`^PS [A-Za-z]:\\[^>]{0,200}>`, // PowerShell
    String.raw`^(?:\([\w.-]{1,64}\) )?[\w.-]{0,64}[$#] (?:sudo |kubectl |talosctl |journalctl |docker |cat |grep |tail |less |dmesg |systemctl |ssh )`,
  ].join('|'),
);

/** Whether a line is a shell prompt with a command. */
export function isPrompt(line: string): boolean {
  return PROMPT.test(line.trimStart());
}

const LOG_COMMAND = /\b(?:dmesg|journalctl|logs|tail|grep|egrep|zcat|zgrep|cat|less|stern|events|log)\b/;

/** Whether a line is a prompt running a command that prints logs (`dmesg`, `journalctl`, `kubectl logs`, `tail`…). */
export function isLogCommandPrompt(line: string): boolean {
  return isPrompt(line) && LOG_COMMAND.test(line.length > 500 ? line.slice(0, 500) : line);
}

/** Whether every cell of a line is an upper-case column name (`NODE   NAMESPACE   TYPE`): a table header. */
export function isTableHeader(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length > 400 || /[a-z]/.test(trimmed) || !/ {2,}|\t/.test(trimmed)) return false;
  const parts = trimmed.split(/ {2,}|\t+/);
  return parts.length >= 2 && parts.every((p) => /^[A-Z][A-Z0-9_()%/. -]{0,40}$/.test(p) && /[A-Z]{2}/.test(p));
}

/** Lines that carry nothing: separators, journald markers, elisions. */
export function isFiller(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length < 400 && /^[-=+|:*_~\s]{3,}$/.test(trimmed)) return true;
  if (/^-- .{0,300} --$/.test(trimmed)) return true; // journald: `-- Boot 1a2b… --`, `-- No entries --`
  return /^(?:\.{3,}|…|\[\.{3}\]|\[…\]|\[snip(?:ped)?\]|<snip(?:ped)?>|\(\.{3}\)|<none>|Events:(?:\s+<none>)?)$/i.test(trimmed);
}

/** A line that continues the previous entry: indented, or a stack-trace line. */
export function isContinuation(line: string): boolean {
  if (/^[ \t]/.test(line)) return true;
  return /^(?:at |Caused by:|\.\.\. \d{1,9} more|Traceback \(most recent call last\)|File "|goroutine \d{1,9} \[|panic: |Stack trace:|[\w.$]{1,200}(?:Exception|Error)(?::|$))/.test(line);
}

const NODE_PREFIX = /^((?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}|[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10}): (.*)$/;
const COMPOSE_PREFIX = /^([\w.-]{1,100}) {0,40}\| (.*)$/;
const POD_PREFIX = /^\[([\w.-]{1,253}\/[\w.-]{1,253}(?:\/[\w.-]{1,253})?)\] (.*)$/;

function parseUnprefixed(line: string, ctx: LogContext): ParsedLine | null {
  for (const parse of PARSERS) {
    const parsed = parse(line, ctx);
    if (parsed) return parsed;
  }
  return null;
}

/**
 * Read a line in any known format, including lines prefixed by a node (`talosctl logs`: `10.5.0.2: …`),
 * a Compose service (`api-1  | …`) or a pod (`kubectl logs --prefix`: `[pod/api/app] …`).
 * Null when no format reads it.
 */
export function parseLine(line: string, ctx: LogContext): ParsedLine | null {
  const direct = parseUnprefixed(line, ctx);
  if (direct) return refineNested(direct, ctx);
  const node = NODE_PREFIX.exec(line);
  if (node) {
    const inner = parseUnprefixed(node[2] ?? '', ctx);
    if (inner) {
      inner.host ??= node[1] ?? null;
      return refineNested(inner, ctx);
    }
  }
  const prefixed = COMPOSE_PREFIX.exec(line) ?? POD_PREFIX.exec(line);
  if (prefixed) {
    const name = prefixed[1] ?? '';
    const rest = prefixed[2] ?? '';
    const structured = parseUnprefixed(rest, ctx);
    // Without a structured remainder, only a Compose-style name (`api-1`, `api_1`) makes this a prefix.
    if (!structured && !/[-_]\d{1,4}$/.test(name) && !prefixed[0].startsWith('[')) return null;
    const inner = structured ?? plainLine(rest);
    inner.unit ??= name;
    inner.details.container = name;
    return inner;
  }
  return null;
}

/** Formats whose message is free text written by a program, which may itself be JSON or logfmt. */
const CARRIERS: ReadonlySet<ParsedLine['format']> = new Set(['syslog', 'talos', 'rfc5424']);

/**
 * Read a JSON or logfmt message inside a syslog-style line (`api[33]: level=error msg="…"`):
 * its message, level and fields replace the raw text; the outer time, host and unit stay.
 */
function refineNested(parsed: ParsedLine, ctx: LogContext): ParsedLine {
  if (!CARRIERS.has(parsed.format)) return parsed;
  const message = parsed.message;
  const nested = message.startsWith('{') ? parseJsonLine(message, ctx) : message.includes('=') ? parseLogfmt(message, ctx) : null;
  if (!nested || nested.message === '') return parsed;
  return {
    ...parsed,
    level: nested.level ?? parsed.level,
    at: parsed.at ?? nested.at,
    unit: parsed.unit ?? nested.unit,
    host: parsed.host ?? nested.host,
    message: nested.message,
    details: { ...nested.details, ...parsed.details },
    hint: nested.hint,
  };
}

/** A line in no known format, kept as a `plain` entry with whatever level it announces. */
export function plainLine(line: string): ParsedLine {
  const message = line.trim();
  return { at: null, host: null, unit: null, level: inferLevel(message), message, format: 'plain', details: {} };
}
