/**
 * Work shared between the main thread and worker threads: all take batches from one queue. The
 * main thread is already warm and starts at once, so the workers (which take a moment to load)
 * only ever add to its throughput; a worker that cannot start, or stops, gives its batches back.
 * (Written here: the pools on npm run every task off the main thread.)
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** Threads for large runs, the main thread included: every core, up to four. */
export const defaultThreads = Math.max(1, Math.min(4, availableParallelism()));

export interface ThreadPoolOptions<T, R> {
  /** Module each worker runs; it answers batches with `serveBatches`. */
  module: URL;
  /** Handed to each worker's module (`workerSetup()`): structured-cloneable. */
  setup: unknown;
  /** Threads in all, the main thread included (2: the main thread and one worker). */
  threads: number;
  /** Items per batch (small enough to share out evenly, large enough to keep messaging cheap). */
  batchSize: number;
  /** Does one batch on the main thread. */
  runHere(batch: T[]): R[] | Promise<R[]>;
  /** Called with each batch's results as they come in. */
  onResults?(results: R[]): void;
  /** False to leave every batch to the workers (tests of the worker path). */
  mainThreadWorks?: boolean;
}

/** What a worker is started with. */
interface WorkerStart {
  module: string;
  setup: unknown;
}

/** Batches a worker holds at once, so it never waits for the main thread to hand it the next. */
const prefetch = 2;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The worker bootstrap: Node strips TypeScript types itself, except inside node_modules. */
const entry = new URL('./thread-entry.mjs', import.meta.url);

/** Runs `items` in batches on the main thread and `threads - 1` workers; results come back in no fixed order. */
export async function runThreaded<T, R>(items: readonly T[], options: ThreadPoolOptions<T, R>): Promise<{ results: R[]; workersUsed: number }> {
  const queue: T[][] = [];
  for (let i = 0; i < items.length; i += options.batchSize) queue.push(items.slice(i, i + options.batchSize));
  const results: R[] = [];
  const take = (list: R[]) => {
    results.push(...list);
    options.onResults?.(list);
  };
  const start: WorkerStart = { module: options.module.href, setup: options.setup };
  const busy = new Set<T[][]>();
  let workersUsed = 0;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };

  const workers: Worker[] = [];
  let alive = 0;
  for (let i = 1; i < options.threads && queue.length > 1; i++) {
    const worker = new Worker(entry, { workerData: start });
    const inflight: T[][] = [];
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
      if (failed) return;
      failed = true;
      alive--;
      queue.unshift(...inflight.splice(0));
      busy.delete(inflight);
      notify();
    };
    worker.on('message', (message: 'ready' | R[]) => {
      // Results that arrive after the worker failed are of batches already given back to the queue.
      if (failed) return;
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

  try {
    for (;;) {
      const batch = options.mainThreadWorks === false && alive > 0 ? undefined : queue.shift();
      if (batch) {
        take(await options.runHere(batch));
        // Let the workers' results and requests in between batches.
        await tick();
        continue;
      }
      if (busy.size === 0 && queue.length === 0) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    // Workers still loading when the queue ran dry are simply stopped.
    for (const w of workers) w.removeAllListeners();
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { results, workersUsed };
}

/** In a worker: what the main thread set it up with. */
export function workerSetup<S>(): S {
  return (workerData as WorkerStart).setup as S;
}

/**
 * In a worker: answers each batch the main thread sends with `handle`'s results, in order. A batch
 * that throws stops the worker, and the main thread does its batches itself.
 */
export function serveBatches<T, R>(handle: (batch: T[]) => R[] | Promise<R[]>): void {
  const port = parentPort;
  if (!port) throw new Error('serveBatches runs in a worker thread');
  let last: Promise<void> = Promise.resolve();
  let failed = false;
  port.on('message', (batch: T[]) => {
    last = last.then(async () => {
      // After a failure no batch is answered: the main thread takes back every batch it sent.
      if (failed) return;
      try {
        port.postMessage(await handle(batch));
      } catch (error) {
        failed = true;
        setImmediate(() => {
          throw error;
        });
      }
    });
  });
  port.postMessage('ready');
}
