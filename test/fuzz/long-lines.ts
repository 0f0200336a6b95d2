/**
 * Documents with one very long line repeated in every place Hindsight reads text — front matter
 * values, headings, timeline list items and table rows, prose, action items, a log block — for
 * catching regular expressions that backtrack (quadratic or worse) on long runs of one character.
 */

/**
 * Repeating units, those on which the Markdown parser itself is quadratic (`]`, `](`, `[x]`, `*a_`,
 * `~`) included: src/core/markdown-budget.ts refuses them before they are parsed.
 */
export const longLineUnits: readonly string[] = [
  ']', '](', '[x]', '*a_', '~a', '> ', '- > ', ' ', '\t', '-', '=', '.', ':', ',', ';', '0', '1:', '10:', '0-', '0:', '0.', '0 ', ': ', '-0', 'a', 'A', 'Aa', 'a ', 'a=', 'a:', 'a-',
  '(', ')', 'x(', '{', '}', '<', '>', '"', "'", '\\', '/', '#', '+', '@', '%', '$', '&', '!', '?', '*', '_', '~', '`', '|',
  'k=v ', '"a":', 'T0', 'Z', '+00', '01/', '::', 'â', 'âž', 'Ã', '😀', 'e\u0301', '\u00a0', 'http://', 'a.b', '@x', '#1', 'A-1', '=>',
];

/** A postmortem whose every text place holds `line` (prefixed so it never starts a Markdown container). */
export function longLineDocument(unit: string, length: number, tail = ' x'): string {
  const line = `x ${unit.repeat(Math.ceil(length / unit.length))}${tail}`;
  const yaml = JSON.stringify(line);
  return [
    '---',
    `title: ${yaml}`,
    'date: 2025-01-01',
    `description: ${yaml}`,
    `tags: [${yaml}]`,
    `severity: ${yaml}`,
    '---',
    `# ${line}`,
    '',
    `## Summary ${line}`,
    '',
    line,
    '',
    '## Timeline',
    '',
    `- 10:00 ${line}`,
    `- ${line}`,
    '',
    '| Time | Event |',
    '|---|---|',
    `| 2025-01-01 ${line} | ${line} |`,
    '',
    '## Root cause',
    '',
    line,
    '',
    '## Action items',
    '',
    `- [ ] ${line}`,
    '',
    '## Logs',
    '',
    '```',
    '2025-01-01T10:00:00Z host app[1]: ok',
    line,
    '```',
    '',
  ].join('\n');
}

/**
 * Documents whose long lines open as the status-page and incident-log forms do (a Statusfy update, a
 * cState shortcode, a named milestone, a placeholder heading, a time with a day in brackets, a
 * template's blank action item), so that
 * the patterns that only look at such lines see them.
 */
export function longOpeningDocuments(length: number): string[] {
  const run = (unit: string) => unit.repeat(Math.ceil(length / unit.length));
  return [
    `---\ntitle: t\ndate: 2025-01-01\n---\nText.\n\n::: update ${run(' ')}x\nbody\n:::\n\n::: update a | ${run(' ')}x |\n:::\n`,
    `---\ntitle: t\ndate: 2025-01-01\n---\nText.\n\n**Update** {{< track "${run(' ')}\n\n${run('{{<')}\n\n${run(' ')}{{< track "2025-01-01 10:00" >}}${run(' ')}x\n`,
    `# t\n\n- **Key events**\n  - First${run(' ')}x\n  - Resolved ${run('a ')}\n  - Repaired:${run(' ')}2025\n`,
    `# t\n\n## Timeline\n\n### {{ a${run(' ')}\n\ntext\n\n### {{${run('a')}}}\n\ntext\n\n- 10:00 UTC (${run(' ')}April\n- 10:00 (${run('*')}\n`,
    `---\n:${run('a')}: x\n${run(':')}: y\n---\ntext\n`,
    // Action items that open as a template's blanks do: four times as long, as a quadratic pattern is only slow past 30,000.
    `# t\n\n## Action items\n\n- ${run('.').repeat(4)}a\n- ${run('{{ ').repeat(4)}\n- ${run('<a').repeat(4)}\n- \${${run('a').repeat(4)}\n`,
  ];
}
