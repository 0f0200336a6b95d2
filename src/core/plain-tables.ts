/**
 * GFM tables in their plainest form, read without micromark's table construct.
 *
 * The construct costs about forty microseconds a row (each row is a block of its own, each cell a
 * text tokenizer of its own), which made tables the largest part of reading a postmortem beyond
 * Markdown itself. Most tables in postmortems are plain: every line opens and closes with a pipe,
 * with no backslash or tab, set apart by blank lines at the top level. For those, the rows are
 * split into cells here; the parser reads the table's place as a paragraph of `x`s (the same
 * lines and offsets, read at once), which the table then replaces; a cell whose text opens no
 * inline syntax is one text node as it stands, and the other cells are parsed in the same pass,
 * each a paragraph after the document's end. Every other table, and any document where the tree is not
 * as expected, goes through the construct. Written by hand for speed alone:
 * test/plain-tables.test.ts holds it to the construct's tree, node for node and position for
 * position, on the examples, the corpus and generated documents.
 */
import type { AlignType, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Point } from 'unist';
import { offsetToPosition } from './frontmatter.ts';

interface CellSpan {
  /** Offset of the cell's pipe. */
  start: number;
  /** Offset of the next pipe, or the end of the line (trailing spaces included) for the last cell. */
  end: number;
  /** Offsets of the cell's text, spaces around it left out (equal when the cell is empty). */
  textStart: number;
  textEnd: number;
}

interface RowSpan {
  line: number;
  start: number;
  end: number;
  cells: CellSpan[];
}

export interface PlainTable {
  /** Lines of the head row and the last row. */
  startLine: number;
  endLine: number;
  /** Offsets of the table's text (start of the head row, end of the last row). */
  start: number;
  end: number;
  /** Offset where the table's last line starts. */
  endLineStart: number;
  align: AlignType[];
  /** The head row, then the body rows (the delimiter row is no row of the tree). */
  rows: RowSpan[];
}

interface Line {
  start: number;
  /** Offset of the line ending (or the text's end). */
  end: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) {
      lines.push({ start, end: text.length });
      return lines;
    }
    lines.push({ start, end: nl });
    start = nl + 1;
  }
}

const blank = /^[ ]*$/;
/** A plain row: opens with a pipe, closes with one (spaces after it allowed); no backslash, tab or carriage return. */
const plainRow = /^\|[^\\\t\r]*\|[ ]*$/;
const delimiterCell = /^(:?)-+(:?)$/;

/** The cells of a plain row starting at `start` (split at every pipe, as GFM splits before reading inline text). */
function cellsOf(text: string, start: number, end: number): CellSpan[] {
  let close = end;
  while (text.charCodeAt(close - 1) === 32) close--;
  // `close - 1` is the row's last pipe.
  const cells: CellSpan[] = [];
  let pipe = start;
  while (pipe < close - 1) {
    const next = text.indexOf('|', pipe + 1);
    let textStart = pipe + 1;
    let textEnd = next;
    while (textStart < textEnd && text.charCodeAt(textStart) === 32) textStart++;
    while (textEnd > textStart && text.charCodeAt(textEnd - 1) === 32) textEnd--;
    cells.push({ start: pipe, end: next === close - 1 ? end : next, textStart, textEnd });
    pipe = next;
  }
  return cells;
}

/** The point of `offset` on the line of `row`, which starts at offset `row.start`. */
function pointOn(row: { line: number; start: number }, offset: number): Point {
  return { line: row.line, column: offset - row.start + 1, offset };
}

/**
 * Characters that may open inline syntax (a reference, emphasis, HTML, a link, code, strikethrough)
 * or that the parser replaces (NUL): text without them is one text node, as it stands.
 */
const inlineSyntax = /[!&*_<[\]`~\\\u0000]/;

/**
 * A definition or footnote definition line at the top level: references in cells would depend on
 * it. (Definitions in a list or a quote, or with a label over two lines, are found in the tree.)
 */
const definition = /^ {0,3}\[[^\n]*\]:/m;

/** Whether the tree holds a definition or a footnote definition, at any depth (a stack, not recursion: quotes nest deep). */
function hasDefinition(tree: Root): boolean {
  const stack: { type: string; children?: unknown[] }[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'definition' || node.type === 'footnoteDefinition') return true;
    if (node.children !== undefined) for (const child of node.children) stack.push(child as { type: string; children?: unknown[] });
  }
  return false;
}

/**
 * The plain tables of a document: a head row and a delimiter row with as many cells, after a blank
 * line (or at the start), then body rows up to a blank line (or the end), every one a plain row at
 * the start of its line. A run of such lines that is anything else is left to the construct.
 */
export function findPlainTables(text: string): PlainTable[] {
  // Lines here are counted at `\n` alone: text with another line ending is left to the construct.
  if (text.indexOf('|') === -1 || text.indexOf('\r') !== -1 || definition.test(text)) return [];
  const lines = linesOf(text);
  const tables: PlainTable[] = [];
  const row = (i: number) => {
    const l = lines[i];
    return l !== undefined && text.charCodeAt(l.start) === 124 && plainRow.test(text.slice(l.start, l.end));
  };
  const isBlank = (i: number) => {
    const l = lines[i];
    return l === undefined || blank.test(text.slice(l.start, l.end));
  };
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!(i === 0 || isBlank(i - 1)) || !row(i) || !row(i + 1)) continue;
    const head = lines[i]!;
    const delimiter = lines[i + 1]!;
    const delimiterCells = cellsOf(text, delimiter.start, delimiter.end);
    const align: AlignType[] = [];
    let valid = delimiterCells.length > 0;
    for (const cell of delimiterCells) {
      const m = delimiterCell.exec(text.slice(cell.textStart, cell.textEnd));
      if (!m) {
        valid = false;
        break;
      }
      align.push(m[1] && m[2] ? 'center' : m[1] ? 'left' : m[2] ? 'right' : null);
    }
    const headCells = cellsOf(text, head.start, head.end);
    if (!valid || headCells.length !== delimiterCells.length) continue;
    const rows: RowSpan[] = [{ line: i + 1, start: head.start, end: head.end, cells: headCells }];
    let j = i + 2;
    let plain = true;
    for (; j < lines.length && !isBlank(j); j++) {
      if (!row(j)) {
        plain = false;
        break;
      }
      const l = lines[j]!;
      rows.push({ line: j + 1, start: l.start, end: l.end, cells: cellsOf(text, l.start, l.end) });
    }
    if (plain) {
      const last = rows[rows.length - 1]!;
      const onlyHead = rows.length === 1;
      tables.push({
        startLine: i + 1,
        endLine: onlyHead ? i + 2 : last.line,
        start: head.start,
        end: onlyHead ? delimiter.end : last.end,
        endLineStart: onlyHead ? delimiter.start : last.start,
        align,
        rows,
      });
    }
    i = j;
  }
  return tables;
}

/** The text with each plain table's characters replaced by `x` (line breaks kept): the parser reads it as a short paragraph, at the same offsets. */
export function maskTables(text: string, tables: readonly PlainTable[]): string {
  let out = '';
  let at = 0;
  for (const t of tables) {
    out += text.slice(at, t.start) + text.slice(t.start, t.end).replace(/[^\n]/g, 'x');
    at = t.end;
  }
  return out + text.slice(at);
}

/** The cells of a document's plain tables: the text nodes of plain cells, and the rest to parse. */
export interface TableCells {
  /** Cells whose text is one text node as it stands. */
  phrasing: Map<CellSpan, PhrasingContent[]>;
  /** Cells to parse, each with its offset in `batch`. */
  pending: { cell: CellSpan; row: RowSpan; at: number }[];
  /** Every pending cell's text as a paragraph of its own, after a no-break space. */
  batch: string;
}

/**
 * Split the tables' cells into those that open no inline syntax (one text node as they stand) and
 * the rest, to be parsed after the document, each as a paragraph of its own after a no-break space:
 * it is white space around emphasis as a cell's edge is, and keeps `#`, `-` or `>` from opening a block.
 */
export function tableCells(text: string, tables: readonly PlainTable[]): TableCells {
  const pending: TableCells['pending'] = [];
  const parts: string[] = [];
  let length = 0;
  const phrasing = new Map<CellSpan, PhrasingContent[]>();
  for (const t of tables) {
    for (const row of t.rows) {
      for (const cell of row.cells) {
        if (cell.textStart === cell.textEnd) continue;
        const value = text.slice(cell.textStart, cell.textEnd);
        if (!inlineSyntax.test(value)) {
          phrasing.set(cell, [{ type: 'text', value, position: { start: pointOn(row, cell.textStart), end: pointOn(row, cell.textEnd) } }]);
          continue;
        }
        pending.push({ cell, row, at: length });
        const part = `\u00a0${value}\n\n`;
        parts.push(part);
        length += part.length;
      }
    }
  }
  return { phrasing, pending, batch: parts.join('') };
}

/**
 * Put the tables in the tree parsed from the masked text (with the cells' batch after it, from
 * `base`), each in place of the paragraph its lines became. False when the tree is not as expected
 * (the caller then parses with the construct).
 */
export function placeTables(tree: Root, text: string, tables: readonly PlainTable[], cells: TableCells, base: number): boolean {
  // Every definition has `]:` in its text; where there is one, a cell's `[x]` may be a reference.
  if (text.includes(']:') && hasDefinition(tree)) return false;
  const { phrasing, pending } = cells;
  if (tree.children.length < pending.length) return false;
  // The cells' paragraphs are the last children: they leave the tree, which ends where the text does.
  const parsed = tree.children.splice(tree.children.length - pending.length, pending.length);
  // A block left open at the end (a fence in a list item) would have run on into the lines after it.
  const last = tree.children[tree.children.length - 1];
  if (pending.length > 0 && last?.position?.end.offset !== undefined && last.position.end.offset > text.length) return false;
  if (pending.length > 0 && tree.position) tree.position.end = { ...offsetToPosition(text, text.length), offset: text.length };
  for (let k = 0; k < pending.length; k++) {
    const paragraph = parsed[k]!;
    const { cell, row, at } = pending[k]!;
    if (paragraph.type !== 'paragraph' || paragraph.position?.start.offset !== base + at) return false;
    const children = paragraph.children;
    const first = children[0];
    if (first?.type !== 'text' || !first.value.startsWith('\u00a0') || !first.position) return false;
    // Every node is on the cell's line, shifted along it as the cell's text is.
    const shift = cell.textStart - (base + at + 1);
    // An explicit stack: emphasis nested thousands deep in one cell cannot overflow the call stack.
    const stack: PhrasingContent[] = [...children];
    while (stack.length > 0) {
      const node = stack.pop()!;
      node.position = { start: pointOn(row, node.position!.start.offset! + shift), end: pointOn(row, node.position!.end.offset! + shift) };
      if ('children' in node) for (const child of node.children as PhrasingContent[]) stack.push(child);
    }
    if (first.value.length === 1) children.shift();
    else {
      first.value = first.value.slice(1);
      first.position.start = pointOn(row, first.position.start.offset! + 1);
    }
    phrasing.set(cell, children);
  }
  let index = 0;
  for (const t of tables) {
    while (index < tree.children.length && (tree.children[index]!.position?.start.offset ?? -1) < t.start) index++;
    const paragraph = tree.children[index];
    if (paragraph?.type !== 'paragraph' || paragraph.position?.start.offset !== t.start || paragraph.position.end.offset !== t.end) return false;
    const rows: TableRow[] = t.rows.map((row) => ({
      type: 'tableRow',
      children: row.cells.map((cell): TableCell => ({
        type: 'tableCell',
        children: phrasing.get(cell) ?? [],
        position: { start: pointOn(row, cell.start), end: pointOn(row, cell.end) },
      })),
      position: { start: pointOn(row, row.start), end: pointOn(row, row.end) },
    }));
    const table: Table = { type: 'table', align: t.align, children: rows, position: { start: pointOn(t.rows[0]!, t.start), end: pointOn({ line: t.endLine, start: t.endLineStart }, t.end) } };
    tree.children[index] = table as RootContent;
  }
  return true;
}
