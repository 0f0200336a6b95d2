/** Test helpers: lint example projects written to a temporary folder through the real engine. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { configSchema, type ConfigInput } from '../../schemas/config.ts';
import { lintPaths, type LintResult } from '../../src/lint/engine.ts';
import { onlyRules, resolveLevels } from '../../src/lint/levels.ts';
import type { RuleExample } from '../../src/lint/rule.ts';

export { exampleFileName as exampleFile } from '../../src/lint/example-file.ts';
import { exampleFileName as exampleFile } from '../../src/lint/example-file.ts';

/** Write files (name → text) into a fresh temporary folder. */
export function writeProject(files: Record<string, string | Uint8Array>): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-lint-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Lint one example with only `ruleId` on (or every rule at its default level when `ruleId` is null). */
export async function lintExample(example: RuleExample, ruleId: string | null, config: ConfigInput = {}): Promise<LintResult> {
  const name = example.file ?? exampleFile;
  const project = writeProject({ ...example.others, [name]: example.source });
  try {
    const run = await lintPaths([name], {
      cwd: project.dir,
      config: configSchema.parse({ content: '.', ...config }),
      levels: ruleId ? onlyRules(ruleId) : resolveLevels(),
      threads: 0,
    });
    return run.results[0]!;
  } finally {
    project.cleanup();
  }
}
