/** duplicate-section: the same heading twice under the same parent. */
import { opensWithStamp } from '../core/dates/index.ts';
import { normaliseHeading } from '../core/heading-aliases.ts';
import type { Section } from '../core/model.ts';
import { defineFileRule } from '../lint/rule.ts';
import { headingSpan } from '../lint/rule-helpers.ts';

/** "Why?" in the languages whose section names are known, as a five-whys analysis repeats it. */
const whys = new Set(['why', 'warum', 'pourquoi', 'por que', 'porque', 'perché', 'perche', 'hvorfor', 'varför', 'waarom', 'なぜ', '为什么']);

export default defineFileRule({
  id: 'duplicate-section',
  defaultLevel: 'warn',
  summary: 'No section heading appears twice at the same level',
  description:
    'Two "Timeline" or two "Root cause" sections side by side usually come from pasting a template ' +
    'twice; readers find half the content. Headings are compared without case and punctuation, among ' +
    'sections with the same parent (so `### Detection` under two different days is fine); headings ' +
    'inside a timeline are its entries and may repeat, as may the "Why?" steps of a five-whys analysis. ' +
    'Merge them.',
  examples: {
    valid: [
      { source: '## Day one\n\n### Detection\n\nText.\n\n## Day two\n\n### Detection\n\nText.\n' },
      { source: '## Timeline\n\n### 22:00\n\nAlert fired.\n\n### 22:00\n\nOn-call paged.\n', note: 'two entries at the same minute' },
      { source: '## Five whys\n\n### Why?\n\nThe disk filled.\n\n### Why?\n\nLogs were never rotated.\n', note: 'the steps of a five-whys analysis' },
      { source: '## 2025-01-22T08:00:00\n\nStill stable.\n\n## 2025-01-22T08:00:00\n\nMonitoring goes on.\n', note: 'status-page updates at the same time' },
      { source: '## (10:00 UTC) Update\n\nInvestigating.\n\n## Update\n\nResolved.\n', note: 'a dated update, then one without its time' },
    ],
    invalid: [{ source: '## Timeline\n\n- 10:00 Alert\n\n## Root cause\n\nText.\n\n## Timeline\n\n- 11:00 Fixed\n', line: 9, column: 1 }],
  },
  check(ctx) {
    const parentOf = new Map<Section, Section | null>();
    const open: Section[] = [];
    for (const s of ctx.parsed.sections) {
      if (!s.node) continue;
      while (open.length > 0 && open[open.length - 1]!.depth >= s.depth) open.pop();
      parentOf.set(s, open[open.length - 1] ?? null);
      open.push(s);
    }
    const seen = new Map<string, Section>();
    for (const [s, parent] of parentOf) {
      const name = normaliseHeading(s.heading);
      if (!name) continue;
      // Inside a timeline, headings are its days and entries ("### 22:00" twice is two events); so
      // are headings that open with a date or a time anywhere (status-page updates). A five-whys
      // analysis asks "Why?" once a step: each is its own answer.
      if (parent?.kind === 'timeline' || whys.has(name) || opensWithStamp(s.heading)) continue;
      const key = `${parent ? parent.line : 0}:${s.depth}:${name}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, s);
        continue;
      }
      const span = headingSpan(s);
      if (span) ctx.report(`Section "${s.heading}" appears again (first on line ${first.line}); merge the two sections`, span.start, span.end);
    }
  },
});
