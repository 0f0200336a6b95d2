/**
 * Extraction throughput against the bare unified + remark-parse parse of the same files, in the
 * same run. Target: extraction costs at most 1.5× the bare parse.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { generateCorpus } from './generate.ts';
import { parsePostmortem } from '../../src/core/parse.ts';
import { extractIncident } from '../../src/core/extract.ts';
import { defaultConfig } from '../../schemas/config.ts';

function timed(run: () => void): number {
  const t = performance.now();
  run();
  return performance.now() - t;
}

/**
 * Rounds of the two runs interleaved, keeping each one's fastest: on a shared machine the minimum
 * is the figure least disturbed by other work, and interleaving exposes both to the same load.
 */
function race(a: () => void, b: () => void, rounds: number): [number, number] {
  let bestA = Infinity;
  let bestB = Infinity;
  for (let r = 0; r < rounds; r++) {
    bestA = Math.min(bestA, timed(a));
    bestB = Math.min(bestB, timed(b));
  }
  return [bestA, bestB];
}

export function benchExtraction(count = 1000, rounds = 7): { bareMs: number; extractMs: number; ratio: number; filesPerSecond: number } {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-bench-'));
  try {
    const files = generateCorpus(dir, count).map((f) => ({ file: f, bytes: readFileSync(f) }));
    const bare = unified().use(remarkParse);
    const bareRun = () => { for (const f of files) bare.parse(f.bytes.toString('utf8')); };
    const extractRun = () => { for (const f of files) extractIncident(parsePostmortem(f.file, f.bytes, defaultConfig), defaultConfig); };
    bareRun();
    extractRun();
    const [bareMs, extractMs] = race(bareRun, extractRun, rounds);
    return { bareMs, extractMs, ratio: extractMs / bareMs, filesPerSecond: (count / extractMs) * 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = benchExtraction();
  const mb = process.memoryUsage().rss / 1048576;
  console.log(`extract: 1000 files — bare remark-parse ${r.bareMs.toFixed(0)} ms, parse+extract ${r.extractMs.toFixed(0)} ms, ratio ${r.ratio.toFixed(2)}× (target ≤ 1.5×), ${r.filesPerSecond.toFixed(0)} files/s, RSS ${mb.toFixed(0)} MB`);
}
