/** duplicate-title: no two incidents share a title. */
import { defineProjectRule } from '../lint/rule.ts';

export default defineProjectRule({
  id: 'duplicate-title',
  defaultLevel: 'warn',
  summary: 'Every incident has its own title',
  description:
    'Two incidents called "Database outage" are hard to tell apart in lists, search results and feeds. ' +
    'Titles are compared without case or extra spaces against every postmortem in the content folder. ' +
    'Add what makes this one different: the system, the symptom, the date.',
  examples: {
    valid: [{ source: '---\ntitle: Cache stampede after the March deploy\ndate: 2025-03-01\n---\n', others: { '2024-06-03-cache.md': '---\ntitle: Cache stampede\ndate: 2024-06-03\n---\n' } }],
    invalid: [{ source: '---\ntitle: Cache stampede\ndate: 2025-03-01\n---\n', others: { '2024-06-03-cache.md': '---\ntitle: cache  stampede\ndate: 2024-06-03\n---\n' }, line: 2, column: 8 }],
  },
  check(ctx) {
    const others = ctx.project.withTitle(ctx.facts.title).filter((e) => e.abs !== ctx.facts.abs);
    if (others.length === 0) return;
    const list = others.slice(0, 3).map((e) => `\`${e.file}\``).join(', ');
    ctx.report(`Title "${ctx.facts.title}" is also the title of ${list}${others.length > 3 ? ` and ${others.length - 3} more` : ''}; make it say what sets this incident apart`, ctx.facts.titleAt);
  },
});
