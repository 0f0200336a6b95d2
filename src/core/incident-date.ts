/** The postmortem's own date: front matter `date`, then its title, the first H1, the file name. */
import { basename } from 'node:path';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DateOrder } from '../../schemas/config.ts';
import type { ParsedPostmortem } from './model.ts';
import { findDate } from './dates/index.ts';

/** YYYY-MM-DD, or null when nothing names a date; a year written anywhere in them helps undated titles. */
export function incidentDateOf(parsed: ParsedPostmortem, dateOrder: DateOrder = 'auto'): string | null {
  const data = parsed.frontmatter?.data ?? {};
  const date = data.date instanceof Date ? data.date.toISOString().slice(0, 10) : typeof data.date === 'string' ? data.date : '';
  const iso = /^\d{4}-\d{2}-\d{2}/.exec(date.trim());
  if (iso) return iso[0];
  const title = typeof data.title === 'string' ? data.title : '';
  const h1 = parsed.tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
  const candidates = [date, title, h1 ? toString(h1) : '', basename(parsed.file).replace(/\.[^.]+$/, '')];
  const year = /\b(?:19|20)\d{2}\b/.exec(candidates.join(' '));
  const yearHint = year ? Number(year[0]) : undefined;
  for (const text of candidates) {
    const found = text ? findDate(text.slice(0, 500), { yearHint, dateOrder }) : null;
    if (found) return found;
  }
  return null;
}
