/** What the site keeps of an incident, and how it is taken from an extracted one. */
import type { z } from 'zod';
import { incidentSchema } from '../../schemas/incident.ts';
import type { IncidentFacts, SiteProse } from '../core/extract.ts';

/**
 * The extracted incident (the `extract` contract) without the section texts, logs and section
 * list, which the rendered body already shows.
 */
export const siteIncidentSchema = incidentSchema.omit({
  summary: true, impact: true, trigger: true, detection: true, rootCause: true, resolution: true, lessons: true, logs: true, sections: true,
}).extend({
  // A postmortem without a date has an error, so it is never published.
  date: incidentSchema.shape.date.unwrap(),
  // Pages show times in a zone: the incident's, else the configured one.
  timezone: incidentSchema.shape.timezone.unwrap(),
});
export type SiteIncidentData = z.infer<typeof siteIncidentSchema>;

const keptKeys = Object.keys(siteIncidentSchema.shape) as (keyof SiteIncidentData & keyof (IncidentFacts & SiteProse))[];

/**
 * The site's part of an incident, its times shown in its own zone or else `defaultZone`; null
 * without a date (such a file has an error, and is never published). Only the kept fields are
 * copied: the logs and section list stay behind with the extraction.
 */
export function forSite(incident: IncidentFacts & SiteProse, defaultZone: string): SiteIncidentData | null {
  if (incident.date === null) return null;
  const kept: Partial<Record<keyof SiteIncidentData, unknown>> = {};
  for (const key of keptKeys) kept[key] = incident[key];
  return { ...(kept as SiteIncidentData), timezone: incident.timezone ?? defaultZone };
}
