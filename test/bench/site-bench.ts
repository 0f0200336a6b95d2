/**
 * Site build benchmark: `astro build` of the Hindsight site over generated postmortems, beside a
 * plain Astro content collection of the same files (glob loader, Astro's default Markdown
 * rendering, one page per entry and an index) built in the same run. Reports wall time and peak
 * memory (max RSS of the build process; Pagefind's indexer runs as its own process).
 *
 *   npx node test/bench/site-bench.ts              # 1,000 incidents: ours vs plain, then 10,000: ours
 *   npx node test/bench/site-bench.ts 200          # other sizes: the first is compared, the rest ours only
 *
 * Targets: at most 1.5x the plain build at 1,000 incidents; peak memory under 4 GB at 10,000.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate.ts';

const here = fileURLToPath(import.meta.url);
const packageRoot = join(dirname(here), '..', '..');

interface Run {
  /** Wall time of the build. */
  ms: number;
  /** CPU time (user + system) of the build process and its children: steadier than wall time on a shared machine. */
  cpuMs: number;
  maxRssMB: number;
  pages: number;
}

/** CPU time of finished child processes (Pagefind's indexer), from /proc where there is one. */
function childCpuMs(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // cutime and cstime: fields 16 and 17 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}

/**
 * Wait (up to 10 s) until Pagefind's indexer has exited and been reaped: it is told to stop when
 * the build ends but exits a moment later, and only a reaped child's CPU time is counted in this
 * process's figures. (esbuild's service process lives on until this process exits; it is not waited for.)
 */
async function indexerReaped(): Promise<void> {
  const list = `/proc/self/task/${process.pid}/children`;
  // The indexer, or a child that has exited and is not reaped yet (its command line is gone by then).
  const waitFor = (pid: string): boolean => {
    try {
      if (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z')) return true;
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('pagefind');
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 200; i++) {
    let children: string[] = [];
    try {
      children = readFileSync(list, 'utf8').trim().split(/\s+/).filter(Boolean);
    } catch {
      return;
    }
    if (!children.some(waitFor)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** In a child process: build one site and print its time and peak memory as JSON. */
async function child(kind: 'ours' | 'plain', project: string, outDir: string, cacheDir: string, search: boolean): Promise<void> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  const start = performance.now();
  if (kind === 'ours') {
    const { siteConfig } = await import('../../src/site/astro-config.ts');
    await build({ ...siteConfig({ root: project, outDir, cacheDir, search }), configFile: false, logLevel: 'warn' });
  } else {
    await build({ root: project, outDir, cacheDir, configFile: false, logLevel: 'warn' });
  }
  const ms = performance.now() - start;
  await indexerReaped();
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000 + childCpuMs();
  const maxRssMB = usage.maxRSS / 1024;
  const pages = spawnSync('find', [outDir, '-name', '*.html'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).length;
  process.stdout.write(`\nRESULT ${JSON.stringify({ ms, cpuMs, maxRssMB, pages } satisfies Run)}\n`);
}

/** A plain Astro project over the same files: glob loader, default rendering, a page per entry. */
function writePlainProject(dir: string, content: string): void {
  const base = relative(dir, content).split('\\').join('/');
  const files: Record<string, string> = {
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { incidents: defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(base)} }) }) };
`,
    'src/pages/index.astro': `---
import { getCollection } from 'astro:content';
const entries = (await getCollection('incidents')).sort((a, b) => String(b.data.date).localeCompare(String(a.data.date)));
---
<html lang="en"><head><meta charset="utf-8"><title>Incidents</title></head><body><main><h1>Incidents</h1><ul>
{entries.map((e) => <li><a href={\`/incidents/\${e.id}/\`}>{String(e.data.title)}</a> <time>{String(e.data.date)}</time></li>)}
</ul></main></body></html>
`,
    'src/pages/incidents/[...id].astro': `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('incidents')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><meta charset="utf-8"><title>{String(entry.data.title)}</title></head><body><main><h1>{String(entry.data.title)}</h1><Content /></main></body></html>
`,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Run one build in a fresh process with cold caches. */
function measure(kind: 'ours' | 'plain', project: string, work: string, search = true): Run {
  const outDir = join(work, `${kind}-dist`);
  const cacheDir = join(work, `${kind}-cache`);
  rmSync(outDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(join(project, '.astro'), { recursive: true, force: true });
  // Node's default heap limit, as `npm run build` has.
  const result = spawnSync(process.execPath, [here, '--child', kind, project, outDir, cacheDir, String(search)], {
    cwd: packageRoot,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const line = result.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (result.status !== 0 || !line) {
    throw new Error(`${kind} build failed (exit ${result.status}):\n${result.stderr.slice(-4000)}\n${result.stdout.slice(-4000)}`);
  }
  rmSync(outDir, { recursive: true, force: true });
  return JSON.parse(line.slice('RESULT '.length)) as Run;
}

const fmt = (r: Run) => `${(r.ms / 1000).toFixed(1)} s wall, ${(r.cpuMs / 1000).toFixed(1)} s CPU, peak ${Math.round(r.maxRssMB)} MB, ${r.pages} pages`;

/** The best of several runs (the least disturbed by other work on the machine). */
function best(runs: Run[]): Run {
  return runs.reduce((a, b) => ({ ms: Math.min(a.ms, b.ms), cpuMs: Math.min(a.cpuMs, b.cpuMs), maxRssMB: Math.max(a.maxRssMB, b.maxRssMB), pages: b.pages }));
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const [compared = 1000, ...oursOnly] = sizes.length ? sizes : [1000, 10000];
  // Inside the package, so Astro keeps each build's intermediate files next to its output.
  const root = join(packageRoot, '.bench', 'site');
  const report: string[] = [];

  for (const [count, withPlain] of [[compared, true], ...oursOnly.map((n) => [n, false] as const)] as const) {
    const work = join(root, String(count));
    const project = join(work, 'project');
    const content = join(project, 'content', 'incidents');
    if (!existsSync(content)) generateCorpus(content, count);
    console.log(`\n${count} incidents`);
    if (withPlain) {
      const plainProject = join(work, 'plain');
      writePlainProject(plainProject, content);
      const runs = { plain: [] as Run[], ours: [] as Run[], noSearch: [] as Run[] };
      for (let round = 1; round <= rounds; round++) {
        // Interleaved, so a busy spell on the machine does not favour one side.
        runs.plain.push(measure('plain', plainProject, work));
        console.log(`  round ${round} plain Astro collection:  ${fmt(runs.plain.at(-1)!)}`);
        runs.ours.push(measure('ours', project, work));
        console.log(`  round ${round} Hindsight site:          ${fmt(runs.ours.at(-1)!)}`);
        runs.noSearch.push(measure('ours', project, work, false));
        console.log(`  round ${round} Hindsight, no search:    ${fmt(runs.noSearch.at(-1)!)}`);
      }
      const [plain, ours, noSearch] = [best(runs.plain), best(runs.ours), best(runs.noSearch)];
      report.push(
        `${count} incidents, best of ${rounds}: Hindsight ${fmt(ours)}; plain Astro ${fmt(plain)}`,
        `  ratio: ${(ours.ms / plain.ms).toFixed(2)}x wall, ${(ours.cpuMs / plain.cpuMs).toFixed(2)}x CPU (target <= 1.5x); without the search index ${(noSearch.ms / plain.ms).toFixed(2)}x wall, ${(noSearch.cpuMs / plain.cpuMs).toFixed(2)}x CPU`,
      );
    } else {
      const ours = measure('ours', project, work);
      console.log(`  Hindsight site:          ${fmt(ours)}`);
      report.push(`${count} incidents: Hindsight ${fmt(ours)} (target: peak under 4096 MB: ${ours.maxRssMB < 4096 ? 'met' : 'NOT met'})`);
    }
  }
  console.log(`\n${report.join('\n')}`);
}

if (process.argv[2] === '--child') {
  const [, , , kind, project, outDir, cacheDir, search] = process.argv;
  await child(kind as 'ours' | 'plain', project!, outDir!, cacheDir!, search !== 'false');
} else {
  await main();
}
