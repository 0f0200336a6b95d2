/**
 * What every rule reads: the parsed postmortem, its extraction and the config, shared through
 * `file.data.hindsight`. The lint engine puts them there after its one parse; under remark-cli (the
 * Hindsight preset) the first rule builds them from remark's own tree, so nothing parses twice.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { defaultConfig, type Config } from '../../schemas/config.ts';
import { loadConfig } from '../core/config-load.ts';
import { decodeText } from '../core/decode.ts';
import { extractFacts, type Extraction, type IncidentFacts } from '../core/extract.ts';
import type { ParsedPostmortem } from '../core/model.ts';
import { parseText } from '../core/parse.ts';
import { TextIndex } from './text-index.ts';
import type { FileFacts, ProjectIndex } from './project.ts';

/** The model of one file, as rules see it. */
export interface LintModel {
  parsed: ParsedPostmortem;
  /** The incident's facts (rules check no prose field); null when the file is not a usable postmortem (unreadable, refused front matter). */
  extraction: Extraction<IncidentFacts> | null;
  config: Config;
  /** Line/column ↔ offset lookups over `parsed.text`. */
  index: TextIndex;
}

/** What cross-file rules see: this file's facts and the index of every incident in the project. */
export interface ProjectModel {
  facts: FileFacts;
  project: ProjectIndex;
  config: Config;
}

declare module 'vfile' {
  interface DataMap {
    /** The model the lint engine (or the first Hindsight rule under remark) attached. */
    hindsight: LintModel;
    /** Set by the engine for its cross-file pass. */
    hindsightProject: ProjectModel;
    /** What every file rule is handed, made by the first one that runs (see rule.ts). */
    hindsightRuleContext: import('./rule.ts').FileRuleContext;
  }
}

/** Build the lint model from already-parsed pieces (the engine's one parse). */
export function lintModel(parsed: ParsedPostmortem, extraction: Extraction<IncidentFacts> | null, config: Config): LintModel {
  return { parsed, extraction, config, index: new TextIndex(parsed.text) };
}

const configCache = new Map<string, Config>();

/**
 * The project config for files linted outside the engine (remark-cli, editors): loaded once per
 * folder; a broken config falls back to the defaults (remark has nowhere to print exit codes).
 */
export function configFor(cwd: string): Config {
  let config = configCache.get(cwd);
  if (!config) {
    try {
      config = loadConfig({ cwd }).config;
    } catch {
      config = defaultConfig;
    }
    configCache.set(cwd, config);
  }
  return config;
}

/** The model of `file`: the engine's, or built once from remark's tree and cached on the file. */
export function modelOf(file: VFile, tree: Root): LintModel {
  const existing = file.data.hindsight;
  if (existing) return existing;
  const config = configFor(file.cwd);
  const value = file.value;
  const decoded = typeof value === 'string' ? decodeText(value) : decodeText(value ?? '');
  const path = file.path || 'stdin.md';
  let parsed: ParsedPostmortem;
  if (decoded.error) {
    parsed = { file: path, text: '', frontmatter: null, tree, sections: [], diagnostics: [decoded.error], readable: false };
  } else {
    parsed = parseText(path, decoded.text, config, tree);
  }
  const model = lintModel(parsed, parsed.readable ? extractFacts(parsed, config) : null, config);
  file.data.hindsight = model;
  return model;
}
