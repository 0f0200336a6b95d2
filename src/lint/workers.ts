/**
 * Linting many files on several threads: the main thread and worker threads take batches from one
 * queue. The main thread is already warm and starts at once, so the workers (which take a moment
 * to load) only ever add to its throughput.
 */
import { Worker } from 'node:worker_threads';
import type { Config } from '../../schemas/config.ts';
import { fileProcessor, lintFile, type FileOutcome } from './file-lint.ts';
import type { Levels } from './levels.ts';
import type { WorkerSetup } from './worker-main.ts';

export interface ThreadedRunOptions {
  config: Config;
  levels: Levels;
  cwd: string;
  /** Threads in all, the main thread included (2: the main thread and one worker). */
  threads: number;
  /** Files per batch (small enough to share out evenly, large enough to keep messaging cheap). */
  batchSize?: number;
  onOutcome?(outcome: FileOutcome): void;
  /** False to leave every batch to the workers (tests of the worker path). */
  mainThreadLints?: boolean;
}

/** Batches a worker holds at once, so it never waits for the main thread to hand it the next. */
const prefetch = 2;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lint `files` on the main thread and `threads - 1` workers; outcomes come back in no fixed order. */
export async function lintThreaded(files: readonly string[], options: ThreadedRunOptions): Promise<{ outcomes: FileOutcome[]; workersUsed: number }> {
  const batchSize = options.batchSize ?? 16;
  const queue: string[][] = [];
  for (let i = 0; i < files.length; i += batchSize) queue.push(files.slice(i, i + batchSize));
  const outcomes: FileOutcome[] = [];
  const take = (list: FileOutcome[]) => {
    for (const outcome of list) {
      outcomes.push(outcome);
      options.onOutcome?.(outcome);
    }
  };
  const setup: WorkerSetup = { config: options.config, levels: [...options.levels], cwd: options.cwd };
  const busy = new Set<string[][]>();
  let workersUsed = 0;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };

  const workers: Worker[] = [];
  let alive = 0;
  for (let i = 1; i < options.threads && queue.length > 1; i++) {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: setup });
    const inflight: string[][] = [];
    let failed = false;
    alive++;
    const feed = () => {
      while (!failed && inflight.length < prefetch && queue.length > 0) {
        const batch = queue.shift()!;
        inflight.push(batch);
        worker.postMessage(batch);
      }
      if (inflight.length > 0) busy.add(inflight);
      else if (busy.delete(inflight)) notify();
    };
    const fail = () => {
      // The worker could not start, or stopped: its batches go back to the queue.
      if (failed) return;
      failed = true;
      alive--;
      queue.unshift(...inflight.splice(0));
      busy.delete(inflight);
      notify();
    };
    worker.on('message', (message: 'ready' | FileOutcome[]) => {
      if (message === 'ready') workersUsed++;
      else {
        inflight.shift();
        take(message);
      }
      feed();
    });
    worker.on('error', fail);
    worker.on('exit', fail);
    workers.push(worker);
  }

  const processor = fileProcessor(options.levels);
  for (;;) {
    const batch = options.mainThreadLints === false && alive > 0 ? undefined : queue.shift();
    if (batch) {
      take(batch.map((file) => lintFile(file, options.config, processor, options.cwd)));
      // Let the workers' results and requests in between batches.
      await tick();
      continue;
    }
    if (busy.size === 0 && queue.length === 0) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
  // Workers still loading when the queue ran dry are simply stopped.
  for (const w of workers) w.removeAllListeners();
  await Promise.all(workers.map((w) => w.terminate()));
  return { outcomes, workersUsed };
}
