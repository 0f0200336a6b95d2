/** `hindsight new`, run as users run it: the real bin, spawned in a temporary project. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { today } from '../src/cli/new-command.ts';
import { writeProject } from './rules/lint-helpers.ts';

const bin = new URL('../bin/hindsight.mjs', import.meta.url).pathname;

function hindsight(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('hindsight new (spawned)', () => {
  it('creates a dated postmortem from the template in the content folder and prints its path', () => {
    const project = writeProject({});
    try {
      const r = hindsight(['new', 'Payments DB failover: WAL volume full', '--date', '2025-03-04'], project.dir);
      const path = 'content/incidents/2025-03-04-payments-db-failover-wal-volume-full.md';
      expect([r.status, r.stdout, r.stderr]).toEqual([0, `${path}\n`, '']);
      const text = readFileSync(join(project.dir, path), 'utf8');
      expect(text).toMatch(/^---\ntitle: "Payments DB failover: WAL volume full"\ndate: 2025-03-04\n/);
      expect(text).toMatch(/\nseverity: sev3 # one of sev1, sev2, sev3, sev4, sev5\nstatus: draft\n/);
      expect(text).toMatch(/\ntags: \[\]\nservices: \[\]\n/);
      const sections = [...text.matchAll(/^## (.+)\n\n<!-- (.+) -->$/gm)].map((m) => m[1]);
      expect(sections).toEqual(['Summary', 'Impact', 'Timeline', 'Detection', 'Root cause', 'Resolution', 'Logs', 'Action items', 'Lessons learned']);
    } finally {
      project.cleanup();
    }
  });

  it('passes lint apart from warnings asking to fill it in', () => {
    const project = writeProject({});
    try {
      const created = hindsight(['new', 'Cache stampede'], project.dir).stdout.trim();
      expect(created).toBe(`content/incidents/${today()}-cache-stampede.md`);
      const r = hindsight(['lint', '--format', 'json'], project.dir);
      expect(r.status).toBe(0);
      const [result] = JSON.parse(r.stdout) as { errorCount: number; warningCount: number; messages: { ruleId: string; severity: number }[] }[];
      expect(result!.errorCount).toBe(0);
      expect(result!.warningCount).toBeGreaterThan(0);
      expect([...new Set(result!.messages.map((m) => m.ruleId))].sort()).toEqual(['action-items', 'empty-section', 'root-cause-substance']);
    } finally {
      project.cleanup();
    }
  });

  it('refuses to overwrite an existing postmortem', () => {
    const project = writeProject({ 'notes/2025-03-04-cache-stampede.md': 'mine\n' });
    try {
      const r = hindsight(['new', 'Cache stampede', '--date', '2025-03-04', '--dir', 'notes'], project.dir);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('hindsight: notes/2025-03-04-cache-stampede.md already exists; it was left as it is (choose another title or --date)\n');
      expect(readFileSync(join(project.dir, 'notes/2025-03-04-cache-stampede.md'), 'utf8')).toBe('mine\n');
    } finally {
      project.cleanup();
    }
  });

  it('uses the configured content folder and severity scale', () => {
    const project = writeProject({ 'hindsight.config.json': '{ "content": "postmortems", "severities": ["critical", "major", "minor"] }' });
    try {
      const r = hindsight(['new', 'Cache stampede', '--date', '2025-03-04'], project.dir);
      expect(r.stdout).toBe('postmortems/2025-03-04-cache-stampede.md\n');
      expect(readFileSync(join(project.dir, 'postmortems/2025-03-04-cache-stampede.md'), 'utf8')).toContain('\nseverity: major # one of critical, major, minor\n');
    } finally {
      project.cleanup();
    }
  });

  it('exits 2 with one line for a bad date or an empty title, creating nothing', () => {
    const project = writeProject({});
    try {
      for (const [args, message] of [
        [['new', 'Cache stampede', '--date', '2025-02-30'], 'hindsight: --date expects a calendar date as YYYY-MM-DD, not `2025-02-30`\n'],
        [['new', 'Cache stampede', '--date', '04/03/2025'], 'hindsight: --date expects a calendar date as YYYY-MM-DD, not `04/03/2025`\n'],
        [['new', '   '], 'hindsight: the title is empty; give the incident a title, such as "Database failover"\n'],
      ] as const) {
        const r = hindsight([...args], project.dir);
        expect([r.status, r.stderr]).toEqual([2, message]);
      }
      expect(existsSync(join(project.dir, 'content'))).toBe(false);
    } finally {
      project.cleanup();
    }
  });
});
