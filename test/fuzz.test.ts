/**
 * Property tests on damaged real postmortems (fast-check), at a count that keeps `npm test` fast.
 * `npm run fuzz -- --runs 100000` runs the same properties at any count and saves failures as
 * regression fixtures. Set FUZZ_RUNS to scale these counts (for example FUZZ_RUNS=10 for ten times more).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixableCaseArbitrary, fuzzCaseArbitrary, type FuzzCase } from './fuzz/arbitraries.ts';
import { longLineDocument, longLineUnits, longOpeningDocuments } from './fuzz/long-lines.ts';
import { checkCore, checkFix, checkLint, checkOnlyNamedChanged, checkPublish, fuzzFileName, lintHarness, type LintHarness } from './fuzz/properties.ts';
import { unsafeHtml } from './support/html-safety.ts';
import { lintFile } from '../src/lint/file-lint.ts';
import { loadSeeds } from './fuzz/seeds.ts';

const scale = Number(process.env.FUZZ_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * scale));
const seeds = loadSeeds();
const options = { maxHugeLine: 5000 };
let harness: LintHarness;

beforeAll(() => {
  harness = lintHarness();
});
afterAll(() => harness.dispose());

describe('damaged postmortems', () => {
  it('parse and extract never throw, place every message in the file, give valid incidents, deterministically', () => {
    fc.assert(fc.property(fuzzCaseArbitrary(seeds, options), (c: FuzzCase) => checkCore(c.bytes, harness.config)), { numRuns: runs(1000) });
  }, 120_000);

  it('lint never throws and gives every message a known rule id, a docs URL and a place in the file', () => {
    fc.assert(fc.property(fuzzCaseArbitrary(seeds, options), (c: FuzzCase) => void checkLint(c.bytes, harness)), { numRuns: runs(800) });
  }, 120_000);

  it('the site publishes them without throwing, with lint lines for their problems, as HTML that runs nothing', async () => {
    await fc.assert(fc.asyncProperty(fuzzCaseArbitrary(seeds, options), (c: FuzzCase) => checkPublish(c.bytes, harness)), { numRuns: runs(300) });
  }, 120_000);

  it('--fix changes only what its messages named, and fixing twice is fixing once', async () => {
    await fc.assert(fc.asyncProperty(fixableCaseArbitrary(seeds, options), (c: FuzzCase) => checkFix(c.bytes, harness)), { numRuns: runs(150) });
  }, 120_000);
});

describe('long lines', () => {
  // Linear work on 30,000 characters takes well under a second here; a regular expression that
  // backtracks quadratically on them takes several. On a machine busy with other work everything
  // is slower, so the budget grows with the time a line of plain words takes (at least 2 s, and
  // 25 times that: quadratic work on 30,000 characters is hundreds of times slower than linear).
  const length = 30_000;
  const timeToLint = (text: string): number => {
    const bytes = Buffer.from(text);
    let best = Infinity;
    for (let run = 0; run < 2; run++) {
      const started = performance.now();
      const outcome = lintFile(fuzzFileName, harness.config, harness.processor, harness.dir, bytes);
      best = Math.min(best, performance.now() - started);
      expect(outcome.messages.filter((m) => /internal error/i.test(m.message))).toEqual([]);
    }
    return best;
  };
  let budget: number | undefined;
  const budgetMs = (): number => (budget ??= Math.max(2_000, 25 * timeToLint(longLineDocument('a ', length))));
  const shown = (unit: string) => JSON.stringify(unit).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

  // Whatever the machine's speed: a line four times as long takes about four times as long to lint
  // when the work is linear, sixteen times when it is quadratic. (Times under 250 ms are left out:
  // there, start-up costs and noise outweigh the growth.)
  it('are read and linted in linear time, in every place Hindsight reads text', () => {
    const slow: string[] = [];
    for (const unit of longLineUnits) {
      const short = timeToLint(longLineDocument(unit, length / 4));
      const long = timeToLint(longLineDocument(unit, length));
      if (long > budgetMs() || (long > 250 && long / short > 8)) slow.push(`${shown(unit)}: ${Math.round(short)} ms, then ${Math.round(long)} ms four times as long`);
    }
    expect(slow, `lines of ${length} repeats grew faster than linearly or took over ${Math.round(budgetMs())} ms to lint`).toEqual([]);
  }, 240_000);

  it('are read in linear time where they open as status updates, milestones and placeholders do', () => {
    const slow = longOpeningDocuments(length).flatMap((text, n) => {
      const started = performance.now();
      lintFile(fuzzFileName, harness.config, harness.processor, harness.dir, Buffer.from(text));
      const ms = performance.now() - started;
      return ms > budgetMs() ? [`document ${n}: ${Math.round(ms)} ms`] : [];
    });
    expect(slow).toEqual([]);
  }, 120_000);
});

describe('the HTML safety check itself', () => {
  it('finds what a browser would run or load, however it is written', () => {
    expect(unsafeHtml('<p>text <code>&lt;script&gt;</code> <a href="https://example.com/x?a=1&amp;b=2">ok</a> <a href="../x.md">rel</a> <img src="media/a.png" alt=""> <input type="checkbox" disabled></p>')).toEqual([]);
    expect(unsafeHtml('<p title="a onload=b > c">text</p>')).toEqual([]);
    expect(unsafeHtml('<script>alert(1)</script>')).toEqual(['a <script> element']);
    expect(unsafeHtml('<img src=x onerror=alert(1)>')).toEqual(['an event handler (onerror) on <img>']);
    expect(unsafeHtml('<a href="jav&#x09;ascript:alert(1)">x</a>')).toEqual(['a javascript: URL in href of <a>']);
    expect(unsafeHtml('<a href=" data:text/html,x">x</a>')).toEqual(['a data: URL in href of <a>']);
    expect(unsafeHtml('<div><svg><a xlink:href="javascript:alert(1)"></a></svg></div>')).toEqual(expect.arrayContaining(['a <svg> element', 'a javascript: URL in xlink:href of <a>']));
    expect(unsafeHtml('<p style="background:url(x)">x</p><iframe srcdoc="x"></iframe>')).toEqual(['a style attribute on <p>', 'a <iframe> element', 'a srcdoc attribute on <iframe>']);
  });
});

describe('the --fix check itself', () => {
  const fix = (start: number, end: number, text: string) => ({ range: [start, end] as [number, number], text });

  it('accepts text changed only inside the named ranges', () => {
    expect(() => checkOnlyNamedChanged('a âžœ b âžœ', 'a ➜ b ➜', [fix(2, 5, '➜'), fix(8, 11, '➜')])).not.toThrow();
    expect(() => checkOnlyNamedChanged('a âžœ b', 'a âžœ b', [fix(2, 5, '➜')])).not.toThrow();
  });

  it('rejects a change outside the named ranges, or a replacement that is not the fix', () => {
    expect(() => checkOnlyNamedChanged('a âžœ b', 'A ➜ b', [fix(2, 5, '➜')])).toThrow(/outside the fixes/);
    expect(() => checkOnlyNamedChanged('a âžœ b', 'a ➜ B', [fix(2, 5, '➜')])).toThrow(/something other than its fix|outside the fixes/);
    expect(() => checkOnlyNamedChanged('a âžœ b', 'a X b', [fix(2, 5, '➜')])).toThrow(/something other than its fix/);
  });
});
