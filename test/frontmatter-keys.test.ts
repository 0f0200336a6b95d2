/**
 * Front matter is validated key by key (only the keys a block gives are parsed): that must read
 * every block exactly as parsing the whole object with the schema does — the same data, with its
 * keys in the same order, or the same issues at the same paths with the same messages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frontmatterSchema } from '../schemas/frontmatter.ts';
import { parseGiven } from '../src/core/frontmatter-schema.ts';
import { readFrontmatter } from '../src/core/frontmatter.ts';
import { corpusCases } from './support/corpus.ts';

const runs = Math.max(300, Number(process.env.FUZZ_RUNS ?? 300));

function expectSameReading(given: Record<string, unknown>): void {
  const whole = frontmatterSchema.safeParse(given);
  const byKey = parseGiven(given);
  expect(byKey.success, JSON.stringify(given)).toBe(whole.success);
  if (whole.success && byKey.success) {
    expect(Object.keys(byKey.data)).toEqual(Object.keys(whole.data));
    expect(byKey.data).toEqual(whole.data);
  } else if (!whole.success && !byKey.success) {
    const shape = (issues: readonly { code: string; path: PropertyKey[]; message: string }[]) => issues.map((i) => ({ code: i.code, path: i.path, message: i.message }));
    expect(shape(byKey.issues)).toEqual(shape(whole.error.issues));
  }
}

/** Data of every example's and corpus file's front matter, as the reader gives it (empty keys left out, as validation does). */
const blocks = (() => {
  const dir = new URL('../content/incidents/', import.meta.url).pathname;
  const texts = [...readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(dir, f), 'utf8')), ...corpusCases().map((c) => c.bytes.toString('utf8'))];
  return texts.map((t) => readFrontmatter(t).block?.data).filter((d): d is Record<string, unknown> => d !== undefined);
})();

const known = Object.keys(frontmatterSchema.shape);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.constantFrom('', ' ', 'sev1', 'draft', 'In Review', 'final', 'nope', '2025-04-21', '2025-02-30', '2025-04-21T14:05Z', 'Europe/Berlin', 'Mars/Olympus', 'a, b', 'redis Cache_Expiry', '#x'),
    fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.date({ noInvalidDate: true }),
  ),
  value: fc.oneof({ weight: 4, arbitrary: tie('leaf') }, fc.array(tie('leaf'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('name', 'link', 'x'), tie('leaf'), { maxKeys: 2 })),
})).value;
const given = fc.dictionary(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, fc.constantFrom('unknown', 'Title', 'heading', 'constructor', 'toString')), value, { maxKeys: 8 });

describe('front matter validated key by key', () => {
  it('reads every example and corpus block as the whole schema does', () => {
    for (const data of blocks) expectSameReading(Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null)));
  });

  it('reads generated blocks, valid and not, as the whole schema does', () => {
    fc.assert(fc.property(given, (data) => expectSameReading(data)), { numRuns: runs });
  });

  // zod assigns the keys it does not know, so a `__proto__` key would set the prototype of its output.
  it('keeps a key named `__proto__` as a key, as the data gave it, where zod would set the prototype', () => {
    const data = JSON.parse('{"title":"x","__proto__":{"polluted":true}}') as Record<string, unknown>;
    const read = parseGiven(data);
    expect(read.success).toBe(true);
    if (read.success) {
      expect(Object.getPrototypeOf(read.data)).toBe(Object.prototype);
      expect(Object.hasOwn(read.data, '__proto__')).toBe(true);
    }
  });
});
