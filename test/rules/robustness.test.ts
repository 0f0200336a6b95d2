/** No input makes a rule fail: arbitrary text, odd Markdown, and the real corpus when it is present. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../schemas/config.ts';
import { fileProcessor, lintFile, type FileOutcome } from '../../src/lint/file-lint.ts';
import { lintPaths } from '../../src/lint/engine.ts';
import { resolveLevels } from '../../src/lint/levels.ts';

const processor = fileProcessor(resolveLevels());
const config = { ...defaultConfig, content: '/nonexistent-content' };

/** Every message sits inside the text, and no rule crashed. */
function checkOutcome(outcome: FileOutcome, text: string): void {
  const lines = text.split('\n');
  for (const m of outcome.messages) {
    expect(m.message, m.message).not.toMatch(/Internal error/);
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.line).toBeLessThanOrEqual(Math.max(1, lines.length));
    expect(m.column).toBeGreaterThanOrEqual(1);
    expect(m.endLine * 1e7 + m.endColumn).toBeGreaterThanOrEqual(m.line * 1e7 + m.column);
    if (m.fix) expect(m.fix.range[0]).toBeLessThanOrEqual(m.fix.range[1]);
  }
}

const pieces = [
  '---\n', '+++\n', '---js\n', 'title: x\n', 'date: 2025-01-01\n', 'tags: [A B, c]\n', 'related: [nope]\n', 'severity: 9\n',
  '# T\n', '## Timeline\n', '## Root cause\n', '## Action items\n', '## Logs\n', '- 10:00 x\n', '- 2025-13-45 y\n', '| a | b |\n|---|---|\n| 1 | 2 |\n',
  '```\n', '2025-01-01T10:00:00Z host kernel: Out of memory\n', 'password=hunter2-X\n', 'âžœ Ã© â€™\n', '<!-- hindsight-disable-next-line -->\n',
  '[x](missing.md)\n', 'human error\n', '##What happened?\n', '> ###Detection\n', '   \t  ', '\r\n', '\uFEFF', '> quote\n', '    indented\n', '* [ ] task\n', '\n',
];

describe('robustness', () => {
  it('lints arbitrary text and odd Markdown without a rule failing', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 40 })), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const outcome = lintFile('fuzz.md', config, processor, '/', text);
        checkOutcome(outcome, text.replace(/^\uFEFF/, ''));
      }),
      { numRuns: 300 },
    );
  });

  const corpus = new URL('../../../shared/corpus/', import.meta.url);
  describe.skipIf(!existsSync(corpus))('real corpus', () => {
    it('lints every postmortem without a rule failing, every message inside its file', async () => {
      const dir = corpus.pathname;
      const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
      const run = await lintPaths(files, { cwd: dir, config: { ...defaultConfig, content: '.' }, levels: resolveLevels(), threads: 0 });
      expect(run.results).toHaveLength(files.length);
      for (const r of run.results) checkOutcome(r as unknown as FileOutcome, readFileSync(r.abs, 'utf8'));
    });
  });
});
