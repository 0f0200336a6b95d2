/** Finding and validating the project config, with errors at their line in the config file. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { configSchema, type Config } from '../../schemas/config.ts';
import { readFrontmatter } from './frontmatter.ts';

/** A config problem: one line for a person, with file:line:column when known. */
export class ConfigError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  constructor(file: string, line: number, column: number, message: string) {
    super(`${file}:${line}:${column}: ${message}`);
    this.name = 'ConfigError';
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

/** Config file names, looked for in this order. Executable configs are never loaded. */
export const configFileNames = ['hindsight.config.json', 'hindsight.config.yaml', 'hindsight.config.yml', 'hindsight.config.toml'] as const;
const executable = /\.(c|m)?(j|t)s$/;

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or null for the defaults. */
  file: string | null;
}

/** Parse a config source with the same readers as front matter (positions included). */
function readData(file: string, text: string, language: 'yaml' | 'toml' | 'json') {
  // Wrap the source as a front matter block so one reader (with positions) serves both.
  const fence = language === 'toml' ? '+++' : language === 'json' ? '---json' : '---';
  const closing = language === 'toml' ? '+++' : '---';
  const read = readFrontmatter(`${fence}\n${text.replace(/^\uFEFF/, '')}\n${closing}\n`);
  const first = read.diagnostics[0];
  if (first) throw new ConfigError(file, Math.max(1, first.line - 1), first.column, first.message.replace(/front matter/gi, 'config'));
  return read.block!;
}

/** Validate config data; `at` maps a key path to a position. */
export function parseConfig(file: string, data: unknown, at: (path: (string | number)[]) => { line: number; column: number } | null = () => null): Config {
  const result = configSchema.safeParse(data ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const pos = at(path) ?? at(path.slice(0, 1)) ?? { line: 1, column: 1 };
  const key = path.join('.') || 'config';
  const message = issue.code === 'unrecognized_keys'
    ? `unknown config key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}`
    : issue.code === 'invalid_value'
      ? `\`${key}\` must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`
      : issue.code === 'custom'
        ? `\`${key}\` ${issue.message}`
        : `\`${key}\`: ${issue.message}`;
  throw new ConfigError(file, pos.line, pos.column, message);
}

function loadFile(path: string, cwd: string): Config {
  const file = relative(cwd, path) || path;
  if (executable.test(file)) {
    throw new ConfigError(file, 1, 1, 'config files that are programs are never run; use hindsight.config.json, .yaml or .toml');
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(file, 1, 1, `cannot read the config file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const language = file.endsWith('.toml') ? 'toml' : file.endsWith('.json') ? 'json' : 'yaml';
  const block = readData(file, text, language);
  return parseConfig(file, block.data, (path) => {
    const p = block.locate(path) ?? block.locateKey(path);
    return p ? { line: p.line - 1, column: p.column } : null;
  });
}

/** Load `--config FILE`, else the first config file in `cwd`, else package.json's `hindsight` key, else defaults. */
export function loadConfig(options: { cwd?: string; file?: string } = {}): LoadedConfig {
  const cwd = resolve(options.cwd ?? process.cwd());
  if (options.file) {
    const file = resolve(cwd, options.file);
    if (!existsSync(file)) throw new ConfigError(options.file, 1, 1, 'config file not found');
    return { config: loadFile(file, cwd), file };
  }
  for (const name of configFileNames) {
    const file = join(cwd, name);
    if (existsSync(file)) return { config: loadFile(file, cwd), file };
  }
  const pkg = join(cwd, 'package.json');
  if (existsSync(pkg)) {
    const block = readData('package.json', readFileSync(pkg, 'utf8'), 'json');
    if (block.data.hindsight !== undefined) {
      return {
        config: parseConfig('package.json', block.data.hindsight, (path) => {
          const p = block.locate(['hindsight', ...path]) ?? block.locateKey(['hindsight']);
          return p ? { line: p.line - 1, column: p.column } : null;
        }),
        file: pkg,
      };
    }
  }
  return { config: configSchema.parse({}), file: null };
}
