/**
 * The rule registry: every rule is documented, its documented examples behave as documented (so
 * docs/rules.md cannot drift), and every message carries its rule id, source and docs URL — through
 * the lint engine and through the remark preset.
 */
import { readdirSync, readFileSync } from 'node:fs';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { docsUrl, messageSource, rulesDocsUrl } from '../../src/lint/docs-url.ts';
import { readErrorId, rules } from '../../src/lint/registry.ts';
import { renderRulesDoc } from '../../src/lint/rules-doc.ts';
import { hindsightPreset } from '../../src/remark-preset.ts';
import { exampleFile, lintExample, writeProject } from './lint-helpers.ts';

const srcRules = new URL('../../src/rules/', import.meta.url);

describe('rule registry', () => {
  it('registers one module per file in src/rules, each with its id as the file name', () => {
    const files = readdirSync(srcRules).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(rules.map((r) => r.id).sort()).toEqual(files);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it('documents every rule: summary, description, default level, passing and failing examples', () => {
    for (const rule of rules) {
      expect(rule.id, rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['warn', 'error'], rule.id).toContain(rule.defaultLevel);
      expect(rule.summary.length, rule.id).toBeGreaterThan(10);
      expect(rule.description.length, rule.id).toBeGreaterThan(60);
      expect(rule.examples.valid.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples.invalid.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('links every rule to its anchor on the rules page', () => {
    for (const rule of rules) expect(docsUrl(rule.id)).toBe(`${rulesDocsUrl}#${rule.id}`);
  });

  it('keeps docs/rules.md rendered from the rules (run `node src/lint/rules-doc.ts` after changing one)', () => {
    const onDisk = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(renderRulesDoc());
    for (const rule of rules) expect(onDisk).toContain(`\n## ${rule.id}\n`);
  });

  it('maps every diagnostic the core emits to a registered rule (or read-error)', () => {
    const ids = new Set<string>();
    const walk = (dir: URL) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(new URL(`${entry.name}/`, dir));
        else if (entry.name.endsWith('.ts')) {
          const text = readFileSync(new URL(entry.name, dir), 'utf8');
          for (const m of text.matchAll(/diagnostic\(\s*'([a-z-]+)'/g)) ids.add(m[1]!);
          for (const m of text.matchAll(/ruleId:\s*'([a-z-]+)'/g)) ids.add(m[1]!);
        }
      }
    };
    walk(new URL('../../src/core/', import.meta.url));
    expect(ids.size).toBeGreaterThan(3);
    const known = new Set([...rules.map((r) => r.id), readErrorId]);
    expect([...ids].filter((id) => !known.has(id))).toEqual([]);
  });
});

describe('documented examples', () => {
  for (const rule of rules) {
    describe(rule.id, () => {
      rule.examples.valid.forEach((example, i) => {
        it(`passes valid example ${i + 1}`, async () => {
          const result = await lintExample(example, rule.id);
          expect(result.messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
        });
      });
      rule.examples.invalid.forEach((example, i) => {
        it(`fails invalid example ${i + 1} at ${example.line}:${example.column}, with rule id, source and docs URL`, async () => {
          const result = await lintExample(example, rule.id);
          expect(result.messages.length).toBeGreaterThan(0);
          expect(result.messages.map((m) => [m.line, m.column])).toContainEqual([example.line, example.column]);
          for (const m of result.messages) {
            expect(m.ruleId).toBe(rule.id);
            expect(m.url).toBe(docsUrl(rule.id));
            expect(m.severity).toBe(rule.defaultLevel === 'error' ? 2 : 1);
            expect(m.message).toMatch(/\S.{15,}/);
            if (!rule.fixable) expect(m.fix).toBeUndefined();
          }
        });
      });
      if (rule.fixable) {
        it('offers a fix on at least one invalid example', async () => {
          const fixes = await Promise.all(rule.examples.invalid.map(async (e) => (await lintExample(e, rule.id)).messages.some((m) => m.fix)));
          expect(fixes).toContain(true);
        });
      }
    });
  }
});

describe('remark preset', () => {
  /** Run the preset as remark-cli would: remark-parse, then the preset's plugins on remark's tree. */
  async function viaPreset(source: string, others: Record<string, string> = {}) {
    const project = writeProject({ ...others, [exampleFile]: source, 'hindsight.config.json': '{ "content": "." }' });
    try {
      const processor = unified().use(remarkParse).use(hindsightPreset(project.dir));
      const file = new VFile({ path: exampleFile, cwd: project.dir, value: Buffer.from(source) });
      await processor.run(processor.parse(file), file);
      return file.messages;
    } finally {
      project.cleanup();
    }
  }

  for (const rule of rules) {
    it(`${rule.id}: reports its first invalid example with rule id, source, docs URL and place`, async () => {
      const example = rule.examples.invalid[0]!;
      const messages = (await viaPreset(example.source, example.others)).filter((m) => m.ruleId === rule.id);
      expect(messages.length).toBeGreaterThan(0);
      for (const m of messages) {
        expect(m.source).toBe(messageSource);
        expect(m.url).toBe(docsUrl(rule.id));
        expect(m.fatal).toBe(rule.defaultLevel === 'error');
      }
      expect(messages.map((m) => [m.line, m.column])).toContainEqual([example.line, example.column]);
    });
  }

  it('loads from the file a `.remarkrc` names (src/remark-preset.mjs), with every rule', async () => {
    const entry = (await import('../../src/remark-preset.mjs')) as { default: { plugins: unknown[] }; hindsightPreset: unknown };
    expect(entry.hindsightPreset).toBe(hindsightPreset);
    expect(entry.default.plugins).toHaveLength(hindsightPreset().plugins!.length);
  });

  it('reports the seed postmortem’s mojibake as a fixable warning and nothing else', async () => {
    const seed = readFileSync(new URL('../../content/incidents/2025-04-22-management-cluster-nodes-flapping.md', import.meta.url), 'utf8');
    const messages = await viaPreset(seed);
    expect(messages.map((m) => [m.ruleId, m.line, m.column, m.fatal, m.expected])).toEqual([['mojibake', 26, 1, false, ['➜']]]);
  });
});
