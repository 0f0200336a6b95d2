/** Where each rule is documented: one anchor per rule id in docs/rules.md. */

/** The rules page; every message links to `#<rule-id>` on it. */
export const rulesDocsUrl = 'https://github.com/hindsight-postmortems/hindsight/blob/main/docs/rules.md';

/** The documentation URL of one rule. */
export function docsUrl(ruleId: string): string {
  return `${rulesDocsUrl}#${ruleId}`;
}

/** The `source` every Hindsight message carries (as `eslint`, `remark-lint`… do). */
export const messageSource = 'hindsight';
