/** empty-section: no heading without content. */
import type { RootContent } from 'mdast';
import type { SectionKind } from '../../schemas/config.ts';
import { defineFileRule } from '../lint/rule.ts';
import { headingSpan, topSections } from '../lint/rule-helpers.ts';
import { headingField } from '../core/sections.ts';
import { wholeStamp } from '../core/dates/index.ts';

/** What each section should say, for the message. */
const guidance: Record<SectionKind | 'other', string> = {
  summary: 'say what happened and who was affected, in two or three sentences',
  impact: 'say who or what was affected, for how long and how badly',
  trigger: 'say what set the incident off',
  detection: 'say how the problem was noticed and how long that took',
  rootCause: 'explain why the incident could happen',
  resolution: 'say what was done to end the impact',
  timeline: 'list what happened when, one entry per line',
  logs: 'paste the relevant log lines in a code block',
  actionItems: 'list the follow-up actions with owners',
  lessons: 'say what went well and what did not',
  other: 'add its content or remove the heading',
};

/** Kinds whose emptiness their own rule reports (root-cause-substance, action-items). */
const ownRule = new Set<string>(['rootCause', 'actionItems']);

/** Whether a node holds any non-blank text, stopping at the first it finds. */
function hasText(node: RootContent): boolean {
  if ('value' in node && typeof node.value === 'string') return node.type !== 'html' && node.value.trim().length > 0;
  if (node.type === 'image' || node.type === 'imageReference') return true;
  return 'children' in node && (node.children as RootContent[]).some(hasText);
}

/** Whether HTML is nothing but comments and white space (a scan, not a pattern: linear on any input). */
function onlyComments(html: string): boolean {
  let at = 0;
  for (;;) {
    while (at < html.length && /\s/.test(html[at]!)) at++;
    if (at === html.length) return true;
    if (!html.startsWith('<!--', at)) return false;
    const end = html.indexOf('-->', at + 4);
    if (end === -1) return false;
    at = end + 3;
  }
}

function hasContent(node: RootContent): boolean {
  if (node.type === 'html') return !onlyComments(node.value);
  if (node.type === 'definition' || node.type === 'yaml' || (node.type as string) === 'toml') return false;
  if (node.type === 'thematicBreak') return false;
  if (node.type === 'code' || node.type === 'table' || node.type === 'image' || node.type === 'heading') return true;
  return hasText(node);
}

export default defineFileRule({
  id: 'empty-section',
  defaultLevel: 'warn',
  summary: 'No section is empty',
  description:
    'A heading with nothing under it (or only an HTML comment, as in a fresh `hindsight new` file) is a ' +
    'section still to write. The message says what the section should hold. An empty root cause or ' +
    'action items section is left to `root-cause-substance` and `action-items`; headings inside the ' +
    'timeline are its entries and may stand alone, a first heading of no role is the title, and a heading ' +
    'that gives a field and its value (`## Date: December 8, 2022`) or only a date (`## 3.4.2020`) is complete in itself.',
  examples: {
    valid: [
      { source: '## Impact\n\nCheckout failed for 12% of users for 40 minutes.\n\n## Detection\n\n### Alerts\n\nThe error-rate alert fired.\n' },
      { source: '# Checkout errors of 4 May\n\n# Impact\n\nCheckout failed for 12% of users for 40 minutes.\n', note: 'a title over sections of the same level' },
      { source: '# Checkout errors\n\n## Date: May 4, 2025\n\n## Level: Internal\n\n## Impact\n\nCheckout failed for 12% of users for 40 minutes.\n', note: 'fields written as headings' },
      { source: '# Phishing attempt\n\n## 3.4.2020\n\n## Impact\n\nNo account was taken over.\n', note: 'a date written as a heading' },
    ],
    invalid: [{ source: '## Impact\n\n<!-- Who was affected, for how long? -->\n\n## Detection\n\nThe error-rate alert fired.\n', line: 1, column: 1 }],
  },
  check(ctx) {
    // Headings inside a timeline are its entries ("### 10:15 — rollback"), not sections to fill.
    const timelines = new Set(topSections(ctx.parsed.sections, 'timeline'));
    // A document's first heading with no role is its title ("# 4/26 Transaction Delays" over "# Summary").
    const title = ctx.parsed.sections.find((s) => s.node);
    for (const section of ctx.parsed.sections) {
      if (!section.node || ownRule.has(section.kind)) continue;
      if (section === title && section.kind === 'other') continue;
      // A field written as a heading ("## Date: December 8, 2022", "## Level: Internal") says all it has to.
      if (section.kind === 'other' && headingField(section.heading)) continue;
      // So does a date written as a heading under the title ("## 3.4.2020").
      if (section.kind === 'other' && wholeStamp(section.heading)?.date) continue;
      if (section.kind === 'timeline' && !timelines.has(section)) continue;
      if (section.children.some(hasContent)) continue;
      const span = headingSpan(section);
      if (!span) continue;
      const name = section.heading || 'untitled';
      ctx.report(`The "${name}" section is empty; ${guidance[section.kind]}`, span.start, span.end);
    }
  },
});
