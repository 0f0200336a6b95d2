/** action-items: at least one action item, each with an owner or a tracking link. */
import { defineFileRule } from '../lint/rule.ts';
import { headingSpan, lineTextStart, topSections } from '../lint/rule-helpers.ts';

export default defineFileRule({
  id: 'action-items',
  defaultLevel: 'warn',
  summary: 'There is at least one action item, and each open one has an owner or a tracking link',
  description:
    'Action items are how a postmortem changes anything; one without an owner or a ticket is ' +
    'forgotten. In the action items section (lists, checklists, tables, or paragraphs when there is no ' +
    'list), and in any paragraph or list item elsewhere that starts "Action item:", "Action point:" or ' +
    '"Follow-up:", each item that is not done needs an owner (`@name`, "owner: …", an Owner column) or a ' +
    'tracking reference (a link, `#123`, `OPS-42`); where no open item has either, that is reported once, at ' +
    'the first. An action items section with no item, or one that ' +
    'only says "None" or "No further actions are needed", is reported at its heading.',
  examples: {
    valid: [{ source: '## Action items\n\n- [ ] Alert on archive lag (@dana)\n- [ ] Raise the WAL volume to 200 GB, OPS-12\n- [x] Restart archiving\n' }],
    invalid: [
      { source: '## Action items\n\n- [ ] Alert on archive lag (@dana)\n- [ ] Raise the WAL volume\n', line: 4, column: 1 },
      { source: '## Action items\n\n- [ ] Alert on archive lag\n- [ ] Raise the WAL volume\n- [x] Restart archiving (@dana)\n', line: 3, column: 1, note: 'no open item has an owner: one report, at the first' },
      { source: '## Action items\n\n<!-- none yet -->\n', line: 1, column: 1, note: 'no action items at all' },
      { source: '## Lessons learned\n\nAction point: page on the first failed renewal.\n\n## Action items\n\nNone.\n', line: 3, column: 1, note: 'a labelled action elsewhere needs an owner too' },
    ],
  },
  check(ctx) {
    const sections = topSections(ctx.parsed.sections, 'actionItems');
    if (sections.length === 0) return;
    const items = ctx.extraction!.incident.actionItems;
    if (items.length === 0) {
      const span = headingSpan(sections[0]!);
      if (span) ctx.report('There are no action items; list what will change so this does not happen again, each with an owner or a ticket', span.start, span.end);
      return;
    }
    const open = items.filter((item) => !item.done);
    const untracked = open.filter((item) => !item.owner && item.links.length === 0 && item.refs.length === 0);
    // A list where no item has an owner yet is one thing to fix, not one per item.
    if (untracked.length >= 2 && untracked.length === open.length) {
      const first = untracked[0]!;
      ctx.report(`None of the ${untracked.length} open action items has an owner or tracking link; add \`@owner\` or a ticket (a link, #123, OPS-42) to each`, lineTextStart(ctx, first.line), ctx.index.lineEnd(first.line));
      return;
    }
    for (const item of untracked) {
      ctx.report('This action item has no owner or tracking link; add `@owner` or a ticket (a link, #123, OPS-42)', lineTextStart(ctx, item.line), ctx.index.lineEnd(item.line));
    }
  },
});
