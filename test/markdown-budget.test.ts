/**
 * Inputs on which the Markdown parser is quadratic are refused before parsing, and trees nested too
 * deep for recursive tree code after it; real postmortems never are.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractIncident } from '../src/core/extract.ts';
import { markdownTooComplex, maxTreeDepth } from '../src/core/markdown-budget.ts';
import { parseMarkdown } from '../src/core/markdown.ts';
import { parsePostmortem } from '../src/core/parse.ts';
import { renderPostmortem } from '../src/site/render.ts';
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

describe('Markdown nested deeper than anything reads without recursion', () => {
  const deep: Record<string, string> = {
    'nested quotes': `${'> '.repeat(3_000)}x`,
    'nested lists': `${'- '.repeat(maxTreeDepth)}x`,
    'quotes and lists': `${'> - '.repeat(maxTreeDepth / 2)}x`,
    'lists nested by indentation': Array.from({ length: maxTreeDepth / 2 + 1 }, (_, k) => `${' '.repeat(2 * k)}- item`).join('\n'),
    'emphasis inside emphasis': `${'*a _'.repeat(maxTreeDepth / 2)}x${'_ b*'.repeat(maxTreeDepth / 2)}`,
  };
  for (const [name, body] of Object.entries(deep)) {
    it(`refuses ${name}, at the line where the nesting goes too deep`, () => {
      const parsed = parsePostmortem('deep.md', withFrontmatter(`# Deep\n\n${body}`));
      expect(parsed.readable).toBe(false);
      const refused = parsed.diagnostics.find((d) => d.ruleId === 'read-error');
      expect(refused?.message).toMatch(new RegExp(`^At line \\d+, quotes, lists or emphasis are nested more than ${maxTreeDepth} levels deep .* Flatten the nesting$`));
      expect(refused!.line).toBeGreaterThanOrEqual(8);
      expect(parsed.tree.children).toEqual([]);
    });
  }

  it('reads nesting far deeper than postmortems use, and extraction and rendering get through it', async () => {
    const body = `## Summary\n\n${'> - '.repeat(60)}deep\n\n${'*a _'.repeat(60)}x${'_ b*'.repeat(60)}\n`;
    const parsed = parsePostmortem('deep.md', withFrontmatter(body));
    expect(parsed.readable).toBe(true);
    const extraction = extractIncident(parsed);
    expect(extraction.incident.summary).toContain('deep');
    const { html } = await renderPostmortem(parsed, { trustedHtml: false, title: 'Hostile', logs: [] });
    expect(html.match(/<blockquote>/g)).toHaveLength(60);
  });

  it('refuses the regression fixture of 8,000 nested quotes with a message, not a stack overflow', () => {
    const file = new URL('./fixtures/regressions/deeply-nested-blockquotes.md', import.meta.url).pathname;
    const parsed = parsePostmortem('deeply-nested-blockquotes.md', readFileSync(file));
    expect(parsed.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['read-error', 9]]);
  });
});

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

  it('parses what stays under the budgets (about a second of parsing each here; the bound allows a loaded machine)', () => {
    for (const body of ['[a]'.repeat(12_000), '*a_'.repeat(4_900), '- > '.repeat(1_500), ']'.repeat(12_000), `${'> '.repeat(20_000)}x`, `${'- '.repeat(2_000)}x`]) {
      const text = withFrontmatter(body);
      expect(markdownTooComplex(text)).toBeNull();
      const started = performance.now();
      parseMarkdown(text);
      expect(performance.now() - started).toBeLessThan(10_000);
    }
    // Of these, the ones that also stay under the depth limit are read.
    for (const body of ['[a]'.repeat(12_000), ']'.repeat(12_000), `${'> '.repeat(maxTreeDepth - 10)}x`]) {
      expect(parsePostmortem('x.md', withFrontmatter(body)).readable).toBe(true);
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
