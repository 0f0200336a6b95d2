/**
 * Inputs the Markdown parser would take minutes on. micromark's time grows with the square of some
 * counts inside one paragraph — closing brackets (100 KB of `]`: 40 s), emphasis and strikethrough
 * marks (30 KB of `*a_`: 5 s) — and of the containers nested on one line (20,000 nested `- `: over a minute).
 * No parser option bounds them, so the text is measured first, in one linear pass: for each kind,
 * the sum over paragraphs (over lines, for nesting) of the square of its count, which is what the
 * parse costs. A file over a budget is refused at the line where it crosses it, before it is parsed.
 * Each budget is about a second of parsing here; real postmortems use a small fraction of it, and
 * code blocks, where nothing of the sort is parsed, are not counted.
 */

import type { Root } from 'mdast';
import type { Parent } from 'unist';

/** Budgets: sums of squared counts (a single paragraph of 12,000 `]`, or 10,000 marks, or one line of 3,000 nested lists or 25,000 nested quotes). */
export const markdownBudgets = { closingBrackets: 1.5e8, delimiters: 1e8, nesting: 1e7 } as const;

export interface TooComplex {
  line: number;
  message: string;
}

const SPACE = 0x20;
const TAB = 0x09;

function isAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code > 0x7f;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== 0x0d) return false;
  }
  return true;
}

const tooMany = (what: string, line: number): TooComplex => ({
  line,
  message: `By line ${line}, the file holds ${what} for a Markdown parser to read in bounded time (its time grows with the square of their number in each paragraph), so the file is not read. Put logs in fenced code blocks (\`\`\`) and split long paragraphs`,
});

/**
 * Text this short is under every budget whatever it holds: n characters hold at most n `]` or
 * marks, and at most n/2 nested list markers in all (a sum of squares is at most the square of the sum).
 */
const alwaysWithinBudget = Math.min(Math.sqrt(markdownBudgets.closingBrackets), Math.sqrt(markdownBudgets.delimiters), 2 * Math.sqrt(markdownBudgets.nesting));

/** How many times `char` occurs in `text` (indexOf is far faster than reading every character). */
function occurrences(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/**
 * Whether whole-text counts already keep the text under every budget: a sum of squares is at most
 * the square of the sum (all `]`, all of `*`, `_`, `~`); a line of length L opens at most L/2
 * nested lists or L quotes, so its nesting cost is at most L²/4, and the sum over lines at most
 * (longest line) × (length) / 4. Real postmortems pass this at once.
 */
function countsWithinBudget(text: string): boolean {
  let longest = 0;
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    if (nl - start > longest) longest = nl - start;
    start = nl + 1;
  }
  longest = Math.max(longest, text.length - start);
  if ((longest * text.length) / 4 > markdownBudgets.nesting) return false;
  const brackets = occurrences(text, ']');
  if (brackets * brackets > markdownBudgets.closingBrackets) return false;
  const delimiters = occurrences(text, '*') + occurrences(text, '_') + occurrences(text, '~');
  return delimiters * delimiters <= markdownBudgets.delimiters;
}

/** Where the text goes over a budget of `markdownBudgets`, or null. Linear in the length of the text. */
export function markdownTooComplex(text: string): TooComplex | null {
  if (text.length <= alwaysWithinBudget || countsWithinBudget(text)) return null;
  // Counts in the current paragraph, and the running sums of their squares.
  let brackets = 0;
  let delimiters = 0;
  let bracketCost = 0;
  let delimiterCost = 0;
  let nestingCost = 0;
  let fence: { char: number; length: number } | null = null;
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    // Container markers opening the line: `>`, `-`/`*`/`+` and `1.`/`1)` followed by a space.
    let at = start;
    let quotes = 0;
    let lists = 0;
    for (;;) {
      while (at < end && (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB)) at++;
      const c = text.charCodeAt(at);
      const next = text.charCodeAt(at + 1);
      if (c === 0x3e) {
        at++;
        quotes++;
        continue;
      }
      if ((c === 0x2d || c === 0x2a || c === 0x2b) && (next === SPACE || next === TAB)) {
        at += 2;
      } else {
        let digits = at;
        while (digits < end && digits - at < 9 && text.charCodeAt(digits) >= 0x30 && text.charCodeAt(digits) <= 0x39) digits++;
        const marker = text.charCodeAt(digits);
        const after = text.charCodeAt(digits + 1);
        if (digits === at || (marker !== 0x2e && marker !== 0x29) || (after !== SPACE && after !== TAB)) break;
        at = digits + 2;
      }
      lists++;
    }
    // A nested list item costs the parser about sixty times what a nested quote does.
    nestingCost += lists * lists + (quotes * quotes) / 64;
    if (nestingCost > markdownBudgets.nesting) return tooMany('too many quotes and lists nested in one another', line + 1);
    // Fenced code: nothing inside is parsed as inline Markdown.
    const first = text.charCodeAt(at);
    if (first === 0x60 || first === 0x7e) {
      let run = at;
      while (run < end && text.charCodeAt(run) === first) run++;
      if (run - at >= 3) {
        if (fence === null) fence = { char: first, length: run - at };
        else if (fence.char === first && run - at >= fence.length) fence = null;
        brackets = 0;
        delimiters = 0;
        start = end + 1;
        continue;
      }
    }
    if (fence !== null || isBlank(text, at, end)) {
      if (fence === null) {
        brackets = 0;
        delimiters = 0;
      }
      start = end + 1;
      continue;
    }
    for (let i = at; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x5d) {
        // The square grows by 2n + 1 as the count goes from n to n + 1.
        bracketCost += 2 * brackets++ + 1;
      } else if (c === 0x2a || c === 0x7e || (c === 0x5f && !(i > start && isAlphanumeric(text.charCodeAt(i - 1)) && i + 1 < end && isAlphanumeric(text.charCodeAt(i + 1))))) {
        // `_` between two letters or digits cannot open or close emphasis.
        delimiterCost += 2 * delimiters++ + 1;
      }
    }
    if (bracketCost > markdownBudgets.closingBrackets) return tooMany('too many `]`', line + 1);
    if (delimiterCost > markdownBudgets.delimiters) return tooMany('too many emphasis and strikethrough marks (`*`, `_`, `~`)', line + 1);
    start = end + 1;
  }
  return null;
}

/**
 * Deepest Markdown tree read: quotes, lists, list items, emphasis and links inside one another
 * (a list nested in a list is two levels: the list and its item). Renderers and tree utilities
 * recurse once per level and overflow the call stack about 2,000 levels down; real postmortems
 * stay under twenty.
 */
export const maxTreeDepth = 512;

/**
 * Where the parsed tree nests deeper than `maxTreeDepth`, or null. One pass, without recursion;
 * only nodes with children go on the stack (most nodes are text), each with its depth beside it.
 */
export function treeTooDeep(tree: Root): TooComplex | null {
  const parents: Parent[] = [tree];
  const depths: number[] = [0];
  while (parents.length > 0) {
    const parent = parents.pop()!;
    const depth = depths.pop()!;
    const children = parent.children;
    if (children.length === 0) continue;
    if (depth + 1 > maxTreeDepth) {
      const line = children[children.length - 1]!.position?.start.line ?? 1;
      return {
        line,
        message: `At line ${line}, quotes, lists or emphasis are nested more than ${maxTreeDepth} levels deep inside one another, more than Hindsight reads, so the file is not read. Flatten the nesting`,
      };
    }
    for (const child of children) {
      if (Array.isArray((child as Partial<Parent>).children)) {
        parents.push(child as Parent);
        depths.push(depth + 1);
      }
    }
  }
  return null;
}
