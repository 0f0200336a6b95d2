/** Every Hindsight rule, in the order the docs list them. */
import type { RuleModule } from './rule.ts';
import encoding from '../rules/encoding.ts';
import frontmatterYaml from '../rules/frontmatter-yaml.ts';
import frontmatterLanguage from '../rules/frontmatter-language.ts';
import frontmatterMissing from '../rules/frontmatter-missing.ts';
import frontmatterSchema from '../rules/frontmatter-schema.ts';
import frontmatterUnknownKey from '../rules/frontmatter-unknown-key.ts';
import tagFormat from '../rules/tag-format.ts';
import severityScale from '../rules/severity-scale.ts';
import causeVocabulary from '../rules/cause-vocabulary.ts';
import requiredSections from '../rules/required-sections.ts';
import emptySection from '../rules/empty-section.ts';
import duplicateSection from '../rules/duplicate-section.ts';
import headingSpace from '../rules/heading-space.ts';
import timelineTime from '../rules/timeline-time.ts';
import timelineOrder from '../rules/timeline-order.ts';
import timelineDateOrder from '../rules/timeline-date-order.ts';
import timelineFuture from '../rules/timeline-future.ts';
import milestoneOrder from '../rules/milestone-order.ts';
import logWindow from '../rules/log-window.ts';
import noSecrets from '../rules/no-secrets.ts';
import blamelessLanguage from '../rules/blameless-language.ts';
import mojibake from '../rules/mojibake.ts';
import rootCauseSubstance from '../rules/root-cause-substance.ts';
import actionItems from '../rules/action-items.ts';
import linkExists from '../rules/link-exists.ts';
import duplicateSlug from '../rules/duplicate-slug.ts';
import duplicateTitle from '../rules/duplicate-title.ts';
import relatedExists from '../rules/related-exists.ts';

/** All rules. */
export const rules: readonly RuleModule[] = [
  encoding, frontmatterYaml, frontmatterLanguage, frontmatterMissing, frontmatterSchema, frontmatterUnknownKey,
  tagFormat, severityScale, causeVocabulary,
  requiredSections, emptySection, duplicateSection, headingSpace,
  timelineTime, timelineOrder, timelineDateOrder, timelineFuture, milestoneOrder, logWindow,
  noSecrets, blamelessLanguage, mojibake, rootCauseSubstance, actionItems,
  linkExists, duplicateSlug, duplicateTitle, relatedExists,
];

const byId = new Map(rules.map((r) => [r.id, r]));

/** A rule by id, or undefined. */
export function ruleById(id: string): RuleModule | undefined {
  return byId.get(id);
}

/** Rule ids, in docs order. */
export const ruleIds: readonly string[] = rules.map((r) => r.id);

/**
 * Messages about the file itself rather than its content: it could not be read. Always an error,
 * reported by the engine (it is not a rule and cannot be turned off).
 */
export const readErrorId = 'read-error';
