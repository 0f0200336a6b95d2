/** The log lines of a postmortem's code blocks, and the notable ones as events of its timeline. */
import type { Code, RootContent } from 'mdast';
import type { LogEntry, TimelineEvent } from '../../schemas/incident.ts';
import type { ParsedPostmortem } from './model.ts';
import { describeLogEvent, isNotable, looksLikeLogs, parseLogBlock } from './logs/index.ts';

/**
 * Log entries from code blocks in logs sections and from blocks elsewhere that read as logs, but
 * the blocks the timeline took as its entries (`timelineBlocks`).
 */
export function extractLogs(parsed: ParsedPostmortem, year: number, timezone: string, timelineBlocks: ReadonlySet<Code> = new Set()): LogEntry[] {
  const inLogs = new Set<RootContent>();
  for (const s of parsed.sections) if (s.kind === 'logs') for (const c of s.children) inLogs.add(c);
  const entries: LogEntry[] = [];
  // Code blocks in document order, each with the top-level block it sits in; an explicit stack,
  // so deeply nested lists or quotes cannot overflow the call stack.
  const codes: { code: Code; top: RootContent }[] = [];
  const stack: { node: RootContent; top: RootContent }[] = [...parsed.tree.children].reverse().map((n) => ({ node: n, top: n }));
  while (stack.length > 0) {
    const { node: n, top } = stack.pop()!;
    if (n.type === 'code') codes.push({ code: n, top });
    else if (n.type === 'blockquote' || n.type === 'list' || n.type === 'listItem' || n.type === 'footnoteDefinition') for (let i = n.children.length - 1; i >= 0; i--) stack.push({ node: n.children[i] as RootContent, top });
  }
  for (const { code, top } of codes) {
    if (timelineBlocks.has(code)) continue;
    const isLogSection = inLogs.has(top);
    if (!isLogSection && !looksLikeLogs(code.value)) continue;
    const start = code.position?.start.line ?? 1;
    const fenced = /^\s*(`{3,}|~{3,})/.test(parsed.text.slice(code.position?.start.offset ?? 0, (code.position?.start.offset ?? 0) + 64));
    for (const item of parseLogBlock(code.value, fenced ? start + 1 : start, { year, timezone })) entries.push(item);
  }
  return entries;
}

/** Compare instants that may be bare dates (a day sorts at its start). */
export function instantKey(at: string): string {
  return at.length === 10 ? `${at}T00:00Z` : at;
}

/** Most log events a timeline takes, so a pasted error storm cannot bury the authored entries. */
export const maxLogEvents = 20;

const levelRank: Record<string, number> = { emerg: 0, alert: 1, crit: 2, err: 3, warning: 4, notice: 5, info: 6, debug: 7 };

/** Notable, timed log entries worth a timeline line: repeats collapsed, the most telling kept. */
function notableLogEntries(logs: readonly LogEntry[]): LogEntry[] {
  const seen = new Set<string>();
  const notable = logs.filter((e) => {
    if (!e.at || !isNotable(e)) return false;
    const key = `${e.kind}\u0000${e.host}\u0000${e.kind === 'other' ? e.message : (e.details.process ?? '')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (notable.length <= maxLogEvents) return notable;
  const rank = (e: LogEntry) => (e.kind === 'other' ? 10 : 0) + (levelRank[e.level ?? 'info'] ?? 6);
  const kept = new Set([...notable].sort((a, b) => rank(a) - rank(b)).slice(0, maxLogEvents));
  return notable.filter((e) => kept.has(e));
}

/** Put notable log events into the authored timeline after every event at or before them. */
export function mergeLogEvents(authored: TimelineEvent[], logs: readonly LogEntry[]): TimelineEvent[] {
  const merged = [...authored];
  for (const entry of notableLogEntries(logs)) {
    if (!entry.at) continue;
    let text: string | undefined;
    const event: TimelineEvent = {
      at: entry.at,
      precision: 'second',
      // Described when first read: what the event says is for readers; lint reads only when it was.
      get text(): string {
        return (text ??= describeLogEvent(entry));
      },
      source: 'log',
      line: entry.line,
      written: null,
      timezone: 'UTC',
    };
    const key = instantKey(entry.at);
    let index = merged.length;
    for (let i = merged.length - 1; i >= 0; i--) {
      const at = merged[i]!.at;
      if (at !== null && instantKey(at) <= key) break;
      if (at !== null) index = i;
    }
    merged.splice(index, 0, event);
  }
  return merged;
}
