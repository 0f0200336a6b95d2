/**
 * Flattening Markdown inline content into plain text lines that keep their file line numbers,
 * so a paragraph of "14:05 - …<br> 14:20 - …" can be split into entries at its line breaks.
 */
import type { Nodes, PhrasingContent } from 'mdast';

/** Marks the start and end of bold or italic text in flattened lines (removed before output). */
export const OPEN = '\uE000';
export const CLOSE = '\uE001';
const markers = /[\uE000\uE001]/g;
/** A character that shows: neither white space nor a marker. */
const visible = /[^\s\uE000\uE001]/;
/** A marker, white space other than a space, or two spaces in a row: what `collapse` changes inside a text. */
const untidy = /[\uE000\uE001]|[^\S ]| {2}/;

/** Most text read from one block (every step after is linear, so this only guards memory). */
const MAX_BLOCK_CHARS = 64_000_000;
/** Deepest inline nesting followed. */
const MAX_DEPTH = 64;

export interface TextLine {
  /** Text with OPEN/CLOSE markers around bold/italic runs. */
  text: string;
  /** 1-based file line of the line's first character. */
  line: number;
  /** Starts a block or follows a hard break (`<br>`, two spaces, backslash), not a soft wrap. */
  hard: boolean;
}

/** Text without the bold/italic markers. */
export function unmark(text: string): string {
  return text.replace(markers, '');
}

class LineBuilder {
  readonly lines: TextLine[] = [];
  private current: TextLine;
  private started = false;
  private total = 0;

  constructor(line: number) {
    this.current = { text: '', line, hard: true };
    this.lines.push(this.current);
  }

  get full(): boolean {
    return this.total >= MAX_BLOCK_CHARS;
  }

  append(text: string, line: number): void {
    if (text.length === 0 || this.full) return;
    const room = MAX_BLOCK_CHARS - this.total;
    const piece = text.length > room ? text.slice(0, room) : text;
    if (!this.started && /\S/.test(piece)) {
      this.current.line = line;
      this.started = true;
    }
    this.current.text += piece;
    this.total += piece.length;
  }

  /** A soft wrap: a new line unless the current one has no content yet. */
  soft(line: number): void {
    if (!this.started) {
      this.current.line = line;
      return;
    }
    this.current = { text: '', line, hard: false };
    this.lines.push(this.current);
    this.started = false;
  }

  hard(line: number): void {
    if (!this.started) {
      this.current.line = line;
      this.current.hard = true;
      return;
    }
    this.current = { text: '', line, hard: true };
    this.lines.push(this.current);
    this.started = false;
  }
}

function isBreakTag(value: string): boolean {
  return /^<br\s*\/?>$/i.test(value.trim());
}

/** Flattens inline nodes into lines: links and images become their text, `<br>` a hard break. */
export function flattenInline(nodes: readonly PhrasingContent[], startLine: number): TextLine[] {
  const out = new LineBuilder(startLine);
  walk(nodes, out, 0);
  return out.lines.filter((l) => visible.test(l.text));
}

function lineOf(node: Nodes, end = false): number {
  const p = end ? node.position?.end : node.position?.start;
  return p?.line ?? 1;
}

function walk(nodes: readonly Nodes[], out: LineBuilder, depth: number): void {
  for (const node of nodes) {
    if (out.full) return;
    switch (node.type) {
      case 'text': {
        const first = lineOf(node);
        if (node.value.indexOf('\n') === -1) {
          out.append(node.value, first);
          break;
        }
        const parts = node.value.split('\n');
        parts.forEach((part, k) => {
          if (k > 0) out.soft(first + k);
          out.append(part, first + k);
        });
        break;
      }
      case 'inlineCode':
        out.append(`\`${node.value}\``, lineOf(node));
        break;
      case 'break':
        out.hard(lineOf(node, true));
        break;
      case 'html':
        if (isBreakTag(node.value)) out.hard(lineOf(node, true));
        else out.append(' ', lineOf(node));
        break;
      case 'image':
      case 'imageReference':
        out.append(node.alt ?? '', lineOf(node));
        break;
      case 'footnoteReference':
        out.append(`[^${node.label ?? node.identifier}]`, lineOf(node));
        break;
      case 'strong':
      case 'emphasis':
        if (depth >= MAX_DEPTH) break;
        out.append(OPEN, lineOf(node));
        walk(node.children, out, depth + 1);
        out.append(CLOSE, lineOf(node, true));
        break;
      default:
        if ('children' in node && Array.isArray(node.children)) {
          if (depth < MAX_DEPTH) walk(node.children as Nodes[], out, depth + 1);
        } else if ('value' in node && typeof node.value === 'string') {
          out.append(node.value, lineOf(node));
        }
    }
  }
}

/** Plain text of lines joined by spaces, markers removed, whitespace collapsed. */
export function plainText(lines: readonly TextLine[]): string {
  return collapse(lines.map((l) => l.text).join(' '));
}

/** Markers removed and whitespace collapsed. */
export function collapse(text: string): string {
  return (untidy.test(text) ? unmark(text).replace(/\s+/g, ' ') : text).trim();
}
