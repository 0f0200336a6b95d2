/**
 * The postmortem's own date: front matter `date`, then its title, the title its headings give, the
 * file name; and the days other parts of it give when none of those does (publication keys, the
 * opening sentence, a labelled date, the first timeline entry).
 */
import { basename } from 'node:path';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DateOrder } from '../../schemas/config.ts';
import type { TimelineEvent } from '../../schemas/incident.ts';
import type { ParsedPostmortem } from './model.ts';
import { headingTitle } from './report-header.ts';
import { dayOf, dayOfValue, daysBetween, findDate, openingStamp, parseDay } from './dates/index.ts';

/** The front matter title and the title the headings give (`headingTitle`), as text ('' where there is none). */
function titles(parsed: ParsedPostmortem): [title: string, heading: string] {
  const data = parsed.frontmatter?.data;
  const title = data?.title ?? data?.heading;
  return [typeof title === 'string' ? title : '', headingTitle(parsed) ?? ''];
}

/**
 * The heading right under a title H1 when it opens with a full date: a log of incidents titled
 * "# Storage Server Incidents" names its incident "## 2026-03-01 — NFS Outage".
 */
function datedSubheading(parsed: ParsedPostmortem): string {
  const headings = parsed.tree.children.filter((n): n is Heading => n.type === 'heading');
  const [first, second] = headings;
  if (first?.depth !== 1 || !second || second.depth === 1) return '';
  const text = toString(second).slice(0, 80);
  return openingStamp(text)?.date?.kind === 'ymd' ? text : '';
}

/**
 * YYYY-MM-DD, or null when nothing names a date: front matter `date`, the title, the first H1, a
 * `Date:` field of the report's header (`headerDate`), a dated heading right under the H1, a front
 * matter `path` / `url` / `permalink`, the file name. A year written anywhere in them helps undated titles.
 */
export function incidentDateOf(parsed: ParsedPostmortem, dateOrder: DateOrder = 'auto', headerDate = ''): string | null {
  const data = parsed.frontmatter?.data ?? {};
  const day = dayOfValue(data.date);
  if (day) return day;
  // A date written in words ("February 6, 2023") is read with the other candidates.
  const date = typeof data.date === 'string' ? data.date : '';
  // A blog's front matter often dates the post only in its address (Zola `path`, Jekyll `permalink`).
  const address = ['path', 'url', 'permalink'].map((key) => (typeof data[key] === 'string' ? (data[key] as string).slice(0, 200) : '')).join(' ');
  const name = basename(parsed.file).replace(/\.[^.]+$/, '');
  // A file name may write its date without separators: "20260414_outage", "elan_20210305".
  const compact = /(?:^|[^\d])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/.exec(name);
  const candidates = [date, ...titles(parsed), headerDate, datedSubheading(parsed), address, name, compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : ''];
  const year = /\b(?:19|20)\d{2}\b/.exec(candidates.join(' '));
  const yearHint = year ? Number(year[0]) : undefined;
  for (const text of candidates) {
    const found = text ? findDate(text.slice(0, 500), { yearHint, dateOrder }) : null;
    if (found) return found;
  }
  return null;
}

/**
 * The day a timeline's undated times fall on. Usually the postmortem's date; but a postmortem often
 * comes out days after its incident and says in its title which day that was ("Details of the
 * outage on July 2, 2019", dated July 12): a full date in the title or the heading that titles it, up to 60 days
 * before the postmortem's date, is that day.
 */
export function timelineDayOf(parsed: ParsedPostmortem, date: string | null, dateOrder: DateOrder = 'auto'): string | null {
  const published = parseDay(date);
  if (!published) return date;
  for (const text of titles(parsed)) {
    // Only a date that names its year: "July 2" alone could be any year's.
    if (!/\b(?:19|20)\d{2}\b/.test(text)) continue;
    const day = findDate(text.slice(0, 500), { dateOrder });
    const incident = parseDay(day);
    if (!incident) continue;
    const before = daysBetween(incident, published);
    if (before > 0 && before <= 60) return day;
  }
  return date;
}

/**
 * The day a front matter value gives: ISO, or written out ("Dec 31, 2024", as Astro blogs write
 * `pubDate`; "Thu Mar 20 20:14:14 PDT 2025", as the `date` command writes it, its year last).
 */
export function writtenDay(value: unknown, dateOrder: DateOrder): string | null {
  const day = dayOfValue(value);
  if (day || typeof value !== 'string') return day;
  const text = value.slice(0, 100);
  const year = /\b(?:19|20)\d{2}\b/.exec(text);
  return findDate(text, { dateOrder, ...(year ? { yearHint: Number(year[0]) } : {}) });
}

/** Front matter keys that say when a post was published, as blog engines name them. */
export const publishedKeys = ['publishDate', 'pubDate', 'published', 'datePublished', 'date_published', 'publishedAt', 'published_at'] as const;

/** The day of the first dated timeline entry as it was written: in the entry's own zone. */
export function firstEventDay(events: readonly TimelineEvent[], timezone: string): string | null {
  const first = events.find((e) => e.at);
  return first?.at ? dayOf({ at: first.at, timezone: first.timezone }, timezone) : null;
}

/** A full date in the first sentence of the document's first paragraph: "On 18th April 2021 a researcher…". */
export function openingDate(parsed: ParsedPostmortem, dateOrder: DateOrder): string | null {
  const first = parsed.tree.children.find((n) => n.type === 'paragraph');
  if (!first) return null;
  // The sentence ends at a full stop, but not at one that abbreviates a month ("Sept. 18th, 2017").
  const sentence = toString(first).slice(0, 300).split(/(?<!\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|approx|ca|mr|mrs|ms|dr|st))[.!?](?:\s|$)/i, 1)[0]!;
  return findDate(sentence, { dateOrder });
}

/**
 * An ISO date labelled as the incident's in the first paragraphs, among other fields on one line
 * ("Component: Android Date/time: 2024-05-28 Duration: 6 months", as documents exported from an
 * editor run their header fields together).
 */
export function labelledDate(parsed: ParsedPostmortem): string | null {
  for (const node of parsed.tree.children.slice(0, 12)) {
    if (node.type !== 'paragraph') continue;
    const m = /(?:^|\s)(?:incident )?date(?:\s*\/\s*time)?:\s*(\d{4}-\d{2}-\d{2})(?![\d-])/i.exec(toString(node).slice(0, 600));
    if (m) return dayOfValue(m[1]);
  }
  return null;
}
