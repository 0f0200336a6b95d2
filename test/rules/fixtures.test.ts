/**
 * Every rule against real postmortem fixtures: `test/fixtures/lint/rules/<rule>/valid` lints with no
 * message from the rule, `invalid` with exactly the messages listed in its expected.json (file →
 * [line, column] pairs). Every rule is on at its default level, as in a real run.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config-load.ts';
import { lintPaths } from '../../src/lint/engine.ts';
import { resolveLevels } from '../../src/lint/levels.ts';
import { rules } from '../../src/lint/registry.ts';
import { withFakeSecrets } from './fake-secrets.ts';

const root = new URL('../fixtures/lint/rules/', import.meta.url).pathname;

/** Copy a fixture folder to a temporary one (fake credentials filled in) and lint every file in it. */
async function lintFixture(dir: string) {
  const work = mkdtempSync(join(tmpdir(), 'hindsight-fixture-'));
  try {
    cpSync(dir, work, { recursive: true });
    const files = readdirSync(work).filter((f) => f.endsWith('.md')).sort();
    for (const f of files) {
      const text = readFileSync(join(work, f), 'latin1');
      if (text.includes('{{')) writeFileSync(join(work, f), withFakeSecrets(readFileSync(join(work, f), 'utf8')));
    }
    const config = { ...loadConfig({ cwd: work }).config, content: '.' };
    const run = await lintPaths(files, { cwd: work, config, levels: resolveLevels(config.rules), threads: 0 });
    return run.results;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

describe('rule fixtures', () => {
  it('has a valid and an invalid fixture for every rule', () => {
    for (const rule of rules) {
      expect(existsSync(join(root, rule.id, 'valid')), `${rule.id}/valid`).toBe(true);
      expect(existsSync(join(root, rule.id, 'invalid', 'expected.json')), `${rule.id}/invalid/expected.json`).toBe(true);
    }
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      it('reports nothing on the valid fixture', async () => {
        const results = await lintFixture(join(root, rule.id, 'valid'));
        const own = results.flatMap((r) => r.messages.filter((m) => m.ruleId === rule.id).map((m) => `${r.file}:${m.line}:${m.column} ${m.message}`));
        expect(own).toEqual([]);
      });

      it('reports the invalid fixture at each expected line and column', async () => {
        const expected = JSON.parse(readFileSync(join(root, rule.id, 'invalid', 'expected.json'), 'utf8')) as Record<string, [number, number][]>;
        const results = await lintFixture(join(root, rule.id, 'invalid'));
        const found: Record<string, [number, number][]> = {};
        for (const r of results) {
          const own = r.messages.filter((m) => m.ruleId === rule.id);
          if (own.length > 0) found[r.file] = own.map((m) => [m.line, m.column]);
          for (const m of own) {
            expect(m.severity).toBe(rule.defaultLevel === 'error' ? 2 : 1);
            expect(m.endLine * 1e6 + m.endColumn).toBeGreaterThanOrEqual(m.line * 1e6 + m.column);
          }
        }
        expect(found).toEqual(expected);
      });
    });
  }
});
