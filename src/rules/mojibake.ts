/** mojibake: UTF-8 text that was read as Windows-1252 or Latin-1 (`âžœ` for `➜`), with a fix. */
import { defineFileRule } from '../lint/rule.ts';

/** Windows-1252 characters of bytes 0x80–0x9F; other bytes read as Latin-1 are their own code point. */
const cp1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
  'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
  '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};
const continuation = '[\\u0080-\\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]';
/** A lead byte's character (Â…ô) followed by what could be its continuation bytes' characters. */
const candidate = new RegExp(`[\\u00c2-\\u00f4]${continuation}{1,3}`, 'g');
const utf8 = new TextDecoder('utf-8', { fatal: true });

function byteOf(ch: string): number {
  const code = ch.charCodeAt(0);
  return code < 0x100 ? code : (cp1252[ch] ?? -1);
}

/** Undo one layer of mojibake in `text`; returns the repaired text and the spans that changed. */
function repairOnce(text: string): { text: string; spans: [number, number][] } {
  const spans: [number, number][] = [];
  let out = '';
  let last = 0;
  candidate.lastIndex = 0;
  for (let m = candidate.exec(text); m; m = candidate.exec(text)) {
    const lead = m[0].charCodeAt(0);
    const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
    if (m[0].length < need + 1) {
      candidate.lastIndex = m.index + 1;
      continue;
    }
    const chars = m[0].slice(0, need + 1);
    const bytes = Uint8Array.from([...chars].map(byteOf));
    let decoded: string;
    try {
      decoded = utf8.decode(bytes);
    } catch {
      candidate.lastIndex = m.index + 1;
      continue;
    }
    candidate.lastIndex = m.index + chars.length;
    out += text.slice(last, m.index) + decoded;
    last = m.index + chars.length;
    spans.push([m.index, last]);
  }
  return { text: out + text.slice(last), spans };
}

/** The fully repaired form of a span (text mangled twice is mangled back twice). */
export function repairMojibake(text: string): string {
  let current = text;
  for (let i = 0; i < 3; i++) {
    const next = repairOnce(current);
    if (next.spans.length === 0) break;
    current = next.text;
  }
  return current;
}

export default defineFileRule({
  id: 'mojibake',
  defaultLevel: 'warn',
  checksUnreadable: true,
  fixable: true,
  summary: 'No text mangled by a wrong encoding (`âžœ` for `➜`, `â€™` for `’`)',
  description:
    'Text copied through a tool that read UTF-8 as Windows-1252 or Latin-1 turns every non-ASCII ' +
    'character into two or three others: `➜` becomes `âžœ`, `’` becomes `â€™`, `é` becomes `Ã©`. The ' +
    'rule finds such sequences anywhere in the file (code blocks included) by turning them back into ' +
    'bytes and reading those as UTF-8, and `--fix` writes the repaired text. One message per line.',
  examples: {
    valid: [{ source: '## Summary\n\nThe café’s deploy ran `➜ kubectl get nodes`.\n' }],
    invalid: [
      { source: '## Summary\n\n```\nâžœ  talosctl get nodestatuses\n```\n', line: 4, column: 1, note: 'a prompt arrow copied from a terminal' },
      { source: '## Summary\n\nThe cluster didnâ€™t recover.\n', line: 3, column: 17 },
    ],
  },
  check(ctx) {
    const text = ctx.parsed.text;
    if (!/[\u00c2-\u00f4]/.test(text)) return;
    const { spans } = repairOnce(text);
    // One message per line, spanning its first to last mangled sequence.
    const byLine = new Map<number, [number, number]>();
    for (const [s, e] of spans) {
      const line = ctx.index.point(s).line;
      const prev = byLine.get(line);
      byLine.set(line, prev ? [prev[0], e] : [s, e]);
    }
    for (const [start, end] of byLine.values()) {
      const actual = text.slice(start, end);
      const expected = repairMojibake(actual);
      if (expected === actual) continue;
      const shown = (s: string) => (s.length > 30 ? `${s.slice(0, 29)}…` : s);
      ctx.report(`\`${shown(actual)}\` is UTF-8 text read as Windows-1252 (mojibake); expected \`${shown(expected)}\``, ctx.index.point(start), ctx.index.point(end), { actual, expected });
    }
  },
});
