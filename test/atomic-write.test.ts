/**
 * Writing safely: `--fix` and `new` replace or create files atomically, keep permission bits and
 * symbolic links, survive being killed mid-write with the old file whole, and never overwrite.
 */
import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../schemas/config.ts';
import { createFileExclusive, writeFileAtomic } from '../src/core/atomic-write.ts';
import { renderTemplate } from '../src/templates/postmortem.ts';
import { projectRoot } from './fuzz/seeds.ts';

const bin = join(projectRoot, 'bin/hindsight.mjs');
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hindsight-atomic-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function freshDir(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const mode = (path: string) => statSync(path).mode & 0o7777;
/** Files in `dir` other than the expected ones (left-over temp files). */
const strays = (dir: string, expected: string[]) => readdirSync(dir).filter((f) => !expected.includes(f));

function hindsight(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

const mojibake = ['---', 'title: Arrow', 'date: 2025-03-04', '---', '', '## Summary', '', 'The prompt showed âžœ and the café showed cafÃ©.', ''].join('\n');
const fixedText = mojibake.replace('âžœ', '➜').replace('cafÃ©', 'café');

describe('writeFileAtomic', () => {
  it('keeps the permission bits of the file it replaces, and leaves no temp file', () => {
    const dir = freshDir('modes');
    for (const bits of [0o600, 0o640, 0o755, 0o444]) {
      const file = join(dir, `mode-${bits.toString(8)}.md`);
      writeFileSync(file, 'old');
      chmodSync(file, bits);
      writeFileAtomic(file, 'new');
      expect(readFileSync(file, 'utf8')).toBe('new');
      expect(mode(file).toString(8)).toBe(bits.toString(8));
    }
    expect(strays(dir, ['mode-600.md', 'mode-640.md', 'mode-755.md', 'mode-444.md'])).toEqual([]);
  });

  it('creates a new file readable by all and writable by its owner', () => {
    const dir = freshDir('new-file');
    writeFileAtomic(join(dir, 'x.md'), 'x');
    expect(mode(join(dir, 'x.md'))).toBe(0o644);
  });

  it('writes through a symbolic link: the target changes, the link stays a link', () => {
    const dir = freshDir('symlink');
    writeFileSync(join(dir, 'real.md'), 'old');
    chmodSync(join(dir, 'real.md'), 0o600);
    symlinkSync('real.md', join(dir, 'link.md'));
    writeFileAtomic(join(dir, 'link.md'), 'new');
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.md'))).toBe('real.md');
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toBe('new');
    expect(mode(join(dir, 'real.md'))).toBe(0o600);
  });

  it('leaves the old file whole when the writer is killed at any moment', async () => {
    const dir = freshDir('kill');
    const target = join(dir, 'target.md');
    // Each version is 4 MB: a header naming it, filler, and a trailer naming it again.
    const size = 4 * 1024 * 1024;
    const whole = (text: string): number | null => {
      const m = /^BEGIN (\d+)\n/.exec(text);
      if (!m || text.length !== size || !text.endsWith(`\nEND ${m[1]}\n`)) return null;
      return Number(m[1]);
    };
    const version = (n: number) => {
      const head = `BEGIN ${n}\n`;
      const tail = `\nEND ${n}\n`;
      return head + String.fromCharCode(97 + (n % 26)).repeat(size - head.length - tail.length) + tail;
    };
    writeFileSync(target, version(0));
    const writer = [
      `import { writeFileAtomic } from ${JSON.stringify(pathToFileURL(join(projectRoot, 'src/core/atomic-write.ts')).href)};`,
      `const size = ${size};`,
      'for (let n = Number(process.argv[1]); ; n++) {',
      '  const head = `BEGIN ${n}\\n`, tail = `\\nEND ${n}\\n`;',
      '  writeFileAtomic(process.argv[2], head + String.fromCharCode(97 + (n % 26)).repeat(size - head.length - tail.length) + tail);',
      "  process.stdout.write(`${n}\\n`);",
      '}',
    ].join('\n');
    let next = 1;
    const seen = new Set<number>();
    // Rounds whose writer was killed mid-write, leaving its temp file (until a later write clears it).
    let leftTemp = 0;
    for (let round = 0; round < 25; round++) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', writer, String(next), target], { stdio: ['ignore', 'pipe', 'inherit'] });
      let written = '';
      child.stdout.on('data', (d: Buffer) => (written += d.toString()));
      // Let it get going, then kill it at a random moment of a write.
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 60));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const n = whole(readFileSync(target, 'latin1'));
      expect(n, `round ${round}: the target is one whole version`).not.toBeNull();
      const done = written.trim().split('\n').map(Number);
      // The file holds the last completed write, or the one that was being renamed into place.
      expect([done.at(-1), done.at(-1)! + 1]).toContain(n);
      seen.add(n!);
      if (readdirSync(dir).some((name) => name.endsWith('.tmp'))) leftTemp++;
      next = Math.max(...done) + 2;
    }
    expect(seen.size).toBeGreaterThan(1);
    // Killed writers left temp files, and the next process to write there clears them.
    expect(leftTemp, 'rounds that left a temp file').toBeGreaterThan(0);
    writeFileAtomic(target, version(next));
    expect(readdirSync(dir)).toEqual(['target.md']);
  }, 120_000);
});

describe('createFileExclusive', () => {
  it('never replaces an existing file', () => {
    const dir = freshDir('exclusive');
    writeFileSync(join(dir, 'x.md'), 'mine');
    expect(() => createFileExclusive(join(dir, 'x.md'), 'theirs')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(join(dir, 'x.md'), 'utf8')).toBe('mine');
    expect(strays(dir, ['x.md'])).toEqual([]);
  });
});

describe('hindsight lint --fix', () => {
  it('fixes in place through the real bin, keeping the mode and replacing the file atomically', () => {
    const dir = freshDir('fix-mode');
    const file = join(dir, '2025-03-04-arrow.md');
    writeFileSync(file, mojibake);
    chmodSync(file, 0o640);
    const inode = statSync(file).ino;
    const run = hindsight(dir, 'lint', '--fix', '2025-03-04-arrow.md');
    expect(run.stderr).toContain('hindsight: fixed 1 file');
    expect(readFileSync(file, 'utf8')).toBe(fixedText);
    expect(mode(file)).toBe(0o640);
    expect(statSync(file).ino, 'a new inode: the file was replaced by rename, not rewritten in place').not.toBe(inode);
    expect(strays(dir, ['2025-03-04-arrow.md'])).toEqual([]);
  });

  it('keeps a byte order mark and CRLF line endings', () => {
    const dir = freshDir('fix-bom');
    const file = join(dir, '2025-03-04-arrow.md');
    writeFileSync(file, `\uFEFF${mojibake.replace(/\n/g, '\r\n')}`);
    hindsight(dir, 'lint', '--fix', '2025-03-04-arrow.md');
    expect(readFileSync(file, 'utf8')).toBe(`\uFEFF${fixedText.replace(/\n/g, '\r\n')}`);
  });

  it('fixes the target of a symbolic link and keeps the link', () => {
    const dir = freshDir('fix-link');
    writeFileSync(join(dir, 'real.md'), mojibake);
    symlinkSync('real.md', join(dir, '2025-03-04-arrow.md'));
    hindsight(dir, 'lint', '--fix', '2025-03-04-arrow.md');
    expect(lstatSync(join(dir, '2025-03-04-arrow.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toBe(fixedText);
  });

  it('changes nothing on a second run', () => {
    const dir = freshDir('fix-twice');
    const file = join(dir, '2025-03-04-arrow.md');
    writeFileSync(file, mojibake);
    hindsight(dir, 'lint', '--fix', '2025-03-04-arrow.md');
    const inode = statSync(file).ino;
    const second = hindsight(dir, 'lint', '--fix', '2025-03-04-arrow.md');
    expect(second.stderr).not.toContain('fixed');
    expect(statSync(file).ino, 'not rewritten').toBe(inode);
    expect(readFileSync(file, 'utf8')).toBe(fixedText);
  });
});

describe('hindsight new', () => {
  const args = ['new', 'Payments failover', '--date', '2025-03-04', '--dir', 'incidents'];
  const name = '2025-03-04-payments-failover.md';
  const template = renderTemplate({ title: 'Payments failover', date: '2025-03-04' }, defaultConfig);

  it('never overwrites an existing postmortem', () => {
    const dir = freshDir('new-exists');
    mkdirSync(join(dir, 'incidents'));
    writeFileSync(join(dir, 'incidents', name), 'my draft');
    const run = hindsight(dir, ...args);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`hindsight: incidents/${name} already exists; it was left as it is (choose another title or --date)`);
    expect(readFileSync(join(dir, 'incidents', name), 'utf8')).toBe('my draft');
    expect(strays(join(dir, 'incidents'), [name])).toEqual([]);
  });

  it('keeps hostile titles inside the folder and in the front matter as written', () => {
    const dir = freshDir('new-titles');
    const titles = ['../../etc/passwd', '"; rm -rf / #', '---js', "Title: with 'quotes' and \\ backslashes", '😀🔥', '<script>alert(1)</script>'];
    for (const title of titles) {
      const run = hindsight(dir, 'new', '--date', '2025-03-04', '--dir', 'incidents', '--', title);
      expect(run.status, `${title}: ${run.stderr}`).toBe(0);
      const created = run.stdout.trim();
      expect(created).toMatch(/^incidents\/2025-03-04-[a-z0-9-]+\.md$/);
      const extract = hindsight(dir, 'extract', created);
      expect(extract.status).toBe(0);
      expect((JSON.parse(extract.stdout) as { title: string }[])[0]!.title).toBe(title);
    }
    expect(readdirSync(dir)).toEqual(['incidents']);
  });

  it('run four times at once for the same title: exactly one creates the file, whole, and the others say it exists', async () => {
    for (let round = 0; round < 3; round++) {
      const dir = freshDir(`new-race-${round}`);
      const runs = await Promise.all(Array.from({ length: 4 }, () => new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('exit', (code) => resolve({ code, stdout, stderr }));
      })));
      const winners = runs.filter((r) => r.code === 0);
      expect(winners, `round ${round}`).toHaveLength(1);
      expect(winners[0]!.stdout.trim()).toBe(`incidents/${name}`);
      for (const loser of runs.filter((r) => r.code !== 0)) {
        expect(loser.code).toBe(1);
        expect(loser.stderr.trim()).toBe(`hindsight: incidents/${name} already exists; it was left as it is (choose another title or --date)`);
      }
      expect(readFileSync(join(dir, 'incidents', name), 'utf8')).toBe(template);
      expect(strays(join(dir, 'incidents'), [name])).toEqual([]);
    }
  }, 60_000);
});
