/** Inputs on which the Markdown parser is quadratic are refused before parsing; real postmortems never are. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownTooComplex } from '../src/core/markdown-budget.ts';
import { parsePostmortem } from '../src/core/parse.ts';
import { corpusCases } from './support/corpus.ts';
import { generatePostmortem } from './bench/generate.ts';

const withFrontmatter = (body: string) => `---\ntitle: Hostile\ndate: 2025-03-04\n---\n\n${body}\n`;

/** About 1 MB of each pattern micromark takes minutes on. */
const hostile: Record<string, string> = {
  'a run of `]`': ']'.repeat(1_000_000),
  'repeated `[a]`': '[a]'.repeat(330_000),
  'repeated `](`': ']('.repeat(500_000),
  'emphasis marks `*a_`': '*a_'.repeat(330_000),
  'strikethrough marks `~a`': '~a'.repeat(500_000),
  'nested quotes': '>'.repeat(1_000_000),
  'nested lists and quotes': '- > '.repeat(250_000),
  'nested list items': `${'- '.repeat(20_000)}x`,
  'nested ordered lists': `${'1. '.repeat(10_000)}x`,
  'many paragraphs of `[a]`': Array.from({ length: 40 }, () => '[a]'.repeat(8_000)).join('\n\n'),
  'many lines nested 1,000 deep': Array.from({ length: 300 }, () => '- > '.repeat(1_000)).join('\n'),
};

describe('Markdown too complex to parse in bounded time', () => {
  for (const [name, body] of Object.entries(hostile)) {
    it(`refuses ${name} at once, with the line where it goes over`, () => {
      const started = performance.now();
      const parsed = parsePostmortem('hostile.md', withFrontmatter(body));
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(parsed.readable).toBe(false);
      const refused = parsed.diagnostics.find((d) => d.ruleId === 'read-error');
      expect(refused?.message).toMatch(/^By line \d+, the file holds too many .* for a Markdown parser to read in bounded time/);
      expect(refused!.line).toBeGreaterThanOrEqual(6);
    });
  }

  it('reads what stays under the budgets (about a second of parsing each here; the bound allows a loaded machine)', () => {
    for (const body of ['[a]'.repeat(12_000), '*a_'.repeat(4_900), '- > '.repeat(1_500), ']'.repeat(12_000), `${'> '.repeat(20_000)}x`, `${'- '.repeat(2_000)}x`]) {
      const started = performance.now();
      expect(parsePostmortem('x.md', withFrontmatter(body)).readable).toBe(true);
      expect(performance.now() - started).toBeLessThan(10_000);
    }
  });

  it('does not count code blocks, or `_` inside words', () => {
    const log = Array.from({ length: 60_000 }, (_, i) => `[${i}.000] kernel: oom_kill_process *** [done]`).join('\n');
    expect(markdownTooComplex(withFrontmatter(`\`\`\`\n${log}\n\`\`\``))).toBeNull();
    expect(markdownTooComplex(withFrontmatter(`~~~text\n${log}\n~~~`))).toBeNull();
    expect(markdownTooComplex(withFrontmatter('some_snake_case_name '.repeat(50_000)))).toBeNull();
  });

  it('leaves every example, corpus file and generated postmortem far under the budgets', () => {
    const dir = new URL('../content/incidents/', import.meta.url).pathname;
    const texts = [
      ...readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(dir, f), 'utf8')),
      ...corpusCases().map((c) => c.bytes.toString('utf8')),
      ...Array.from({ length: 50 }, (_, i) => generatePostmortem(i).text),
    ];
    for (const text of texts) {
      expect(markdownTooComplex(text)).toBeNull();
      // Even with every paragraph run into one, they stay under.
      expect(markdownTooComplex(text.replace(/\n\n/g, '\n'))).toBeNull();
    }
  });
});
