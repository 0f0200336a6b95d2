/** Applying safe fixes: only the spans the messages named change, and each file is written atomically. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../core/atomic-write.ts';
import { decodeText } from '../core/decode.ts';
import type { LintMessage } from './file-lint.ts';

type Fix = NonNullable<LintMessage['fix']>;

/** A digest of the decoded text the fixes were computed on. */
export function textDigest(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Apply non-overlapping fixes to `text` (later overlapping ones are left for the next pass). */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let last = 0;
  let applied = 0;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (start < last || end > text.length) continue;
    out += text.slice(last, start) + fix.text;
    last = end;
    applied++;
  }
  return { text: out + text.slice(last), applied };
}

/**
 * Fix one file on disk. The fixes were computed on the decoded text whose digest is `digest`; if the
 * file changed since, nothing is written. Returns whether the file was rewritten.
 */
export function fixFile(abs: string, messages: readonly LintMessage[], digest: string | undefined): boolean {
  const fixes = messages.flatMap((m) => (m.fix ? [m.fix] : []));
  if (fixes.length === 0) return false;
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch {
    return false;
  }
  const decoded = decodeText(bytes);
  if (decoded.error) return false;
  if (digest === undefined || textDigest(decoded.text) !== digest) return false;
  const { text, applied } = applyFixes(decoded.text, fixes);
  if (applied === 0 || text === decoded.text) return false;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
  writeFileAtomic(abs, bom + text);
  return true;
}
