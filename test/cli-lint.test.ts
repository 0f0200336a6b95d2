/** `hindsight lint`, run as users run it: the real bin, spawned on fixtures. */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/lint/registry.ts';
import { withFakeSecrets, fakeSecrets } from './rules/fake-secrets.ts';
import { writeProject } from './rules/lint-helpers.ts';

const repo = new URL('..', import.meta.url).pathname;
const bin = join(repo, 'bin/hindsight.mjs');
const fixtures = join(repo, 'test/fixtures/lint');
const seed = 'content/incidents/2025-04-22-management-cluster-nodes-flapping.md';

function hindsight(args: string[], cwd = repo) {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function sarifValidator() {
  // The official SARIF 2.1.0 schema (draft-04, which Ajv reads once its `id` is named `$id`).
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
  const { id, $schema: _draft, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile({ $id: String(id), ...rest });
}

describe('hindsight lint (spawned)', () => {
  it('keeps V8\'s compile cache in the temp folder, and none when it is disabled', () => {
    const run = (env: Record<string, string>) => {
      const clean = { ...process.env, ...env };
      delete clean.NODE_COMPILE_CACHE;
      return spawnSync(process.execPath, [bin, 'lint', seed, '--format', 'json'], { cwd: repo, encoding: 'utf8', env: clean, timeout: 60_000 });
    };
    const project = writeProject({});
    try {
      const on = join(project.dir, 'on');
      mkdirSync(on);
      const first = run({ TMPDIR: on });
      expect(first.status).toBe(0);
      expect(readdirSync(join(on, 'node-compile-cache'), { recursive: true }).length).toBeGreaterThan(0);
      // Run again from the cache: the same result.
      expect(JSON.parse(run({ TMPDIR: on }).stdout)).toEqual(JSON.parse(first.stdout));
      const off = join(project.dir, 'off');
      mkdirSync(off);
      expect(run({ TMPDIR: off, NODE_DISABLE_COMPILE_CACHE: '1' }).status).toBe(0);
      expect(existsSync(join(off, 'node-compile-cache'))).toBe(false);
    } finally {
      project.cleanup();
    }
  });

  it('runs on the pinned Node (22.12 or newer)', () => {
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    expect(major > 22 || (major === 22 && minor >= 12)).toBe(true);
  });

  it('exits 0 and prints nothing for a clean postmortem', () => {
    const r = hindsight(['lint', 'test/fixtures/lint/cli/clean']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  it('prints the stylish report without colour when not on a terminal, and exits 1 on errors', () => {
    const r = hindsight(['lint', 'test/fixtures/lint/cli/problems']);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toContain('test/fixtures/lint/cli/problems/2025-03-04-payments-failover.md');
    expect(r.stdout).toMatch(/1:1-1:4\s+error\s+Required section "Root cause" is missing.*required-sections\s+hindsight/);
    expect(r.stdout).toMatch(/53:26-53:29\s+warning\s+`â€™` is UTF-8 text read as Windows-1252.*mojibake/);
    expect(r.stdout).toMatch(/5 messages \(✖ 3 errors, ⚠ 2 warnings\)/);
  });

  it('writes control characters quoted from a file as escapes, so no terminal runs them', () => {
    const project = writeProject({
      'pm/2025-03-04-escape.md': '---\ntitle: Escape\ndate: 2025-03-04\ntags: ["\\e]0;owned\\u0007\\e[2Jwiped"]\n---\n\n# Escape\n',
    });
    try {
      const r = hindsight(['lint', 'pm'], project.dir);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('Tag `\\x1b]0;owned\\x07\\x1b[2Jwiped` is not kebab-case');
      expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    } finally {
      project.cleanup();
    }
  });

  it('prints ESLint JSON', () => {
    const r = hindsight(['lint', 'test/fixtures/lint/cli/problems', '--format', 'json']);
    expect(r.status).toBe(1);
    const [result, ...more] = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(more).toEqual([]);
    expect(Object.keys(result!).sort()).toEqual(['errorCount', 'fatalErrorCount', 'filePath', 'fixableErrorCount', 'fixableWarningCount', 'messages', 'suppressedMessages', 'usedDeprecatedRules', 'warningCount']);
    expect(result).toMatchObject({ filePath: join(fixtures, 'cli/problems/2025-03-04-payments-failover.md'), errorCount: 3, warningCount: 2, fixableErrorCount: 0, fixableWarningCount: 1, fatalErrorCount: 0 });
    const messages = result!.messages as Record<string, unknown>[];
    expect(messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn])).toEqual([
      ['required-sections', 2, 1, 1, 1, 4],
      ['frontmatter-schema', 2, 6, 9, 6, 17],
      ['no-secrets', 2, 41, 41, 41, 56],
      ['mojibake', 1, 53, 26, 53, 29],
      ['blameless-language', 1, 53, 41, 53, 52],
    ]);
    expect(messages[3]!.fix).toEqual({ range: [expect.any(Number), expect.any(Number)], text: '’' });
    for (const m of messages) expect(typeof m.message).toBe('string');
  });

  it('prints GitHub workflow commands with escaped properties', () => {
    const r = hindsight(['lint', 'test/fixtures/lint/cli/problems', '--format', 'github']);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(`::error file=test/fixtures/lint/cli/problems/2025-03-04-payments-failover.md,line=1,col=1,endLine=1,endColumn=4,title=required-sections (hindsight)::Required section "Root cause" is missing; add a \`## Root cause\` heading with its content (https://github.com/hindsight-postmortems/hindsight/blob/main/docs/rules.md#required-sections)`);
    expect(lines[3]).toMatch(/^::warning file=.*,line=53,col=26,endLine=53,endColumn=29,title=mojibake \(hindsight\)::/);
    const project = writeProject({ 'odd, name: 100%.md': '---\ntitle: Odd\ndate: 2025-01-01\n---\n\n## Summary\n\ncafÃ©\n' });
    try {
      const odd = hindsight(['lint', '.', '--format', 'github', '--rule', 'required-sections=off', '--rule', 'frontmatter-missing=off'], project.dir);
      expect(odd.stdout.trim()).toMatch(/^::warning file=odd%2C name%3A 100%25\.md,line=8,col=4,endLine=8,endColumn=6,title=mojibake \(hindsight\)::`Ã©` is UTF-8 text/);
    } finally {
      project.cleanup();
    }
  });

  it('prints SARIF 2.1.0 that validates against the official schema', () => {
    const r = hindsight(['lint', 'test/fixtures/lint/cli/problems', seed, '--format', 'sarif']);
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout) as Log;
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('hindsight');
    expect(run.tool.driver.rules!.map((d) => d.id)).toEqual([...rules.map((x) => x.id), 'read-error']);
    const blameless = run.tool.driver.rules!.find((d) => d.id === 'blameless-language')!;
    expect(blameless).toMatchObject({ helpUri: 'https://github.com/hindsight-postmortems/hindsight/blob/main/docs/rules.md#blameless-language', defaultConfiguration: { level: 'warning' } });
    expect(run.results!.map((x) => [x.ruleId, x.level, x.locations![0]!.physicalLocation!.region!.startLine, x.locations![0]!.physicalLocation!.region!.startColumn])).toEqual([
      ['mojibake', 'warning', 26, 1],
      ['required-sections', 'error', 1, 1],
      ['frontmatter-schema', 'error', 6, 9],
      ['no-secrets', 'error', 41, 41],
      ['mojibake', 'warning', 53, 26],
      ['blameless-language', 'warning', 53, 41],
    ]);
    expect(run.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe(seed);
    for (const x of run.results!.slice(1)) {
      expect(x.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('test/fixtures/lint/cli/problems/2025-03-04-payments-failover.md');
      expect(run.tool.driver.rules![x.ruleIndex!]!.id).toBe(x.ruleId);
    }
  });

  it('never repeats a secret, in any format', () => {
    const project = writeProject({});
    try {
      cpSync(join(fixtures, 'rules/no-secrets/invalid'), project.dir, { recursive: true });
      const file = join(project.dir, '2025-03-04-payments-failover.md');
      writeFileSync(file, withFakeSecrets(readFileSync(file, 'utf8')));
      const secrets = [...Object.values(fakeSecrets).flatMap((s) => s.split('\n')).map((s) => s.replace(/^https:\/\/hooks\.slack\.com\/services\//, '')), 'Tr0ub4dor-and-3', 's3cr3t-Pa55'];
      for (const format of ['stylish', 'json', 'github', 'sarif']) {
        const r = hindsight(['lint', '.', '--format', format], project.dir);
        expect(r.status).toBe(1);
        expect(r.stdout).toContain('no-secrets');
        for (const secret of secrets) {
          for (let i = 0; i + 8 <= secret.length; i += 4) expect(r.stdout + r.stderr, `${format} output`).not.toContain(secret.slice(i, i + 8));
        }
      }
    } finally {
      project.cleanup();
    }
  });

  it('honours --quiet, --max-warnings and --rule', () => {
    const warnings = 'test/fixtures/lint/cli/warnings';
    expect(hindsight(['lint', warnings]).status).toBe(0);
    const tooMany = hindsight(['lint', warnings, '--max-warnings', '1']);
    expect(tooMany.status).toBe(1);
    expect(tooMany.stderr).toBe('hindsight: 2 warnings, more than --max-warnings 1\n');
    expect(hindsight(['lint', warnings, '--max-warnings', '2']).status).toBe(0);
    const quiet = hindsight(['lint', warnings, '--quiet', '--max-warnings', '0']);
    expect([quiet.status, quiet.stdout]).toEqual([0, '']);
    const quietErrors = JSON.parse(hindsight(['lint', 'test/fixtures/lint/cli/problems', '--quiet', '--format', 'json']).stdout) as { messages: { severity: number }[]; warningCount: number }[];
    expect(quietErrors[0]!.messages.map((m) => m.severity)).toEqual([2, 2, 2]);
    expect(quietErrors[0]!.warningCount).toBe(0);
    const strict = hindsight(['lint', warnings, '--rule', 'blameless-language=error', '-r', 'action-items=off', '--format', 'json']);
    expect(strict.status).toBe(1);
    expect((JSON.parse(strict.stdout) as { messages: { ruleId: string; severity: number }[] }[])[0]!.messages.map((m) => [m.ruleId, m.severity])).toEqual([['blameless-language', 2]]);
  });

  it('exits 2 with one clear line for usage and config errors', () => {
    const project = writeProject({ 'pm/a.md': '# A\n', 'bad/hindsight.config.json': '{ "rules": { "no-secret": "off" } }', 'broken/hindsight.config.json': '{ "content": ' });
    try {
      const cases: [string[], string, RegExp][] = [
        [['lint', 'pm', '--rule', 'no-such-rule=warn'], project.dir, /^hindsight: unknown rule `no-such-rule` in --rule/],
        [['lint', 'pm', '--rule', 'no-secrets=loud'], project.dir, /^hindsight: --rule no-secrets: level must be off, warn or error/],
        [['lint', 'pm', '--format', 'xml'], project.dir, /^hindsight: unknown format `xml`; use one of stylish, json, github, sarif$/],
        [['lint', 'pm', '--max-warnings', 'many'], project.dir, /^hindsight: --max-warnings expects a whole number/],
        [['lint', 'pm', '--config', 'nope.json'], project.dir, /^hindsight: \S*nope\.json:1:1: config file not found$/],
        [['lint', '../pm'], join(project.dir, 'bad'), /^hindsight: unknown rule `no-secret` in the config `rules` \(did you mean `no-secrets`\?\)/],
        [['lint', '../pm'], join(project.dir, 'broken'), /^hindsight: .*hindsight\.config\.json:\d+:\d+: /],
        [['lint', 'nothing-*.md'], project.dir, /^hindsight: no postmortem matches `nothing-\*\.md`$/],
        [['lint'], project.dir, /^hindsight: the content folder `content\/incidents` does not exist/],
        [['lint', '--no-such-flag'], project.dir, /unknown option '--no-such-flag'/],
      ];
      for (const [args, cwd, message] of cases) {
        const r = hindsight(args, cwd);
        expect(r.status, args.join(' ')).toBe(2);
        expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
        expect(r.stderr.trim(), args.join(' ')).toMatch(message);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
    } finally {
      project.cleanup();
    }
  });

  it('reports files it cannot read as errors', () => {
    const project = writeProject({ 'binary.md': new Uint8Array([0x23, 0x20, 0x41, 0x0a, 0x00, 0x01]), 'latin1.md': Buffer.from('# Caf\xe9\n', 'latin1') });
    try {
      const r = hindsight(['lint', 'binary.md', 'latin1.md', 'missing.md', '--format', 'json'], project.dir);
      expect(r.status).toBe(1);
      const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; fatal?: boolean }[] }[];
      expect(results.map((x) => [x.filePath.split('/').pop(), x.messages.map((m) => [m.ruleId, m.line, m.column, m.fatal])])).toEqual([
        ['binary.md', [['encoding', 2, 1, true]]],
        ['latin1.md', [['encoding', 1, 6, true]]],
        ['missing.md', [['read-error', 1, 1, true]]],
      ]);
    } finally {
      project.cleanup();
    }
  });

  it('lints the configured content folder by default and writes --output-file', () => {
    const project = writeProject({ 'hindsight.config.yaml': 'content: notes\n' });
    try {
      cpSync(join(fixtures, 'cli/warnings'), join(project.dir, 'notes'), { recursive: true });
      const r = hindsight(['lint', '--format', 'json', '--output-file', 'out/report.json'], project.dir);
      expect([r.status, r.stdout]).toEqual([0, '']);
      const report = JSON.parse(readFileSync(join(project.dir, 'out/report.json'), 'utf8')) as { filePath: string; warningCount: number }[];
      expect(report.map((x) => [x.filePath, x.warningCount])).toEqual([[join(project.dir, 'notes/2025-03-04-payments-failover.md'), 2]]);
    } finally {
      project.cleanup();
    }
  });

  it('passes the seed postmortem with one fixable mojibake warning', () => {
    const r = hindsight(['lint', seed, '--format', 'json']);
    expect(r.status).toBe(0);
    const [result] = JSON.parse(r.stdout) as { errorCount: number; warningCount: number; fixableWarningCount: number; messages: { ruleId: string; line: number; column: number; fix?: { text: string } }[] }[];
    expect(result).toMatchObject({ errorCount: 0, warningCount: 1, fixableWarningCount: 1 });
    expect(result!.messages.map((m) => [m.ruleId, m.line, m.column, m.fix?.text])).toEqual([['mojibake', 26, 1, '➜']]);
  });

  it('fixes the seed in place: only the mangled characters change, the mode is kept, and a second run changes nothing', () => {
    const project = writeProject({});
    try {
      const copy = join(project.dir, 'seed.md');
      const original = readFileSync(join(repo, seed));
      writeFileSync(copy, original);
      chmodSync(copy, 0o600);
      const r = hindsight(['lint', 'seed.md', '--fix'], project.dir);
      expect([r.status, r.stdout, r.stderr]).toEqual([0, '', 'hindsight: fixed 1 file\n']);
      const fixed = readFileSync(copy);
      expect(fixed.equals(Buffer.from(original.toString('utf8').replace('âžœ', '➜'), 'utf8'))).toBe(true);
      expect(statSync(copy).mode & 0o777).toBe(0o600);
      const again = hindsight(['lint', 'seed.md', '--fix', '--format', 'json'], project.dir);
      expect(again.status).toBe(0);
      expect((JSON.parse(again.stdout) as { messages: unknown[] }[])[0]!.messages).toEqual([]);
      expect(readFileSync(copy).equals(fixed)).toBe(true);
    } finally {
      project.cleanup();
    }
  });

  it('gives the same report on two threads as on one, and draws no progress bar off a terminal', () => {
    const files: Record<string, string> = {};
    const base = readFileSync(join(fixtures, 'cli/warnings/2025-03-04-payments-failover.md'), 'utf8');
    for (let i = 0; i < 240; i++) files[`pm/2025-03-04-incident-${String(i).padStart(3, '0')}.md`] = base.replace('Checkout errors', `Checkout errors ${i}`);
    const project = writeProject(files);
    try {
      const threaded = hindsight(['lint', 'pm', '--format', 'json', '--threads', '2'], project.dir);
      const single = hindsight(['lint', 'pm', '--format', 'json', '--threads', '1'], project.dir);
      expect(threaded.status).toBe(0);
      expect(threaded.stderr).toBe('');
      expect(threaded.stdout).toBe(single.stdout);
      expect((JSON.parse(threaded.stdout) as unknown[]).length).toBe(240);
    } finally {
      project.cleanup();
    }
  });
});
