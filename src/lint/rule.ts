/**
 * How a Hindsight rule is written: an id, a default level, its documentation with examples that the
 * tests run, and a check. Each becomes a `unified-lint-rule` plugin, so the same rule runs in the
 * `hindsight lint` engine and in remark-cli or an editor through the remark preset.
 */
import { resolve } from 'node:path';
import type { Root } from 'mdast';
import type { Point } from 'unist';
import { lintRule } from 'unified-lint-rule';
import type { Plugin } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import { modelOf, type LintModel, type ProjectModel } from './context.ts';
import { docsUrl, messageSource } from './docs-url.ts';
import { factsOf, presetProject } from './project.ts';
import type { Span } from './project.ts';

/** Levels a rule can be set to. */
export type RuleLevel = 'off' | 'warn' | 'error';

/** A documented example: a postmortem (and, for cross-file rules, other files beside it). */
export interface RuleExample {
  /** The postmortem's text. */
  source: string;
  /** File name of the example (default `2025-01-01-example.md`). */
  file?: string;
  /** Other files of the project, by name, for cross-file rules. */
  others?: Record<string, string>;
  /** A few words on what the example shows (rendered in docs/rules.md). */
  note?: string;
}

/** A failing example and where the rule must report it. */
export interface InvalidExample extends RuleExample {
  line: number;
  column: number;
}

export interface RuleDocs {
  /** One line: what the rule checks. */
  summary: string;
  /** Why it matters and how to fix what it reports (Markdown). */
  description: string;
  /** Examples that pass and fail; tests run every one. */
  examples: { valid: RuleExample[]; invalid: InvalidExample[] };
}

/** A rule as the registry, the engine, the docs and the preset see it. */
export interface RuleModule extends RuleDocs {
  id: string;
  defaultLevel: Exclude<RuleLevel, 'off'>;
  /** True when the rule's messages carry a safe fix that `--fix` applies. */
  fixable: boolean;
  /** `file` rules look at one postmortem; `project` rules compare it with the others. */
  scope: 'file' | 'project';
  /** The unified plugin; configure it with `[level]`. */
  plugin: Plugin<Root, unknown>;
}

/** A fix: replace the reported span (which must read `actual`) with `expected`. */
export interface FixSuggestion {
  actual: string;
  expected: string;
}

/** Report a problem; `end` defaults to the end of the start line. */
export type Report = (reason: string, start: Point, end?: Point | null, fix?: FixSuggestion) => void;

export interface FileRuleContext extends LintModel {
  file: VFile;
  report: Report;
}

export interface ProjectRuleContext extends ProjectModel {
  file: VFile;
  /** Report at a span of this file. */
  report(reason: string, at: Span): void;
}

interface FileRuleSpec extends RuleDocs {
  id: string;
  defaultLevel: Exclude<RuleLevel, 'off'>;
  fixable?: boolean;
  /** Run even when the file is not a usable postmortem (rules that explain why). */
  checksUnreadable?: boolean;
  check(ctx: FileRuleContext): void;
}

interface ProjectRuleSpec extends RuleDocs {
  id: string;
  defaultLevel: Exclude<RuleLevel, 'off'>;
  check(ctx: ProjectRuleContext): void;
}

function meta(id: string) {
  return { origin: `${messageSource}:${id}`, url: docsUrl(id) };
}

/** Attach a message to the file with a full range (and a fix when given). */
function emit(file: VFile, reason: string, start: Point, end: Point, fix?: FixSuggestion): void {
  const message = file.message(reason, { place: { start, end } });
  if (fix) {
    message.actual = fix.actual;
    message.expected = [fix.expected];
  }
}

/** Each file's rule context, made once and shared by every file rule that runs on it. */
function fileContext(file: VFile, tree: Root): FileRuleContext {
  const known = file.data.hindsightRuleContext;
  if (known) return known;
  const model = modelOf(file, tree);
  const report: Report = (reason, start, end, fix) => {
    if (model.parsed.text === '') {
      // Nothing was decoded (a binary file): keep the place as the core found it in the bytes.
      emit(file, reason, { line: start.line, column: start.column }, end ? { line: end.line, column: end.column } : { line: start.line, column: start.column });
      return;
    }
    const full = model.index.point(start.offset ?? model.index.offset(start.line, start.column));
    let to = end ? model.index.point(end.offset ?? model.index.offset(end.line, end.column)) : model.index.lineEnd(full.line);
    if ((to.offset ?? 0) < (full.offset ?? 0)) to = full;
    emit(file, reason, full, to, fix);
  };
  const context: FileRuleContext = { ...model, file, report };
  file.data.hindsightRuleContext = context;
  return context;
}

/** A rule over one postmortem. */
export function defineFileRule(spec: FileRuleSpec): RuleModule {
  const plugin = lintRule<Root, unknown>(meta(spec.id), (tree, file) => {
    const context = fileContext(file, tree);
    if (!spec.checksUnreadable && !context.extraction) return;
    spec.check(context);
  });
  const { check: _check, checksUnreadable: _c, fixable, ...docs } = spec;
  return { ...docs, fixable: fixable ?? false, scope: 'file', plugin };
}

/** A rule that compares a postmortem with the other incidents of the project. */
export function defineProjectRule(spec: ProjectRuleSpec): RuleModule {
  const plugin = lintRule<Root, unknown>(meta(spec.id), (tree, file) => {
    let project = file.data.hindsightProject;
    if (!project) {
      // Outside the engine: build this file's facts and index the content folder.
      const model = modelOf(file, tree);
      const facts = factsOf(model, resolve(file.cwd, file.path || 'stdin.md'));
      if (!facts) return;
      project = { facts, project: presetProject(model.config.content, file.cwd, facts), config: model.config };
      file.data.hindsightProject = project;
    }
    spec.check({ ...project, file, report: (reason, at) => emit(file, reason, at.start, at.end) });
  });
  const { check: _check, ...docs } = spec;
  return { ...docs, fixable: false, scope: 'project', plugin };
}
