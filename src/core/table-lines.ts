/**
 * Where a GFM table can be, found from the text before it is parsed, so that the parser tries its
 * table construct only there.
 *
 * A table needs a delimiter row: a line of only `|`, `:`, `-`, spaces and tabs (after the `>` of
 * block quotes) with at least one `-` and at least one `|` or `:` (`| --- |`, `:-:`, `---|---`).
 * Its head row is the line before; its body rows follow, up to the first blank line. The lines
 * returned are a superset of the lines any table row starts on, so the parse is the same as with
 * the construct tried everywhere. Written by hand: it counts lines as micromark does (`\r\n`, `\r`
 * and `\n`, not the other line terminators a JavaScript regular expression knows).
 */

/** Cheap necessary condition: such a line has a `-` beside a `|` or `:`, with only spaces or tabs between. */
const dashBesidePipeOrColon = /[|:][ \t]*-|-[ \t]*[|:]/g;

const CR = 13;
const LF = 10;

/** Offset just past the line ending at or after `from` (or the text's length). */
function nextLineStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return text.length;
}

/** Offset of the start of the line holding `at`. */
function lineStartOf(text: string, at: number): number {
  let i = at;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === LF || c === CR) break;
    i--;
  }
  return i;
}

/** End of the line starting at `start`, before its line ending. */
function lineEndOf(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) break;
    i++;
  }
  return i;
}

/** Whether the line is a possible delimiter row (see above). */
function delimiterRow(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (text[i] === ' ' || text[i] === '\t' || text[i] === '>')) i++;
  let dash = false;
  let pipeOrColon = false;
  for (; i < end; i++) {
    const c = text[i];
    if (c === '-') dash = true;
    else if (c === '|' || c === ':') pipeOrColon = true;
    else if (c !== ' ' && c !== '\t') return false;
  }
  return dash && pipeOrColon;
}

function blankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

/**
 * The 1-based lines on which a table row (head or body) may start, or null when the text holds no
 * possible delimiter row (and so no table).
 */
export function tableRowLines(text: string): Set<number> | null {
  let lines: Set<number> | null = null;
  // Line number of the line starting at `counted` (advanced as delimiter rows are found, in order).
  let counted = 0;
  let line = 1;
  let after = 0;
  // Offset where the last run of rows ended: a delimiter row before it is inside that run.
  let runEnd = -1;
  dashBesidePipeOrColon.lastIndex = 0;
  for (let match = dashBesidePipeOrColon.exec(text); match; match = dashBesidePipeOrColon.exec(text)) {
    const start = lineStartOf(text, match.index);
    if (start < after) continue;
    const end = lineEndOf(text, start);
    after = end;
    dashBesidePipeOrColon.lastIndex = end;
    if (start < runEnd || !delimiterRow(text, start, end)) continue;
    while (counted < start) {
      counted = nextLineStart(text, counted);
      line++;
    }
    lines ??= new Set();
    // The head row, the delimiter row, then body rows up to the first blank line.
    lines.add(line - 1);
    let rowLine = line;
    let rowStart = start;
    for (;;) {
      const rowEnd = lineEndOf(text, rowStart);
      runEnd = rowEnd;
      if (blankLine(text, rowStart, rowEnd)) break;
      lines.add(rowLine);
      if (rowEnd >= text.length) break;
      rowStart = nextLineStart(text, rowEnd);
      rowLine++;
    }
  }
  return lines;
}
