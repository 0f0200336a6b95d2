/** severity-scale: values from other common scales point at the config, and pass once it lists them. */
import { describe, expect, it } from 'vitest';
import { lintExample } from './lint-helpers.ts';

const withSeverity = (severity: string) => ({ source: `---\ntitle: Cache stampede\ndate: 2025-02-01\nseverity: ${severity}\n---\n` });

describe('severity-scale', () => {
  it('tells a team on another common scale to list it in the config', async () => {
    for (const value of ['P2', 'critical', 'S1']) {
      const [m] = (await lintExample(withSeverity(value), 'severity-scale')).messages;
      expect(m!.message, value).toContain('list its scale under `severities`');
    }
    // A near miss of the scale gets the nearest value instead.
    const [typo] = (await lintExample(withSeverity('sev22'), 'severity-scale')).messages;
    expect(typo!.message).not.toContain('severities');
  });

  it('passes such values once the scale lists them', async () => {
    const result = await lintExample(withSeverity('P2'), 'severity-scale', { severities: ['P0', 'P1', 'P2', 'P3'] });
    expect(result.messages).toEqual([]);
  });
});
