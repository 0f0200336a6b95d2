/** Linting many files on the main thread and worker threads (src/core/thread-pool.ts). */
import type { Config } from '../../schemas/config.ts';
import { runThreaded } from '../core/thread-pool.ts';
import { fileProcessor, lintFile, type FileOutcome } from './file-lint.ts';
import type { Levels } from './levels.ts';
import type { WorkerSetup } from './worker-main.ts';

export interface ThreadedRunOptions {
  config: Config;
  levels: Levels;
  cwd: string;
  /** Threads in all, the main thread included (2: the main thread and one worker). */
  threads: number;
  /** Files per batch. */
  batchSize?: number;
  onOutcome?(outcome: FileOutcome): void;
  /** False to leave every batch to the workers (tests of the worker path). */
  mainThreadLints?: boolean;
}

/** Lint `files` on the main thread and `threads - 1` workers; outcomes come back in no fixed order. */
export async function lintThreaded(files: readonly string[], options: ThreadedRunOptions): Promise<{ outcomes: FileOutcome[]; workersUsed: number }> {
  const setup: WorkerSetup = { config: options.config, levels: [...options.levels], cwd: options.cwd };
  const processor = fileProcessor(options.levels);
  const { results, workersUsed } = await runThreaded<string, FileOutcome>(files, {
    module: new URL('./worker-main.ts', import.meta.url),
    setup,
    threads: options.threads,
    batchSize: options.batchSize ?? 16,
    runHere: (batch) => batch.map((file) => lintFile(file, options.config, processor, options.cwd)),
    onResults: (list) => {
      for (const outcome of list) options.onOutcome?.(outcome);
    },
    ...(options.mainThreadLints === false ? { mainThreadWorks: false } : {}),
  });
  return { outcomes: results, workersUsed };
}
