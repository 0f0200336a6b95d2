/**
 * The outage window a postmortem states in a sentence of its opening or summary: "PostHog Feature
 * Flags went down for about 3 hours, from 15:30 to 18:10 UTC", "Blob storage was unavailable from
 * 5:05pm UTC until 9:05pm UTC", "an outage on Monday 22 April, between 08:00 UTC and 10:00 UTC".
 * A report told in prose gives its start and end no other way.
 */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Section } from './model.ts';
import { topSections } from './sections.ts';
import { findDates, rangeEnd, readStamp, windowBetween, type Stamp, type Zone } from './dates/index.ts';

/** Words that say the sentence is about the outage itself (not data lost or requests counted in a window). */
const outageWords = /\b(?:down|outages?|unavailable|unreachable|offline|inaccessible|disrupt(?:ed|ion)|degraded|interrupt(?:ed|ion)|went dark)\b/i;
/** Something a time of day is written with: "15:30", "9.05", "6pm", "midnight". */
const clockLike = /\d[:.h]\d\d|\d\s?[ap]\.?m\b|\bmidnight\b|\bnoon\b/i;
/** Where a window opens: "from 15:30", "between 08:00 UTC", "at approximately 12:05pm … until …". */
const opener = /\b(?:from|between|at)[ \t]+/gi;
/** An end told further on in the sentence: "… and lasted until Friday, November 18th, at 3:01am". */
const laterEnd = /\b(?:until|till)[ \t]+(?:the[ \t]+)?/gi;
/** What joins its two ends: "to", "until", "and", a dash. */
const joiner = /[ \t]*(?:to|until|till|through|thru|and|[-–—])[ \t]+(?:the[ \t]+)?/iy;
/** Blocks read: the first paragraphs of the document and of its summary and impact sections. */
const reach = 6;
/** Openers ("from", "between", "at") tried in one sentence. */
const maxOpeners = 8;

/** The sentences of a paragraph: split after a full stop, question or exclamation mark that a capital follows. */
function sentences(text: string): string[] {
  return text.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z])/);
}

/** Paragraphs of the blocks, those inside block quotes included. */
function paragraphs(blocks: readonly RootContent[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    const inside = block.type === 'paragraph' ? [block] : block.type === 'blockquote' ? block.children : [];
    for (const p of inside) {
      if (out.length >= reach) return out;
      if (p.type === 'paragraph') out.push(toString(p));
    }
  }
  return out;
}

/** The second end of a window opened by `from`: the end of a range ("15:30–18:10"), a stamp after "to"/"and", or one after "until" further on. */
function endOf(sentence: string, from: Stamp): Stamp | null {
  const range = rangeEnd(from);
  if (range) return range;
  const stampAt = (at: number) => {
    const to = readStamp(sentence, at);
    return to?.time && !to.placeholder && to.after === undefined ? to : null;
  };
  joiner.lastIndex = from.end;
  if (joiner.exec(sentence)) return stampAt(joiner.lastIndex);
  laterEnd.lastIndex = from.end;
  const later = laterEnd.exec(sentence);
  return later ? stampAt(laterEnd.lastIndex) : null;
}

/**
 * The window the opening paragraphs (before the first heading, or the first after a title H1) or the summary and impact sections
 * state, in UTC; times without a zone are read in `timezone`, times without a date on `day`. Null
 * when no sentence about the outage gives one; only its zone when none can be placed in time.
 */
export function statedWindow(tree: { children: RootContent[] }, sections: readonly Section[], timezone: string, day: string | null): { start: string | null; end: string | null; zone: Zone | null } | null {
  // A window that cannot be placed (no year to read "28th February" in) still tells its zone.
  let zoneOnly: Zone | null = null;
  // The opening runs to the first heading, or past an H1 that opens the document (its title) to the next.
  const headings = tree.children.flatMap((n, i) => (n.type === 'heading' ? [{ i, depth: n.depth }] : []));
  const titled = headings[0]?.depth === 1 && !tree.children.slice(0, headings[0].i).some((n) => n.type === 'paragraph');
  const end = (titled ? headings[1] : headings[0])?.i ?? tree.children.length;
  const opening = tree.children.slice(0, end);
  const told = [...topSections(sections, 'summary'), ...topSections(sections, 'impact')].map((s) => s.children);
  for (const blocks of [opening, ...told]) {
    for (const paragraph of paragraphs(blocks)) {
      // Most paragraphs say nothing of an outage at a time of day: skip them before splitting.
      if (!clockLike.test(paragraph) || !outageWords.test(paragraph)) continue;
      for (const sentence of sentences(paragraph.slice(0, 2000))) {
        if (!outageWords.test(sentence)) continue;
        let dates: ReturnType<typeof findDates> | null = null;
        let tries = 0;
        for (const m of sentence.matchAll(opener)) {
          // A sentence of many "at"s is no statement of a window: a few openers are enough.
          if (++tries > maxOpeners) break;
          let from = readStamp(sentence, m.index + m[0].length);
          if (!from?.time || from.placeholder || from.after !== undefined) continue;
          // "an outage on Monday 22 April, between 08:00 and 10:00 UTC": the day is told before the
          // window. The sentence's dates are read once.
          dates ??= findDates(sentence);
          if (!from.date) from = { ...from, date: dates.filter((d) => d.end <= m.index).at(-1)?.date ?? null };
          const to = endOf(sentence, from);
          const window = to ? windowBetween(from, to, timezone, day) : null;
          if (window) return window;
          if (to) zoneOnly ??= from.zone ?? to.zone;
        }
      }
    }
  }
  return zoneOnly ? { start: null, end: null, zone: zoneOnly } : null;
}
