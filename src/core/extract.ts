/** From a parsed postmortem to the extracted incident of the output contract. */
import { basename, extname } from 'node:path';
import type { Config } from '../../schemas/config.ts';
import { timeZoneSchema } from '../../schemas/time-zone.ts';
import { defaultConfig } from '../../schemas/config.ts';
import { normaliseStatus, splitTaxonomy, statusSchema, type Frontmatter } from '../../schemas/frontmatter.ts';
import type { Incident, TimelineEvent } from '../../schemas/incident.ts';
import type { ParsedPostmortem } from './model.ts';
import { diagnostic, type Diagnostic } from './diagnostic.ts';
import { validateFrontmatter } from './frontmatter-schema.ts';
import { extractActionItems } from './action-items.ts';
import { causeCategory } from './cause-category.ts';
import { readStamp, toInstant, toWindow } from './dates/index.ts';
import { firstEventDay, incidentDateOf, labelledDate, openingDate, publishedKeys, timelineDayOf, writtenDay } from './incident-date.ts';
import { extractLogs, instantKey, mergeLogEvents } from './incident-logs.ts';
import { boundCandidates, milestoneKeys, milestoneReach, milestoneWords, minutesBetween } from './milestones.ts';
import { excerptOf, rootCauseText, sectionText } from './prose-text.ts';
import { headerFields, headerSeverity, headingTitle, plainLines } from './report-header.ts';
import { extractTimeline } from './timeline/index.ts';
import { slugify } from './slug.ts';
import { statedWindow } from './stated-window.ts';

/** The fields of an incident its prose tells: the cause category, the excerpt and the section texts. */
export type ProseField = 'cause' | 'excerpt' | 'summary' | 'impact' | 'trigger' | 'detection' | 'rootCause' | 'resolution' | 'lessons';

/** An incident without its prose fields: what lint checks (timeline, milestones, action items, front matter). */
export type IncidentFacts = Omit<Incident, ProseField>;

export interface Extraction<I extends IncidentFacts = Incident> {
  incident: I;
  /** Front matter schema problems and everything the extractors could not read. */
  diagnostics: Diagnostic[];
  /** Validated front matter, or null when it is missing or invalid. */
  frontmatter: Frontmatter | null;
  /** Numeric date order used in the timeline (null when it had no numeric dates). */
  dateOrder: 'dmy' | 'mdy' | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);

const list = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : []).map((x) => String(x).trim()).filter(Boolean);

/** Tags or categories from front matter the schema refused, split as the schema splits them. */
const taxonomy = (v: unknown): string[] => (typeof v === 'string' ? splitTaxonomy(v) : list(v));

/** The one zone every timed timeline entry was written in, or null when they name several or none. */
function writtenZone(events: readonly TimelineEvent[]): string | null {
  let zone: string | null = null;
  for (const e of events) {
    if (e.source !== 'timeline' || e.at === null || e.at.length === 10 || !e.timezone) continue;
    if (zone !== null && zone !== e.timezone) return null;
    zone = e.timezone;
  }
  return zone;
}

/** The front matter keys that name affected services: Hindsight's own, then cState's and other templates'. */
const serviceKeys = ['services', 'affected', 'systems', 'affected_services', 'affectedsystems', 'services_affected'] as const;

/** The fields of an incident's prose the site shows: its cause category and its excerpt. */
export type SiteProse = Pick<Incident, 'cause' | 'excerpt'>;

/** The extracted incident of the output contract (`extract`): its facts, then what its prose tells. */
export function extractIncident(parsed: ParsedPostmortem, config: Config = defaultConfig): Extraction {
  const facts = extractFacts(parsed, config);
  const sections = parsed.sections;
  const rootCause = rootCauseText(sections);
  const prose: Pick<Incident, ProseField> = {
    ...siteProse(parsed, facts, rootCause),
    summary: sectionText(sections, 'summary'),
    impact: sectionText(sections, 'impact'),
    trigger: sectionText(sections, 'trigger'),
    detection: sectionText(sections, 'detection'),
    rootCause,
    resolution: sectionText(sections, 'resolution'),
    lessons: sectionText(sections, 'lessons'),
  };
  return { ...facts, incident: { ...facts.incident, ...prose } };
}

/** What the site publishes of an incident: its facts, its cause category and its excerpt (the pages show the section texts as rendered Markdown). */
export function extractForSite(parsed: ParsedPostmortem, config: Config = defaultConfig): Extraction<IncidentFacts & SiteProse> {
  const facts = extractFacts(parsed, config);
  return { ...facts, incident: { ...facts.incident, ...siteProse(parsed, facts, rootCauseText(parsed.sections)) } };
}

/** The cause category (from `cause`, else from the root-cause text) and the excerpt. */
function siteProse(parsed: ParsedPostmortem, facts: Extraction<IncidentFacts>, rootCause: string | null): SiteProse {
  const raw = parsed.frontmatter?.data ?? {};
  return {
    cause: causeCategory(facts.frontmatter?.cause ?? str(raw.cause) ?? undefined, rootCause),
    excerpt: excerptOf(parsed, facts.incident.description),
  };
}

/** An incident's facts: everything but what its prose tells, which lint does not need. */
export function extractFacts(parsed: ParsedPostmortem, config: Config = defaultConfig): Extraction<IncidentFacts> {
  const diagnostics: Diagnostic[] = [];
  let fm: Frontmatter | null = null;
  const raw = parsed.frontmatter?.data ?? {};
  // After a syntax error the data is empty: schema messages about "missing" keys would mislead.
  const unreadableFrontmatter = parsed.diagnostics.some((d) => d.ruleId === 'frontmatter-yaml');
  if (parsed.frontmatter && !unreadableFrontmatter) {
    const v = validateFrontmatter(parsed.frontmatter);
    fm = v.data;
    for (const item of v.diagnostics) diagnostics.push(item);
  } else if (parsed.readable && !parsed.diagnostics.some((d) => d.ruleId.startsWith('frontmatter'))) {
    diagnostics.push(diagnostic('frontmatter-missing', 'error', 'The postmortem has no front matter; start the file with a `---` block giving at least `title` and `date`', { line: 1, column: 1 }));
  }
  const name = basename(parsed.file, extname(parsed.file));
  const statedZone = fm?.timezone ?? (typeof raw.timezone === 'string' && timeZoneSchema.safeParse(raw.timezone).success ? raw.timezone : null);
  const timezone = statedZone ?? config.timezone;
  // Fields a report gives in its header (labels, a table, headings) stand in for front matter that lacks them.
  const header = headerFields(parsed.sections);
  // Front matter that is not valid YAML still gives its plain title and date lines (lint reports the block).
  const salvaged = unreadableFrontmatter && parsed.frontmatter ? plainLines(parsed.frontmatter.raw) : null;
  // A header that gives no date but a start time ("**Start time:** 2024-01-05 14:32 UTC") dates the incident by it.
  let date = incidentDateOf(parsed, config.dateOrder, header.date ?? salvaged?.get('date') ?? header.started);
  // Times of day in the timeline fall on the incident's day; without one, on the day its start time,
  // the opening sentence or the publication date names ("On July 10, 2024, from 9:00 AM…").
  const opening = date ? null : writtenDay(milestoneKeys.started.map((key) => raw[key]).find((v) => v !== undefined && v !== null), config.dateOrder) ?? labelledDate(parsed) ?? openingDate(parsed, config.dateOrder) ?? publishedKeys.map((key) => writtenDay(raw[key], config.dateOrder)).find((day) => day !== null) ?? writtenDay(salvaged?.get('published'), config.dateOrder) ?? writtenDay(header.published, config.dateOrder);
  const timeline = extractTimeline({ sections: parsed.sections, text: parsed.text, incidentDate: timelineDayOf(parsed, date, config.dateOrder) ?? opening, timezone, zoneStated: statedZone !== null, dateOrder: config.dateOrder });
  for (const item of timeline.diagnostics) diagnostics.push(item);
  // Else the day of the first dated timeline entry, as written (in the timeline's zone), else a
  // date the opening sentence names; last, the day a blog post was published (Hugo `publishDate`,
  // Astro `pubDate`, Hashnode `datePublished`).
  date ??= firstEventDay(timeline.events, timezone) ?? opening;
  // After a front matter syntax error, its date may be there unread: that error says what to fix.
  if (!date && !unreadableFrontmatter) {
    diagnostics.push(diagnostic('frontmatter-schema', 'error', 'No date could be found for this incident; add `date: YYYY-MM-DD` to the front matter', { line: 1, column: 1 }));
  }
  // Some blog engines (Next.js themes) name the title `heading`.
  const title = fm?.title ?? str(raw.title) ?? str(raw.heading) ?? salvaged?.get('title') ?? header.title ?? headingTitle(parsed);
  // Without front matter, frontmatter-missing already asks for a block with a title.
  if (!title && parsed.frontmatter && !unreadableFrontmatter) {
    diagnostics.push(diagnostic('frontmatter-schema', 'error', 'No title could be found for this incident; add `title: …` to the front matter, or start the postmortem with a `# heading`', { line: 1, column: 1 }));
  }
  // Log lines that give no year take the incident's (1970 when it has no date, as it then has errors).
  const logs = extractLogs(parsed, Number((date ?? '1970').slice(0, 4)), timezone, timeline.entryBlocks);
  const events = mergeLogEvents(timeline.events, logs);

  // The postmortem's zone: the one it states; else the one its timeline writes every time in ("all
  // times PDT"); else the configured one. Milestones written without a zone are read in it.
  const ownZone = statedZone ?? writtenZone(timeline.events);
  const readZone = ownZone ?? timezone;
  const milestone = (key: 'started' | 'detected' | 'mitigated' | 'resolved'): string | null => {
    let value: string | null = null;
    for (const name of milestoneKeys[key]) value ??= fm?.[name] ?? str(raw[name]);
    const labelled = header[key];
    return (value ? toInstant(value, readZone)?.at : undefined) ?? (labelled ? toInstant(labelled, readZone)?.at : undefined) ?? null;
  };
  // The timed events with the key each sorts by, and the first and last of them.
  const timed = events.filter((e) => e.at !== null).map((e) => ({ event: e, key: instantKey(e.at!) }));
  let first: (typeof timed)[number] | null = null;
  let last: (typeof timed)[number] | null = null;
  // Of an entry dated to the day only and one with a time on that day, the one written first came
  // first ("2021-12-10: the flaw is published" above "2021-12-10 15:40: we are told", but not
  // "10-01 evening" below "10-01 09:45"). The last is the last with a time on its day: a day-only
  // entry after it is follow-up work.
  const before = (a: (typeof timed)[number], b: (typeof timed)[number]): boolean => {
    const dayOnlyA = a.event.at!.length === 10;
    if (dayOnlyA !== (b.event.at!.length === 10) && a.event.at!.slice(0, 10) === b.event.at!.slice(0, 10)) return a.event.line < b.event.line;
    return a.key < b.key;
  };
  for (const t of boundCandidates(timed)) {
    if (first === null || before(t, first)) first = t;
    if (last === null || t.key >= last.key) last = t;
  }
  // The earliest event that says it (a timeline may run newest first); for the end, the latest: an
  // incident resolved, reopened and resolved again ends at its last "Resolved".
  const byWords = (key: keyof typeof milestoneWords): string | null => {
    const latest = key === 'ended';
    let found: (typeof timed)[number] | null = null;
    for (const t of timed) {
      // Only the opening of an entry says what happened then; a timeline told as prose goes on to
      // tell later things ("… 16.5 hours after the incident started").
      const better = found === null || (latest ? t.key > found.key : t.key < found.key);
      if (t.event.source === 'timeline' && better && milestoneWords[key].test(t.event.text.slice(0, milestoneReach))) found = t;
    }
    return found?.event.at ?? null;
  };
  // A window the header gives ("**Duration:** 08:41–09:54 UTC", "**Date:** 2025-05-20 08:41–09:54").
  const windowOf = (value: string | undefined) => (value ? toWindow(value, readZone, date) : null);
  const window = windowOf(header.window) ?? windowOf(header.date) ?? windowOf(fm?.duration ?? str(raw.duration) ?? undefined);
  // The outage window a sentence of the opening, summary or impact states ("went down … from 15:30 to
  // 18:10 UTC"): the report's own word on when the impact began and ended, before the timeline's
  // markers and its first and last entries (which may be background weeks before, or follow-up after).
  const stated = window ? null : statedWindow(parsed.tree, parsed.sections, readZone, date);
  // An explicit start marker ("OUTAGE BEGINS") is when the impact began, even after earlier events.
  const started = milestone('started') ?? window?.start ?? stated?.start ?? byWords('started') ?? first?.event.at ?? null;
  const detected = milestone('detected') ?? byWords('detected');
  const mitigated = milestone('mitigated') ?? byWords('mitigated');
  // A status page that says `resolved: false` is still open: its last update is no resolution.
  const open = /^(?:no|false)$/i.test(String(raw.resolved ?? ''));
  const resolved = milestone('resolved') ?? window?.end ?? stated?.end ?? byWords('ended') ?? (open ? null : last?.event.at) ?? null;
  // A postmortem that states no zone and gives no time of day has none: readers use the configured one.
  // Log lines carry their own zone: only the times the report itself writes give it one.
  const logged = new Set(events.filter((e) => e.source === 'log').map((e) => e.at));
  const timeOfDay = [started, detected, mitigated, resolved, ...timed.map((t) => t.event.at)].some((at) => at !== null && at.length > 10 && !logged.has(at));
  // Else the zone the header's start or end is written in ("| August 29th 2022, 8:10 CEST |").
  const headerZone = [header.started, header.resolved].map((v) => (v ? readStamp(v.trim())?.zone : null)).find((z) => z);
  const incidentZone = ownZone ?? stated?.zone?.label ?? headerZone?.label ?? (timeOfDay ? readZone : null);

  const description = fm?.description ?? str(raw.description);
  const fmStatus = fm?.status ?? (typeof raw.status === 'string' ? statusSchema.safeParse(normaliseStatus(raw.status)).data : undefined) ?? null;
  // Jekyll's `published: false` keeps a post out of the site, as `draft: true` does.
  const draft = fm?.draft ?? (raw.draft === true || raw.published === false);
  const incident: IncidentFacts = {
    slug: slugify(fm?.slug ?? str(raw.slug) ?? name),
    file: parsed.file,
    title: title ?? name,
    date,
    description: description ?? null,
    tags: fm?.tags ?? taxonomy(raw.tags),
    categories: [...new Set([...(fm?.categories ?? taxonomy(raw.categories)), ...(fm?.category ?? list(raw.category))])],
    severity: fm?.severity ?? str(raw.severity) ?? headerSeverity(header.severity),
    status: fmStatus ?? (draft ? 'draft' : 'published'),
    draft: draft || fmStatus === 'draft',
    authors: fm?.authors ?? fm?.author ?? list(raw.authors ?? raw.author ?? (header.authors ? header.authors.split(/\s*(?:[,;]|\band\b|&)\s*|\s+(?=@)/) : undefined)),
    services: [...new Set(serviceKeys.flatMap((key) => fm?.[key] ?? list(raw[key])))],
    related: fm?.related ?? list(raw.related),
    timezone: incidentZone,
    timeline: events,
    logs,
    actionItems: extractActionItems(parsed.sections),
    sections: parsed.sections.filter((s) => s.node).map((s) => ({ kind: s.kind, heading: s.heading, depth: s.depth, line: s.line })),
    started,
    detected,
    mitigated,
    resolved,
    durationMinutes: minutesBetween(started, resolved),
    timeToDetectMinutes: minutesBetween(started, detected),
    timeToMitigateMinutes: minutesBetween(started, mitigated),
    timeToResolveMinutes: minutesBetween(started, resolved),
  };
  return { incident, diagnostics, frontmatter: fm, dateOrder: timeline.dateOrder };
}
