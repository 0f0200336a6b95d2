/**
 * fast-check arbitraries that damage real postmortems: random edits, truncation, duplicated and
 * deleted lines, swapped headings, garbage in front matter, hostile Unicode, huge lines, mixed line
 * endings and bytes that are not UTF-8. A case is a seed plus a list of mutations, so fast-check
 * shrinks a failure to the fewest, smallest edits of the smallest seed that still fail.
 */
import fc from 'fast-check';
import type { Seed } from './seeds.ts';

/** One edit; positions are taken modulo the current length, so every value applies to every text. */
export type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate-line'; line: number; times: number }
  | { kind: 'delete-lines'; line: number; count: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'swap-headings'; a: number; b: number }
  | { kind: 'frontmatter'; line: number; text: string }
  | { kind: 'huge-line'; at: number; unit: string; count: number }
  | { kind: 'line-endings'; style: 'crlf' | 'cr' | 'lf' | 'mixed'; salt: number }
  | { kind: 'bytes'; at: number; bytes: number[] }
  | { kind: 'bom' };

/** A generated input: which seed, which edits, and the resulting bytes. */
export interface FuzzCase {
  seed: string;
  mutations: Mutation[];
  bytes: Uint8Array;
}

/** Pieces of Markdown, YAML, dates, logs, HTML and Unicode that parsers and extractors trip over. */
export const nastyTokens: readonly string[] = [
  // Markdown structure
  '\n# ', '\n## Timeline\n', '\n## Root cause\n', '\n## Action items\n', '\n## Logs\n', '\n### ', '\n- ', '\n  - ', '\n1. ',
  '\n- [ ] ', '\n- [x] ', '\n> ', '\n>> - > ', '\n```\n', '\n~~~log\n', '\n    ', '\n| a | b |\n|---|---|\n| 1 | 2 |\n', '|', '\n---\n',
  '\n+++\n', '\n***\n', '<!--more-->', '<!-- hindsight-disable-next-line no-secrets -->', '<!--', '-->', '[^1]', '\n[^1]: ', '[x](', '](', '![i](x)',
  '**', '__', '*', '_', '`', '``', '~~', '\\', '&amp;', '&#0;', '&#x110000;', '<br>', '\n\n', '\r\n', '\r', '\t', '\u000b', '\f',
  // front matter and YAML
  'title: ', 'date: ', 'tags: [', 'severity: ', 'status: draft', 'draft: true', 'started: ', 'related: [', 'cause: ', '&a ', '*a ', '<<: *a',
  '!!binary ', '!!js/function ', '? ', '{', '}', '[', ']', ': ', ' #', '"', "'", '|-\n', '>+\n', '%YAML 1.2\n', '---js\n', '---coffee\n', '+++toml\n', '---json\n',
  // dates, times and zones
  '2025-04-22', '2025-04-22T10:37:36Z', '2025-04-22 10:37', '22-04-2025', '04/22/2025', '31/12/2024', '00/00/0000', '9999-99-99', '0000-01-01',
  '21 Apr 2025', 'Apr 21, 2025 10:37', '7th Sept', '2:05 PM', '12:00 AM', '24:00', '23:59:60', '**10:37**', '`10:37`', 'All times PDT', '(all times UTC)',
  'UTC+14:00', 'Europe/Lisbon', 'Mars/Olympus', 'T-1',
  // log lines
  '172.25.100.11: kern: err: [2025-04-22T10:37:36.727637155Z]: Out of memory: Killed process 1 (kube-apiserver) total-vm:1kB, anon-rss:1kB',
  'Dec 01 23:05:12 pve2 ceph-osd[1843]: heartbeat_check: no reply', '<34>1 2025-04-22T10:37:36Z host app 1 ID47 - msg',
  'level=error ts=2025-04-22T10:37:36Z msg="disk full"', '{"level":"error","time":"2025-04-22T10:37:36Z","msg":"x"}', '{"time":',
  'LAST SEEN   TYPE      REASON    OBJECT    MESSAGE', '5m  Warning  BackOff  pod/x  Back-off restarting failed container',
  'Kernel panic - not syncing', 'segfault at 0 ip 0 sp 0 error 4', 'blocked for more than 120 seconds', 'x509: certificate has expired',
  // HTML and script
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[a](javascript:alert(1))', '<a href="data:text/html,x">', '<svg onload=alert(1)>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>', '<iframe srcdoc="<script>alert(1)</script>">', '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<form action="javascript:alert(1)"><button>go</button></form>', '<style>*{}</style>', '<base href="//evil.example/">', '<div style="color:red">',
  '![x](javascript:alert(1))', '\n[ref]: javascript:alert(1)\n\n[ref]', '<details open ontoggle=alert(1)>',
  '%%{init: {"securityLevel": "loose"}}%%', 'click A call alert(1)', '</code></pre>', '<!DOCTYPE html>', '<?php ?>', '<![CDATA[', ']]>',
  // text that lint rules read
  'human error', 'should have', 'âžœ', 'Ã©', 'â€™', 'Ã', 'password=hunter2', 'secret: x', '-----BEGIN RSA PRIVATE KEY-----', 'Bearer ', '@owner', '#112', 'ABC-123',
  'unknown', 'TBD', 'https://example.com/x', '../2024-01-01-other.md', 'TODO',
  // Unicode: astral, combining, direction, invisible, NUL, replacement, lone surrogate
  '😀', '𝕏', '\u{1F9D1}\u200D\u{1F4BB}', 'e\u0301', '\u0301\u0301\u0301', '\u202Eevil\u202C', '\u200F', '\u200B', '\u2028', '\u2029', '\uFEFF', '\u0000',
  '\uFFFD', '\uD800', '\uDC00', 'ﬁ', 'İ', 'ß', 'Ω', '０１:２３', '٢٠٢٥', '\u0085',
];

const token = fc.constantFrom(...nastyTokens);

/** Text to insert: hostile tokens, runs of them, or random strings of any code point. */
export const nastyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: token },
  { weight: 3, arbitrary: fc.array(token, { minLength: 2, maxLength: 6 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('-', ' ', '\n', '#', '>', '*', '`', '[', ']', ':', '|', '1', '.'), maxLength: 24 }) },
);

/** Options that bound the size of generated inputs. */
export interface ArbitraryOptions {
  /** Longest huge line, in repeats of its unit. */
  maxHugeLine?: number;
  /** Most edits per case. */
  maxMutations?: number;
}

/** Any one mutation. */
export function mutationArbitrary(options: ArbitraryOptions = {}): fc.Arbitrary<Mutation> {
  const maxHuge = options.maxHugeLine ?? 20_000;
  const pos = fc.nat();
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: pos, text: nastyText }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: pos, length: fc.integer({ min: 1, max: 200 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: pos, length: fc.integer({ min: 1, max: 40 }), text: nastyText }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: pos }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate-line' as const), line: pos, times: fc.integer({ min: 1, max: 5 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete-lines' as const), line: pos, count: fc.integer({ min: 1, max: 10 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap-lines' as const), a: pos, b: pos }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap-headings' as const), a: pos, b: pos }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('frontmatter' as const), line: pos, text: nastyText }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('huge-line' as const),
        at: pos,
        unit: fc.oneof(token, fc.constantFrom('a', ' ', '-', '*a* ', '`', '|', '😀', 'âžœ', '10:00 ', '> ')),
        count: fc.integer({ min: 100, max: maxHuge }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('line-endings' as const), style: fc.constantFrom('crlf' as const, 'cr' as const, 'lf' as const, 'mixed' as const), salt: pos }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('bytes' as const), at: pos, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 }) }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'bom' as const }) },
  );
}

function splitLines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

const headingLine = /^#{1,6}[ \t]/;

/** Apply one text-level mutation (byte-level ones are applied by `applyMutations`). */
export function applyTextMutation(text: string, m: Mutation): string {
  const at = (n: number) => n % (text.length + 1);
  switch (m.kind) {
    case 'insert': {
      const i = at(m.at);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'delete': {
      const i = at(m.at);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'replace': {
      const i = at(m.at);
      return text.slice(0, i) + m.text + text.slice(i + m.length);
    }
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'huge-line': {
      const i = at(m.at);
      return `${text.slice(0, i)}${m.unit.repeat(Math.max(1, Math.floor(m.count / Math.max(1, m.unit.length))))}${text.slice(i)}`;
    }
    case 'duplicate-line': {
      const lines = splitLines(text);
      if (lines.length === 0) return text;
      const i = m.line % lines.length;
      lines.splice(i, 0, ...Array<string>(m.times).fill(lines[i]!.endsWith('\n') ? lines[i]! : `${lines[i]!}\n`));
      return lines.join('');
    }
    case 'delete-lines': {
      const lines = splitLines(text);
      if (lines.length === 0) return text;
      lines.splice(m.line % lines.length, m.count);
      return lines.join('');
    }
    case 'swap-lines':
    case 'swap-headings': {
      const lines = splitLines(text);
      const candidates = m.kind === 'swap-headings' ? lines.flatMap((l, i) => (headingLine.test(l) ? [i] : [])) : lines.map((_, i) => i);
      if (candidates.length < 2) return text;
      const a = candidates[m.a % candidates.length]!;
      const b = candidates[m.b % candidates.length]!;
      const end = (l: string) => (l.endsWith('\n') ? l : `${l}\n`);
      const la = end(lines[a]!);
      lines[a] = end(lines[b]!);
      lines[b] = la;
      return lines.join('');
    }
    case 'frontmatter': {
      // Somewhere inside the front matter block when there is one, else at the top.
      const lines = splitLines(text);
      const close = lines.findIndex((l, i) => i > 0 && /^(---|\+\+\+|\.\.\.)\s*$/.test(l));
      const i = close > 0 ? 1 + (m.line % close) : 0;
      lines.splice(i, 0, m.text.endsWith('\n') ? m.text : `${m.text}\n`);
      return lines.join('');
    }
    case 'line-endings': {
      let n = m.salt;
      return text.replace(/\r?\n/g, () => {
        if (m.style === 'crlf') return '\r\n';
        if (m.style === 'cr') return '\r';
        if (m.style === 'lf') return '\n';
        n = (n * 1103515245 + 12345) % 2147483648;
        return ['\n', '\r\n', '\r'][n % 3]!;
      });
    }
    case 'bytes':
    case 'bom':
      return text;
  }
}

/** Apply the mutations in order: text edits on the text, then byte edits on its UTF-8 bytes. */
export function applyMutations(text: string, mutations: readonly Mutation[]): Uint8Array {
  let out = text;
  for (const m of mutations) out = applyTextMutation(out, m);
  let bytes = Buffer.from(out, 'utf8');
  for (const m of mutations) {
    if (m.kind === 'bytes') {
      const i = m.at % (bytes.length + 1);
      bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from(m.bytes), bytes.subarray(i)]);
    } else if (m.kind === 'bom') {
      bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    }
  }
  return bytes;
}

/** A damaged postmortem: one of the seeds with a few mutations applied. */
export function fuzzCaseArbitrary(seeds: readonly Seed[], options: ArbitraryOptions = {}): fc.Arbitrary<FuzzCase> {
  if (seeds.length === 0) throw new Error('no seeds to mutate');
  return fc
    .record({
      seed: fc.nat(seeds.length - 1),
      mutations: fc.array(mutationArbitrary(options), { minLength: 1, maxLength: options.maxMutations ?? 6 }),
    })
    .map(({ seed, mutations }) => ({ seed: seeds[seed]!.name, mutations, bytes: applyMutations(seeds[seed]!.text, mutations) }));
}

/** A short description of a case for failure reports (the bytes themselves go to a fixture file). */
export function describeCase(c: FuzzCase): string {
  const kinds = c.mutations.map((m) => m.kind).join(', ');
  return `${c.seed} with ${c.mutations.length} mutation(s): ${kinds} (${c.bytes.length} bytes)`;
}

/** Text the safe fixes act on: mojibake, tags that are not kebab-case, severities in the wrong case. */
export const fixBait: readonly string[] = [
  'âžœ', 'Ã©', 'â€™', 'â€œquotedâ€\u009d', 'Ã¼ber', 'ðŸ˜€', 'Ã', 'â€', 'ÃƒÂ©',
  'tags: [Cluster_API, "Foo Bar", \'Mixed Case\', ok-tag]', 'tags:\n  - CamelCase\n  - "Two Words"\n  - x', 'tags: [&t Foo_Bar, *t]',
  'tags: [ÉtÉ, "âžœ"]', 'severity: SEV2', 'severity: Sev1', 'severity: "SEV3"', 'severity: sEv4 # note',
];

/** Cases that give `--fix` work: a damaged postmortem with fixable text dropped into it. */
export function fixableCaseArbitrary(seeds: readonly Seed[], options: ArbitraryOptions = {}): fc.Arbitrary<FuzzCase> {
  const bait = fc.constantFrom(...fixBait);
  const baitMutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: bait }),
    fc.record({ kind: fc.constant('frontmatter' as const), line: fc.nat(), text: bait }),
  );
  return fc
    .record({
      seed: fc.nat(seeds.length - 1),
      bait: fc.array(baitMutation, { minLength: 1, maxLength: 4 }),
      mutations: fc.array(mutationArbitrary(options), { maxLength: options.maxMutations ?? 4 }),
    })
    .map(({ seed, bait: b, mutations }) => {
      const all = [...b, ...mutations];
      return { seed: seeds[seed]!.name, mutations: all, bytes: applyMutations(seeds[seed]!.text, all) };
    });
}
