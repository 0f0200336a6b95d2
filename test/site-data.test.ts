/** The site's data helpers: ordering, grouping, related incidents, chart figures, URLs and formats. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { causeCounts, causeLabel, monthRange, resolveTimeByMonth, severityByMonth } from '../src/site/charts.ts';
import { codeSpans, formatInstant, formatMinutes, termLabel } from '../src/site/format.ts';
import { neighbours, newestFirst, relatedTo, severityColour, severityName, severityRank, severitySeriesColours, termsOf } from '../src/site/incidents.ts';
import type { SiteIncidentData } from '../src/site/site-incident.ts';
import { searchDocument } from '../src/site/search-document.ts';
import { sourcePathOf } from '../src/site/search-index.ts';
import { editUrl, joinBase, tagPath } from '../src/site/urls.ts';

const incident = (slug: string, date: string, extra: Partial<{ tags: string[]; categories: string[]; services: string[]; related: string[]; severity: string | null }> = {}) => ({
  slug, date, title: slug, started: null, tags: [], categories: [], services: [], related: [], severity: null, ...extra,
});

describe('incident lists', () => {
  const all = newestFirst([
    incident('a', '2024-01-10', { tags: ['dns', 'tls'], categories: ['network'] }),
    incident('b', '2025-03-01', { tags: ['DNS', 'ceph'], categories: ['network'] }),
    incident('c', '2024-06-01', { tags: ['tls'], related: ['a', 'missing'] }),
    incident('d', '2023-01-01', { tags: ['dns', 'tls'] }),
  ]);

  it('sorts newest first', () => {
    expect(all.map((i) => i.slug)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('groups names that differ in case onto one page', () => {
    const tags = termsOf(all, 'tags');
    expect(tags.map((t) => [t.slug, t.incidents.map((i) => i.slug)])).toEqual([['ceph', ['b']], ['dns', ['b', 'a', 'd']], ['tls', ['c', 'a', 'd']]]);
  });

  it('relates explicit slugs first, then the most shared tags, nearest in time', () => {
    expect(relatedTo(all.find((i) => i.slug === 'c')!, all).map((i) => i.slug)).toEqual(['a', 'd']);
    expect(relatedTo(all.find((i) => i.slug === 'a')!, all).map((i) => i.slug)).toEqual(['d', 'b', 'c']);
  });

  it('relates any list as a full sort of every incident sharing a tag would', () => {
    // The page keeps only the best few candidates while scanning; the answer must be the sorted one.
    const names = ['dns', 'DNS', 'tls', 'ceph', 'nfs'];
    const tagged = fc.record({
      tags: fc.subarray(names),
      categories: fc.array(fc.constantFrom('network', 'Network', 'storage', 'config'), { maxLength: 3 }),
      day: fc.integer({ min: 1, max: 28 }),
      related: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }),
    });
    fc.assert(fc.property(fc.array(tagged, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 7 }), (specs, limit) => {
      const list = newestFirst(specs.map((s, i) => incident(`i${i}`, `2024-02-${String(s.day).padStart(2, '0')}`, { tags: s.tags, categories: s.categories, related: s.related.map((r) => `i${r}`) })));
      for (const one of list) {
        const expected = [...new Set(one.related)].filter((slug) => slug !== one.slug && list.some((o) => o.slug === slug));
        const slugs = (names: string[]) => names.map((n) => n.toLowerCase());
        const scored = list
          .filter((o) => o.slug !== one.slug && !expected.includes(o.slug))
          .map((o) => ({
            o,
            tags: [...new Set(slugs(o.tags))].filter((t) => slugs(one.tags).includes(t)).length,
            categories: slugs(o.categories).filter((c) => slugs(one.categories).includes(c)).length,
            distance: Math.abs(Date.parse(o.date) - Date.parse(one.date)),
          }))
          .filter((c) => c.tags > 0)
          .sort((a, b) => b.tags - a.tags || b.categories - a.categories || a.distance - b.distance || a.o.slug.localeCompare(b.o.slug));
        const wanted = Math.max(limit, one.related.length);
        const full = [...expected, ...scored.map((c) => c.o.slug)].slice(0, Math.max(wanted, expected.length));
        expect(relatedTo(one, list, limit).map((i) => i.slug)).toEqual(full);
      }
    }));
  });

  it('finds older and newer neighbours', () => {
    expect(neighbours(all[1]!, all)).toEqual({ older: all[2], newer: all[0] });
    expect(neighbours(all[0]!, all).newer).toBeNull();
  });

  it('shows a tag with one # before it, also one written with its own', () => {
    expect([termLabel('tags', 'dns'), termLabel('tags', '#code'), termLabel('categories', 'network')]).toEqual(['#dns', '#code', 'network']);
  });

  it('ranks severities on the configured scale', () => {
    expect(severityRank('SEV2', ['sev1', 'sev2'])).toBe(1);
    expect(severityRank('Sev-2', ['sev1', 'sev2'])).toBe(1);
    expect(severityRank('p1', ['sev1'])).toBeNull();
    expect(severityColour(9)).toBe(severityColour(4));
    // In a chart, severities off the scale each get a colour of their own; none is grey.
    const colours = severitySeriesColours(['sev1', 'down', 'disrupted', '(none)'], ['sev1', 'sev2']);
    expect(colours[0]).toBe(severityColour(0));
    expect(colours[3]).toBe(severityColour(null));
    expect(new Set(colours).size).toBe(4);
  });

  it('names a severity by its scale entry, for the filter, the cards and the charts alike', () => {
    expect(['SEV-2', 'sev2', 'Sev 2', 'P1'].map((s) => severityName(s, ['sev1', 'sev2']))).toEqual(['sev2', 'sev2', 'sev2', 'P1']);
  });
});

describe('chart figures', () => {
  const list = [
    { date: '2024-11-03', severity: 'sev1', cause: { category: 'network', inferred: false }, timeToResolveMinutes: 60, durationMinutes: 60 },
    { date: '2025-01-20', severity: 'sev2', cause: { category: 'network', inferred: true }, timeToResolveMinutes: 180, durationMinutes: 200 },
    { date: '2025-01-21', severity: null, cause: null, timeToResolveMinutes: null, durationMinutes: 30 },
  ];

  it('covers every month between the first and the last', () => {
    expect(monthRange(['2024-11-03', '2025-01-20'])).toEqual(['2024-11', '2024-12', '2025-01']);
    expect(monthRange(['2020-01-01', '2025-01-01'], 3)).toEqual(['2024-11', '2024-12', '2025-01']);
  });

  it('counts incidents per month by severity', () => {
    const figures = severityByMonth(list, ['sev1', 'sev2', 'sev3'], 2);
    expect(figures).toEqual({ months: ['2024-12', '2025-01'], series: [{ name: 'sev2', values: [0, 1] }, { name: '(none)', values: [0, 1] }], earlier: 1 });
    // Written differently, the same severity is one series.
    const alike = severityByMonth([...list, { ...list[1]!, severity: 'SEV-2' }], ['sev1', 'sev2', 'sev3'], 2);
    expect(alike.series[0]).toEqual({ name: 'sev2', values: [0, 2] });
  });

  it('counts causes, stated and inferred', () => {
    const counts = causeCounts(list);
    expect(counts).toEqual([{ category: 'network', stated: 1, inferred: 1 }, { category: 'unknown', stated: 0, inferred: 1 }]);
    expect(counts.map(causeLabel)).toEqual(['network (1 inferred)', 'unknown (inferred)']);
  });

  it('takes the median time to resolve per month, in hours', () => {
    expect(resolveTimeByMonth(list)).toEqual({ months: ['2024-11', '2024-12', '2025-01'], medianHours: [1, null, 1.8], counts: [1, 0, 2] });
  });
});

describe('urls and formats', () => {
  it('joins the base path', () => {
    expect(joinBase('/postmortems/', tagPath('Cert Manager'))).toBe('/postmortems/tags/cert-manager/');
    expect(joinBase('/postmortems', '/x/')).toBe('/postmortems/x/');
  });

  it('names the file the search index computes an incident URL from', () => {
    expect(sourcePathOf('incidents/2025-01-01-dns/')).toBe('incidents/2025-01-01-dns/index.html');
    expect(sourcePathOf('/incidents/café/')).toBe('incidents/café/index.html');
  });

  it('indexes the words of an incident page, its text escaped', () => {
    const data = {
      title: '<script>alert(1)</script> DNS outage', date: '2025-01-02', description: 'Resolvers & caches', severity: 'SEV2', status: 'published',
      cause: { category: 'configuration-change', inferred: true }, authors: ['Dana'], services: ['coredns'], categories: ['network'], tags: ['dns'],
      timeline: [{ text: 'Alert <b>fired</b>' }], actionItems: [{ text: 'Pin the resolver', owner: '@ops', refs: ['#42'] }],
    } as unknown as SiteIncidentData;
    const html = searchDocument(data, '<h2 id="root-cause">Root cause</h2><p>OOM killer</p>');
    expect(html).toContain('<h1 data-pagefind-meta="title">&#x3C;script>alert(1)&#x3C;/script> DNS outage</h1>');
    expect(html).toContain('<time data-pagefind-meta="date">2 Jan 2025</time>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>fired');
    expect(html).toContain('<p>Resolvers &#x26; caches</p>');
    for (const words of ['Severity: SEV2', 'Root cause: configuration change', 'Written by: Dana', 'Affected services: coredns', 'Tags: dns', 'Pin the resolver Owner: @ops #42', '<p>OOM killer</p>']) {
      expect(html).toContain(words);
    }
    expect(html).toMatch(/^<html lang="en"><head><title>.*<\/title><\/head><body><article data-pagefind-body="">.*<\/article><\/body><\/html>$/s);
  });

  it('links to the editor of each forge', () => {
    expect(editUrl('https://github.com/me/lab.git', 'main', 'content/incidents/a b.md')).toBe('https://github.com/me/lab/edit/main/content/incidents/a%20b.md');
    expect(editUrl('https://gitlab.com/me/lab', 'main', 'a.md')).toBe('https://gitlab.com/me/lab/-/edit/main/a.md');
    expect(editUrl('https://codeberg.org/me/lab', 'main', 'a.md')).toBe('https://codeberg.org/me/lab/_edit/main/a.md');
    expect(editUrl(undefined, 'main', 'a.md')).toBeNull();
  });

  it('formats durations and instants', () => {
    expect([formatMinutes(45), formatMinutes(113), formatMinutes(60), formatMinutes(2 * 1440 + 180), formatMinutes(null)]).toEqual(['45 min', '1 h 53 min', '1 h', '2 d 3 h', null]);
    expect(formatInstant('2024-06-02T06:09:00Z', 'Europe/London')).toBe('2 Jun 2024 07:09 GMT+1');
    expect(formatInstant('2024-06-02', 'UTC')).toBe('2 Jun 2024');
  });

  it('splits code spans out of plain text', () => {
    expect(codeSpans('nodes flagged as `NotReady` on ``a`b``')).toEqual([
      { code: false, text: 'nodes flagged as ' }, { code: true, text: 'NotReady' }, { code: false, text: ' on ' }, { code: true, text: 'a`b' },
    ]);
    // A run with no run of its own length after it is text, whole.
    expect(codeSpans('a ``b` c`')).toEqual([{ code: false, text: 'a ``b' }, { code: true, text: 'c' }]);
  });

  it('splits code spans in linear time, however many backticks go unpaired', () => {
    // Runs of growing length: none has a partner, and a pattern tries each backtick as an opener.
    let growing = '';
    for (let length = 1; growing.length < 200_000; length++) growing += `${'`'.repeat(length)}a`;
    for (const text of [growing, '`a'.repeat(100_000), 'a`b``c```'.repeat(22_000)]) {
      const started = performance.now();
      const parts = codeSpans(text);
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(text.length);
    }
  });
});
