/** Offsets ↔ 1-based line/column in a text, by binary search over line starts. */
import type { Point } from 'unist';

export class TextIndex {
  readonly text: string;
  private readonly starts: number[];

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  /** Number of lines (a trailing newline opens an empty last line). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** Point (1-based line and column, with offset) of a character offset. */
  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1, offset: o };
  }

  /** Offset of a 1-based line and column (clamped to the text). */
  offset(line: number, column: number): number {
    const start = this.starts[Math.max(0, Math.min(line, this.starts.length) - 1)]!;
    return Math.min(this.text.length, start + Math.max(0, column - 1));
  }

  /** Offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length) - 1)]!;
  }

  /** Text of a 1-based line without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = line < this.starts.length ? this.starts[line]! - 1 : this.text.length;
    return this.text.slice(start, next).replace(/\r$/, '');
  }

  /** Point just after the last non-space character of a line (or its start when blank). */
  lineEnd(line: number): Point {
    const text = this.lineText(line);
    const trimmed = text.trimEnd();
    const start = this.lineStart(line);
    return { line, column: trimmed.length + 1, offset: start + trimmed.length };
  }
}
