/** Small helpers the rules share: core diagnostics, positions, suggestions, sections. */
import { distance } from 'fastest-levenshtein';
import type { Point } from 'unist';
import type { SectionKind } from '../../schemas/config.ts';
import type { Section } from '../core/model.ts';
import type { FileRuleContext } from './rule.ts';

/** A safe fix for a core diagnostic: on the diagnostic's line, `actual` at `column` becomes `expected`. */
export interface CoreFix {
  column: number;
  actual: string;
  expected: string;
}

/**
 * Report the core's own diagnostics of one rule id (parse and extraction), at their places. With
 * `fixFor`, a diagnostic whose line has a fix is reported at the text the fix replaces, with the fix.
 */
export function reportCore(ctx: FileRuleContext, ruleId: string, fixFor?: (lineText: string) => CoreFix | null): void {
  const all = [...ctx.parsed.diagnostics, ...(ctx.extraction?.diagnostics ?? [])];
  for (const d of all) {
    if (d.ruleId !== ruleId) continue;
    if (ctx.parsed.text === '') {
      ctx.report(d.message, { line: d.line, column: d.column }, d.endLine !== undefined ? { line: d.endLine, column: d.endColumn ?? d.column } : null);
      continue;
    }
    const fix = fixFor?.(ctx.index.lineText(d.line));
    if (fix) {
      const at = ctx.index.offset(d.line, fix.column);
      ctx.report(d.message, ctx.index.point(at), ctx.index.point(at + fix.actual.length), { actual: fix.actual, expected: fix.expected });
      continue;
    }
    const start = ctx.index.point(ctx.index.offset(d.line, d.column));
    const end = d.endLine !== undefined && d.endColumn !== undefined ? ctx.index.point(ctx.index.offset(d.endLine, d.endColumn)) : null;
    ctx.report(d.message, start, end);
  }
}

/** The closest candidate within a small edit distance, for "did you mean" (`lower`: the candidates in lower case, when the caller keeps them). */
export function didYouMean(value: string, candidates: readonly string[], lower?: readonly string[]): string | null {
  const v = value.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(value.length / 3)));
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    // The distance is at least the difference in length: most candidates need no comparison.
    if (Math.abs(c.length - v.length) >= bestDistance) continue;
    const d = distance(v, lower?.[i] ?? c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean `x`?)` or nothing. */
export function suggestion(value: string, candidates: readonly string[]): string {
  const near = didYouMean(value, candidates);
  return near && near !== value ? `; did you mean \`${near}\`?` : '';
}

/** Position of a front matter value (or its key), as a point with offset. */
export function frontmatterPoint(ctx: FileRuleContext, path: (string | number)[], key = false): Point | null {
  const fm = ctx.parsed.frontmatter;
  const at = key ? fm?.locateKey(path) : (fm?.locate(path) ?? fm?.locateKey(path));
  return at ? ctx.index.point(ctx.index.offset(at.line, at.column)) : null;
}

/** The start of a line's text (after indentation). */
export function lineTextStart(ctx: FileRuleContext, line: number): Point {
  const text = ctx.index.lineText(line);
  const indent = text.length - text.trimStart().length;
  return ctx.index.point(ctx.index.lineStart(line) + indent);
}

/** Sections of a kind that are not nested in another section of the same kind. */
export { topSections } from '../core/sections.ts';

/** Start and end points of a section's heading. */
export function headingSpan(section: Section): { start: Point; end: Point } | null {
  const p = section.node?.position;
  return p ? { start: p.start, end: p.end } : null;
}

/** Readable names of section kinds, for messages. */
export const sectionNames: Record<SectionKind, string> = {
  summary: 'Summary',
  impact: 'Impact',
  trigger: 'Trigger',
  detection: 'Detection',
  rootCause: 'Root cause',
  resolution: 'Resolution',
  timeline: 'Timeline',
  logs: 'Logs',
  actionItems: 'Action items',
  lessons: 'Lessons learned',
};

/** A short quotation of text for a message (never used for secrets). */
export function quote(text: string, max = 40): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** Where a timeline entry's written time sits on its line (else the line's text start), to the line's end. */
export function entrySpan(ctx: FileRuleContext, line: number, written: string | null): { start: Point; end: Point } {
  const text = ctx.index.lineText(line);
  const at = written ? text.indexOf(written) : -1;
  const start = at >= 0 ? ctx.index.point(ctx.index.lineStart(line) + at) : lineTextStart(ctx, line);
  const end = at >= 0 && written ? ctx.index.point(ctx.index.lineStart(line) + at + written.length) : ctx.index.lineEnd(line);
  return { start, end };
}

/** The incident's zone, else the configured one (a postmortem with no time of day states none). */
export function incidentZone(ctx: FileRuleContext): string {
  return ctx.extraction?.incident.timezone ?? ctx.config.timezone;
}
