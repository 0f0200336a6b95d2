/**
 * Front matter of a postmortem: the keys Hindsight understands, plus the keys
 * Hugo, Jekyll, Zola and Astro blogs use, which are accepted as they are.
 */
import { z } from 'zod';
import { timeZoneSchema } from './time-zone.ts';

/** Whether text that opens with `YYYY-MM-DD` names a day the calendar has (no 30 February). */
function realDayOrOther(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) return true;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** A calendar date or date-time as written: YAML/JSON give strings, TOML gives Date objects. */
export const dateValue = z
  .union([
    z.string().trim().min(1).refine(realDayOrOther, { message: 'is not a day the calendar has; check its month and day (YYYY-MM-DD)' }),
    z.date(),
  ], { error: 'must be a date or a date-time, such as 2025-04-21 or 2025-04-21T14:05Z' })
  .transform((v) => (v instanceof Date ? v.toISOString() : v));

/** A list that authors sometimes write as one comma-separated string. */
const stringList = z
  .union([z.array(z.union([z.string(), z.number()])), z.string()])
  .transform((v) =>
    (Array.isArray(v) ? v.map(String) : v.split(',')).map((s) => s.trim()).filter(Boolean),
  );

/**
 * Tags or categories: a list, or one string of several — comma-separated, or space-separated as
 * Jekyll writes them (`categories: postmortem hosting`).
 */
export function splitTaxonomy(value: string): string[] {
  return value.split(value.includes(',') ? ',' : /\s+/).map((s) => s.trim()).filter(Boolean);
}

const taxonomyList = z
  .union([z.array(z.union([z.string(), z.number()])), z.string()])
  .transform((v) => (Array.isArray(v) ? v.map(String).map((s) => s.trim()).filter(Boolean) : splitTaxonomy(v)));

/** A person as blog themes write one: `{ name: '@pinkiebell', link: 'https://…' }`. */
const person = z.looseObject({ name: z.string() });

/** Lifecycle of a postmortem document. */
export const statusSchema = z.enum(['draft', 'review', 'published']);

/**
 * Other words people write for those three, as templates and incident tools have them ("Final",
 * "In Review", "resolved"): any case, with spaces, dashes or underscores.
 */
export const statusWords: Readonly<Record<string, z.infer<typeof statusSchema>>> = {
  ...Object.fromEntries(['draft', 'wip', 'work in progress', 'in progress', 'drafting'].map((w) => [w, 'draft'])),
  ...Object.fromEntries(['review', 'in review', 'under review', 'reviewing', 'pending review', 'needs review', 'ready for review'].map((w) => [w, 'review'])),
  ...Object.fromEntries(['published', 'publish', 'final', 'complete', 'completed', 'done', 'approved', 'reviewed', 'accepted', 'resolved', 'closed'].map((w) => [w, 'published'])),
};

/** A status as written, read as one of the three (a word none of them stands for is left as it is, and refused). */
export function normaliseStatus(written: string): string {
  return statusWords[written.trim().toLowerCase().replace(/[\s_-]+/g, ' ')] ?? written;
}

const statusValue = z.string().meta({ examples: statusSchema.options }).transform(normaliseStatus).pipe(statusSchema);

export const frontmatterSchema = z.looseObject({
  /** Headline of the incident (else its first `#` heading). */
  title: z.string().trim().min(1).optional(),
  /**
   * Date the postmortem was written or the incident happened (YYYY-MM-DD or an ISO date-time); else
   * the date its title, file name (Jekyll's `YYYY-MM-DD-name.md`) or `path`, or timeline gives.
   */
  date: dateValue.optional(),
  /** One-sentence description, used as the excerpt when there is no `<!--more-->`. */
  description: z.string().optional(),
  /** Free-form tags, kebab-case; cross-linked on the site. */
  tags: taxonomyList.optional(),
  /** Broader categories (Hugo-style), cross-linked on the site. */
  categories: taxonomyList.optional(),
  /** One category, as Jekyll writes it (`category: deployments`); joins `categories`. */
  category: z
    .union([z.array(z.union([z.string(), z.number()])), z.string(), z.number()])
    .transform((v) => (Array.isArray(v) ? v.map(String) : [String(v)]).map((s) => s.trim()).filter(Boolean))
    .optional(),
  /** Severity on the configured scale (for example sev1…sev4); numbers are read as text. */
  severity: z.union([z.string().trim().min(1), z.number()]).transform(String).optional(),
  /** Where the document is in review: draft, review or published (also written as "Final", "In Review", "resolved" and the like). */
  status: statusValue.optional(),
  /** A draft is left out of production builds of the site. */
  draft: z.boolean().optional(),
  /** People who wrote the postmortem. */
  authors: stringList.optional(),
  /** Affected systems or services. */
  services: stringList.optional(),
  /** IANA time zone for this postmortem's times written without one (default: the configured `timezone`). */
  timezone: timeZoneSchema.optional(),
  /** When the incident started (ISO date-time; no zone means the postmortem's `timezone`). */
  started: dateValue.optional(),
  /** When the incident was detected. */
  detected: dateValue.optional(),
  /** When its impact was mitigated. */
  mitigated: dateValue.optional(),
  /**
   * When it was fully resolved. `true` or `false`, as cState status pages write it, says only
   * whether it is: the time is then `resolvedWhen`.
   */
  resolved: z.union([dateValue, z.boolean().transform(() => undefined)]).optional(),
  /** When it was resolved, as cState status pages write it (used when `resolved` gives no time). */
  resolvedWhen: dateValue.optional(),
  /** When it was resolved, as some Hugo status page themes write it. */
  resolved_on: dateValue.optional(),
  /** When the incident started, as some templates name the key (`started` wins). */
  start_time: dateValue.optional(),
  /** When the incident ended, as some templates name the key (`resolved` wins). */
  end_time: dateValue.optional(),
  /** Affected systems, as cState status pages write them; joins `services`. */
  affected: stringList.optional(),
  /** Affected systems, under another name postmortems give them; joins `services`. */
  systems: stringList.optional(),
  /** Affected services, as some templates name the key; joins `services`. */
  affected_services: stringList.optional(),
  /** Affected systems, as older cState status pages write them; joins `services`. */
  affectedsystems: stringList.optional(),
  /** Affected services, as some templates name the key; joins `services`. */
  services_affected: stringList.optional(),
  /** How long the incident lasted, as written ("~20h", "08:41–09:54 UTC"); a window of times gives the start and end. */
  duration: z.union([z.string(), z.number()]).transform(String).optional(),
  /** Slugs of related incidents. */
  related: stringList.optional(),
  /** Root-cause category from the configured vocabulary (else inferred from the text). */
  cause: z.string().trim().min(1).optional(),
  /** URL slug; defaults to the file name without its extension. */
  slug: z.string().trim().min(1).optional(),
  /** Short summary (Hugo/Jekyll). */
  summary: z.string().optional(),
  /** Template layout (Jekyll/Hugo); ignored by Hindsight. */
  layout: z.string().optional(),
  /** Old URLs that redirect here (Hugo). */
  aliases: stringList.optional(),
  /** Last modification date (Hugo). */
  lastmod: dateValue.optional(),
  /** Last modification date (Pelican, cState); ignored by Hindsight. */
  modified: z.unknown().optional(),
  /** Sort weight (Hugo); ignored by Hindsight. */
  weight: z.number().optional(),
  /** Author (singular, as Jekyll and Hugo themes write it): names (a list, or comma-separated), or `{ name, … }` entries. */
  author: z
    .union([z.string(), person, z.array(z.union([z.string(), person]))])
    .transform((v) => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [v]).map((p) => (typeof p === 'string' ? p : p.name).trim()).filter(Boolean))
    .optional(),
  /** Publication date (Hugo). */
  publishDate: dateValue.optional(),
  /**
   * Jekyll: `false` keeps the post unpublished, a draft. Pelican, Hexo and others: when the post was
   * published, the incident's day when nothing else gives one.
   */
  published: z.union([z.boolean(), dateValue]).optional(),
  /** Expiry date (Hugo); ignored by Hindsight. */
  expiryDate: dateValue.optional(),
  /** Permalink override (Jekyll); ignored by Hindsight. */
  permalink: z.string().optional(),
  /** Parent page in a documentation theme's navigation (Just the Docs); ignored by Hindsight. */
  parent: z.unknown().optional(),
  /** Position in a documentation theme's navigation (Just the Docs); ignored by Hindsight. */
  nav_order: z.unknown().optional(),
  /** Keywords (Hugo); ignored by Hindsight. */
  keywords: stringList.optional(),
  /** Table-of-contents toggle (themes); ignored by Hindsight. */
  toc: z.boolean().optional(),
  /** Cover image (themes); ignored by Hindsight. */
  image: z.unknown().optional(),
  /** Extra theme parameters (Zola/Hugo); ignored by Hindsight. */
  extra: z.unknown().optional(),
  /** Taxonomies (Zola): tags and categories nested under one key. */
  taxonomies: z.record(z.string(), stringList).optional(),
});

export type Frontmatter = z.output<typeof frontmatterSchema>;

/** Every key the schema names: anything else is reported as unknown (with a "did you mean"). */
export const knownFrontmatterKeys: readonly string[] = Object.keys(frontmatterSchema.shape);

/** Keys from other site generators that are accepted without a warning. */
export const passthroughFrontmatterKeys: readonly string[] = [
  'url', 'type', 'images', 'series', 'comments', 'hidden', 'excerpt',
  'canonicalURL', 'canonical_url', 'heroImage', 'pubDate', 'updatedDate', 'subtitle', 'heading',
  'showToc', 'math', 'audio', 'videos', 'headless', 'linkTitle', 'outputs', 'resources',
  'sitemap', 'menu', 'markup', 'translationKey', 'ShowToc', 'TocOpen', 'cover', 'sidebar',
  'redirect_from', 'categories_weight', 'sticky', 'pin', 'header', 'excerpt_separator',
  'last_modified_at', 'modified', 'updated', 'created', 'created_at', 'in_search_index', 'render', 'template',
  // Publication dates as other blog engines name them (Hashnode, Ghost exports, Rails blogs).
  'datePublished', 'date_published', 'publishedAt', 'published_at',
  // Post identifiers (Hashnode, note apps).
  'cuid', 'uuid',
  // Zola and Jekyll addresses; Jekyll's just-the-docs navigation.
  'path', 'nav_order', 'parent', 'grand_parent', 'has_children', 'nav_exclude',
  // Docusaurus docs.
  'id', 'sidebar_position', 'sidebar_label', 'sidebar_class_name', 'displayed_sidebar', 'hide_title',
  'hide_table_of_contents', 'pagination_label', 'custom_edit_url', 'last_update', 'unlisted',
  // MkDocs and VitePress pages.
  'hide', 'search', 'icon', 'outline', 'editLink', 'lastUpdated', 'aside', 'prev', 'next',
  // cState status pages.
  'section', 'informational',
];
