/**
 * Every input that once broke a property — saved by `npm run fuzz` or added by hand — replayed
 * through all the properties (see test/fuzz/properties.ts), so a fixed bug stays fixed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAll, lintHarness, type LintHarness } from './fuzz/properties.ts';
import { projectRoot } from './fuzz/seeds.ts';

const dir = join(projectRoot, 'test/fixtures/regressions');
const fixtures = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.md') && e.name !== 'README.md').map((e) => e.name).sort();
let harness: LintHarness;

beforeAll(() => {
  harness = lintHarness();
});
afterAll(() => harness.dispose());

describe('regression fixtures', () => {
  it('there are fixtures to replay', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures)('%s holds every property', async (name) => {
    await checkAll(readFileSync(join(dir, name)), harness);
  });
});
