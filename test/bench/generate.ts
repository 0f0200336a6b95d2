/** A generated corpus of realistic postmortems for benchmarks: varied shapes, deterministic. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Small deterministic PRNG (mulberry32), so every run benchmarks the same files. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const services = ['ceph', 'proxmox', 'talos', 'ingress', 'postgres', 'loki', 'grafana', 'dns', 'nfs', 'minio', 'vault', 'argo'];
const words = 'node pool memory disk network latency timeout upgrade rollout config certificate quorum replica volume kernel scheduler cache queue backlog'.split(' ');

/** Example postmortems shipped in content/incidents, used as extra shapes. */
function examples(): string[] {
  const dir = new URL('../../content/incidents/', import.meta.url);
  return readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
}

function sentence(rand: () => number, n: number): string {
  return Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(' ');
}

/** One generated postmortem; `i` picks its date, shape and text. */
export function generatePostmortem(i: number, rand: () => number = random(i + 1)): { name: string; text: string } {
  const day = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000 * 7);
  const iso = day.toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  const svc = services[i % services.length]!;
  const slug = `${iso}-${svc}-incident-${i}`;
  const shape = i % 3;
  const timeline = Array.from({ length: 6 + (i % 5) }, (_, k) => {
    const hh = String(8 + k).padStart(2, '0');
    const mm = String((k * 7) % 60).padStart(2, '0');
    const text = sentence(rand, 8);
    if (shape === 0) return `- ${iso} ${hh}:${mm} UTC: ${text}`;
    if (shape === 1) return `| ${hh}:${mm} | ${text} |`;
    return `- \`${d}-${m}-${y}\` ${hh}:${mm}: ${text}`;
  });
  const table = shape === 1 ? ['| Time (UTC) | Event |', '|---|---|'] : [];
  const logs = Array.from({ length: 4 }, (_, k) => `172.25.100.${10 + k}: kern:     err: [${iso}T1${k}:3${k}:36.727637155Z]: Out of memory: Killed process ${2000 + k} (${svc}) total-vm:3112352kB, anon-rss:1505564kB, file-rss:104kB`);
  const text = [
    '---',
    `title: "${svc} incident ${i}: ${sentence(rand, 4)}"`,
    `date: "${iso}"`,
    `description: "${sentence(rand, 10)}"`,
    `severity: sev${1 + (i % 4)}`,
    'tags:',
    `  - ${svc}`,
    `  - ${words[i % words.length]}`,
    `services: [${svc}]`,
    '---',
    '',
    sentence(rand, 20),
    '',
    '<!--more-->',
    '',
    '## Summary',
    '',
    `${sentence(rand, 40)}.`,
    '',
    '## Timeline',
    '',
    ...table,
    ...timeline,
    '',
    '## Logs',
    '',
    '```',
    ...logs,
    '```',
    '',
    '## Root cause',
    '',
    `${sentence(rand, 60)}.`,
    '',
    '## Resolution',
    '',
    `${sentence(rand, 30)}.`,
    '',
    '## Action items',
    '',
    `- [ ] ${sentence(rand, 6)} @owner${i % 7} (#${100 + i})`,
    `- [x] ${sentence(rand, 6)} [HL-${i}](https://tracker.example/HL-${i})`,
    '',
  ].join('\n');
  return { name: `${slug}.md`, text };
}

/** Write `count` postmortems into `dir` (every tenth is a shipped example under a new name). */
export function generateCorpus(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  const shipped = examples();
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const generated = generatePostmortem(i);
    const text = i % 10 === 9 && shipped.length > 0 ? shipped[i % shipped.length]!.replace(/^title: (.*)$/m, `title: "Example ${i}"`) : generated.text;
    const file = join(dir, i % 10 === 9 ? `example-${i}.md` : generated.name);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}
