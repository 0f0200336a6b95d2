/**
 * docs/rules.md, rendered from the rule modules (their summaries, descriptions and the examples the
 * tests run), so the documentation cannot drift from the rules. Regenerate with
 * `node src/lint/rules-doc.ts` (a test fails while it is stale).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { maxFileBytes } from '../core/files.ts';
import { maxTreeDepth } from '../core/markdown-budget.ts';
import { exampleFileName } from './example-file.ts';
import { readErrorId, rules } from './registry.ts';
import type { RuleExample } from './rule.ts';

/** A code block that holds `text` whatever fences it contains. */
function fenced(text: string, lang = 'markdown'): string {
  const longest = Math.max(2, ...[...text.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  // A NUL byte cannot be shown; the docs mark it.
  return `${fence}${lang}\n${text.replace(/\u0000/g, '␀').replace(/\n$/, '')}\n${fence}`;
}

function others(example: RuleExample): string {
  if (!example.others) return '';
  return Object.entries(example.others)
    .map(([name, text]) => `\nBeside it, \`${name}\`:\n\n${fenced(text)}\n`)
    .join('');
}

/** The Markdown of docs/rules.md. */
export function renderRulesDoc(): string {
  const out: string[] = [];
  out.push('# Rules');
  out.push('');
  out.push('<!-- This file is rendered from src/rules/*.ts by `node src/lint/rules-doc.ts`; edit the rules, not this file. -->');
  out.push('');
  out.push('`hindsight lint` (and the remark preset) checks each postmortem with the rules below. Every message names its rule and links here.');
  out.push('');
  out.push('- **Levels.** Each rule has a default level, `error` (exit code 1) or `warn`. Change it in the config, `"rules": { "blameless-language": "error", "log-window": "off" }`, or for one run with `--rule blameless-language=error` (repeatable).');
  out.push('- **Exceptions.** Put `<!-- hindsight-disable-next-line rule-id -->` on the line before a deliberate exception (several ids separated by spaces; no id silences every rule for that line). In front matter, write `# hindsight-disable-next-line rule-id`.');
  out.push('- **Fixes.** Rules marked fixable offer a safe fix; `hindsight lint --fix` applies it, rewriting the file atomically and changing only the reported text.');
  out.push(`- **Unreadable files.** A path that cannot be read (missing, a directory, no permission) is reported as \`${readErrorId}\`, always an error.`);
  out.push('');
  out.push('| Rule | Default | Fixable | Checks |');
  out.push('| --- | --- | --- | --- |');
  for (const rule of rules) {
    out.push(`| [\`${rule.id}\`](#${rule.id}) | ${rule.defaultLevel} | ${rule.fixable ? 'yes' : ''} | ${rule.summary.replace(/\|/g, '\\|')} |`);
  }
  for (const rule of rules) {
    out.push('');
    out.push(`## ${rule.id}`);
    out.push('');
    out.push(`${rule.summary}.`);
    out.push('');
    out.push(`Default: **${rule.defaultLevel}**.${rule.fixable ? ' Fixable with `--fix`.' : ''}${rule.scope === 'project' ? ' Compares the file with every postmortem in the content folder.' : ''}`);
    out.push('');
    out.push(rule.description);
    for (const example of rule.examples.valid) {
      out.push('');
      out.push(`Passes${example.note ? ` (${example.note})` : ''}, as \`${example.file ?? exampleFileName}\`:`);
      out.push('');
      out.push(fenced(example.source));
      const beside = others(example);
      if (beside) out.push(beside.replace(/\n$/, ''));
    }
    for (const example of rule.examples.invalid) {
      out.push('');
      out.push(`Fails${example.note ? ` (${example.note})` : ''} at line ${example.line}, column ${example.column}, as \`${example.file ?? exampleFileName}\`:`);
      out.push('');
      out.push(fenced(example.source));
      const beside = others(example);
      if (beside) out.push(beside.replace(/\n$/, ''));
    }
  }
  out.push('');
  out.push(`## ${readErrorId}`);
  out.push('');
  out.push(`The file could not be read: it does not exist (or is a broken symbolic link), it is a directory, it cannot be opened, it is larger than ${maxFileBytes / 1048576} MB, or its Markdown holds more of what parsers take quadratic time on (\`]\`, emphasis marks, nested quotes and lists) than can be read in bounded time, or nests quotes, lists or emphasis more than ${maxTreeDepth} levels deep. Always an error; it cannot be turned off.`);
  out.push('');
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(new URL('../../docs/rules.md', import.meta.url), renderRulesDoc());
}
