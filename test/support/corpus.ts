/** The shared corpus of real postmortems (not ours: read when present, never committed). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const corpusDir = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
export const hasCorpus = existsSync(`${corpusDir}truth`);

export interface CorpusKey {
  file: string;
  title: string | null;
  date: string | null;
  timezone: string | null;
  sections: { kind: string; heading: string; line: number }[];
  timeline: { line: number; written: string; at: string | null; text: string }[];
  actionItems: number;
  rootCause: string | null;
}

export interface CorpusCase {
  name: string;
  path: string;
  bytes: Buffer;
  key: CorpusKey;
}

/** Every corpus file with its answer key. */
export function corpusCases(): CorpusCase[] {
  if (!hasCorpus) return [];
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.md') && existsSync(`${corpusDir}truth/${f.replace(/\.md$/, '.json')}`))
    .sort()
    .map((name) => ({
      name,
      path: `${corpusDir}${name}`,
      bytes: readFileSync(`${corpusDir}${name}`),
      key: JSON.parse(readFileSync(`${corpusDir}truth/${name.replace(/\.md$/, '.json')}`, 'utf8')) as CorpusKey,
    }));
}
