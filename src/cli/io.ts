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
