/**
 * What the search index holds of an incident: the words its page shows in its header card, the
 * timeline list, the rendered postmortem and the action items, as one HTML document for Pagefind
 * (title and date as Pagefind metadata, for the result list). Built by the content loader from the
 * stored entry, so the index is made while Astro is still building the pages instead of after.
 */
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { SiteIncidentData } from './site-incident.ts';
import { formatDate, humanize } from './format.ts';

/** A labelled line of the header card (`Tags: dns, tls`), or nothing when there is no value. */
function fact(label: string, values: readonly (string | null | undefined)[]): ElementContent[] {
  const kept = values.filter((v): v is string => Boolean(v));
  return kept.length ? [h('p', `${label}: ${kept.join(', ')}`)] : [];
}

/** The HTML document Pagefind indexes for an incident whose rendered body is `html` (already sanitised). */
export function searchDocument(incident: SiteIncidentData, html: string): string {
  const article = h('article', { dataPagefindBody: '' }, [
    h('p', h('time', { dataPagefindMeta: 'date' }, formatDate(incident.date))),
    h('h1', { dataPagefindMeta: 'title' }, incident.title),
    ...(incident.description ? [h('p', incident.description)] : []),
    ...fact('Severity', [incident.severity]),
    ...fact('Status', [incident.status]),
    ...fact('Root cause', [incident.cause ? humanize(incident.cause.category) : null]),
    ...fact('Written by', incident.authors),
    ...fact('Affected services', incident.services),
    ...fact('Categories', incident.categories),
    ...fact('Tags', incident.tags),
    ...(incident.timeline.length ? [h('ol', incident.timeline.map((event) => h('li', event.text)))] : []),
    // The body is HTML the site renders as it is: sanitised by the renderer unless the repository is trusted.
    { type: 'raw', value: html } as unknown as ElementContent,
    ...(incident.actionItems.length
      ? [h('ul', incident.actionItems.map((item) => h('li', [item.text, ...(item.owner ? [` Owner: ${item.owner}`] : []), ...item.refs.map((ref) => ` ${ref}`)])))]
      : []),
  ]);
  const page = h('html', { lang: 'en' }, [h('head', h('title', incident.title)), h('body', article)]);
  return toHtml(page, { allowDangerousHtml: true });
}
