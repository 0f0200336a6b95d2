/** The `hindsight` command line: lint, extract, new. */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../core/config-load.ts';
import { UsageError, type CliIo } from './io.ts';
import { registerExtract } from './extract-command.ts';
import { registerLint } from './lint-command.ts';
import { registerNew } from './new-command.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Build the program; `io` receives all output so tests can run it in-process. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('hindsight')
    .description('Postmortems as code: lint, extract and publish incident postmortems written in Markdown')
    .version(pkg.version)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s.replace(/\n$/, '')),
      writeErr: (s) => io.stderr(s.replace(/\n$/, '')),
    })
    .showSuggestionAfterError(true);
  registerLint(program, io);
  registerExtract(program, io);
  registerNew(program, io);
  return program;
}

/** Run the CLI; resolves to the exit code (0 ok, 1 problems found, 2 usage or config error). */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return io.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ConfigError || error instanceof UsageError) {
      io.stderr(`hindsight: ${error.message}`);
      return 2;
    }
    io.stderr(`hindsight: internal error: ${(error as Error).message}`);
    return 2;
  }
}

/** Entry point for the bin. */
export async function main(): Promise<void> {
  const io: CliIo = {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(`${s}\n`),
    stderr: (s) => process.stderr.write(`${s}\n`),
    isTTY: Boolean(process.stdout.isTTY),
    exitCode: 0,
  };
  const code = await run(process.argv.slice(2), io);
  process.exitCode = code;
}
