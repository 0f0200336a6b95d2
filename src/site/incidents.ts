/** Orderings and groupings of incidents for the site's pages. Pure functions over extracted incidents. */
import type { Incident } from '../../schemas/incident.ts';
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

interface RelatedIndex<T> {
  bySlug: Map<string, T>;
  byTag: Map<string, T[]>;
}

const relatedIndexes = new WeakMap<readonly Relatable[], RelatedIndex<Relatable>>();

/** Incidents by slug and by tag, built once per list (every incident page asks). */
function relatedIndex<T extends Relatable>(all: readonly T[]): RelatedIndex<T> {
  let index = relatedIndexes.get(all) as RelatedIndex<T> | undefined;
  if (!index) {
    index = { bySlug: new Map(all.map((i) => [i.slug, i])), byTag: new Map() };
    for (const incident of all) {
      for (const tag of new Set(incident.tags.map(termSlug))) {
        let list = index.byTag.get(tag);
        if (!list) index.byTag.set(tag, (list = []));
        list.push(incident);
      }
    }
    relatedIndexes.set(all, index as RelatedIndex<Relatable>);
  }
  return index;
}

/**
 * Related incidents: the explicit `related` slugs first (in the order written), then incidents
 * sharing the most tags (then categories), nearest in time first.
 */
export function relatedTo<T extends Relatable>(incident: T, all: readonly T[], limit = 5): T[] {
  const { bySlug, byTag } = relatedIndex(all);
  const result: T[] = [];
  const taken = new Set([incident.slug]);
  for (const slug of incident.related) {
    const other = bySlug.get(slug);
    if (other && !taken.has(slug)) {
      result.push(other);
      taken.add(slug);
    }
  }
  const shared = new Map<T, number>();
  for (const tag of new Set(incident.tags.map(termSlug))) {
    for (const other of byTag.get(tag) ?? []) if (!taken.has(other.slug)) shared.set(other, (shared.get(other) ?? 0) + 1);
  }
  const categories = new Set(incident.categories.map(termSlug));
  const time = Date.parse(incident.date);
  const scored = [...shared].map(([o, tags]) => ({
    o,
    tags,
    categories: o.categories.filter((c) => categories.has(termSlug(c))).length,
    distance: Math.abs(Date.parse(o.date) - time),
  })).sort((a, b) => b.tags - a.tags || b.categories - a.categories || a.distance - b.distance || a.o.slug.localeCompare(b.o.slug));
  for (const s of scored) {
    if (result.length >= Math.max(limit, incident.related.length)) break;
    result.push(s.o);
  }
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

/** Rank of a severity on the configured scale (0 is most severe), or null when it is not on it. */
export function severityRank(severity: string | null, scale: readonly string[]): number | null {
  if (!severity) return null;
  const i = scale.findIndex((s) => s.toLowerCase() === severity.toLowerCase());
  return i < 0 ? null : i;
}

/** Badge colours by rank (most severe first); text on each has a contrast ratio of at least 4.5:1 with white. */
export const severityColours = ['#b91c1c', '#c2410c', '#a16207', '#1d4ed8', '#4b5563'] as const;

/** Colour of a severity: scales longer than five share the last colour. */
export function severityColour(rank: number | null): string {
  if (rank === null) return '#4b5563';
  return severityColours[Math.min(rank, severityColours.length - 1)]!;
}

/** Whether an incident is left out of production builds. */
export function isDraft(incident: Pick<Incident, 'draft' | 'status'>): boolean {
  return incident.draft || incident.status === 'draft';
}
