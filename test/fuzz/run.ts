/**
 * `npm run fuzz -- --runs 100000`: damage real postmortems at random and check every property
 * (see properties.ts) on each. Runs split over worker processes (one per core by default). A
 * failing input is shrunk, written to test/fixtures/regressions/ as a new fixture, and the run
 * exits 1. Prints cases per second and the slowest case.
 *
 * Options: --runs N (default 10000), --seed N, --workers N, --no-corpus (examples only),
 * --no-fix (skip the on-disk --fix checks), --max-huge N (longest generated line), --out DIR,
 * --slow-ms N (a case slower than this twice running is saved under DIR/slow/ and fails the run;
 * default 20000), --hang-ms N (a worker stuck on one case this long is killed and the case saved;
 * default 300000). A worker that dies (out of memory, a native crash) or hangs has its current
 * case saved too.
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
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
    'max-huge': { type: 'string', default: '10000' },
    'slow-ms': { type: 'string', default: '20000' },
    'hang-ms': { type: 'string', default: '300000' },
    current: { type: 'string' },
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
const hangMs = Number(values['hang-ms']);
if (![runs, seed, maxHugeLine, slowMs, hangMs].every(Number.isInteger) || runs < 1) {
  process.stderr.write('fuzz: --runs, --seed, --max-huge, --slow-ms and --hang-ms take whole numbers\n');
  process.exit(2);
}

/**
 * Write a failing input as a regression fixture, named by its content. An input made from a corpus
 * file holds text that is not ours: it is named `corpus-derived-…` (git-ignored there) and must be
 * reduced to a small input of our own before it is committed.
 */
function saveFixture(c: Pick<FuzzCase, 'seed' | 'bytes'>, dir = values.out): string {
  mkdirSync(dir, { recursive: true });
  const prefix = c.seed.startsWith('corpus/') ? 'corpus-derived' : 'fuzz';
  const name = `${prefix}-${createHash('sha1').update(c.bytes).digest('hex').slice(0, 12)}.md`;
  const file = join(dir, name);
  writeFileSync(file, c.bytes);
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
      // The case under test, for the parent to save if this process dies or hangs on it.
      if (values.current) writeFileSync(values.current, JSON.stringify({ seed: c.seed, bytes: Buffer.from(c.bytes).toString('base64'), description: describeCase(c) }));
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
        if (slowMs > 0 && ms > slowMs) {
          // Timed again before it counts: a busy machine can make any case slow once.
          const again = performance.now();
          await checkAll(c.bytes, harness, { fix: useFix });
          const retry = performance.now() - again;
          if (retry > slowMs) slow.push({ ms: Math.min(ms, retry), description: describeCase(c), fixture: saveFixture(c, join(values.out, 'slow')) });
        }
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
        fixture: saveFixture(example),
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
      const current = join(tmpdir(), `hindsight-fuzz-${process.pid}-${i}.json`);
      args.push('--current', current);
      return new Promise<WorkerReport>((resolve) => {
        const child = fork(new URL(import.meta.url).pathname, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        let report: WorkerReport | null = null;
        let hung = false;
        // A case that has been under test for --hang-ms: kill the worker and keep the case.
        const watchdog = setInterval(() => {
          try {
            if (Date.now() - statSync(current).mtimeMs > hangMs) {
              hung = true;
              child.kill('SIGKILL');
            }
          } catch {
            // Not started yet.
          }
        }, Math.min(30_000, hangMs));
        /** The case a dead or stuck worker was on, saved as a fixture. */
        const lost = (why: string): WorkerReport => {
          let fixture = '(no case recorded)';
          let description = '';
          try {
            const c = JSON.parse(readFileSync(current, 'utf8')) as { seed: string; bytes: string; description: string };
            fixture = saveFixture({ seed: c.seed, bytes: Buffer.from(c.bytes, 'base64') });
            description = c.description;
          } catch {
            // Nothing to save.
          }
          return { cases: progress[i]!, ms: 0, slowest: null, slow: [], failure: { message: why, fixture, description, seed: seed + i, path: undefined } };
        };
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
        child.on('exit', (code, signal) => {
          clearInterval(watchdog);
          const result = report ?? lost(hung ? `the worker hung for over ${hangMs} ms on one case` : `the worker died (${signal ?? `exit code ${code}`}) on this case`);
          rmSync(current, { force: true });
          resolve(result);
        });
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
    if (/corpus-derived-[^/]*$/.test(f.fixture)) process.stderr.write('fuzz: it holds text of the shared corpus: reduce it to a small input of our own before committing it\n');
  }
  const slow = reports.flatMap((r) => r.slow);
  for (const s of slow) process.stderr.write(`\nfuzz: SLOW (${Math.round(s.ms)} ms, over --slow-ms ${slowMs}): ${s.description}\nfuzz: the input is saved as ${relative(process.cwd(), s.fixture)}\n`);
  return failures.length > 0 || slow.length > 0 ? 1 : 0;
}

process.exitCode = await main();
