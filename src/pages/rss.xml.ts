/** RSS feed of incidents, newest first. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { allIncidents, config } from '../site/collection.ts';
import { incidentPath, joinBase } from '../site/urls.ts';

export async function GET(context: APIContext): Promise<Response> {
  const incidents = await allIncidents();
  return rss({
    title: config.site.title,
    description: config.site.description,
    site: context.site ?? config.site.url,
    items: incidents.slice(0, 50).map((incident) => ({
      title: incident.title,
      pubDate: new Date(`${incident.date}T00:00:00Z`),
      description: incident.excerpt,
      link: joinBase(config.site.base, incidentPath(incident.slug)),
      categories: [...incident.categories, ...incident.tags],
    })),
    customData: '<language>en</language>',
  });
}
