/**
 * Project configuration: `hindsight.config.{json,yaml,yml,toml}` or a `hindsight`
 * key in package.json. Every key is optional; defaults describe a typical SRE team.
 */
import { z } from 'zod';
import { timeZoneSchema } from './time-zone.ts';

/** The kinds of section a postmortem heading can map to. */
export const sectionKinds = [
  'summary', 'impact', 'trigger', 'detection', 'rootCause', 'resolution',
  'timeline', 'logs', 'actionItems', 'lessons',
] as const;
export const sectionKindSchema = z.enum(sectionKinds);
export type SectionKind = z.infer<typeof sectionKindSchema>;

/** How a rule reports: off, as a warning or as an error. */
export const ruleLevelSchema = z.enum(['off', 'warn', 'error']);
export type RuleLevel = z.infer<typeof ruleLevelSchema>;

/** Order of day and month in numeric dates such as 03-04-2025. */
export const dateOrderSchema = z.enum(['dmy', 'mdy', 'auto']);
export type DateOrder = z.infer<typeof dateOrderSchema>;

export const siteConfigSchema = z.strictObject({
  /** Site title shown in the header and feed. */
  title: z.string().min(1).default('Incident postmortems'),
  /** One-line description for the home page and the RSS feed. */
  description: z.string().default('What broke, why, and what we changed.'),
  /** Public origin of the site, for the sitemap and feed (for example https://example.org). */
  url: z.url().default('https://example.org'),
  /** Base path when hosted under a sub-folder, for example /postmortems/. */
  base: z.string().regex(/^\/([\w.~-]+\/)*$/, 'a path that starts and ends with "/"').default('/'),
  /** Repository URL of the content, for "edit this postmortem" links (…/edit/main is appended as given). */
  repository: z.url().optional(),
  /** Branch used in edit links. */
  branch: z.string().min(1).default('main'),
  /** Render raw HTML in postmortems unsanitised: only for repositories where every author is trusted. */
  trustedHtml: z.boolean().default(false),
});

export const configSchema = z.strictObject({
  /** Folder of postmortems that `lint`, `extract` and the site read by default. */
  content: z.string().min(1).default('content/incidents'),
  /** Sections every postmortem must have. */
  requiredSections: z.array(sectionKindSchema).default(['summary', 'timeline', 'rootCause', 'resolution', 'actionItems']),
  /** Extra headings (normalised: lower case, no punctuation) mapped to a section kind. */
  headingAliases: z.record(z.string().min(1), sectionKindSchema).default({}),
  /** Order of day and month in numeric dates; `auto` infers it from each document. */
  dateOrder: dateOrderSchema.default('auto'),
  /** IANA time zone for times written without one. */
  timezone: timeZoneSchema.default('UTC'),
  /** Severity scale, most severe first. */
  severities: z.array(z.string().min(1)).min(1).default(['sev1', 'sev2', 'sev3', 'sev4', 'sev5']),
  /** Allowed tags; empty allows any kebab-case tag. */
  tags: z.array(z.string().min(1)).default([]),
  /** Root-cause categories allowed in the `cause` front matter key. */
  causes: z.array(z.string().min(1)).default([
    'resource-exhaustion', 'configuration-change', 'certificate-expiry', 'dependency',
    'hardware', 'network', 'software-bug', 'capacity', 'security', 'human-process', 'unknown',
  ]),
  /** Rule levels by rule id, overriding each rule's default. */
  rules: z.record(z.string().min(1), ruleLevelSchema).default({}),
  /** Options for the published site. */
  site: siteConfigSchema.prefault({}),
});

/** Config as a user writes it (everything optional). */
export type ConfigInput = z.input<typeof configSchema>;
/** Config with every default filled in. */
export type Config = z.output<typeof configSchema>;

export const defaultConfig: Config = configSchema.parse({});
