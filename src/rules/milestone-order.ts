/** milestone-order: started ≤ detected ≤ mitigated ≤ resolved. */
import type { Point } from 'unist';
import { compareTimed, showInstant } from '../lint/instants.ts';
import { defineFileRule } from '../lint/rule.ts';
import { entrySpan, frontmatterPoint, incidentZone } from '../lint/rule-helpers.ts';

const names = ['started', 'detected', 'mitigated', 'resolved'] as const;

interface Milestone {
  name: (typeof names)[number];
  at: string;
  fromFrontmatter: boolean;
  start: Point;
  end: Point | null;
}

export default defineFileRule({
  id: 'milestone-order',
  defaultLevel: 'error',
  summary: 'Milestones are in order: started ≤ detected ≤ mitigated ≤ resolved',
  description:
    'Time to detect, mitigate and resolve are computed from the milestones, so a `mitigated` before ' +
    '`detected` gives negative durations. Milestones come from the front matter (`started`, `detected`, ' +
    '`mitigated`, `resolved`), else from the timeline; only an order broken by a front matter value is ' +
    'reported, at that value.',
  examples: {
    valid: [{ source: '---\ntitle: Queue backlog\ndate: 2025-03-02\nstarted: 2025-03-02T09:40Z\ndetected: 2025-03-02T10:00Z\nresolved: 2025-03-02T11:15Z\n---\n' }],
    invalid: [{ source: '---\ntitle: Queue backlog\ndate: 2025-03-02\nstarted: 2025-03-02T09:40Z\ndetected: 2025-03-02T10:00Z\nmitigated: 2025-03-02T09:50Z\nresolved: 2025-03-02T11:15Z\n---\n', line: 6, column: 12 }],
  },
  check(ctx) {
    const incident = ctx.extraction!.incident;
    const data = ctx.parsed.frontmatter?.data ?? {};
    const milestones: Milestone[] = [];
    for (const name of names) {
      const at = incident[name];
      if (!at) continue;
      const fromFrontmatter = data[name] !== undefined && data[name] !== null;
      let start: Point | null = fromFrontmatter ? frontmatterPoint(ctx, [name]) : null;
      let end: Point | null = null;
      if (!start) {
        const event = incident.timeline.find((e) => e.at === at);
        if (event) ({ start, end } = entrySpan(ctx, event.line, event.written));
      }
      milestones.push({ name, at, fromFrontmatter, start: start ?? ctx.index.point(0), end });
    }
    const zone = incidentZone(ctx);
    for (let i = 1; i < milestones.length; i++) {
      const later = milestones[i]!;
      const earlier = milestones.slice(0, i).find((m) => (m.fromFrontmatter || later.fromFrontmatter) && compareTimed({ at: later.at, precision: null }, { at: m.at, precision: null }, zone) < 0);
      if (!earlier) continue;
      const at = later.fromFrontmatter ? later : earlier;
      ctx.report(
        `\`${later.name}\` (${showInstant(later.at)}) is before \`${earlier.name}\` (${showInstant(earlier.at)}); milestones must run started ≤ detected ≤ mitigated ≤ resolved`,
        at.start,
        at.end,
      );
    }
  },
});
