/**
 * The zone of a timeline that never states one: when the rest of the document writes its clock
 * times in exactly one zone ("As of June 15, 2025 06:00 EST"), the timeline is read in it too.
 */
import type { RootContent } from 'mdast';
import type { Section } from '../model.ts';
import { ownChildren } from '../sections.ts';
import { readStamp, type Zone } from '../dates/index.ts';
import { flattenInline, plainText } from './inline.ts';

const MAX_SCAN = 300_000;
const digit = /\d/;
const clockTime = /\b\d{1,2}:\d{2}\b|\b\d{1,2}\s?[ap]\.?m\b/gi;

/** The single zone prose outside the timeline writes times in, or null (none, or several). */
export function documentZone(sections: readonly Section[], source: string): Zone | null {
  const labels = new Map<string, Zone>();
  let scanned = 0;
  // A block's text is never longer than its source, so in a document no longer than the scan's
  // budget the budget is never reached and a block left unread changes nothing; in a longer one,
  // every block counts towards it as it always did, digits or not.
  const prefilter = source.length <= MAX_SCAN;
  const scan = (text: string): void => {
    if (scanned > MAX_SCAN) return;
    scanned += text.length;
    clockTime.lastIndex = 0;
    for (let m = clockTime.exec(text); m; m = clockTime.exec(text)) {
      const stamp = readStamp(text, m.index);
      if (stamp?.zone && stamp.time) labels.set(stamp.zone.label, stamp.zone);
      if (labels.size > 1) return;
    }
  };
  const visit = (block: RootContent, depth: number): void => {
    if (depth > 16 || labels.size > 1) return;
    switch (block.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell': {
        // A clock time needs a digit, and a block whose source has none has none in its text
        // (a character reference to a digit holds digits too): such a block is not flattened.
        const at = block.position;
        if (prefilter && at?.start.offset !== undefined && at.end.offset !== undefined && !digit.test(source.slice(at.start.offset, at.end.offset))) break;
        scan(plainText(flattenInline(block.children, block.position?.start.line ?? 1)));
        break;
      }
      case 'list':
      case 'listItem':
      case 'blockquote':
      case 'table':
      case 'tableRow':
        for (const c of block.children) visit(c as RootContent, depth + 1);
        break;
      default:
        break;
    }
  };
  for (const section of sections) {
    if (section.kind === 'timeline') continue;
    if (section.node) visit(section.node, 0);
    for (const block of ownChildren(section)) visit(block, 0);
  }
  return labels.size === 1 ? [...labels.values()][0]! : null;
}
