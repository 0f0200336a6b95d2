/** Turning a file's bytes into text, refusing what is not UTF-8 text. */
import type { Diagnostic } from './diagnostic.ts';
import { diagnostic } from './diagnostic.ts';

export interface Decoded {
  text: string;
  /** Set when the bytes are not a readable postmortem (binary, invalid UTF-8). */
  error: Diagnostic | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** 1-based line and column of a byte offset, counted in the bytes before it. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the first byte that breaks UTF-8 (the decoder only says that one does). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    try {
      utf8.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return 0;
}

/** Decode a file's bytes as UTF-8 text (a BOM is dropped). */
export function decodeText(input: Uint8Array | string): Decoded {
  if (typeof input === 'string') {
    return checkText(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  }
  const nul = input.indexOf(0);
  if (nul !== -1) {
    const at = positionOfByte(input, nul);
    return {
      text: '',
      error: diagnostic('encoding', 'error', 'The file is binary (it contains a NUL byte), not a Markdown postmortem; remove it or save it as UTF-8 text', at),
    };
  }
  try {
    return checkText(utf8.decode(input));
  } catch {
    const at = positionOfByte(input, firstInvalidUtf8(input));
    return {
      text: '',
      error: diagnostic('encoding', 'error', 'The file is not valid UTF-8; re-save it with UTF-8 encoding', at),
    };
  }
}

function checkText(text: string): Decoded {
  const nul = text.indexOf('\u0000');
  if (nul === -1) return { text, error: null };
  const before = text.slice(0, nul);
  const line = before.split('\n').length;
  const column = nul - before.lastIndexOf('\n');
  return {
    text: '',
    error: diagnostic('encoding', 'error', 'The file is binary (it contains a NUL character), not a Markdown postmortem; remove it or save it as UTF-8 text', { line, column }),
  };
}
