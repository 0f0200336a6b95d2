/**
 * `npm run fuzz -- --runs 100000`: damage real postmortems at random and check every property
 * (see properties.ts) on each. Runs split over worker processes (one per core by default). A
 * failing input is shrunk, written to test/fixtures/regressions/ as a new fixture, and the run
 * exits 1. Prints cases per second and the slowest case.
 *
 * Options: --runs N (default 10000), --seed N, --workers N, --no-corpus (examples only),
 * --no-fix (skip the on-disk --fix checks), --max-huge N (longest generated line), --out DIR,
 * --slow-ms N (a case slower than this is saved under DIR/slow/ and fails the run; default 10000).
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { describeCase, fixableCaseArbitrary, fuzzCaseArbitrary, type FuzzCase } from './arbitraries.ts';
import { checkAll, lintHarness } from './properties.ts';
import { loadSeeds, projectRoot } from './seeds.ts';

interface WorkerReport {
  cases: number;
  ms: number;
  slowest: { ms: number; description: string } | null;
  /** Cases over --slow-ms, saved under DIR/slow/. */
  slow: { ms: number; description: string; fixture: string }[];
  failure: { message: string; fixture: string; description: string; seed: number; path: string | undefined } | null;
}

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    'no-corpus': { type: 'boolean', default: false },
    'no-fix': { type: 'boolean', default: false },
    'max-huge': { type: 'string', default: '20000' },
    'slow-ms': { type: 'string', default: '10000' },
    out: { type: 'string', default: join(projectRoot, 'test/fixtures/regressions') },
    worker: { type: 'boolean', default: false },
  },
  strict: true,
});

const runs = Number(values.runs);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
const useCorpus = !values['no-corpus'];
const useFix = !values['no-fix'];
const maxHugeLine = Number(values['max-huge']);
const slowMs = Number(values['slow-ms']);
if (![runs, seed, maxHugeLine, slowMs].every(Number.isInteger) || runs < 1) {
  process.stderr.write('fuzz: --runs, --seed, --max-huge and --slow-ms take whole numbers\n');
  process.exit(2);
}

/** Write a failing input as a regression fixture, named by its content. */
function saveFixture(bytes: Uint8Array, dir = values.out): string {
  mkdirSync(dir, { recursive: true });
  const name = `fuzz-${createHash('sha1').update(bytes).digest('hex').slice(0, 12)}.md`;
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** One worker's share: fc.check over the properties, reporting progress and the failure, if any. */
async function work(share: number, workerSeed: number): Promise<WorkerReport> {
  const seeds = loadSeeds({ corpus: useCorpus });
  const harness = lintHarness();
  let cases = 0;
  let slowest: WorkerReport['slowest'] = null;
  const slow: WorkerReport['slow'] = [];
  let shrinking = false;
  const started = performance.now();
  try {
    // Mostly damaged postmortems; one in five also carries text the safe fixes rewrite.
    const arbitrary = fc.oneof(
      { weight: 4, arbitrary: fuzzCaseArbitrary(seeds, { maxHugeLine }) },
      { weight: 1, arbitrary: fixableCaseArbitrary(seeds, { maxHugeLine }) },
    );
    const property = fc.asyncProperty(arbitrary, async (c: FuzzCase) => {
      const t0 = performance.now();
      try {
        await checkAll(c.bytes, harness, { fix: useFix });
      } catch (error) {
        shrinking = true;
        throw error;
      }
      const ms = performance.now() - t0;
      if (!shrinking) {
        cases++;
        if (!slowest || ms > slowest.ms) slowest = { ms, description: describeCase(c) };
        if (slowMs > 0 && ms > slowMs) slow.push({ ms, description: describeCase(c), fixture: saveFixture(c.bytes, join(values.out, 'slow')) });
        if (cases % 1000 === 0) process.send?.({ progress: cases });
      }
    });
    const details = await fc.check(property, { numRuns: share, seed: workerSeed });
    const ms = performance.now() - started;
    if (!details.failed || !details.counterexample) return { cases, ms, slowest, slow, failure: null };
    const [example] = details.counterexample;
    const error = details.errorInstance as Error | undefined;
    return {
      cases,
      ms,
      slowest,
      slow,
      failure: {
        message: error?.message ?? String(details.errorInstance),
        fixture: saveFixture(example.bytes),
        description: describeCase(example),
        seed: workerSeed,
        path: details.counterexamplePath ?? undefined,
      },
    };
  } finally {
    harness.dispose();
  }
}

async function main(): Promise<number> {
  if (values.worker) {
    const report = await work(runs, seed);
    process.send?.({ report });
    return 0;
  }
  const workers = Math.max(1, Math.min(values.workers !== undefined ? Number(values.workers) : availableParallelism(), runs));
  const corpusNote = useCorpus ? 'examples and corpus' : 'examples only';
  process.stdout.write(`fuzz: ${runs} cases over ${workers} worker(s), seed ${seed} (${corpusNote}${useFix ? '' : ', no --fix checks'})\n`);
  const started = performance.now();
  const progress = new Array<number>(workers).fill(0);
  let lastPrint = 0;
  const reports = await Promise.all(
    Array.from({ length: workers }, (_, i) => {
      const share = Math.floor(runs / workers) + (i < runs % workers ? 1 : 0);
      const args = ['--worker', '--runs', String(share), '--seed', String(seed + i), '--max-huge', String(maxHugeLine), '--slow-ms', String(slowMs), '--out', values.out];
      if (!useCorpus) args.push('--no-corpus');
      if (!useFix) args.push('--no-fix');
      return new Promise<WorkerReport>((resolve, reject) => {
        const child = fork(new URL(import.meta.url).pathname, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        let report: WorkerReport | null = null;
        child.on('message', (m: { progress?: number; report?: WorkerReport }) => {
          if (m.report) report = m.report;
          if (m.progress !== undefined) {
            progress[i] = m.progress;
            const done = progress.reduce((a, b) => a + b, 0);
            const now = performance.now();
            if (now - lastPrint > 10_000) {
              lastPrint = now;
              process.stdout.write(`fuzz: ${done}/${runs} cases, ${(done / ((now - started) / 1000)).toFixed(1)} cases/s\n`);
            }
          }
        });
        child.on('error', reject);
        child.on('exit', (code, signal) => (report ? resolve(report) : reject(new Error(`fuzz worker ${i} exited (${signal ?? code}) without a report`))));
      });
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cases = reports.reduce((n, r) => n + r.cases, 0);
  const slowest = reports.map((r) => r.slowest).filter((s) => s !== null).sort((a, b) => b.ms - a.ms)[0];
  process.stdout.write(`fuzz: ${cases} cases passed in ${seconds.toFixed(1)} s: ${(cases / seconds).toFixed(1)} cases/s\n`);
  if (slowest) process.stdout.write(`fuzz: slowest case ${Math.round(slowest.ms)} ms: ${slowest.description}\n`);
  const failures = reports.flatMap((r) => (r.failure ? [r.failure] : []));
  for (const f of failures) {
    process.stderr.write(`\nfuzz: FAILED (seed ${f.seed}${f.path ? `, path ${f.path}` : ''}): ${f.description}\n`);
    process.stderr.write(`${f.message}\n`);
    process.stderr.write(`fuzz: the input is saved as ${relative(process.cwd(), f.fixture)}; test/regressions.test.ts replays it\n`);
  }
  const slow = reports.flatMap((r) => r.slow);
  for (const s of slow) process.stderr.write(`\nfuzz: SLOW (${Math.round(s.ms)} ms, over --slow-ms ${slowMs}): ${s.description}\nfuzz: the input is saved as ${relative(process.cwd(), s.fixture)}\n`);
  return failures.length > 0 || slow.length > 0 ? 1 : 0;
}

process.exitCode = await main();
