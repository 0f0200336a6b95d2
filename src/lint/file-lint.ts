/**
 * Linting one file: read and parse it once (the core's `readPostmortem`), run every file rule over
 * that tree with `processor.runSync` (no second parse), and turn the messages into plain data that a
 * worker thread can send back.
 */
import { resolve } from 'node:path';
import type { Root } from 'mdast';
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Config } from '../../schemas/config.ts';
import { extractFacts } from '../core/extract.ts';
import { fromBytes, readPostmortem } from '../core/files.ts';
import { lintModel } from './context.ts';
import hindsightDisable from './disable-plugin.ts';
import { docsUrl, messageSource } from './docs-url.ts';
import type { Levels } from './levels.ts';
import { factsOf, type FileFacts } from './project.ts';
import { textDigest } from './fix.ts';
import { readErrorId, rules } from './registry.ts';

/** One problem, as every output format needs it. */
export interface LintMessage {
  ruleId: string;
  /** 1 warning, 2 error (ESLint's numbers). */
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Documentation of the rule. */
  url: string;
  /** A safe fix: replace `range` (offsets in the decoded text, BOM excluded) with `text`. */
  fix?: { range: [number, number]; text: string };
  /** The file could not be read at all. */
  fatal?: boolean;
}

/** The first pass over one file: its messages, and the facts the cross-file rules need. */
export interface FileOutcome {
  file: string;
  abs: string;
  messages: LintMessage[];
  facts: FileFacts | null;
  /** Digest of the text the fixes were computed on (only when there are fixes). */
  digest?: string;
}

// A unified processor is a plugin pipeline; Hindsight's has no parser (the tree comes from the core).
type LintProcessor = Processor<undefined, Root, Root, undefined, undefined>;

/** The processor of every file rule that is on, followed by the inline opt-outs. */
export function fileProcessor(levels: Levels): LintProcessor {
  let processor = unified() as unknown as LintProcessor;
  for (const rule of rules) {
    const level = levels.get(rule.id) ?? rule.defaultLevel;
    if (rule.scope !== 'file' || level === 'off') continue;
    processor = processor.use(rule.plugin as never, [level]) as unknown as LintProcessor;
  }
  return processor.use(hindsightDisable).freeze() as unknown as LintProcessor;
}

/** The processor of every cross-file rule that is on (null when none is). */
export function projectProcessor(levels: Levels): LintProcessor | null {
  let processor = unified() as unknown as LintProcessor;
  let any = false;
  for (const rule of rules) {
    const level = levels.get(rule.id) ?? rule.defaultLevel;
    if (rule.scope !== 'project' || level === 'off') continue;
    processor = processor.use(rule.plugin as never, [level]) as unknown as LintProcessor;
    any = true;
  }
  return any ? (processor.freeze() as unknown as LintProcessor) : null;
}

/** Plain-data form of a Hindsight message (other messages are skipped). */
export function toLintMessage(m: VFileMessage, text: string): LintMessage | null {
  if (m.source !== messageSource || !m.ruleId) return null;
  const place = m.place;
  const start = place && 'start' in place ? place.start : place;
  const end = place && 'end' in place ? place.end : start;
  const message: LintMessage = {
    ruleId: m.ruleId,
    severity: m.fatal ? 2 : 1,
    message: m.reason,
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    endLine: end?.line ?? start?.line ?? 1,
    endColumn: end?.column ?? start?.column ?? 1,
    url: m.url ?? docsUrl(m.ruleId),
  };
  const s = start?.offset;
  const e = end?.offset;
  if (m.expected?.length === 1 && typeof m.actual === 'string' && s !== undefined && e !== undefined && text.slice(s, e) === m.actual) {
    message.fix = { range: [s, e], text: m.expected[0]! };
  }
  return message;
}

/** Lint one file from disk (or from `bytes` when given). Never throws. */
export function lintFile(file: string, config: Config, processor: LintProcessor, cwd: string, bytes?: Uint8Array | string): FileOutcome {
  const abs = resolve(cwd, file);
  // Lint checks an incident's facts; what its prose tells (cause category, excerpt) is not worked out.
  const { parsed, extraction } = bytes === undefined ? readPostmortem(file, config, cwd, extractFacts) : fromBytes(file, bytes, config, extractFacts);
  const messages: LintMessage[] = [];
  for (const d of parsed.diagnostics) {
    if (d.ruleId !== readErrorId) continue;
    messages.push({ ruleId: readErrorId, severity: 2, message: d.message, line: d.line, column: d.column, endLine: d.line, endColumn: d.column, url: docsUrl(readErrorId), fatal: true });
  }
  const model = lintModel(parsed, extraction, config);
  const vfile = new VFile({ path: file, cwd });
  vfile.data.hindsight = model;
  // Messages are Errors (VFileMessage); their stack traces are never shown, and capturing one per
  // message dominates the cost of files with many thousands of messages.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    processor.runSync(parsed.tree, vfile);
  } catch (error) {
    // A bug in a rule must not take the run down: report it against the file.
    messages.push({ ruleId: readErrorId, severity: 2, message: `Internal error while linting this file: ${(error as Error).message}`, line: 1, column: 1, endLine: 1, endColumn: 1, url: docsUrl(readErrorId), fatal: true });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  for (const m of vfile.messages) {
    const message = toLintMessage(m, parsed.text);
    if (message) {
      if (m.ruleId === 'encoding') message.fatal = true;
      messages.push(message);
    }
  }
  const outcome: FileOutcome = { file, abs, messages, facts: factsOf(model, abs) };
  if (messages.some((m) => m.fix)) outcome.digest = textDigest(parsed.text);
  return outcome;
}
