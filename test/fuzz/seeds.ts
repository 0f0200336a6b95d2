/**
 * Real postmortems the fuzzers start from: the project's examples in `content/incidents/` and, when
 * present, the shared corpus. Both are read at run time; nothing is copied into the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusDir } from '../support/corpus.ts';

/** One starting document. */
export interface Seed {
  /** Where it came from, for failure reports (`content/…` or `corpus/…`). */
  name: string;
  text: string;
}

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const examplesDir = join(projectRoot, 'content/incidents');

function markdownIn(dir: string, label: string): Seed[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ name: `${label}/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

/** The examples, then the corpus files when the corpus folder exists. */
export function loadSeeds(options: { corpus?: boolean } = {}): Seed[] {
  const seeds = markdownIn(examplesDir, 'content/incidents');
  if (options.corpus ?? true) seeds.push(...markdownIn(corpusDir, 'corpus'));
  if (seeds.length === 0) throw new Error(`no seed postmortems found in ${examplesDir}`);
  return seeds;
}
