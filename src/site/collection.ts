/** The incidents of the build, as pages read them (from Astro's content layer). */
import { getCollection } from 'astro:content';
import config from 'virtual:hindsight/config';
import type { SiteIncidentData } from './site-incident.ts';
import type { RenderedHeading } from './render.ts';
import { newestFirst } from './incidents.ts';

/** An incident with its rendered body. */
export interface SiteIncident extends SiteIncidentData {
  html: string;
  headings: RenderedHeading[];
}

let cached: Promise<SiteIncident[]> | null = null;

/** Every published incident (drafts too in `astro dev`), newest first. Read once per build. */
export function allIncidents(): Promise<SiteIncident[]> {
  if (import.meta.env.DEV) cached = null;
  cached ??= getCollection('incidents').then((entries) =>
    newestFirst(entries.map((e) => ({
      ...(e.data as SiteIncidentData),
      html: e.rendered?.html ?? '',
      headings: (e.rendered?.metadata?.headings ?? []) as RenderedHeading[],
    }))),
  );
  return cached;
}

export { config };
