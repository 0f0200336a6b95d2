/**
 * The Mermaid generator: labels are escaped so that no postmortem text can break a diagram or
 * inject anything. Checked against Mermaid's own lexers and parsers (the jison grammars of
 * `timeline` and `xychart`, the langium grammar of `pie`), run with Mermaid's own entity encoding.
 */
import { globSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  incidentTimelineDiagram, incidentsTimelineDiagram, lineChart, mermaidText, pieChart, stackedBarChart, withoutCodeSpans,
} from '../src/site/mermaid.ts';

const require = createRequire(import.meta.url);
const mermaidDir = dirname(require.resolve('mermaid/package.json'));
const chunks = join(mermaidDir, 'dist/chunks/mermaid.core');

/** Import the Mermaid chunk that defines a diagram (chunk names carry a content hash). */
async function chunk(pattern: string): Promise<any> {
  const [file] = globSync(join(chunks, pattern));
  if (!file) throw new Error(`no Mermaid chunk ${pattern}`);
  return import(pathToFileURL(file).href);
}

let encodeEntities: (text: string) => string;
let decodeEntities: (text: string) => string;
let timelineParser: any;
let xychartParser: any;
let parsePie: (type: 'pie', text: string) => Promise<any>;

beforeAll(async () => {
  const helpers = globSync(join(chunks, 'chunk-*.mjs')).find((f) => readFileSync(f, 'utf8').includes('var encodeEntities ='));
  const mod = await import(pathToFileURL(helpers!).href);
  encodeEntities = mod.encodeEntities;
  decodeEntities = mod.decodeEntities;
  timelineParser = (await chunk('timeline-definition-*.mjs')).diagram.parser;
  xychartParser = (await chunk('xychartDiagram-*.mjs')).diagram.parser;
  // Mermaid's own grammar package (a dependency of mermaid), for the langium-based `pie`.
  parsePie = (await import('@mermaid-js/parser')).parse as typeof parsePie;
});

/** What Mermaid does to a source before its grammar sees it: front matter off, entity codes hidden. */
function prepare(source: string): string {
  expect(source.startsWith('---\n') || !source.includes('---')).toBe(true);
  const body = source.replace(/^---\n[^\n]*\n---\n/, '');
  // Mermaid removes directives and %% comments anywhere; generated sources must have none.
  expect(body).not.toMatch(/%%/);
  return encodeEntities(body) + '\n';
}

/** Text as it appears in the finished SVG: entity codes become characters. */
function shown(text: string): string {
  const html = decodeEntities(text);
  return html.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)));
}

/** Every database method the `timeline` and `xychart` grammars call. */
const dbMethods = [
  'setDirection', 'addSection', 'addTask', 'addEvent', 'setDiagramTitle', 'setAccTitle', 'setAccDescription',
  'setOrientation', 'setLineData', 'setBarData', 'setXAxisTitle', 'setXAxisBand', 'setXAxisRangeData',
  'setYAxisTitle', 'setYAxisRangeData',
];

/** Record the calls a grammar makes on its database, instead of drawing. */
function recorder() {
  const calls: [string, unknown[]][] = [];
  const yy: Record<string, unknown> = {};
  for (const name of dbMethods) yy[name] = (...args: unknown[]) => { calls.push([name, args]); };
  yy.getCommonDb = () => yy;
  return { yy, calls };
}

function parseTimeline(source: string) {
  const { yy, calls } = recorder();
  timelineParser.parser.yy = yy;
  timelineParser.parse(prepare(source));
  return {
    sections: calls.filter(([n]) => n === 'addSection').map(([, a]) => shown(String(a[0]).trim())),
    periods: calls.filter(([n]) => n === 'addTask').map(([, a]) => shown(String(a[0]).trim())),
    events: calls.filter(([n]) => n === 'addEvent').map(([, a]) => shown(String(a[0]).trim())),
    other: calls.filter(([n]) => !['addSection', 'addTask', 'addEvent', 'setDirection'].includes(n)),
  };
}

function parseXychart(source: string) {
  const { yy, calls } = recorder();
  xychartParser.parser.yy = yy;
  xychartParser.parse(prepare(source));
  return calls;
}

/** Postmortem text that tries everything: statements, comments, directives, markup, arrows. */
const hostile = [
  'apiserver: OOMKilled; restarted #3',
  '%%{init: {"securityLevel": "loose"}}%%',
  'line one\nclick A call alert(1)\n%% comment',
  '<script>alert(1)</script><img src=x onerror=alert(2)>',
  'A --> B ; C -->|x| D',
  '`backticks` and "double" and \'single\' quotes',
  '#quot; #35; &amp; &#60; ﬂ°°60¶ß',
  '---\nconfig:\n  securityLevel: loose\n---',
  'section evil',
  ': : :: :\t:',
  'title pwned',
  'accTitle: x',
  '{ } [ ] \\n \\ | = * ~ ^ $ @',
  'âžœ  talosctl get nodestatuses — 🚨 emoji',
  '',
  '   ',
  'x'.repeat(500),
];

/** Text as the diagram should show it (white space folded, long labels cut). */
function expected(text: string, max = 140): string {
  let t = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD').replace(/[\s\p{Cc}\p{Cf}]+/gu, ' ').trim() || '(no text)';
  // Words over 24 characters: their first 12 and last 6, around an ellipsis.
  t = t.split(' ').map((w) => (Array.from(w).length > 24 ? `${Array.from(w).slice(0, 12).join('')}…${Array.from(w).slice(-6).join('')}` : w)).join(' ');
  const chars = Array.from(t);
  if (chars.length > max) t = `${chars.slice(0, max - 1).join('').trimEnd()}…`;
  return t;
}

describe('mermaidText', () => {
  it('keeps letters, digits and plain punctuation as written', () => {
    expect(mermaidText('Node 172.25.100.11 (cp 2) flapping!')).toBe('Node 172.25.100.11 (cp 2) flapping!');
    expect(mermaidText('Ünïcode ok')).toBe('Ünïcode ok');
  });

  it('writes syntax characters as entity codes', () => {
    expect(mermaidText('a: b')).toBe('a#58; b');
    expect(mermaidText('#;%{}"<>`')).toBe('#35;#59;#37;#123;#125;#34;#60;#62;#96;');
    expect(mermaidText('-->')).toBe('#45;#45;#62;');
  });

  it('shortens words too long to wrap, which would run out of their box', () => {
    expect(mermaidText('sweepPots moved 0x85ab3e6822b8b4d1e042ba15058978924fe279808004ff891216250eb4 to the pot')).toBe('sweepPots moved 0x85ab3e6822#8230;250eb4 to the pot');
    expect(mermaidText('kube-prometheus-stack-1 restarted')).toBe('kube#45;prometheus#45;stack#45;1 restarted');
  });

  it('folds line breaks into one line and never returns an empty label', () => {
    expect(mermaidText('one\r\ntwo\n\nthree')).toBe('one two three');
    expect(mermaidText(' \n\t ')).toBe('(no text)');
  });

  it('cuts long labels', () => {
    const label = mermaidText('word '.repeat(100));
    expect(label.endsWith('#8230;')).toBe(true);
    expect(Array.from(label.replace(/#\d+;/g, '.')).length).toBeLessThanOrEqual(140);
  });

  it('leaves nothing a grammar can read as syntax, for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
      const out = mermaidText(s, 1000);
      // Nothing but letters, digits, spaces, plain punctuation and entity codes.
      expect(out.replace(/#\d+;/g, '')).toMatch(/^[\p{L}\p{M}\p{N} .,_()'?!+]*$/u);
    }), { numRuns: 500 });
  });
});

describe('withoutCodeSpans', () => {
  it('drops code span backticks and keeps lone ones', () => {
    expect(withoutCodeSpans('HelmRelease for `kube-prometheus-stack` was applied')).toBe('HelmRelease for kube-prometheus-stack was applied');
    expect(withoutCodeSpans('``a ` b`` and a lone ` tick')).toBe('a ` b and a lone ` tick');
  });
});

describe('incidentTimelineDiagram', () => {
  const seedEvents = [
    { at: '2025-04-21', precision: 'day' as const, text: 'CAPI MC was promoted to self-managing (pivoted from bootstrap cluster)' },
    { at: '2025-04-21', precision: 'day' as const, text: 'HelmRelease for `kube-prometheus-stack` was applied (maybe related)' },
    { at: '2025-04-21', precision: 'day' as const, text: 'nodes start being flagged as NotReady' },
    { at: '2025-04-22', precision: 'day' as const, text: 'apiserver was observed being oomkilled on a master' },
    { at: '2025-04-22T10:37:36Z', precision: 'second' as const, text: 'OOM kill: kube-apiserver (pid 2735) on 172.25.100.11' },
  ];

  it('draws a section per day and the events in order, as Mermaid reads them', () => {
    const source = incidentTimelineDiagram(seedEvents, { timezone: 'UTC' })!;
    const parsed = parseTimeline(source);
    expect(parsed.sections).toEqual(['Mon 21 Apr 2025', 'Tue 22 Apr 2025']);
    expect(parsed.periods).toEqual(['that day', 'that day', '10:37:36']);
    expect(parsed.events).toEqual(seedEvents.map((e) => withoutCodeSpans(e.text)));
    expect(parsed.other).toEqual([]);
  });

  it('draws a timeline written newest first (status-page updates) oldest first', () => {
    const updates = [
      { at: '2019-09-29T21:00:00Z', precision: 'second' as const, text: 'Resolved' },
      { at: '2019-09-29T20:00:00Z', precision: 'second' as const, text: 'No response yet' },
      { at: '2019-09-29T10:00:00Z', precision: 'second' as const, text: 'Major DNS outage' },
    ];
    const parsed = parseTimeline(incidentTimelineDiagram(updates, { timezone: 'UTC' })!);
    expect([parsed.periods, parsed.events]).toEqual([['10:00:00', '20:00:00', '21:00:00'], ['Major DNS outage', 'No response yet', 'Resolved']]);
  });

  it('shows times in the given zone', () => {
    const source = incidentTimelineDiagram([{ at: '2024-06-02T06:09:00Z', precision: 'minute', text: 'expired' }], { timezone: 'Europe/London' })!;
    expect(parseTimeline(source).periods).toEqual(['07:09']);
  });

  it('leaves out events without a time, and is null when none has one', () => {
    expect(incidentTimelineDiagram([{ at: null, precision: null, text: 'sometime' }], { timezone: 'UTC' })).toBeNull();
    const source = incidentTimelineDiagram([{ at: null, precision: null, text: 'sometime' }, seedEvents[0]!], { timezone: 'UTC' })!;
    expect(parseTimeline(source).events).toEqual([seedEvents[0]!.text]);
  });

  it('lays long timelines out top down', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ at: `2025-01-01T0${i}:00Z`, precision: 'minute' as const, text: `step ${i}` }));
    expect(incidentTimelineDiagram(many, { timezone: 'UTC' })!.split('\n')[0]).toBe('timeline TD');
    expect(incidentTimelineDiagram(many.slice(0, 2), { timezone: 'UTC' })!.split('\n')[0]).toBe('timeline');
  });

  it('keeps every hostile text inside its own event label', () => {
    const events = hostile.map((text, i) => ({ at: `2025-04-22T10:${String(i).padStart(2, '0')}:00Z`, precision: 'minute' as const, text }));
    const source = incidentTimelineDiagram(events, { timezone: 'UTC', direction: 'LR' })!;
    const parsed = parseTimeline(source);
    expect(parsed.events).toEqual(hostile.map((t) => expected(withoutCodeSpans(t))));
    expect(parsed.periods).toHaveLength(hostile.length);
    expect(parsed.sections).toEqual(['Tue 22 Apr 2025']);
    expect(parsed.other).toEqual([]);
    for (const line of source.trimEnd().split('\n').slice(1)) {
      expect(line).toMatch(/^( {2}section [^:\n]+| {4}[^:#\n]*(#\d+;[^:#\n]*)* (: [^:\n]+ ?)+)$/);
    }
  });

  it('keeps any text inside its label (property)', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 60 }), { minLength: 1, maxLength: 5 }), (texts) => {
      const events = texts.map((text, i) => ({ at: `2025-04-22T1${i}:00:00Z`, precision: 'minute' as const, text }));
      const parsed = parseTimeline(incidentTimelineDiagram(events, { timezone: 'UTC' })!);
      expect(parsed.events).toEqual(texts.map((t) => expected(withoutCodeSpans(t))));
    }), { numRuns: 200 });
  });
});

describe('incidentsTimelineDiagram', () => {
  it('draws incidents oldest first by year and month', () => {
    const source = incidentsTimelineDiagram([
      { title: 'B: second', date: '2025-04-22', severity: 'sev2' },
      { title: 'A %%{init}%%', date: '2024-02-12', severity: null },
      { title: 'C', date: '2025-04-30', severity: 'sev1' },
    ])!;
    const parsed = parseTimeline(source);
    expect(parsed.sections).toEqual(['2024', '2025']);
    expect(parsed.periods).toEqual(['Feb 2024', 'Apr 2025']);
    expect(parsed.events).toEqual(['A %%{init}%%', 'sev2 · B: second', 'sev1 · C']);
  });

  it('draws only the newest incidents when there are many', () => {
    const many = Array.from({ length: 100 }, (_, i) => ({ title: `i${i}`, date: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`, severity: null }));
    expect(parseTimeline(incidentsTimelineDiagram(many, 10)!).events).toHaveLength(10);
    expect(incidentsTimelineDiagram([])).toBeNull();
  });
});

describe('charts', () => {
  it('stacks bars as running totals with hostile series and category names', () => {
    const source = stackedBarChart({
      categories: ['2025-01', 'x"] bar "y" [9'],
      series: [{ name: 'sev1', values: [1, 0] }, { name: 'sev2"; %%{init}%%', values: [2, 3] }, { name: 'none', values: [0, 0] }],
      yLabel: 'Incidents',
      palette: ['#ff0000', '#00ff00', '#0000ff'],
    })!;
    const calls = parseXychart(source);
    const bars = calls.filter(([n]) => n === 'setBarData').map(([, a]) => [shown((a[0] as { text: string }).text), (a[1] as { value: number }[]).map((d) => d.value)]);
    expect(bars).toEqual([['sev2"; %%{init}%%', [3, 3]], ['sev1', [1, 0]]]);
    const band = calls.find(([n]) => n === 'setXAxisBand')![1][0] as { text: string }[];
    expect(band.map((c) => shown(c.text))).toEqual(['2025-01', 'x"] bar "y" [9']);
    expect(calls.find(([n]) => n === 'setYAxisRangeData')![1]).toEqual([0, 3]);
    expect(source).toContain('"plotColorPalette":"#00ff00, #ff0000"');
  });

  it('is null without data', () => {
    expect(stackedBarChart({ categories: [], series: [], yLabel: 'x' })).toBeNull();
    expect(lineChart({ categories: ['a'], values: [null], yLabel: 'x', name: 'n' })).toBeNull();
    expect(pieChart([{ label: 'a', value: 0 }])).toBeNull();
  });

  it('draws a line of values and skips missing ones', () => {
    const calls = parseXychart(lineChart({ categories: ['a: 1', 'b', 'c'], values: [30, null, 90], yLabel: 'Minutes', name: 'Time to resolve' })!);
    expect(calls.find(([n]) => n === 'setLineData')![1][1]).toEqual([{ value: 30 }, { value: 90 }].map((v) => expect.objectContaining(v)));
  });

  it('keeps pie labels whole', async () => {
    const labels = ['resource-exhaustion', 'a" : 5\n"b', '%%{init: {"theme":"dark"}}%%', '<b>bold</b>'];
    const source = pieChart(labels.map((label, i) => ({ label, value: i + 1 })))!;
    const ast = await parsePie('pie', prepare(source));
    expect(ast.sections.map((s: { label: string }) => shown(s.label))).toEqual(labels.map((l) => expected(l, 60)));
    expect(ast.sections.map((s: { value: number }) => s.value)).toEqual([1, 2, 3, 4]);
  });
});
