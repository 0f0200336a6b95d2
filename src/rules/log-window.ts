/** log-window: log lines fall inside the incident's time window. */
import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import { toInstant } from '../core/dates/index.ts';
import { instantMs, showInstant } from '../lint/instants.ts';
import { defineFileRule } from '../lint/rule.ts';
import { incidentZone, lineTextStart } from '../lint/rule-helpers.ts';

const hour = 3_600_000;
/** Slack around the window: precursors and late recovery lines are normal. */
const margin = 6 * hour;
/** A bare day covers every zone's version of that day. */
const zoneSlack = 14 * hour;

function bound(value: unknown, timezone: string): { at: string } | null {
  if (value instanceof Date) return { at: value.toISOString().replace(/\.\d+Z$/, 'Z') };
  return typeof value === 'string' ? toInstant(value, timezone) : null;
}

export default defineFileRule({
  id: 'log-window',
  defaultLevel: 'warn',
  summary: 'Log lines are timestamped inside the incident window',
  description:
    'Log excerpts are evidence, so a line from another day usually means the wrong logs were pasted, or ' +
    'a syslog line without a year was read in the incident’s year when it belongs to another. The window ' +
    'runs from `started` to `resolved` (front matter, else the first and last timeline entries) with six ' +
    'hours either side; a bare day covers the whole day. One message per code block, at its first line ' +
    'outside the window.',
  examples: {
    valid: [{ source: '---\ntitle: API OOM\ndate: 2025-04-22\n---\n\n## Timeline\n\n- 2025-04-22 10:30 Nodes NotReady\n- 2025-04-22 11:00 RAM raised\n\n## Logs\n\n```\n2025-04-22T10:37:36Z kernel: Out of memory: Killed process 2735 (kube-apiserver)\n```\n' }],
    invalid: [{ source: '---\ntitle: API OOM\ndate: 2025-04-22\n---\n\n## Timeline\n\n- 2025-04-22 10:30 Nodes NotReady\n- 2025-04-22 11:00 RAM raised\n\n## Logs\n\n```\n2024-04-22T10:37:36Z kernel: Out of memory: Killed process 2735 (kube-apiserver)\n```\n', line: 14, column: 1 }],
  },
  check(ctx) {
    const incident = ctx.extraction!.incident;
    if (incident.logs.length === 0) return;
    const data = ctx.parsed.frontmatter?.data ?? {};
    const authored = incident.timeline.filter((e) => e.source === 'timeline' && e.at !== null).map((e) => e.at!);
    const sorted = [...authored].sort((a, b) => instantMs(a) - instantMs(b));
    const first = (data.started !== undefined ? bound(data.started, incidentZone(ctx))?.at : undefined) ?? sorted[0];
    const last = (data.resolved !== undefined ? bound(data.resolved, incidentZone(ctx))?.at : undefined) ?? sorted[sorted.length - 1];
    if (!first || !last) return;
    const low = instantMs(first) - (first.length === 10 ? zoneSlack : margin);
    const high = instantMs(last) + (last.length === 10 ? 24 * hour + zoneSlack : margin);
    if (!Number.isFinite(low) || !Number.isFinite(high)) return;
    const outside = incident.logs.filter((entry) => {
      if (!entry.at) return false;
      const ms = instantMs(entry.at);
      return ms < low || ms > high;
    });
    if (outside.length === 0) return;
    const blocks: [number, number][] = [];
    visit(ctx.parsed.tree, 'code', (node: Code) => {
      if (node.position) blocks.push([node.position.start.line, node.position.end.line]);
    });
    const reported = new Map<number, { line: number; at: string; more: number }>();
    for (const entry of outside) {
      const block = blocks.findIndex(([a, b]) => entry.line >= a && entry.line <= b);
      const key = block === -1 ? -entry.line : block;
      const seen = reported.get(key);
      if (seen) seen.more++;
      else reported.set(key, { line: entry.line, at: entry.at!, more: 0 });
    }
    for (const { line, at, more } of reported.values()) {
      const also = more > 0 ? `; ${more} more line${more > 1 ? 's' : ''} in this block ${more > 1 ? 'are' : 'is'} outside too` : '';
      ctx.report(`Log line at ${showInstant(at)} is outside the incident window (${showInstant(first)} to ${showInstant(last)}, with six hours' slack)${also}; check the pasted logs and their year`, lineTextStart(ctx, line), ctx.index.lineEnd(line));
    }
  },
});
