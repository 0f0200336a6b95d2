/** The queue shared by the main thread and worker threads: every item done once, whatever a worker does. */
import { describe, expect, it } from 'vitest';
import { runThreaded } from '../src/core/thread-pool.ts';

const items = Array.from({ length: 100 }, (_, i) => i);
const doubled = items.map((n) => n * 2);
const sorted = (list: number[]) => [...list].sort((a, b) => a - b);

describe('runThreaded', () => {
  it('shares the batches between the main thread and a worker', async () => {
    let here = 0;
    let batchesHere = 0;
    let batchesAnswered = 0;
    const seen: number[] = [];
    const run = await runThreaded<number, number>(items, {
      module: new URL('./fixtures/thread-pool/double.ts', import.meta.url),
      setup: { failOn: -1 },
      threads: 2,
      batchSize: 5,
      // The main thread holds its first batch until the worker has answered one (it takes a moment to load).
      runHere: async (batch) => {
        const deadline = Date.now() + 20_000;
        while (batchesAnswered === batchesHere && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
        here += batch.length;
        batchesHere++;
        return batch.map((n) => n * 2);
      },
      onResults: (list) => {
        batchesAnswered++;
        seen.push(...list);
      },
    });
    expect(sorted(run.results)).toEqual(doubled);
    expect(sorted(seen)).toEqual(doubled);
    expect(run.workersUsed).toBe(1);
    expect(here).toBeLessThan(items.length);
  });

  it('does the batches of a worker that stops on the main thread instead', async () => {
    const run = await runThreaded<number, number>(items, {
      module: new URL('./fixtures/thread-pool/double.ts', import.meta.url),
      setup: { failOn: 13 },
      threads: 2,
      batchSize: 5,
      runHere: (batch) => batch.map((n) => n * 2),
      mainThreadWorks: false,
    });
    expect(sorted(run.results)).toEqual(doubled);
    expect(run.workersUsed).toBe(1);
  });

  it('does everything on the main thread when no worker can start', async () => {
    const run = await runThreaded<number, number>(items, {
      module: new URL('./fixtures/thread-pool/broken.ts', import.meta.url),
      setup: null,
      threads: 3,
      batchSize: 5,
      runHere: async (batch) => batch.map((n) => n * 2),
      mainThreadWorks: false,
    });
    expect(sorted(run.results)).toEqual(doubled);
    expect(run.workersUsed).toBe(0);
  });
});
