/** required-sections: every section the config requires is there. */
import type { Heading } from 'mdast';
import { defineFileRule } from '../lint/rule.ts';
import { sectionNames } from '../lint/rule-helpers.ts';
import { joinedSectionKinds } from '../core/heading-aliases.ts';

export default defineFileRule({
  id: 'required-sections',
  defaultLevel: 'error',
  summary: 'The sections the config requires are present',
  description:
    'By default a postmortem needs a summary, a timeline, a root cause, a resolution and action items ' +
    '(`requiredSections` in the config). Headings are matched through aliases, so "Issue summary", ' +
    '"Root causes", "Resolution and recovery" or "Future preventative measures" count, and a heading that ' +
    'joins two ("Root Cause and Resolution") counts as both; add your own with `headingAliases`. A missing section is reported at the title (or the first line).',
  examples: {
    valid: [
      { source: '---\ntitle: Cache stampede\ndate: 2025-02-01\n---\n\n## Issue summary\n\nText.\n\n## Timeline\n\n- 10:00 Alert\n\n## Root causes\n\nText.\n\n## Resolution and recovery\n\nText.\n\n## Next steps\n\n- Text\n' },
      { source: '---\ntitle: Cache stampede\ndate: 2025-02-01\n---\n\n## Issue summary\n\nText.\n\n## Timeline\n\n- 10:00 Alert\n\n## Root Cause and Resolution\n\nText.\n\n## Corrective and preventative measures\n\n- Text\n', note: 'one heading for two sections' },
    ],
    invalid: [{ source: '---\ntitle: Cache stampede\ndate: 2025-02-01\n---\n\n# Cache stampede\n\n## Summary\n\nText.\n\n## Timeline\n\n- 10:00 Alert\n\n## Resolution\n\nText.\n\n## Action items\n\n- Text\n', line: 6, column: 1, note: 'no root cause section' }],
  },
  check(ctx) {
    const present = new Set(ctx.parsed.sections.map((s) => s.kind));
    // A heading that joins two sections ("Root Cause and Resolution") is both.
    for (const s of ctx.parsed.sections) if (s.kind !== 'other') for (const kind of joinedSectionKinds(s.heading, ctx.config.headingAliases)) present.add(kind);
    const missing = ctx.config.requiredSections.filter((k) => !present.has(k));
    if (missing.length === 0) return;
    const h1 = ctx.parsed.tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
    const start = h1?.position?.start ?? ctx.index.point(0);
    const end = h1?.position?.end ?? null;
    for (const kind of missing) {
      ctx.report(`Required section "${sectionNames[kind]}" is missing; add a \`## ${sectionNames[kind]}\` heading with its content`, start, end);
    }
  },
});
