/** Writing files so that a crash never leaves one half-written, and nothing is overwritten unasked. */
import { closeSync, fsyncSync, linkSync, openSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

function tempPath(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Whether a process runs (one that is not ours to signal still runs). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Folders this process has cleared of stale temp files. */
const cleared = new Set<string>();

/**
 * Removes the temp files that writers killed mid-write left in the folder of `file` (the process
 * named in their name is gone): once per folder and process, so that fixing many files in one
 * folder lists it once.
 */
function removeStaleTemps(file: string): void {
  const dir = dirname(file);
  if (cleared.has(dir)) return;
  cleared.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^\..+\.(\d{1,10})\.[0-9a-f]{8}\.tmp$/.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

function writeTemp(file: string, data: string | Uint8Array, mode: number): string {
  const temp = tempPath(file);
  const fd = openSync(temp, 'wx', mode);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temp;
}

/**
 * Replace the file at `path` atomically (temp file, fsync, rename), keeping its permission bits.
 * A symbolic link is written through: its target is replaced and the link stays a link.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  let file = path;
  try {
    file = realpathSync(path);
  } catch {
    // A new file (or a broken link): written where it was named.
  }
  let mode = 0o644;
  try {
    mode = statSync(file).mode & 0o7777;
  } catch {
    // A new file gets the default mode.
  }
  const temp = writeTemp(file, data, mode);
  try {
    chmodSync(temp, mode);
    renameSync(temp, file);
  } catch (error) {
    try { unlinkSync(temp); } catch { /* already gone */ }
    throw error;
  }
  removeStaleTemps(file);
}

/**
 * Create `file` with `data` only if it does not exist: the content is written to a temp file and
 * hard-linked into place, which fails with EEXIST when another writer got there first.
 */
export function createFileExclusive(file: string, data: string | Uint8Array): void {
  const temp = writeTemp(file, data, 0o644);
  try {
    linkSync(temp, file);
  } finally {
    try { unlinkSync(temp); } catch { /* already gone */ }
  }
  removeStaleTemps(file);
}
