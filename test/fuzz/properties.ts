/**
 * What must hold for any input, however damaged: parse, extract and lint never throw; every message
 * has a rule id and a position inside the file; every incident validates against the incident
 * schema; extraction is deterministic; `--fix` changes only what its messages named, and fixing
 * twice is fixing once; the site publishes it without throwing, with lint's lines for its problems
 * and HTML that can run nothing. Each check throws a `PropertyViolation` that says which and why.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema, type Config } from '../../schemas/config.ts';
import { incidentSchema } from '../../schemas/incident.ts';
import { decodeText } from '../../src/core/decode.ts';
import type { Diagnostic } from '../../src/core/diagnostic.ts';
import { fromBytes } from '../../src/core/files.ts';
import { lintPaths } from '../../src/lint/engine.ts';
import { fileProcessor, lintFile, type LintMessage } from '../../src/lint/file-lint.ts';
import { fixFile } from '../../src/lint/fix.ts';
import { resolveLevels } from '../../src/lint/levels.ts';
import { readErrorId, ruleIds } from '../../src/lint/registry.ts';
import { publishFile, type PublishedFile } from '../../src/site/publish-file.ts';
import { unsafeHtml } from '../support/html-safety.ts';
import { yamlDisagreement } from '../support/yaml-agreement.ts';

/** A property that did not hold, with what was seen. */
export class PropertyViolation extends Error {
  override name = 'PropertyViolation';
}

function violated(message: string): never {
  throw new PropertyViolation(message);
}

/** Run `fn`; a throw becomes a violation that names the step. */
function noThrow<T>(step: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof PropertyViolation) throw error;
    const e = error as Error;
    return violated(`${step} threw ${e?.name ?? typeof error}: ${e?.message ?? String(error)}\n${e?.stack ?? ''}`);
  }
}

/** Line and column limits of a file, in both the `\n` and the `\r`/`\r\n`/`\n` conventions. */
interface Extent {
  lines: number;
  longestLine: number;
}

function extentOf(bytes: Uint8Array): Extent {
  const decoded = decodeText(bytes);
  // Undecodable files are positioned in bytes; Latin-1 gives one character per byte.
  const text = decoded.error ? Buffer.from(bytes).toString('latin1') : decoded.text;
  const lines = text.split(/\r\n|\r|\n/).length;
  const longestLine = text.split('\n').reduce((max, l) => Math.max(max, l.length), 0);
  return { lines, longestLine };
}

interface Placed {
  ruleId?: string;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

function checkPlace(what: string, m: Placed, extent: Extent): void {
  const where = `${what} [${m.ruleId}] "${m.message.slice(0, 120)}" at ${m.line}:${m.column}-${m.endLine}:${m.endColumn}`;
  if (typeof m.ruleId !== 'string' || !/^[a-z][a-z0-9-]*$/.test(m.ruleId)) violated(`${where}: no rule id`);
  if (typeof m.message !== 'string' || m.message.trim() === '') violated(`${where}: empty message`);
  if (/internal error/i.test(m.message)) violated(`${where}: an internal error reached the user`);
  const ok = (n: unknown): n is number => Number.isInteger(n);
  if (!ok(m.line) || m.line < 1 || m.line > extent.lines) violated(`${where}: line outside the file's ${extent.lines} lines`);
  if (!ok(m.column) || m.column < 1 || m.column > extent.longestLine + 1) violated(`${where}: column outside the file (longest line ${extent.longestLine})`);
  if (m.endLine !== undefined) {
    if (!ok(m.endLine) || m.endLine < m.line || m.endLine > extent.lines) violated(`${where}: end line outside the file or before the start`);
    if (!ok(m.endColumn) || m.endColumn! < 1 || m.endColumn! > extent.longestLine + 1) violated(`${where}: end column outside the file`);
    if (m.endLine === m.line && m.endColumn! < m.column) violated(`${where}: ends before it starts`);
  }
}

function checkDiagnostics(what: string, diagnostics: readonly Diagnostic[], extent: Extent): void {
  for (const d of diagnostics) {
    if (d.severity !== 'error' && d.severity !== 'warning') violated(`${what}: severity ${String(d.severity)}`);
    checkPlace(what, d, extent);
  }
}

/** The name every case is read under (it decides the slug and the date fallback). */
export const fuzzFileName = '2025-04-22-fuzzed-postmortem.md';

/** parse and extract never throw; messages are placed in the file; incidents validate; extraction is deterministic. */
export function checkCore(bytes: Uint8Array, config: Config, file = fuzzFileName): void {
  const extent = extentOf(bytes);
  // fromBytes is parsePostmortem then extractIncident; it turns a throw from either into an
  // "Internal error" message, which checkPlace rejects.
  const first = noThrow('read and extract', () => fromBytes(file, bytes, config));
  checkDiagnostics('parse diagnostic', first.parsed.diagnostics, extent);
  if (!first.parsed.readable && !first.parsed.diagnostics.some((d) => d.severity === 'error')) violated('an unreadable file came with no error');
  if (first.parsed.readable && !first.extraction) violated('a readable file gave no incident');
  const block = first.parsed.frontmatter;
  const disagreement = block?.language === 'yaml' ? yamlDisagreement(block.raw) : null;
  if (disagreement) violated(`the fast front matter reader and yaml disagree: ${disagreement}`);
  if (!first.extraction) return;
  checkDiagnostics('extraction diagnostic', first.extraction.diagnostics, extent);
  const checked = incidentSchema.safeParse(first.extraction.incident);
  if (!checked.success) {
    violated(`the incident does not validate: ${checked.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const json = JSON.stringify(first.extraction.incident);
  if (!incidentSchema.safeParse(JSON.parse(json)).success) violated('the incident does not validate once printed as JSON');
  const again = noThrow('second extraction', () => fromBytes(file, Uint8Array.from(bytes), config));
  if (JSON.stringify(again.extraction?.incident) !== json) violated('extraction is not deterministic: the same bytes gave different incidents');
  if (JSON.stringify(again.extraction?.diagnostics) !== JSON.stringify(first.extraction.diagnostics)) violated('extraction is not deterministic: different diagnostics');
}

/** Shared state for lint checks: config, levels, processor and a scratch folder for `--fix`. */
export interface LintHarness {
  config: Config;
  levels: ReturnType<typeof resolveLevels>;
  processor: ReturnType<typeof fileProcessor>;
  dir: string;
  dispose(): void;
}

export function lintHarness(): LintHarness {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-fuzz-'));
  const config = configSchema.parse({ content: '.' });
  const levels = resolveLevels();
  return { config, levels, processor: fileProcessor(levels), dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

const knownIds = new Set([...ruleIds, readErrorId]);

function checkLintMessages(what: string, messages: readonly LintMessage[], extent: Extent, text: string | null): void {
  for (const m of messages) {
    if (!knownIds.has(m.ruleId)) violated(`${what}: unknown rule id \`${m.ruleId}\``);
    if (m.severity !== 1 && m.severity !== 2) violated(`${what} [${m.ruleId}]: severity ${String(m.severity)}`);
    if (typeof m.url !== 'string' || !m.url) violated(`${what} [${m.ruleId}]: no docs URL`);
    checkPlace(what, m, extent);
    if (m.fix) {
      const [s, e] = m.fix.range;
      if (text === null || !Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e < s || e > text.length) violated(`${what} [${m.ruleId}]: fix range ${s}-${e} outside the text`);
    }
  }
}

/** lint never throws; every message has a known rule id, a docs URL and a place in the file. */
export function checkLint(bytes: Uint8Array, harness: LintHarness, file = fuzzFileName): LintMessage[] {
  const extent = extentOf(bytes);
  const outcome = noThrow('lintFile', () => lintFile(file, harness.config, harness.processor, harness.dir, bytes));
  const decoded = decodeText(bytes);
  checkLintMessages('lint message', outcome.messages, extent, decoded.error ? null : decoded.text);
  return outcome.messages;
}

/**
 * The text outside the fixes' ranges is unchanged, and each range holds either its old text or the
 * fix's replacement (a fix that overlaps an earlier one may be left for the next round).
 */
export function checkOnlyNamedChanged(before: string, after: string, fixes: readonly NonNullable<LintMessage['fix']>[]): void {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  // Merge overlapping ranges into groups.
  const groups: { start: number; end: number; fixes: typeof sorted }[] = [];
  for (const f of sorted) {
    const last = groups.at(-1);
    if (last && f.range[0] < last.end) {
      last.end = Math.max(last.end, f.range[1]);
      last.fixes.push(f);
    } else {
      groups.push({ start: f.range[0], end: f.range[1], fixes: [f] });
    }
  }
  let from = 0;
  let at = 0;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    const gap = before.slice(from, group.start);
    if (after.slice(at, at + gap.length) !== gap) violated(`--fix changed text outside the fixes it reported (near offset ${from}): ${JSON.stringify(gap.slice(0, 80))}`);
    at += gap.length;
    const nextGap = before.slice(group.end, g + 1 < groups.length ? groups[g + 1]!.start : before.length);
    const options = new Set([before.slice(group.start, group.end), ...group.fixes.filter((f) => f.range[0] === group.start && f.range[1] === group.end).map((f) => f.text)]);
    let matched = -1;
    for (const o of options) {
      if (after.startsWith(o + nextGap, at) && (g + 1 < groups.length || at + o.length + nextGap.length === after.length)) {
        matched = o.length;
        break;
      }
    }
    if (matched === -1) {
      // Overlapping fixes: anything may fill the group, but the text after it must follow.
      if (group.fixes.length === 1) violated(`--fix wrote something other than its fix at offsets ${group.start}-${group.end}`);
      const next = nextGap ? after.indexOf(nextGap, at) : g + 1 < groups.length ? at : after.length;
      if (next === -1) violated(`--fix changed text after offset ${group.end} that no fix named`);
      matched = next - at;
    }
    at += matched;
    from = group.end;
  }
  const tail = before.slice(from);
  if (after.slice(at) !== tail) violated(`--fix changed text outside the fixes it reported (after offset ${from})`);
}

/** Rounds the engine settles fixes in (see lintPaths). */
const fixRounds = 3;

/**
 * `--fix` on disk: round by round, only what the messages named changes; the engine's own run gives
 * the same bytes; and a second `--fix` run changes nothing.
 */
export async function checkFix(bytes: Uint8Array, harness: LintHarness, file = fuzzFileName): Promise<void> {
  const path = join(harness.dir, file);
  mkdirSync(harness.dir, { recursive: true });
  writeFileSync(path, bytes);
  // By hand, with the engine's own pieces: lint, fix, check, until nothing is left to fix.
  for (let round = 0; round < fixRounds; round++) {
    const outcome = noThrow('lintFile', () => lintFile(file, harness.config, harness.processor, harness.dir));
    const fixes = outcome.messages.flatMap((m) => (m.fix ? [m.fix] : []));
    if (fixes.length === 0) break;
    const before = readFileSync(path);
    const changed = noThrow('fixFile', () => fixFile(path, outcome.messages, outcome.digest));
    const after = readFileSync(path);
    if (!changed) {
      if (!after.equals(before)) violated('fixFile reported no change but the file changed');
      break;
    }
    const b = decodeText(before);
    const a = decodeText(after);
    if (a.error) violated(`--fix wrote a file that is no longer readable text: ${a.error.message}`);
    const bom = (buf: Buffer) => buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
    if (bom(before) !== bom(after)) violated('--fix added or dropped the byte order mark');
    checkOnlyNamedChanged(b.text, a.text, fixes);
  }
  const byHand = readFileSync(path);

  // The engine, twice, from the original bytes: the first run gives what the rounds gave, the second changes nothing.
  writeFileSync(path, bytes);
  const options = { cwd: harness.dir, config: harness.config, levels: harness.levels, fix: true, threads: 0 };
  const first = await lintPaths([file], options);
  const once = readFileSync(path);
  if (!once.equals(byHand)) violated('lint --fix gave different bytes than fixing round by round');
  checkLintMessages('lint --fix message', first.results[0]!.messages, extentOf(once), decodeText(once).text);
  const second = await lintPaths([file], options);
  const twice = readFileSync(path);
  if (!twice.equals(once)) violated('lint --fix is not idempotent: a second run changed the file again');
  if (second.results[0]!.fixed) violated('lint --fix is not idempotent: a second run reported a fix');
}

/**
 * The site's reading of a file (drafts included): publishing never throws; its problems are lint
 * lines about this file, none an internal error; a file without errors gives an incident; and the
 * rendered body, from untrusted text, can run nothing.
 */
export async function checkPublish(bytes: Uint8Array, harness: LintHarness, file = fuzzFileName): Promise<void> {
  const root = join(harness.dir, 'site');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, file), bytes);
  let published: PublishedFile;
  try {
    published = await publishFile(file, harness.config, root, true);
  } catch (error) {
    violated(`publishing threw: ${(error as Error).stack ?? String(error)}`);
  }
  const lintLine = new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: (?:error|warning): \\S[\\s\\S]* \\[[a-z][a-z-]*\\]$`);
  for (const line of [...published.errors, ...published.warnings]) {
    if (!lintLine.test(line)) violated(`a site problem is not a lint line about the file: ${line.slice(0, 200)}`);
    if (/internal error/i.test(line)) violated(`publishing reported an internal error: ${line.slice(0, 200)}`);
  }
  if (published.errors.length === 0 && !published.incident) violated('a file without errors gave no incident');
  const unsafe = unsafeHtml(published.html);
  if (unsafe.length > 0) violated(`the rendered body holds ${unsafe.slice(0, 3).join('; ')}`);
}

/** Every property over one input; `fix` runs the on-disk `--fix` checks when lint offered fixes. */
export async function checkAll(bytes: Uint8Array, harness: LintHarness, options: { fix?: boolean } = {}): Promise<void> {
  checkCore(bytes, harness.config);
  await checkPublish(bytes, harness);
  const messages = checkLint(bytes, harness);
  if ((options.fix ?? true) && messages.some((m) => m.fix)) await checkFix(bytes, harness);
}
