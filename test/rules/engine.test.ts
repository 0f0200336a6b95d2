/** The lint engine: worker threads, the quick project index, cross-file checks and fixes. */
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../schemas/config.ts';
import { lintPaths } from '../../src/lint/engine.ts';
import { fileProcessor, lintFile } from '../../src/lint/file-lint.ts';
import { lintThreaded } from '../../src/lint/workers.ts';
import { applyFixes, fixFile } from '../../src/lint/fix.ts';
import { resolveLevels } from '../../src/lint/levels.ts';
import { createProgress } from '../../src/lint/progress.ts';
import { quickEntry } from '../../src/lint/project.ts';
import { writeProject } from './lint-helpers.ts';

const postmortem = (i: number, extra = '') => `---
title: "Incident ${i}: queue backlog on worker-${i % 7}"
date: 2025-02-${String((i % 27) + 1).padStart(2, '0')}
severity: sev${(i % 4) + 1}
tags: [queue, ${i % 3 === 0 ? 'Bad Tag' : 'workers'}]
${extra}---

## Summary

The job queue on worker-${i % 7} backed up for ${10 + (i % 50)} minutes and delayed ${i * 3} e-mails.

## Timeline

- 2025-02-${String((i % 27) + 1).padStart(2, '0')} 10:0${i % 10} Queue depth alert fired
- 2025-02-${String((i % 27) + 1).padStart(2, '0')} 10:${i % 2 ? '05' : '45'} Consumers restarted

## Root cause

${i % 5 === 0 ? 'TBD' : 'A consumer deadlocked on a poisoned message and the retry policy retried it forever, blocking the partition.'}

## Resolution

The poisoned message was moved to the dead-letter queue, didnâ€™t come back.

## Action items

- [ ] Cap retries per message${i % 2 ? ' (OPS-1)' : ''}
`;

const config = configSchema.parse({ content: '.' });

describe('worker threads', () => {
  it('give the same results as the main thread, with cross-file checks', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 230; i++) files[`2025-02-${String(i).padStart(3, '0')}-queue.md`] = postmortem(i, i === 7 ? 'slug: 2025-02-008-queue\n' : '');
    const project = writeProject(files);
    try {
      const names = Object.keys(files).sort();
      const single = await lintPaths(names, { cwd: project.dir, config, levels: resolveLevels(), threads: 1 });
      const progress: number[] = [];
      const threaded = await lintPaths(names, { cwd: project.dir, config, levels: resolveLevels(), threads: 2, onProgress: (done) => progress.push(done) });
      expect(single.threads).toBe(1);
      expect(threaded.threads).toBeGreaterThanOrEqual(1);
      expect(threaded.results).toEqual(single.results);
      expect(progress).toHaveLength(230);
      expect(progress.at(-1)).toBe(230);
      // Every file on a worker thread (which must run TypeScript): the same outcomes as the main thread's.
      const levels = resolveLevels();
      const onWorkers = await lintThreaded(names, { cwd: project.dir, config, levels, threads: 3, mainThreadLints: false });
      expect(onWorkers.workersUsed).toBe(2);
      const processor = fileProcessor(levels);
      const byFile = new Map(onWorkers.outcomes.map((o) => [o.file, o]));
      expect(names.map((n) => byFile.get(n))).toEqual(names.map((n) => lintFile(n, config, processor, project.dir)));
      const rules = new Set(single.results.flatMap((r) => r.messages.map((m) => m.ruleId)));
      expect([...rules].sort()).toEqual(['action-items', 'duplicate-slug', 'mojibake', 'root-cause-substance', 'tag-format', 'timeline-order']);
    } finally {
      project.cleanup();
    }
  });
});

describe('project index', () => {
  it.each([
    ['---\ntitle: Plain title\ndate: 2025-01-01\n---\n', 'Plain title', 'a'],
    ['---\ntitle: "Quoted: title"\nslug: Custom Slug\n---\n', 'Quoted: title', 'custom-slug'],
    ["---\ntitle: 'It''s quoted'\n---\n", "It's quoted", 'a'],
    ['---\ntitle: >-\n  Folded\n  title\n---\n', 'Folded title', 'a'],
    ['---\ntitle: Title # with a comment\n---\n', 'Title', 'a'],
    ['+++\ntitle = "TOML title"\nslug = "toml-slug"\n+++\n', 'TOML title', 'toml-slug'],
    ['# Heading title\n\nText\n', 'Heading title', 'a'],
    ['\uFEFF---\ntitle: After a BOM\n---\n', 'After a BOM', 'a'],
    ['no title at all\n', 'a', 'a'],
  ])('reads %j quickly', (text, title, slug) => {
    const entry = quickEntry('a.md', '/x/a.md', text);
    expect([entry.title, entry.slug]).toEqual([title, slug]);
  });

  it('prints no YAML warning for a value that starts like a directive', () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    const emit = process.emitWarning;
    process.emitWarning = ((warning: string | Error) => warnings.push(String(warning))) as typeof process.emitWarning;
    try {
      quickEntry('a.md', '/x/a.md', '---\ntitle: %%{init: {"theme": "dark"}}%% Outage\n---\n');
    } finally {
      process.emitWarning = emit;
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });

  it('checks one changed file against the postmortems it does not lint', async () => {
    const project = writeProject({
      'content/2024-01-01-old.md': '---\ntitle: Old outage\ndate: 2024-01-01\nslug: outage\n---\n',
      'content/2024-02-01-other.md': '---\ntitle: "Disk full"\ndate: 2024-02-01\n---\n',
      'content/2025-01-01-new.md': '---\ntitle: disk  FULL\ndate: 2025-01-01\nslug: outage\nrelated: [2024-02-01-other, 2024-02-01-othr]\n---\n',
    });
    try {
      const run = await lintPaths(['content/2025-01-01-new.md'], { cwd: project.dir, config: configSchema.parse({ content: 'content' }), levels: resolveLevels(), threads: 0 });
      const cross = run.results[0]!.messages.filter((m) => ['duplicate-slug', 'duplicate-title', 'related-exists'].includes(m.ruleId));
      expect(cross.map((m) => [m.ruleId, m.line, m.column])).toEqual([
        ['duplicate-title', 2, 8],
        ['duplicate-slug', 4, 7],
        ['related-exists', 5, 29],
      ]);
      expect(cross[1]!.message).toContain('content/2024-01-01-old.md');
      expect(cross[2]!.message).toContain('did you mean `2024-02-01-other`');
    } finally {
      project.cleanup();
    }
  });
});

describe('fixes', () => {
  it('apply only the named spans, skipping overlaps', () => {
    expect(applyFixes('abcdef', [{ range: [4, 5], text: 'E' }, { range: [1, 2], text: 'BB' }, { range: [1, 3], text: 'x' }])).toEqual({ text: 'aBBcdEf', applied: 2 });
  });

  it('rewrite the file atomically, keep its mode and BOM, and settle in one run', async () => {
    const source = '\uFEFF---\ntitle: Fix me\ndate: 2025-01-10\nseverity: SEV-2\ntags:\n  - "Cluster API"\n---\r\n\r\n## Summary\r\n\r\nThe node didnâ€™t come back âžœ ever.\r\n';
    const project = writeProject({ 'fix.md': source });
    const file = join(project.dir, 'fix.md');
    chmodSync(file, 0o640);
    try {
      const options = { cwd: project.dir, config, levels: resolveLevels(), threads: 0, fix: true };
      const first = await lintPaths(['fix.md'], options);
      const after = readFileSync(file, 'utf8');
      expect(after).toBe('\uFEFF---\ntitle: Fix me\ndate: 2025-01-10\nseverity: sev2\ntags:\n  - "cluster-api"\n---\r\n\r\n## Summary\r\n\r\nThe node didn’t come back ➜ ever.\r\n');
      expect(statSync(file).mode & 0o777).toBe(0o640);
      expect(first.results[0]!.fixed).toBe(true);
      expect(first.results[0]!.messages.filter((m) => m.fix)).toEqual([]);
      const second = await lintPaths(['fix.md'], options);
      expect(second.results[0]!.fixed).toBe(false);
      expect(readFileSync(file, 'utf8')).toBe(after);
    } finally {
      project.cleanup();
    }
  });

  it('write nothing when the file changed since it was linted', async () => {
    const project = writeProject({ 'fix.md': '## Summary\n\ncafÃ©\n' });
    try {
      const run = await lintPaths(['fix.md'], { cwd: project.dir, config, levels: resolveLevels(), threads: 0 });
      const messages = run.results[0]!.messages;
      writeFileSync(join(project.dir, 'fix.md'), '## Summary\n\ncafÃ© and more\n');
      expect(fixFile(join(project.dir, 'fix.md'), messages, 'stale-digest')).toBe(false);
      expect(readFileSync(join(project.dir, 'fix.md'), 'utf8')).toBe('## Summary\n\ncafÃ© and more\n');
    } finally {
      project.cleanup();
    }
  });
});

describe('progress', () => {
  it('draws a bar on a terminal for large runs only', async () => {
    const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 100, rows: 30, cursorTo: () => true, clearLine: () => true, moveCursor: () => true }) as unknown as NodeJS.WriteStream;
    let drawn = '';
    (terminal as unknown as PassThrough).on('data', (chunk: Buffer) => (drawn += chunk.toString()));
    const bar = await createProgress(150, terminal);
    bar.update(150, 150);
    bar.stop();
    expect(drawn).toContain('hindsight lint [');
    expect(drawn).toContain('150/150 files');
    const pipe = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
    let piped = '';
    (pipe as unknown as PassThrough).on('data', (chunk: Buffer) => (piped += chunk.toString()));
    const none = await createProgress(150, pipe);
    none.update(150, 150);
    none.stop();
    const small = await createProgress(10, terminal);
    drawn = '';
    small.update(10, 10);
    small.stop();
    expect([piped, drawn]).toEqual(['', '']);
  });
});
