/** Orderings and groupings of incidents for the site's pages. Pure functions over extracted incidents. */
import { severityOnScale } from '../core/severity.ts';
import type { SiteIncidentData as Incident } from './site-incident.ts';
import { termSlug } from './urls.ts';

/** Newest first: by date, then by start time, then by title. */
export function newestFirst<T extends Pick<Incident, 'date' | 'started' | 'title'>>(incidents: readonly T[]): T[] {
  return [...incidents].sort((a, b) => b.date.localeCompare(a.date) || (b.started ?? '').localeCompare(a.started ?? '') || a.title.localeCompare(b.title));
}

/** A tag, category or service with the incidents that carry it. */
export interface Term<T> {
  /** Path segment of its page. */
  slug: string;
  /** The name as first written. */
  name: string;
  incidents: T[];
}

/**
 * Group incidents by a list field (tags, categories, services). Names that differ only in case or
 * punctuation share one page. Sorted by name; each term's incidents keep the given order.
 */
export function termsOf<T extends Pick<Incident, 'tags' | 'categories' | 'services'>>(incidents: readonly T[], field: 'tags' | 'categories' | 'services'): Term<T>[] {
  const terms = new Map<string, Term<T>>();
  for (const incident of incidents) {
    const seen = new Set<string>();
    for (const name of incident[field]) {
      const slug = termSlug(name);
      if (seen.has(slug)) continue;
      seen.add(slug);
      let term = terms.get(slug);
      if (!term) terms.set(slug, (term = { slug, name, incidents: [] }));
      term.incidents.push(incident);
    }
  }
  return [...terms.values()].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

type Relatable = Pick<Incident, 'slug' | 'related' | 'tags' | 'categories' | 'date'>;

interface RelatedFacts {
  /** The date as a number. */
  time: number;
  /** Tag slugs, each once. */
  tags: Set<string>;
  /** Category slugs, as listed. */
  categories: string[];
}

interface RelatedIndex<T> {
  bySlug: Map<string, T>;
  byTag: Map<string, T[]>;
  /** Per incident, worked out once. */
  facts: Map<T, RelatedFacts>;
}

const relatedIndexes = new WeakMap<readonly Relatable[], RelatedIndex<Relatable>>();

function factsOf(incident: Relatable): RelatedFacts {
  return { time: Date.parse(incident.date), tags: new Set(incident.tags.map(termSlug)), categories: incident.categories.map(termSlug) };
}

/** Incidents by slug and by tag, built once per list (every incident page asks). */
function relatedIndex<T extends Relatable>(all: readonly T[]): RelatedIndex<T> {
  let index = relatedIndexes.get(all) as RelatedIndex<T> | undefined;
  if (!index) {
    index = { bySlug: new Map(all.map((i) => [i.slug, i])), byTag: new Map(), facts: new Map() };
    for (const incident of all) {
      const facts = factsOf(incident);
      index.facts.set(incident, facts);
      for (const tag of facts.tags) {
        let list = index.byTag.get(tag);
        if (!list) index.byTag.set(tag, (list = []));
        list.push(incident);
      }
    }
    relatedIndexes.set(all, index as RelatedIndex<Relatable>);
  }
  return index;
}

interface Candidate<T> {
  o: T;
  tags: number;
  categories: number;
  distance: number;
}

/** Most shared tags first, then most shared categories, then nearest in time, then by slug. */
function closer<T extends Relatable>(a: Candidate<T>, b: Candidate<T>): number {
  return b.tags - a.tags || b.categories - a.categories || a.distance - b.distance || a.o.slug.localeCompare(b.o.slug);
}

/**
 * Related incidents: the explicit `related` slugs first (in the order written), then incidents
 * sharing the most tags (then categories), nearest in time first.
 *
 * Every page asks, and with thousands of incidents a tag can be shared by a thousand others: only
 * the few best candidates are kept while scanning, and a candidate that cannot beat the last of
 * them is dropped after counting its shared tags, before anything else about it is worked out.
 */
export function relatedTo<T extends Relatable>(incident: T, all: readonly T[], limit = 5): T[] {
  const { bySlug, byTag, facts } = relatedIndex(all);
  const result: T[] = [];
  const taken = new Set([incident.slug]);
  for (const slug of incident.related) {
    const other = bySlug.get(slug);
    if (other && !taken.has(slug)) {
      result.push(other);
      taken.add(slug);
    }
  }
  const wanted = Math.max(limit, incident.related.length) - result.length;
  if (wanted <= 0) return result;
  const own = facts.get(incident) ?? factsOf(incident);
  const ownTags = [...own.tags];
  const ownCategories = new Set(own.categories);
  // The best `wanted` candidates so far, best first.
  const best: Candidate<T>[] = [];
  for (let t = 0; t < ownTags.length; t++) {
    for (const o of byTag.get(ownTags[t]!) ?? []) {
      if (taken.has(o.slug)) continue;
      const theirs = facts.get(o)!;
      // Seen already under an earlier tag of this incident.
      let seen = false;
      for (let u = 0; u < t && !seen; u++) seen = theirs.tags.has(ownTags[u]!);
      if (seen) continue;
      let tags = 1;
      for (let u = t + 1; u < ownTags.length; u++) if (theirs.tags.has(ownTags[u]!)) tags++;
      const last = best.length === wanted ? best[best.length - 1]! : null;
      if (last && tags < last.tags) continue;
      let categories = 0;
      for (const c of theirs.categories) if (ownCategories.has(c)) categories++;
      if (last && tags === last.tags && categories < last.categories) continue;
      const candidate = { o, tags, categories, distance: Math.abs(theirs.time - own.time) };
      if (last && closer(candidate, last) >= 0) continue;
      let at = best.length;
      while (at > 0 && closer(candidate, best[at - 1]!) < 0) at--;
      best.splice(at, 0, candidate);
      if (best.length > wanted) best.pop();
    }
  }
  for (const c of best) result.push(c.o);
  return result;
}

const positions = new WeakMap<readonly Pick<Incident, 'slug'>[], Map<string, number>>();

/** The incidents before (older) and after (newer) one in the newest-first list. */
export function neighbours<T extends Pick<Incident, 'slug'>>(incident: T, newestFirstList: readonly T[]): { older: T | null; newer: T | null } {
  let index = positions.get(newestFirstList);
  if (!index) positions.set(newestFirstList, (index = new Map(newestFirstList.map((o, i) => [o.slug, i]))));
  const i = index.get(incident.slug);
  if (i === undefined) return { older: null, newer: null };
  return { older: newestFirstList[i + 1] ?? null, newer: newestFirstList[i - 1] ?? null };
}

/** A severity as the site shows and groups it: its entry on the scale ("SEV-2" is `sev2`), else as written. */
export function severityName(severity: string, scale: readonly string[]): string {
  return severityOnScale(severity, scale) ?? severity;
}

/** Rank of a severity on the configured scale (0 is most severe), or null when it is not on it. */
export function severityRank(severity: string | null, scale: readonly string[]): number | null {
  if (!severity) return null;
  const entry = severityOnScale(severity, scale);
  return entry === undefined ? null : scale.indexOf(entry);
}

/** Badge colours by rank (most severe first); text on each has a contrast ratio of at least 4.5:1 with white. */
export const severityColours = ['#b91c1c', '#c2410c', '#a16207', '#1d4ed8', '#4b5563'] as const;

/** Colour of a severity: scales longer than five share the last colour. */
export function severityColour(rank: number | null): string {
  if (rank === null) return '#4b5563';
  return severityColours[Math.min(rank, severityColours.length - 1)]!;
}

/** Colours of severities that are not on the scale ("down", "major"), so a chart tells them apart. */
const offScaleColours = ['#0f766e', '#7c3aed', '#be185d', '#4d7c0f', '#0369a1'] as const;

/** A chart's colour per severity name: by rank on the scale; others each their own; `(none)` grey. */
export function severitySeriesColours(names: readonly string[], scale: readonly string[]): string[] {
  let other = 0;
  return names.map((name) => {
    const rank = severityRank(name, scale);
    if (rank !== null || name === '(none)') return severityColour(rank);
    return offScaleColours[other++ % offScaleColours.length]!;
  });
}

/** Whether an incident is left out of production builds. */
export function isDraft(incident: Pick<Incident, 'draft' | 'status'>): boolean {
  return incident.draft || incident.status === 'draft';
}

