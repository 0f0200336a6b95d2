/**
 * Lint throughput on 1,000 and 10,000 generated postmortems, single-threaded and on worker threads,
 * beside the bare unified + remark-parse parse of the same files in the same run; and the time to
 * lint one changed file in a 10,000-incident repository (cross-file checks included).
 * Targets: single-threaded lint at most 1.5× the bare parse; one changed file under 1 s.
 *
 *     node test/bench/lint-bench.ts [counts…]     (default: 1000 10000)
 *
 * Each measurement is one pass in a fresh process, as a command run makes it (its V8 settings, and
 * its own peak memory, max RSS); each is taken several times (five; three above 2,000 files), interleaved,
 * and the fastest kept, which keeps other work on the machine out of the comparison.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { defaultConfig } from '../../schemas/config.ts';
import { setUpV8 } from '../../src/cli/v8-setup.ts';
import { findPostmortems, readPostmortem } from '../../src/core/files.ts';
import { lintPaths } from '../../src/lint/engine.ts';
import { resolveLevels } from '../../src/lint/levels.ts';
import { generateCorpus } from './generate.ts';

const self = fileURLToPath(import.meta.url);
const bin = fileURLToPath(new URL('../../bin/hindsight.mjs', import.meta.url));
const content = 'content/incidents';

interface Measure {
  ms: number;
  files: number;
  maxRssMb: number;
  errors?: number;
}

/** One measurement, in this (child) process. */
async function measure(mode: string, root: string, arg: string | undefined): Promise<Measure> {
  const { files } = findPostmortems([content], root);
  const config = { ...defaultConfig, content };
  const levels = resolveLevels();
  let ms = Infinity;
  let errors: number | undefined;
  // One pass, as a fresh `hindsight lint` makes (for the one changed file, a second and warm one).
  for (let pass = 0; pass < (mode === 'one' ? 2 : 1); pass++) {
    const t = performance.now();
    if (mode === 'parse') {
      const bare = unified().use(remarkParse);
      for (const f of files) bare.parse(readFileSync(join(root, f), 'utf8'));
    } else if (mode === 'core') {
      for (const f of files) readPostmortem(f, config, root);
    } else if (mode === 'lint') {
      const run = await lintPaths(files, { cwd: root, config, levels, threads: Number(arg) });
      errors = run.results.reduce((n, r) => n + r.errorCount, 0);
    } else {
      // One changed file, with the rest of the content folder indexed for the cross-file rules.
      const run = await lintPaths([`${content}/${arg}`], { cwd: root, config, levels, threads: 0 });
      errors = run.results[0]!.errorCount;
    }
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, files: mode === 'one' ? 1 : files.length, maxRssMb: process.resourceUsage().maxRSS / 1024, errors };
}

function child(mode: string, root: string, arg = ''): Measure {
  const out = execFileSync(process.execPath, [self, '--child', mode, root, arg], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').pop()!) as Measure;
}

const rate = (m: Measure) => `${Math.round((m.files / m.ms) * 1000).toLocaleString('en')} files/s`;
const mb = (m: Measure) => `${Math.round(m.maxRssMb)} MB peak`;

async function main(counts: number[]): Promise<void> {
  const lines: string[] = [];
  let biggest: string | null = null;
  const roots: string[] = [];
  try {
    for (const count of counts) {
      const root = mkdtempSync(join(tmpdir(), 'hindsight-lint-bench-'));
      roots.push(root);
      const files = generateCorpus(join(root, content), count);
      const rounds = count > 2000 ? 3 : 5;
      const best = (a: Measure | null, b: Measure) => (a && a.ms <= b.ms ? a : b);
      let parse: Measure | null = null;
      let core: Measure | null = null;
      let single: Measure | null = null;
      let workers: Measure | null = null;
      for (let r = 0; r < rounds; r++) {
        parse = best(parse, child('parse', root));
        core = best(core, child('core', root));
        single = best(single, child('lint', root, '0'));
        workers = best(workers, child('lint', root, '2'));
      }
      if (!parse || !core || !single || !workers) continue;
      const ratio = single.ms / parse.ms;
      lines.push(
        `lint ${count.toLocaleString('en')} files:`,
        `  bare remark-parse   ${parse.ms.toFixed(0).padStart(6)} ms  ${rate(parse).padStart(14)}  ${mb(parse)}`,
        `  core parse+extract  ${core.ms.toFixed(0).padStart(6)} ms  ${rate(core).padStart(14)}  ${mb(core)}  (${(core.ms / parse.ms).toFixed(2)}× the bare parse)`,
        `  lint, 1 thread      ${single.ms.toFixed(0).padStart(6)} ms  ${rate(single).padStart(14)}  ${mb(single)}  (${ratio.toFixed(2)}× the bare parse; target ≤ 1.5×)`,
        `  lint, 2 threads     ${workers.ms.toFixed(0).padStart(6)} ms  ${rate(workers).padStart(14)}  ${mb(workers)}  (${(single.ms / workers.ms).toFixed(2)}× faster than 1 thread)`,
      );
      if (count === Math.max(...counts)) biggest = `${root}|${basename(files[Math.floor(files.length / 2)]!)}`;
    }
    if (biggest) {
      const [root, name] = biggest.split('|') as [string, string];
      const count = Math.max(...counts).toLocaleString('en');
      let inProcess: Measure | null = null;
      let cli = Infinity;
      for (let r = 0; r < 3; r++) {
        const one = child('one', root, name);
        if (!inProcess || one.ms < inProcess.ms) inProcess = one;
        const t = performance.now();
        try {
          execFileSync(process.execPath, [bin, 'lint', `${content}/${name}`, '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
        } catch {
          // Exit 1 (the file has errors) is fine here: only the time counts.
        }
        cli = Math.min(cli, performance.now() - t);
      }
      lines.push(
        `one changed file in a ${count}-incident repository (cross-file checks included):`,
        `  in process          ${inProcess!.ms.toFixed(0).padStart(6)} ms`,
        `  npx hindsight lint  ${cli.toFixed(0).padStart(6)} ms  (whole command, Node start-up included; target < 1000 ms)`,
      );
    }
  } finally {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  }
  console.log(lines.join('\n'));
}

if (process.argv[2] === '--child') {
  // Every measurement, the bare parse included, runs with the V8 settings a `hindsight` command has.
  setUpV8();
  const [, , , mode, root, arg] = process.argv;
  console.log(JSON.stringify(await measure(mode!, root!, arg)));
} else if (process.argv[1] === self) {
  const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
  await main(counts.length > 0 ? counts : [1000, 10000]);
}
