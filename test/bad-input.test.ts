/**
 * The bad-input matrix, through the real bin: every broken, hostile or unusual file gives the right
 * exit code, one line per problem pinned to `file:line:column`, no stack trace, and finishes in
 * bounded time and memory. Nothing in a file ever runs.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxFileBytes } from '../src/core/files.ts';
import { maxTreeDepth } from '../src/core/markdown-budget.ts';
import { projectRoot } from './fuzz/seeds.ts';
import { fakeSecrets, withFakeSecrets } from './rules/fake-secrets.ts';

const bin = join(projectRoot, 'bin/hindsight.mjs');
const gnuTime = '/usr/bin/time';
/** Generous limits: every case here takes a few seconds and a few hundred MB at most. */
const maxSeconds = 10;
const maxRssMb = 1024;

interface BinRun {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak resident memory of the hindsight process, in MB. */
  rssMb: number;
}

let work: string;

/**
 * Run `hindsight …args` in `work` as its own Node process, measuring wall time and peak memory:
 * with GNU time when the system has it, else with a wrapper that imports the bin and reports
 * `process.resourceUsage().maxRSS` when the process exits.
 */
function hindsight(...args: string[]): BinRun {
  const rssFile = join(work, `.rss-${process.pid}-${Date.now()}`);
  const useTime = existsSync(gnuTime);
  const wrapper = [
    "import { writeFileSync } from 'node:fs';",
    'process.argv.splice(1, 0, process.env.HINDSIGHT_BIN);',
    "process.on('exit', () => writeFileSync(process.env.HINDSIGHT_RSS, String(process.resourceUsage().maxRSS)));",
    "await import(new URL('file://' + process.env.HINDSIGHT_BIN).href);",
  ].join('\n');
  const command = useTime
    ? [gnuTime, ['-f', '%M', '-o', rssFile, process.execPath, bin, ...args]] as const
    : [process.execPath, ['--input-type=module', '-e', wrapper, '--', ...args]] as const;
  const started = performance.now();
  const child = spawnSync(command[0], [...command[1]], {
    cwd: work,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, HINDSIGHT_BIN: bin, HINDSIGHT_RSS: rssFile, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const seconds = (performance.now() - started) / 1000;
  let rssKb = Number.NaN;
  try {
    rssKb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1));
    rmSync(rssFile);
  } catch {
    // No report: the process died before it could write one (the assertions say so).
  }
  return { code: child.status, stdout: child.stdout ?? '', stderr: child.stderr ?? '', seconds, rssMb: rssKb / 1024 };
}

/** Write a case file under `work`; returns its path relative to `work`. */
function put(path: string, content: string | Uint8Array): string {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), content);
  return path;
}

/** A stack frame, a thrown error's name, or a Node runtime warning. */
const stackTrace = /^\s+at\s|\b[A-Z]\w*Error:|\(node:\d+\)|\bWarning:/m;

/** No stack trace, no internal error, no runtime warning, within the time and memory limits. */
function expectClean(run: BinRun): void {
  expect(run.stderr + run.stdout, 'no stack trace or runtime warning').not.toMatch(stackTrace);
  expect(run.stderr + run.stdout, 'no internal error').not.toMatch(/internal error/i);
  expect(run.code, `exit code (stderr: ${run.stderr.slice(0, 300)})`).not.toBeNull();
  expect(run.seconds, 'wall time in seconds').toBeLessThan(maxSeconds);
  expect(run.rssMb, 'peak memory in MB').toBeLessThan(maxRssMb);
}

/**
 * `hindsight lint` in the default (stylish) format: the file on a line of its own (repeated before
 * each slice of a very long list), one line per problem under it, and one summary line at the end.
 */
function lintProblems(run: BinRun, file: string): string[] {
  const lines = run.stdout.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  expect(lines[0], 'the file heads its problems').toBe(file);
  const problems: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (line === file) continue;
    if (i === lines.length - 1 && !/^\s*\d+:\d+/.test(line)) break;
    expect(line, 'one problem per line, at line:column').toMatch(/^\s*\d+:\d+(?:-\d+:\d+)?\s+(?:error|warning)\s+\S.*\s[a-z][a-z-]+\s+hindsight$/);
    problems.push(line.trim());
  }
  return problems;
}

/** `hindsight extract` problems: every stderr line is `file:line:column: severity: message [rule]`. */
function extractProblems(run: BinRun, file: string): string[] {
  const lines = run.stderr.split('\n').filter((l) => l.trim());
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const line of lines) expect(line).toMatch(new RegExp(`^${escaped}:\\d+:\\d+: (?:error|warning): \\S.* \\[[a-z][a-z-]+\\]$`));
  return lines;
}

function incidents(run: BinRun): { file: string; title: string }[] {
  return JSON.parse(run.stdout) as { file: string; title: string }[];
}

/** A complete, valid postmortem around `body` lines of the given sections. */
function postmortem(title: string, extra = '', logs = ''): string {
  return [
    '---', `title: ${JSON.stringify(title)}`, 'date: 2025-03-04', ...(extra ? [extra] : []), '---', '',
    '## Summary', '', 'The queue stopped for ten minutes and orders were delayed.', '',
    '## Timeline', '', '- 2025-03-04 10:00 UTC: Deploy started', '- 2025-03-04 10:10 UTC: Alert fired and the deploy was rolled back', '',
    '## Root cause', '', 'A configuration change halved the worker pool, so the queue backed up once traffic rose in the morning.', '',
    '## Resolution', '', 'The change was rolled back and the pool was restored.', '',
    '## Action items', '', '- [ ] Check pool size in CI @ops https://example.com/issues/1', '',
    ...(logs ? ['## Logs', '', '```', logs, '```', ''] : []),
  ].join('\n');
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hindsight-bad-input-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a file that is not text', () => {
  it('invalid UTF-8 is one error at the first bad byte, and extract leaves the file out', () => {
    const file = put('cases/invalid-utf8.md', Buffer.concat([Buffer.from('---\ntitle: Café\ndate: 2025-03-04\n---\n\nCaf'), Buffer.from([0xc3, 0x28]), Buffer.from(' au lait\n')]));
    const lint = hindsight('lint', file);
    expectClean(lint);
    expect(lint.code).toBe(1);
    expect(lintProblems(lint, file)).toEqual([expect.stringMatching(/^6:4(?:-6:4)?\s+error\s+The file is not valid UTF-8.*\sencoding\s+hindsight$/)]);
    const extract = hindsight('extract', file);
    expectClean(extract);
    expect(extract.code).toBe(1);
    expect(extractProblems(extract, file)).toEqual([`${file}:6:4: error: The file is not valid UTF-8; re-save it with UTF-8 encoding [encoding]`]);
    expect(incidents(extract)).toEqual([]);
  });

  it('a binary file (a PNG named .md) is one error, never parsed', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa1f0b5b80000000049454e44ae426082', 'hex');
    const file = put('cases/screenshot.md', png);
    const lint = hindsight('lint', file);
    expectClean(lint);
    expect(lint.code).toBe(1);
    expect(lintProblems(lint, file)).toEqual([expect.stringMatching(/^\d+:\d+(?:-\S+)?\s+error\s+The file is binary .*\sencoding\s+hindsight$/)]);
    const extract = hindsight('extract', file);
    expectClean(extract);
    expect(extract.code).toBe(1);
    expect(extractProblems(extract, file)).toEqual([expect.stringMatching(/The file is binary/)]);
  });
});

describe('front matter that is missing, broken or hostile', () => {
  it('an empty file is reported as a postmortem with nothing in it', () => {
    const file = put('cases/2025-03-04-empty.md', '');
    const lint = hindsight('lint', file);
    expectClean(lint);
    expect(lint.code).toBe(1);
    const problems = lintProblems(lint, file);
    expect(problems[0]).toMatch(/^1:1(?:-1:1)?\s+error\s+The postmortem has no front matter.*frontmatter-missing/);
    expect(problems.every((p) => p.startsWith('1:1'))).toBe(true);
    const extract = hindsight('extract', file);
    expectClean(extract);
    expect(extract.code).toBe(0);
    expect(incidents(extract)).toMatchObject([{ file, title: expect.any(String) }]);
  });

  it('a file of only front matter is missing every required section', () => {
    const file = put('cases/only-front-matter.md', '---\ntitle: Only front matter\ndate: 2025-03-04\n---\n');
    const lint = hindsight('lint', file);
    expectClean(lint);
    expect(lint.code).toBe(1);
    const problems = lintProblems(lint, file);
    expect(problems).toHaveLength(5);
    expect(problems.every((p) => /required-sections/.test(p))).toBe(true);
    const extract = hindsight('extract', file);
    expectClean(extract);
    expect(extract.code).toBe(0);
    expect(incidents(extract)).toMatchObject([{ title: 'Only front matter' }]);
  });

  it('unclosed front matter is an error at line 1', () => {
    const file = put('cases/unclosed.md', '---\ntitle: Never closed\ndate: 2025-03-04\n\n## Summary\n\nText.\n');
    const lint = hindsight('lint', file);
    expectClean(lint);
    expect(lint.code).toBe(1);
    expect(lintProblems(lint, file)).toContainEqual(expect.stringMatching(/^1:1\b.*error\s+Front matter opened with `---` on line 1 is never closed/));
    const extract = hindsight('extract', file);
    expectClean(extract);
    expect(extract.code).toBe(0);
    expect(extractProblems(extract, file)).toEqual([`${file}:1:1: warning: Front matter opened with \`---\` on line 1 is never closed; add a \`---\` line after its last key [frontmatter-yaml]`]);
  });

  it('YAML indented with tabs is an error at the tab', () => {
    const file = put('cases/tabs.md', postmortem('Tabs').replace('date: 2025-03-04', 'date: 2025-03-04\ntags:\n\t- tabbed'));
    const lint = hindsight('lint', file);
    expectClean(lint);
    expect(lint.code).toBe(1);
    expect(lintProblems(lint, file)).toContainEqual(expect.stringMatching(/^5:1\b.*error\s+Invalid YAML in front matter: Tabs are not allowed/));
    // extract still gives the incident (with the title and date the block's plain lines give) and says why.
    const extract = hindsight('extract', file);
    expectClean(extract);
    expect(extract.code).toBe(0);
    expect(incidents(extract)).toMatchObject([{ title: 'Tabs', date: '2025-03-04' }]);
    expect(extractProblems(extract, file)).toContainEqual(expect.stringMatching(/:5:1: warning: Invalid YAML in front matter: Tabs are not allowed.* \[frontmatter-yaml\]$/));
  });

  it('a duplicate key is an error at the second one', () => {
    const file = put('cases/duplicate-key.md', postmortem('Duplicate').replace('date: 2025-03-04', 'date: 2025-03-04\ntitle: Again'));
    const lint = hindsight('lint', file);
    expectClean(lint);
    expect(lint.code).toBe(1);
    expect(lintProblems(lint, file)).toContainEqual(expect.stringMatching(/^4:1\b.*error\s+Invalid YAML in front matter: Map keys must be unique/));
  });

  it('anchors and aliases are read as data', () => {
    const file = put('cases/aliases.md', postmortem('Aliases', 'services: &s [api, db]\nrelated: []\nauthors: *s'));
    const extract = hindsight('extract', file);
    expectClean(extract);
    expect(extract.code).toBe(0);
    expect(incidents(extract)).toMatchObject([{ services: ['api', 'db'], authors: ['api', 'db'] }]);
  });

  it('a billion-laughs alias bomb is refused fast and small', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
      const prev = 'abcdefghi'[i];
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const file = put('cases/billion-laughs.md', postmortem('Laughs', lines.join('\n')));
    const lint = hindsight('lint', file);
    expectClean(lint);
    expect(lint.code).toBe(1);
    expect(lintProblems(lint, file)).toContainEqual(expect.stringMatching(/^\d+:\d+\b.*error\s+Front matter YAML could not be read: Excessive alias count/));
    // extract leaves front matter problems to lint: the incident comes out without its front matter.
    const extract = hindsight('extract', file);
    expectClean(extract);
    expect(extract.code).toBe(0);
    expect(extract.stdout.length).toBeLessThan(100_000);
  });

  it('10,000 nested YAML flow sequences, closed or not, are an error and no crash', () => {
    const closed = put('cases/deep-yaml.md', postmortem('Deep', `nested: ${'['.repeat(10_000)}${']'.repeat(10_000)}`));
    const open = put('cases/deep-yaml-open.md', postmortem('Deep open', `nested: ${'['.repeat(10_000)}`));
    for (const file of [closed, open]) {
      const lint = hindsight('lint', file);
      expectClean(lint);
      expect(lint.code).toBe(1);
      expect(lintProblems(lint, file).some((p) => /frontmatter/.test(p))).toBe(true);
      expectClean(hindsight('extract', file));
    }
  });

  it.each([
    ['TOML', '+++\ntitle = "Unterminated\ndate = 2025-03-04\n+++', /^2:\d+\b.*error\s+Invalid TOML in front matter/],
    ['JSON', '---json\n{\n  "title": "Trailing comma",\n  "date": "2025-03-04",\n}\n---', /^\d+:\d+\b.*error\s+Invalid JSON in front matter/],
  ])('malformed %s front matter is an error at its line', (language, block, expected) => {
    const file = put(`cases/bad-${language.toLowerCase()}.md`, postmortem('x').replace(/^---\ntitle: "x"\ndate: 2025-03-04\n---/, block));
    const lint = hindsight('lint', file);
    expectClean(lint);
    expect(lint.code).toBe(1);
    expect(lintProblems(lint, file)).toContainEqual(expect.stringMatching(expected));
    expectClean(hindsight('extract', file));
  });

  it('a UTF-8 byte order mark and CRLF line endings are accepted', () => {
    const file = put('cases/bom-crlf.md', `\uFEFF${postmortem('Windows editor').replace(/\n/g, '\r\n')}`);
    const lint = hindsight('lint', file);
    expectClean(lint);
    expect(lint.code).toBe(0);
    const extract = hindsight('extract', file);
    expectClean(extract);
    expect(incidents(extract)).toMatchObject([{ title: 'Windows editor' }]);
  });
});

describe('executable front matter never runs', () => {
  const marker = () => join(work, 'PAYLOAD-RAN');
  const payloads = () => ({
    js: `---js\n{ title: (process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker())}, 'js'), 'pwned'), date: '2025-03-04' }\n---\n\n## Summary\n\nx\n`,
    javascript: `---javascript\n({ title: process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker())}, 'javascript') })\n---\n`,
    coffee: `---coffee\ntitle: process.getBuiltinModule('fs').writeFileSync ${JSON.stringify(marker())}, 'coffee'\n---\n`,
    'yaml tags': `---\ntitle: !!js/function "function () { process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker())}, 'tag') }"\ndate: !!js/eval "process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker())}, 'eval')"\n---\n`,
  });

  it('the js payload is live: gray-matter left to its defaults would run it', () => {
    const control = join(work, 'CONTROL-RAN');
    matter(payloads().js.replace(JSON.stringify(marker()), JSON.stringify(control)), { cache: false } as never);
    expect(existsSync(control)).toBe(true);
  });

  it.each(['js', 'javascript', 'coffee', 'yaml tags'] as const)('%s front matter is refused by lint and extract, and its payload never runs', (language) => {
    const file = put(`cases/executable-${language.replace(' ', '-')}.md`, payloads()[language]);
    const lint = hindsight('lint', file);
    const extract = hindsight('extract', file);
    expect(existsSync(marker()), 'the payload wrote its marker file').toBe(false);
    expectClean(lint);
    expectClean(extract);
    expect(lint.code).toBe(1);
    if (language === 'yaml tags') {
      expect(lintProblems(lint, file).some((p) => /frontmatter/.test(p))).toBe(true);
    } else {
      expect(lintProblems(lint, file)).toEqual([expect.stringMatching(new RegExp(`^1:4(?:-1:\\d+)?\\s+error\\s+Front matter in \`${language}\` is executable and is never evaluated.*frontmatter-language`))]);
      expect(extract.code).toBe(1);
      expect(extractProblems(extract, file)).toEqual([expect.stringMatching(/^[^:]+:1:4: error: Front matter in .* is executable/)]);
      expect(incidents(extract)).toEqual([]);
    }
  });
});

describe('deep and large documents', () => {
  // The Markdown parser's time grows with the square of list nesting (5,000 levels of `- ` take
  // about 5 s per run here), so lists are nested 3,000 deep to stay well inside the time limit.
  it.each([
    ['5,000 nested block quotes', 'quotes', '> '.repeat(5000)],
    ['10,000 nested block quotes', 'quotes-10k', '> '.repeat(10_000)],
    ['3,000 nested list items', 'bullets', '- '.repeat(3000)],
    ['3,000 nested ordered lists', 'numbers', '1. '.repeat(3000)],
  ])('%s are refused at their line, in bounded time and memory', (_name, slug, prefix) => {
    const text = postmortem('Deep Markdown').replace('## Root cause', `${prefix}2025-03-04 10:05 UTC: nested\n\n## Root cause`);
    const line = text.slice(0, text.indexOf(prefix)).split('\n').length;
    const file = put(`cases/deep-${slug}.md`, text);
    const refused = new RegExp(`^${line}:1\\b.*nested more than ${maxTreeDepth} levels deep`);
    const lint = hindsight('lint', file);
    expectClean(lint);
    expect(lint.code).toBe(1);
    expect(lintProblems(lint, file)).toEqual([expect.stringMatching(refused)]);
    const extract = hindsight('extract', file);
    expectClean(extract);
    expect(extract.code).toBe(1);
    expect(extractProblems(extract, file)).toEqual([expect.stringMatching(new RegExp(`:${line}:1: error: .*nested more than ${maxTreeDepth} levels deep`))]);
  });

  it('200 nested block quotes, deeper than any postmortem, are read', () => {
    const file = put('cases/deep-200.md', postmortem('Deep Markdown').replace('## Root cause', `${'> '.repeat(200)}2025-03-04 10:05 UTC: nested\n\n## Root cause`));
    const lint = hindsight('lint', file);
    expectClean(lint);
    expect(lint.code).toBeLessThanOrEqual(1);
    lintProblems(lint, file);
    const extract = hindsight('extract', file);
    expectClean(extract);
    expect(extract.code).toBe(0);
    expect(incidents(extract)).toMatchObject([{ title: 'Deep Markdown' }]);
  });

  it(`a 10 MB file is refused at once (the limit is ${maxFileBytes / 1048576} MB)`, () => {
    const paragraph = 'The disk filled up because the log rotation job had been disabled during the migration.\n\n';
    const file = put('cases/ten-megabytes.md', postmortem('Huge') + paragraph.repeat(Math.ceil((10 * 1048576) / paragraph.length)));
    for (const command of ['lint', 'extract']) {
      const run = hindsight(command, file);
      expectClean(run);
      expect(run.code).toBe(1);
      const problems = command === 'lint' ? lintProblems(run, file) : extractProblems(run, file);
      expect(problems).toEqual([expect.stringMatching(/1:1\b.*The file is 10\.\d MB; postmortems over \d+ MB are not read/)]);
    }
  });

  it('a 100,000-line log block is read in bounded time and memory', () => {
    const log = Array.from({ length: 100_000 }, (_, i) => `10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} err oom`).join('\n');
    const file = put('cases/long-log.md', postmortem('Long log', '', log));
    expect(Buffer.byteLength(readFileSync(join(work, file)))).toBeLessThan(maxFileBytes);
    const lint = hindsight('lint', file);
    expectClean(lint);
    expect(lint.code).toBeLessThanOrEqual(1);
    lintProblems(lint, file);
    const extract = hindsight('extract', file);
    expectClean(extract);
    expect(extract.code).toBe(0);
    expect(incidents(extract)).toMatchObject([{ title: 'Long log' }]);
  });

  it('a file with 130,000 problems gets one line for each', () => {
    const file = put('cases/many-problems.md', `---\ntitle: Headings\ndate: 2025-03-04\n---\n${'#\n'.repeat(130_000)}`);
    const lint = hindsight('lint', file);
    expectClean(lint);
    expect(lint.code).toBe(1);
    expect(lintProblems(lint, file).length).toBeGreaterThanOrEqual(130_000);
  });

  it('a 1 MB line is read in bounded time and memory', () => {
    const file = put('cases/long-line.md', postmortem('Long line').replace('## Root cause', `${'word '.repeat(200_000)}\n\n## Root cause`));
    const lint = hindsight('lint', file);
    expectClean(lint);
    lintProblems(lint, file);
    expectClean(hindsight('extract', file));
  });

  it('Markdown a parser takes minutes on (a paragraph of 1,000,000 `]`) is one error, fast and small', () => {
    const file = put('cases/brackets.md', postmortem('Brackets').replace('## Root cause', `${']'.repeat(1_000_000)}\n\n## Root cause`));
    const lint = hindsight('lint', file);
    expectClean(lint);
    expect(lint.code).toBe(1);
    expect(lintProblems(lint, file)).toEqual([expect.stringMatching(/^15:1\b.*error\s+By line 15, the file holds too many `\]` for a Markdown parser to read in bounded time.*read-error\s+hindsight$/)]);
    const extract = hindsight('extract', file);
    expectClean(extract);
    expect(extract.code).toBe(1);
    expect(extractProblems(extract, file)).toEqual([expect.stringMatching(/:15:1: error: By line 15, the file holds too many `\]`/)]);
  });
});

describe('paths that are not plain files', () => {
  it('a directory with no postmortems is a usage error for lint and an empty list for extract', () => {
    mkdirSync(join(work, 'cases/empty-dir'), { recursive: true });
    const lint = hindsight('lint', 'cases/empty-dir');
    expectClean(lint);
    expect(lint.code).toBe(2);
    expect(lint.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^hindsight: no postmortems .* found in `cases\/empty-dir`$/)]);
    const extract = hindsight('extract', 'cases/empty-dir');
    expectClean(extract);
    expect(extract.code).toBe(0);
    expect(incidents(extract)).toEqual([]);
  });

  it('a directory named like a postmortem, matched by a glob, is one error', () => {
    mkdirSync(join(work, 'globbed/notes.md'), { recursive: true });
    put('globbed/2025-03-04-real.md', postmortem('Real'));
    const lint = hindsight('lint', 'globbed/*.md');
    expectClean(lint);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/^globbed\/notes\.md\n\s*1:1(?:-1:1)?\s+error\s+This is a directory, not a postmortem file\s+read-error\s+hindsight$/m);
    const extract = hindsight('extract', 'globbed/*.md');
    expectClean(extract);
    expect(extract.code).toBe(1);
    expect(extract.stderr.trim()).toBe('globbed/notes.md:1:1: error: This is a directory, not a postmortem file [read-error]');
    expect(incidents(extract)).toMatchObject([{ title: 'Real' }]);
  });

  it('a broken symbolic link is one error', () => {
    symlinkSync(join(work, 'nowhere.md'), join(work, 'cases/broken-link.md'));
    const file = 'cases/broken-link.md';
    const lint = hindsight('lint', file);
    expectClean(lint);
    expect(lint.code).toBe(1);
    expect(lintProblems(lint, file)).toEqual([expect.stringMatching(/^1:1(?:-1:1)?\s+error\s+No such file \(or a broken symbolic link\)\s+read-error\s+hindsight$/)]);
    const extract = hindsight('extract', file);
    expectClean(extract);
    expect(extract.code).toBe(1);
    expect(extractProblems(extract, file)).toEqual([`${file}:1:1: error: No such file (or a broken symbolic link) [read-error]`]);
  });

  const isRoot = process.getuid?.() === 0;
  // root reads a file whatever its mode, so there is no unreadable file to make.
  it.skipIf(isRoot)('an unreadable file (mode 000) is one error (skipped as root: root can read any file)', () => {
    const file = put('cases/unreadable.md', postmortem('Secret'));
    chmodSync(join(work, file), 0o000);
    try {
      const lint = hindsight('lint', file);
      expectClean(lint);
      expect(lint.code).toBe(1);
      expect(lintProblems(lint, file)).toEqual([expect.stringMatching(/^1:1(?:-1:1)?\s+error\s+Permission denied: the file cannot be read\s+read-error\s+hindsight$/)]);
      const extract = hindsight('extract', file);
      expectClean(extract);
      expect(extract.code).toBe(1);
      expect(extractProblems(extract, file)).toEqual([`${file}:1:1: error: Permission denied: the file cannot be read [read-error]`]);
    } finally {
      chmodSync(join(work, file), 0o644);
    }
  });

  it('an output file that is a directory or in a missing folder is one clear line, exit 2', () => {
    const file = put('cases/2025-03-04-output.md', postmortem('Output'));
    mkdirSync(join(work, 'out-dir'), { recursive: true });
    for (const args of [['extract', file, '--out', 'out-dir'], ['extract', file, '--out', 'missing/x.json'], ['lint', file, '--output-file', 'out-dir']]) {
      const run = hindsight(...args);
      expectClean(run);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toEqual([expect.stringMatching(/^hindsight: .*(out-dir|missing)/)]);
    }
  });

  it('paths with spaces and Unicode are read and reported as written', () => {
    const file = put('cases/with spaces/Ünïcødé 事故 😀 report.md', postmortem('Unicode path').replace('## Summary', '## Summary\n\nÂ mojibake âžœ here.'));
    const lint = hindsight('lint', file);
    expectClean(lint);
    expect(lint.code).toBe(0);
    expect(lintProblems(lint, file)).toContainEqual(expect.stringMatching(/mojibake/));
    const extract = hindsight('extract', file);
    expectClean(extract);
    expect(extract.code).toBe(0);
    expect(incidents(extract)).toMatchObject([{ file, title: 'Unicode path' }]);
  });
});

describe('the hostile postmortems of test/fixtures/hostile', () => {
  const source = join(projectRoot, 'test/fixtures/hostile');
  const names = readdirSync(source).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
  const secrets = [...Object.values(fakeSecrets).flatMap((s) => s.split('\n')), 'correct-horse-battery-staple'];
  const folder = 'hostile';
  beforeAll(() => {
    for (const name of names) put(`${folder}/${name}`, withFakeSecrets(readFileSync(join(source, name), 'utf8')));
  });

  it('lint in every format: each message placed in its file, and no secret repeated', () => {
    for (const format of ['stylish', 'json', 'github', 'sarif']) {
      const run = hindsight('lint', '--format', format, folder);
      expectClean(run);
      expect(run.code).toBe(1);
      for (const secret of secrets) expect(run.stdout + run.stderr, `${format} output repeats a secret`).not.toContain(secret);
      if (format !== 'json') continue;
      const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
      expect(results.map((r) => r.filePath.split('/').at(-1)).sort()).toEqual(names);
      for (const result of results) {
        const lines = readFileSync(result.filePath, 'utf8').split('\n').length;
        for (const m of result.messages) {
          expect(m.ruleId).toMatch(/^[a-z][a-z-]+$/);
          expect(m.line).toBeGreaterThanOrEqual(1);
          expect(m.line).toBeLessThanOrEqual(lines);
          expect(m.column).toBeGreaterThanOrEqual(1);
        }
      }
    }
  });

  it('lint reports every leaked secret at its own line', () => {
    const file = `${folder}/2025-05-05-leaked-secrets.md`;
    const text = readFileSync(join(work, file), 'utf8').split('\n');
    const secretLines = [...new Set(secrets.map((s) => text.findIndex((l) => l.includes(s)) + 1).filter((n) => n > 0))].sort((a, b) => a - b);
    const run = hindsight('lint', '--format', 'json', file);
    const messages = (JSON.parse(run.stdout) as { messages: { ruleId: string; line: number; endLine: number; severity: number }[] }[])[0]!.messages;
    const flagged = messages.filter((m) => m.ruleId === 'no-secrets' && m.severity === 2);
    for (const line of secretLines) expect(flagged.some((m) => m.line <= line && line <= m.endLine), `a secret on line ${line}`).toBe(true);
  });

  it('extract gives each as data, markup and all, and nothing runs', () => {
    const run = hindsight('extract', folder);
    expectClean(run);
    expect(run.code).toBe(0);
    const list = incidents(run);
    expect(list.map((i) => i.file.split('/').at(-1))).toEqual(names);
    expect(list[0]!.title).toBe("Script injection <script>window.__pwned = 'title'</script>");
    expect(existsSync(join(work, 'PWNED'))).toBe(false);
  });
});
