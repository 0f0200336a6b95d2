/** What a command talks to: streams, working directory, exit code. Tests can run commands in-process. */
import { resolve } from 'node:path';
import type { Config } from '../../schemas/config.ts';
import { loadConfig } from '../core/config-load.ts';

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when standard output/error is a terminal (colour, progress). */
  isTTY: boolean;
  exitCode: number;
}

/** A usage or config problem: exit 2 with one line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Load the config for a command (errors become exit 2 in main). */
export function loadCliConfig(io: CliIo, file: string | undefined): Config {
  const loaded = loadConfig({ cwd: io.cwd, file: file ? resolve(io.cwd, file) : undefined });
  return loaded.config;
}

/** Write a command's output file; a path that cannot be written is a usage error (exit 2), not a crash. */
export function writeOutputFile(file: string, text: string, write: (file: string, text: string) => void): void {
  try {
    write(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? 'it is a directory' : code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`cannot write ${file}: ${why}`);
  }
}
