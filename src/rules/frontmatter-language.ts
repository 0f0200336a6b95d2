/** frontmatter-language: executable front matter (`---js`, `---coffee`…) is refused and never run. */
import { defineFileRule } from '../lint/rule.ts';
import { reportCore } from '../lint/rule-helpers.ts';

export default defineFileRule({
  id: 'frontmatter-language',
  defaultLevel: 'error',
  checksUnreadable: true,
  summary: 'Front matter is data (YAML, TOML, JSON), never executable code',
  description:
    'Some front matter readers evaluate `---js` or `---coffee` blocks as code, which would run whatever a ' +
    'pull request’s author wrote on the CI machine. Hindsight never evaluates front matter: such a file ' +
    'is not read at all. Write the block as YAML (`---`) or TOML (`+++`).',
  examples: {
    valid: [{ source: '+++\ntitle = "Cache stampede"\ndate = 2025-02-01\n+++\n' }],
    invalid: [{ source: '---js\n{ title: "Cache stampede", date: "2025-02-01" }\n---\n', line: 1, column: 4 }],
  },
  check(ctx) {
    reportCore(ctx, 'frontmatter-language');
  },
});
