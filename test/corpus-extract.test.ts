/**
 * Extraction scored against the answer keys of the shared corpus of real postmortems:
 * sections found (kind and line), root causes found (the key's opening words), titles, dates and zones.
 * Skips cleanly when the corpus is absent.
 */
import { describe, expect, it } from 'vitest';
import { corpusCases, hasCorpus } from './support/corpus.ts';
import { parsePostmortem } from '../src/core/parse.ts';
import { extractIncident } from '../src/core/extract.ts';
import { DateTime } from 'luxon';
import { incidentSchema } from '../schemas/incident.ts';
import { findZone, zoneFromName } from '../src/core/dates/index.ts';

const words = (s: string) => s.toLowerCase().replace(/\[\^\w+\]/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

describe.skipIf(!hasCorpus)('corpus extraction', () => {
  const cases = corpusCases().map((c) => ({ ...c, extraction: extractIncident(parsePostmortem(c.name, c.bytes)) }));

  it('extracts a schema-valid incident from every file', () => {
    for (const c of cases) expect(incidentSchema.safeParse(c.extraction.incident).success, c.name).toBe(true);
  });

  it('finds at least 95% of the sections (kind and line)', () => {
    let want = 0;
    let found = 0;
    const misses: string[] = [];
    for (const c of cases) {
      for (const s of c.key.sections.filter((k) => k.kind !== 'other')) {
        want++;
        if (c.extraction.incident.sections.some((x) => x.kind === s.kind && x.line === s.line)) found++;
        else misses.push(`${c.name}:${s.line} ${s.kind} "${s.heading}"`);
      }
    }
    console.log(`sections: ${found}/${want} = ${((100 * found) / want).toFixed(1)}%${misses.length ? `\n  missed: ${misses.join('\n  missed: ')}` : ''}`);
    expect(found / want).toBeGreaterThanOrEqual(0.95);
  });

  it('finds at least 95% of the root causes', () => {
    let want = 0;
    let found = 0;
    const misses: string[] = [];
    for (const c of cases) {
      if (!c.key.rootCause) continue;
      want++;
      const opening = words(c.key.rootCause).split(' ').slice(0, 6).join(' ');
      if (words(c.extraction.incident.rootCause ?? '').includes(opening)) found++;
      else misses.push(`${c.name}: "${c.key.rootCause.slice(0, 50)}" vs "${(c.extraction.incident.rootCause ?? 'null').slice(0, 50)}"`);
    }
    console.log(`root causes: ${found}/${want} = ${((100 * found) / want).toFixed(1)}%${misses.length ? `\n  missed: ${misses.join('\n  missed: ')}` : ''}`);
    expect(found / want).toBeGreaterThanOrEqual(0.95);
  });

  it('finds the title and date the key gives (a null date where the key has none)', () => {
    const misses: string[] = [];
    let found = 0;
    for (const c of cases) {
      const { title, date } = c.extraction.incident;
      // A key without a title (no heading anywhere) accepts the file name the schema falls back to.
      const titleOk = c.key.title === null || title === c.key.title;
      if (titleOk && date === (c.key.date ?? null)) found++;
      else misses.push(`${c.name}: "${title}" ${date} vs "${c.key.title}" ${c.key.date}`);
    }
    console.log(`titles and dates: ${found}/${cases.length}${misses.length ? `\n  missed: ${misses.join('\n  missed: ')}` : ''}`);
    expect(found / cases.length).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the zone the key gives (the same UTC offset on the incident\'s day; null where the key has none)', () => {
    // Minutes east of UTC of a zone (as the key or the incident names it) at noon on a day.
    const offset = (name: string, day: string): number | null => {
      // A name the config could not hold ("SAST") is read as the timeline reads it.
      const zone = findZone(name) ?? zoneFromName(name);
      const spec = zone.kind === 'iana' ? zone.name : zone.offsetMinutes === 0 ? 'UTC' : `UTC${zone.offsetMinutes < 0 ? '-' : '+'}${Math.floor(Math.abs(zone.offsetMinutes) / 60)}:${String(Math.abs(zone.offsetMinutes) % 60).padStart(2, '0')}`;
      const at = DateTime.fromISO(`${day}T12:00`, { zone: spec });
      return at.isValid ? at.offset : null;
    };
    const misses: string[] = [];
    let found = 0;
    for (const c of cases) {
      const { timezone, date } = c.extraction.incident;
      const day = c.key.date?.slice(0, 10) ?? date ?? '2020-01-01';
      // "PST/PDT" names Pacific time either way: any of its names will do.
      const keyOffsets = c.key.timezone === null ? [] : [c.key.timezone, ...c.key.timezone.split('/')].map((n) => offset(n, day));
      const ok = c.key.timezone === null ? timezone === null : timezone !== null && keyOffsets.includes(offset(timezone, day));
      if (ok) found++;
      else misses.push(`${c.name}: ${timezone} vs ${c.key.timezone}`);
    }
    console.log(`zones: ${found}/${cases.length}${misses.length ? `\n  missed: ${misses.join('\n  missed: ')}` : ''}`);
    expect(found / cases.length).toBeGreaterThanOrEqual(0.9);
  });

  it('reports action item counts', () => {
    const rows = cases.map((c) => `${c.name}: ${c.extraction.incident.actionItems.length} (key ${c.key.actionItems})`);
    const exact = cases.filter((c) => c.extraction.incident.actionItems.length === c.key.actionItems).length;
    console.log(`action items: ${exact}/${cases.length} files with the key's count\n  ${rows.join('\n  ')}`);
    expect(exact / cases.length).toBeGreaterThanOrEqual(0.5);
  });
});
