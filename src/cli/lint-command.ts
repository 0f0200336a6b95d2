/** `hindsight lint [paths…]`: check postmortems and report in the format a person or a CI system reads. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { writeFileAtomic } from '../core/atomic-write.ts';
import { findPostmortems } from '../core/files.ts';
import { lintPaths, type LintResult } from '../lint/engine.ts';
import { formatResults, formats, isFormat } from '../lint/formatters/index.ts';
import { parseRuleOption, resolveLevels, RuleSettingError } from '../lint/levels.ts';
import { createProgress } from '../lint/progress.ts';
import type { RuleLevel } from '../lint/rule.ts';
import { loadCliConfig, UsageError, writeOutputFile, type CliIo } from './io.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

interface LintCommandOptions {
  format: string;
  fix?: boolean;
  maxWarnings?: string;
  quiet?: boolean;
  config?: string;
  rule?: string[];
  outputFile?: string;
  threads?: string;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function nonNegativeInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${name} expects a whole number of 0 or more, not \`${value}\``);
  return Number(value);
}

/** Only errors, for `--quiet`. */
function errorsOnly(results: readonly LintResult[]): LintResult[] {
  return results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0, fixableWarningCount: 0 }));
}

export function registerLint(program: Command, io: CliIo): void {
  program
    .command('lint')
    .description('check postmortems (front matter, sections, timeline, secrets, blameless language…); exit 1 when there are errors')
    .argument('[paths...]', 'files, directories or globs (default: the configured content folder)')
    .option('-f, --format <format>', `output format: ${formats.join(', ')}`, 'stylish')
    .option('--fix', 'apply safe fixes (mojibake, tag and severity spelling), writing each file atomically')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('-q, --quiet', 'report errors only')
    .option('-c, --config <file>', 'config file (default: hindsight.config.* or package.json "hindsight")')
    .option('-r, --rule <id=level>', 'set a rule to off, warn or error (repeatable)', collect)
    .option('-o, --output-file <file>', 'write the report to a file instead of standard output')
    .addOption(new Option('--threads <n>', 'threads for the file pass, the main thread included (default: every core, up to 4, from 2,000 files)').hideHelp())
    .action(async (paths: string[], options: LintCommandOptions) => {
      if (!isFormat(options.format)) throw new UsageError(`unknown format \`${options.format}\`; use one of ${formats.join(', ')}`);
      const maxWarnings = nonNegativeInt(options.maxWarnings, '--max-warnings');
      const threads = nonNegativeInt(options.threads, '--threads');
      const config = loadCliConfig(io, options.config);
      let levels: Map<string, RuleLevel>;
      try {
        levels = resolveLevels(config.rules, (options.rule ?? []).map(parseRuleOption));
      } catch (error) {
        if (error instanceof RuleSettingError) throw new UsageError(error.message);
        throw error;
      }
      if (options.quiet) for (const [id, level] of levels) if (level === 'warn') levels.set(id, 'off');

      const inputs = paths.length > 0 ? paths : [config.content];
      if (paths.length === 0 && !existsSync(resolve(io.cwd, config.content))) {
        throw new UsageError(`the content folder \`${config.content}\` does not exist; pass the postmortems to lint or set \`content\` in the config`);
      }
      const { files, unmatched } = findPostmortems(inputs, io.cwd);
      if (unmatched.length > 0) throw new UsageError(`no postmortem matches ${unmatched.map((u) => `\`${u}\``).join(', ')}`);
      if (files.length === 0) throw new UsageError(`no postmortems (*.md, *.markdown, *.mdx) found in ${inputs.map((i) => `\`${i}\``).join(', ')}`);

      const progress = await createProgress(files.length);
      let run;
      try {
        run = await lintPaths(files, {
          cwd: io.cwd,
          config,
          levels,
          fix: options.fix,
          threads,
          onProgress: (done, total) => progress.update(done, total),
        });
      } finally {
        progress.stop();
      }
      const results = options.quiet ? errorsOnly(run.results) : run.results;
      const color = io.isTTY && !options.outputFile && process.env.NO_COLOR === undefined;
      const report = await formatResults(options.format, results, { cwd: io.cwd, color, levels, version: pkg.version });
      if (options.outputFile) {
        const out = resolve(io.cwd, options.outputFile);
        writeOutputFile(options.outputFile, report.endsWith('\n') || !report ? report : `${report}\n`, (_, text) => {
          mkdirSync(dirname(out), { recursive: true });
          writeFileAtomic(out, text);
        });
      }
      else if (report) io.stdout(report.replace(/\n$/, ''));

      const errors = results.reduce((n, r) => n + r.errorCount, 0);
      const warnings = results.reduce((n, r) => n + r.warningCount, 0);
      const fixed = results.filter((r) => r.fixed).length;
      if (fixed > 0 && options.format === 'stylish') io.stderr(`hindsight: fixed ${fixed} file${fixed === 1 ? '' : 's'}`);
      const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
      if (tooManyWarnings) io.stderr(`hindsight: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}`);
      io.exitCode = errors > 0 || tooManyWarnings ? 1 : 0;
    });
}
