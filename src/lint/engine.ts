/**
 * The lint engine: a file pass (one parse per file, rules over that tree; on worker threads for large
 * runs), safe fixes when asked, then a cross-file pass in the main thread over every file's facts and
 * a quick index of the rest of the content folder.
 */
import { VFile } from 'vfile';
import type { Config } from '../../schemas/config.ts';
import { isDisabled } from './disable.ts';
import { fileProcessor, lintFile, projectProcessor, toLintMessage, type FileOutcome, type LintMessage } from './file-lint.ts';
import { fixFile } from './fix.ts';
import type { Levels } from './levels.ts';
import { contentEntries, entryOf, ProjectIndex } from './project.ts';
import { defaultThreads } from '../core/thread-pool.ts';
import { lintThreaded } from './workers.ts';

/**
 * Below this many files the main thread lints alone: a worker takes about half a second to load,
 * and on a busy two-core machine 1,000 files finished sooner without one (see test/bench/lint-bench.ts).
 */
export const workerThreshold = 2000;

export interface LintOptions {
  cwd: string;
  config: Config;
  levels: Levels;
  /** Threads for the file pass, the main thread included; default `defaultThreads` from `workerThreshold` files, else 1. */
  threads?: number;
  /** Apply safe fixes and report what is left. */
  fix?: boolean;
  /** Called as files finish the file pass. */
  onProgress?(done: number, total: number): void;
}

/** The problems of one file, with ESLint's counts. */
export interface LintResult {
  file: string;
  abs: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** True when `--fix` rewrote the file. */
  fixed: boolean;
}

export interface LintRun {
  results: LintResult[];
  /** Threads the file pass used (1: the main thread alone). */
  threads: number;
}

async function filePass(files: readonly string[], options: LintOptions): Promise<{ outcomes: FileOutcome[]; threads: number }> {
  const threads = options.threads ?? (files.length >= workerThreshold ? defaultThreads : 1);
  let done = 0;
  const progress = () => options.onProgress?.(++done, files.length);
  let outcomes: FileOutcome[];
  let used = 1;
  if (threads > 1 && files.length > 1) {
    const run = await lintThreaded(files, { config: options.config, levels: options.levels, cwd: options.cwd, threads, onOutcome: progress });
    outcomes = run.outcomes;
    used += run.workersUsed;
  } else {
    const processor = fileProcessor(options.levels);
    outcomes = files.map((file) => {
      const outcome = lintFile(file, options.config, processor, options.cwd);
      progress();
      return outcome;
    });
  }
  const order = new Map(files.map((f, i) => [f, i]));
  outcomes.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
  return { outcomes, threads: used };
}

/** Cross-file rules over every linted file's facts and the rest of the content folder. */
function projectPass(outcomes: FileOutcome[], options: LintOptions): void {
  const processor = projectProcessor(options.levels);
  if (!processor) return;
  const linted = outcomes.filter((o) => o.facts !== null);
  if (linted.length === 0) return;
  const skip = new Set(outcomes.map((o) => o.abs));
  const index = new ProjectIndex([...linted.map((o) => entryOf(o.facts!)), ...contentEntries(options.config.content, options.cwd, skip)]);
  for (const outcome of linted) {
    const facts = outcome.facts!;
    const vfile = new VFile({ path: outcome.file, cwd: options.cwd });
    vfile.data.hindsightProject = { facts, project: index, config: options.config };
    processor.runSync({ type: 'root', children: [] }, vfile);
    for (const m of vfile.messages) {
      const message = toLintMessage(m, '');
      if (message && !isDisabled(facts.disables, message.ruleId, message.line)) outcome.messages.push(message);
    }
  }
}

function toResult(outcome: FileOutcome, fixed: boolean): LintResult {
  const messages = [...outcome.messages].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  const count = (severity: 1 | 2, fixable = false) => messages.filter((m) => m.severity === severity && (!fixable || m.fix)).length;
  return {
    file: outcome.file,
    abs: outcome.abs,
    messages,
    errorCount: count(2),
    warningCount: count(1),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
    fixed,
  };
}

/** Lint files (paths relative to `cwd` or absolute). */
export async function lintPaths(files: readonly string[], options: LintOptions): Promise<LintRun> {
  const { outcomes, threads } = await filePass(files, options);
  const fixed = new Set<string>();
  if (options.fix) {
    const processor = fileProcessor(options.levels);
    // Fixes can uncover others; a few rounds settle every safe fix.
    for (let round = 0; round < 3; round++) {
      let changed = false;
      for (let i = 0; i < outcomes.length; i++) {
        const o = outcomes[i]!;
        if (!o.messages.some((m) => m.fix) || !fixFile(o.abs, o.messages, o.digest)) continue;
        fixed.add(o.file);
        changed = true;
        outcomes[i] = lintFile(o.file, options.config, processor, options.cwd);
      }
      if (!changed) break;
    }
  }
  projectPass(outcomes, options);
  return { results: outcomes.map((o) => toResult(o, fixed.has(o.file))), threads };
}
