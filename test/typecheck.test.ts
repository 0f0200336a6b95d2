/** The whole project type-checks under `strict` (`npm run typecheck`: astro sync, then tsc). */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

function typecheck(): { errors: string[]; status: number | null; stderr: string } {
  const run = spawnSync('npm', ['run', '--silent', 'typecheck'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  return { errors: `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => /error TS\d+/.test(line)), status: run.status, stderr: run.stderr };
}

describe('TypeScript', () => {
  it('finds no type errors in the project', () => {
    // A site build in another test rewrites .astro/ types as this runs; a type error shows twice,
    // a file caught mid-write once.
    let run = typecheck();
    if (run.status !== 0) run = typecheck();
    expect(run.errors).toEqual([]);
    expect(run.status, run.stderr).toBe(0);
  }, 600_000);
});
