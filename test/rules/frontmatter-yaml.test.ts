/** frontmatter-yaml: where quoting a value is all a line needs, `--fix` quotes it. */
import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/core/frontmatter.ts';
import { applyFixes } from '../../src/lint/fix.ts';
import { lintExample } from './lint-helpers.ts';

const fixed = async (source: string) => {
  const messages = (await lintExample({ source }, 'frontmatter-yaml')).messages;
  return { messages, text: applyFixes(source, messages.flatMap((m) => (m.fix ? [m.fix] : []))).text };
};

describe('frontmatter-yaml fixes', () => {
  it('quotes a value holding ": " or opening with "@", escaping its quotes, and the block then reads', async () => {
    for (const [line, quoted] of [
      ['title: Post-Mortem: Pull Request "Unavailability"', 'title: "Post-Mortem: Pull Request \\"Unavailability\\""'],
      ['authors: @joshblack', 'authors: "@joshblack"'],
    ] as const) {
      const { messages, text } = await fixed(`---\n${line}\ndate: 2024-01-01\n---\n`);
      expect(messages[0]!.line).toBe(2);
      expect(text.split('\n')[1]).toBe(quoted);
      expect(readFrontmatter(text).diagnostics).toEqual([]);
    }
  });

  it('offers no fix where quotes would change what was meant: a flow list, or a comment after the value', async () => {
    for (const line of ['tags: [dns, tls', 'title: [Announcement] DNS change', 'title: a: b # note']) {
      const { messages } = await fixed(`---\n${line}\ndate: 2024-01-01\n---\n`);
      expect(messages.length, line).toBeGreaterThan(0);
      expect(messages.every((m) => m.fix === undefined), line).toBe(true);
    }
  });
});
