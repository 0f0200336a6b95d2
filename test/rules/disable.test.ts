/** Inline opt-outs: `<!-- hindsight-disable-next-line … -->` silences the next line only, for the rules it names. */
import { describe, expect, it } from 'vitest';
import { lintExample } from './lint-helpers.ts';

const doc = (body: string) => `---\ntitle: Leak\ndate: 2025-01-10\n---\n\n## Root cause\n\n${body}\n`;
const ids = async (source: string) => (await lintExample({ source }, null)).messages.filter((m) => ['no-secrets', 'blameless-language', 'mojibake'].includes(m.ruleId)).map((m) => `${m.line} ${m.ruleId}`);

describe('hindsight-disable-next-line', () => {
  it('silences the named rule on the next line only', async () => {
    const source = doc('<!-- hindsight-disable-next-line no-secrets -->\npassword=hunter2-Hunter3 was human error\n\npassword=hunter2-Hunter3');
    expect(await ids(source)).toEqual(['9 blameless-language', '11 no-secrets']);
  });

  it('takes several rule ids', async () => {
    const source = doc('<!-- hindsight-disable-next-line no-secrets blameless-language -->\npassword=hunter2-Hunter3 was human error');
    expect(await ids(source)).toEqual([]);
  });

  it('silences every rule when it names none', async () => {
    const source = doc('<!-- hindsight-disable-next-line -->\npassword=hunter2-Hunter3 was human error, cafÃ©');
    expect(await ids(source)).toEqual([]);
  });

  it('works as a # comment in YAML front matter', async () => {
    const source = '---\ntitle: Leak\ndate: 2025-01-10\n# hindsight-disable-next-line no-secrets\napi_key: Zk29aGq01LmNo\nsecret: Zk29aGq01LmNo\n---\n';
    expect(await ids(source)).toEqual(['6 no-secrets']);
  });

  it('applies to cross-file rules', async () => {
    const other = '---\ntitle: Same\ndate: 2024-01-01\n---\n';
    const source = '---\n# hindsight-disable-next-line duplicate-title\ntitle: Same\ndate: 2025-01-10\n---\n';
    const result = await lintExample({ source, others: { 'other.md': other } }, 'duplicate-title');
    expect(result.messages).toEqual([]);
    const plain = await lintExample({ source: source.replace('# hindsight-disable-next-line duplicate-title\n', ''), others: { 'other.md': other } }, 'duplicate-title');
    expect(plain.messages.map((m) => m.ruleId)).toEqual(['duplicate-title']);
  });

  it('leaves rules on when the comment names another rule', async () => {
    const source = doc('<!-- hindsight-disable-next-line mojibake -->\npassword=hunter2-Hunter3');
    expect(await ids(source)).toEqual(['9 no-secrets']);
  });
});
