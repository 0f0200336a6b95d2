/**
 * The extracted incident: what `hindsight extract` prints and the site renders.
 * This is the output contract; change it only with a new major version.
 */
import { z } from 'zod';
import { sectionKindSchema } from './config.ts';

/** A UTC instant (`2025-04-22T10:37:36Z`) or, at day precision, a bare date (`2025-04-22`). */
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z)?$/);

/** How much of an event's time was written down. */
export const precisionSchema = z.enum(['day', 'minute', 'second']);

export const timelineEventSchema = z.strictObject({
  /** UTC instant, bare date at day precision, or null when the time could not be read. */
  at: instant.nullable(),
  /** Precision of `at` (null when `at` is null). */
  precision: precisionSchema.nullable(),
  /** What happened, as plain text. */
  text: z.string(),
  /** Where the event came from: the timeline section, a notable log line, or a front matter milestone. */
  source: z.enum(['timeline', 'log', 'frontmatter']),
  /** 1-based line in the file. */
  line: z.number().int().positive(),
  /** The time exactly as written, when there was one. */
  written: z.string().nullable(),
  /** IANA zone or offset the written time was read in. */
  timezone: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

/** Log-line kinds Hindsight recognises. */
export const logKindSchema = z.enum([
  'oom-kill', 'kernel-panic', 'segfault', 'hung-task', 'crash-loop', 'certificate-expiry',
  'disk-full', 'connection-refused', 'timeout', 'other',
]);
export type LogKind = z.infer<typeof logKindSchema>;

export const logLevelSchema = z.enum(['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug']);
export type LogLevel = z.infer<typeof logLevelSchema>;

export const logEntrySchema = z.strictObject({
  /** UTC instant of the line, or null when it carries no readable time. */
  at: instant.nullable(),
  /** Host, node or IP the line came from. */
  host: z.string().nullable(),
  /** Unit, program, facility or component. */
  unit: z.string().nullable(),
  /** Severity, normalised to syslog level names. */
  level: logLevelSchema.nullable(),
  /** The message part of the line. */
  message: z.string(),
  /** Recognised kind of event. */
  kind: logKindSchema,
  /** Line format the entry was read as. */
  format: z.enum(['talos', 'syslog', 'rfc5424', 'logfmt', 'json', 'kubectl-events', 'iso', 'plain']),
  /** Facts pulled from the message (process, pid, memory in kB, certificate name…). */
  details: z.record(z.string(), z.union([z.string(), z.number()])),
  /** 1-based line in the file. */
  line: z.number().int().positive(),
});
export type LogEntry = z.infer<typeof logEntrySchema>;

export const actionItemSchema = z.strictObject({
  /** The action, as plain text. */
  text: z.string(),
  /** Checked off (`- [x]`, or a Done/Status column). */
  done: z.boolean(),
  /** Who owns it (`@name` or an Owner column). */
  owner: z.string().nullable(),
  /** URLs the item links to. */
  links: z.array(z.string()),
  /** Tracker references such as #112 or ABC-123. */
  refs: z.array(z.string()),
  /** 1-based line in the file. */
  line: z.number().int().positive(),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

export const sectionSchema = z.strictObject({
  /** Section kind, or `other` for headings Hindsight does not map. */
  kind: z.union([sectionKindSchema, z.literal('other')]),
  /** The heading as written (plain text). */
  heading: z.string(),
  /** Heading depth (1 for `#`). */
  depth: z.number().int().min(1).max(6),
  /** 1-based line of the heading. */
  line: z.number().int().positive(),
});
export type SectionInfo = z.infer<typeof sectionSchema>;

const minutes = z.number().int().min(0).nullable();

export const incidentSchema = z.strictObject({
  /** URL slug: front matter `slug`, else the file name without its extension. */
  slug: z.string().min(1),
  /** The path as it was read. */
  file: z.string(),
  /** Headline: front matter `title`, else the first H1, else the file name. */
  title: z.string(),
  /** YYYY-MM-DD: front matter, title, header field, file name or first timeline date; null when none names one (an error). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** Front matter `description`. */
  description: z.string().nullable(),
  /** Front matter `tags`. */
  tags: z.array(z.string()),
  /** Front matter `categories`. */
  categories: z.array(z.string()),
  /** Severity as written, or null. */
  severity: z.string().nullable(),
  /** Document status (published unless the front matter says otherwise). */
  status: z.enum(['draft', 'review', 'published']),
  /** True for `draft: true` or `status: draft`: left out of production builds. */
  draft: z.boolean(),
  /** Front matter `authors` (or `author`). */
  authors: z.array(z.string()),
  /** Affected systems. */
  services: z.array(z.string()),
  /** Slugs of related incidents. */
  related: z.array(z.string()),
  /** Root-cause category: from front matter `cause`, else inferred from the root-cause text. */
  cause: z.strictObject({ category: z.string(), inferred: z.boolean() }).nullable(),
  /**
   * The postmortem's zone: its front matter `timezone`; else the zone its timeline writes every time
   * in (an IANA name, or a fixed offset such as `UTC-07:00` for "PDT"); null when it states none and
   * its timeline gives no times (readers then use the configured zone).
   */
  timezone: z.string().nullable(),
  /** Text before `<!--more-->`, else the description, else the first paragraph. */
  excerpt: z.string(),
  /** Plain text of the summary sections. */
  summary: z.string().nullable(),
  /** Plain text of the impact sections. */
  impact: z.string().nullable(),
  /** Plain text of the trigger sections. */
  trigger: z.string().nullable(),
  /** Plain text of the detection sections. */
  detection: z.string().nullable(),
  /** Plain text of the root-cause sections. */
  rootCause: z.string().nullable(),
  /** Plain text of the resolution sections. */
  resolution: z.string().nullable(),
  /** Plain text of the lessons-learned sections. */
  lessons: z.string().nullable(),
  /** Authored timeline entries and notable log events, in order. */
  timeline: z.array(timelineEventSchema),
  /** Every log line read from the logs sections and log-like code blocks. */
  logs: z.array(logEntrySchema),
  /** Follow-up actions. */
  actionItems: z.array(actionItemSchema),
  /** Every heading with the section kind it maps to. */
  sections: z.array(sectionSchema),
  /** Milestones: front matter, else the first and last timeline events. */
  started: instant.nullable(),
  /** When the incident was detected (front matter, else a timeline entry that says so). */
  detected: instant.nullable(),
  /** When impact was mitigated (front matter, else a timeline entry that says so). */
  mitigated: instant.nullable(),
  /** When it was resolved (front matter, else the last timeline event). */
  resolved: instant.nullable(),
  /** Minutes from started to resolved. */
  durationMinutes: minutes,
  /** Minutes from started to detected. */
  timeToDetectMinutes: minutes,
  /** Minutes from started to mitigated. */
  timeToMitigateMinutes: minutes,
  /** Minutes from started to resolved. */
  timeToResolveMinutes: minutes,
});
export type Incident = z.infer<typeof incidentSchema>;

export const incidentListSchema = z.array(incidentSchema);
