/** mojibake: mangled UTF-8 found and repaired; real accents and symbols left alone. */
import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../../src/rules/mojibake.ts';
import { lintExample } from './lint-helpers.ts';

describe('repairMojibake', () => {
  it.each([
    ['âžœ', '➜'],
    ['didnâ€™t', 'didn’t'],
    ['cafÃ©', 'café'],
    ['â€œquotedâ€\u009d', '“quoted”'],
    ['Â£20', '£20'],
    ['ðŸ”¥ fire', '🔥 fire'],
    ['Ã¢â‚¬â„¢', '’'],
  ])('%s → %s', (mangled, fixed) => {
    expect(repairMojibake(mangled)).toBe(fixed);
  });

  it.each(['café', '➜ kubectl', 'naïve “quotes” — dash', 'Ångström', 'São Paulo', 'Ã alone', 'ÂBC'])('leaves %s alone', (text) => {
    expect(repairMojibake(text)).toBe(text);
  });
});

describe('mojibake rule', () => {
  it('reports one message per line, spanning the mangled text, with the repaired text as its fix', async () => {
    const source = '## Summary\n\nThe cafÃ©â€™s rÃ©sumÃ© page and the prompt âžœ broke.\n';
    const [m, ...rest] = (await lintExample({ source }, 'mojibake')).messages;
    expect(rest).toEqual([]);
    const start = source.indexOf('Ã©');
    const end = source.indexOf('âžœ') + 3;
    expect([m!.line, m!.column]).toEqual([3, start - source.indexOf('The') + 1]);
    expect(m!.fix).toEqual({ range: [start, end], text: repairMojibake(source.slice(start, end)) });
    expect(m!.fix!.text).toBe('é’s résumé page and the prompt ➜');
    expect(m!.severity).toBe(1);
  });
});
