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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(run: () => void, rounds: number): number {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

export function benchExtraction(count = 1000, rounds = 5): { bareMs: number; extractMs: number; ratio: number; filesPerSecond: number } {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-bench-'));
  try {
    const files = generateCorpus(dir, count).map((f) => ({ file: f, bytes: readFileSync(f) }));
    const bare = unified().use(remarkParse);
    const bareRun = () => { for (const f of files) bare.parse(f.bytes.toString('utf8')); };
    const extractRun = () => { for (const f of files) extractIncident(parsePostmortem(f.file, f.bytes, defaultConfig), defaultConfig); };
    bareRun();
    extractRun();
    const bareMs = time(bareRun, rounds);
    const extractMs = time(extractRun, rounds);
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
