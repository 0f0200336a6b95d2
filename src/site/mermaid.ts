/**
 * Mermaid source generated from structured incident data. Pure functions: no I/O, no DOM.
 *
 * Every piece of postmortem text goes through `mermaidText`, which turns each character that is
 * not a letter, a digit, a space or plain punctuation into a Mermaid entity code (`#58;` for `:`).
 * Mermaid decodes those codes only when it writes the finished SVG text, so no postmortem text can
 * end a label, open a comment (`%%`), a directive (`%%{init}%%`), front matter (`---`), a new
 * statement (newline, `;`), an arrow (`-->`) or markup (`<script>`).
 */
import { DateTime } from 'luxon';
import type { TimelineEvent } from '../../schemas/incident.ts';
import { remembered } from '../core/remembered.ts';
import { codeSpans } from './format.ts';

/** Characters kept as written: letters, combining marks, digits, spaces and punctuation no Mermaid grammar reads. */
const plainClass = String.raw`[\p{L}\p{M}\p{N} .,_()'?!+]`;
const plain = new RegExp(plainClass, 'u');
/** Text made of nothing else, kept whole. */
const allPlain = new RegExp(`^${plainClass}*$`, 'u');
/** Halves of surrogate pairs standing alone: not text, shown as U+FFFD. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Longest label drawn in a diagram; the full text is in the list beside it. */
export const maxLabelLength = 140;

/** Longest word drawn whole in a label. */
const longestWord = 24;
/** Runs long enough to be such a word (in UTF-16 units: the shortening counts characters). */
const longRun = new RegExp(`\\S{${longestWord + 1},}`, 'g');

/**
 * Text for any Mermaid label, with everything that could be read as syntax written as an entity code.
 * Line breaks and runs of white space become one space, words longer than `longestWord` characters are
 * shortened (`0x85ab3e6822…250eb4`), and an empty label becomes `(no text)`.
 */
export function mermaidText(value: string, maxLength: number = maxLabelLength): string {
  let text = value.replace(loneSurrogate, '\uFFFD').replace(/[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').trim();
  if (!text) text = '(no text)';
  // Mermaid wraps labels at spaces only: a hash or a URL would run out of its box, so long words are shortened.
  text = text.replace(longRun, (word) => {
    const wordChars = Array.from(word);
    return wordChars.length > longestWord ? `${wordChars.slice(0, 12).join('')}…${wordChars.slice(-6).join('')}` : word;
  });
  const chars = Array.from(text);
  if (chars.length > maxLength) text = `${chars.slice(0, maxLength - 1).join('').trimEnd()}…`;
  if (allPlain.test(text)) return text;
  let out = '';
  for (const ch of text) out += plain.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  return out;
}

/** Text with Markdown code spans (`` `kube-apiserver` ``) as plain words, for a diagram label. */
export function withoutCodeSpans(text: string): string {
  return codeSpans(text).map((part) => part.text).join('');
}

/** A quoted label for grammars that take strings (`"…"`): the escaping leaves no quote inside. */
function quoted(value: string, maxLength?: number): string {
  return `"${mermaidText(value, maxLength)}"`;
}

/** Mermaid front matter from our own constants (never from postmortem text). */
function frontMatter(config: Record<string, unknown>): string {
  return `---\n${JSON.stringify({ config })}\n---\n`;
}

export interface TimelineDiagramOptions {
  /** IANA zone the times are shown in. */
  timezone: string;
  /** Layout: left to right, or top down (better for long timelines and phones). Default: by length. */
  direction?: 'LR' | 'TD';
}

/** Labels by `zone|precision|instant`: an incident page asks for each event twice (diagram and list). */
const timeLabels = remembered((key: string): { day: string; time: string } | null => {
  const [timezone, precision, instant] = key.split('|') as [string, string, string];
  if (precision === 'day' || instant.length === 10) {
    const day = DateTime.fromISO(instant, { zone: 'UTC' });
    return day.isValid ? { day: day.toFormat('ccc d LLL yyyy'), time: 'that day' } : null;
  }
  const at = DateTime.fromISO(instant, { zone: 'UTC' }).setZone(timezone);
  if (!at.isValid) return null;
  return { day: at.toFormat('ccc d LLL yyyy'), time: at.toFormat(precision === 'second' ? 'HH:mm:ss' : 'HH:mm') };
});

/** Day heading and time label of an event in a zone; null when the event has no time. */
export function eventTimeLabels(event: Pick<TimelineEvent, 'at' | 'precision'>, timezone: string): { day: string; time: string } | null {
  if (!event.at) return null;
  const labels = timeLabels(`${timezone}|${event.precision}|${event.at}`);
  // A copy: callers may keep or change what they get.
  return labels && { ...labels };
}

/**
 * A `timeline` diagram of one incident: a section per day, a period per time, the events under it,
 * oldest first (a status page lists its updates newest first). Events without a time are left out
 * of the diagram (the list beside it keeps them). Null when no event has a time.
 */
export function incidentTimelineDiagram(events: readonly Pick<TimelineEvent, 'at' | 'precision' | 'text'>[], options: TimelineDiagramOptions): string | null {
  const groups: { day: string; time: string; texts: string[] }[] = [];
  const timed = events.filter((e) => e.at !== null).map((event) => ({ event, ms: Date.parse(event.at!) }));
  // Stable: events at one instant keep the order they were written in.
  timed.sort((a, b) => (Number.isNaN(a.ms) || Number.isNaN(b.ms) ? 0 : a.ms - b.ms));
  for (const { event } of timed) {
    const labels = eventTimeLabels(event, options.timezone);
    if (!labels) continue;
    const last = groups[groups.length - 1];
    const text = withoutCodeSpans(event.text);
    if (last && last.day === labels.day && last.time === labels.time) last.texts.push(text);
    else groups.push({ ...labels, texts: [text] });
  }
  if (groups.length === 0) return null;
  const direction = options.direction ?? (groups.length > 5 ? 'TD' : 'LR');
  const lines = [direction === 'TD' ? 'timeline TD' : 'timeline'];
  let day: string | null = null;
  for (const group of groups) {
    if (group.day !== day) {
      day = group.day;
      lines.push(`  section ${mermaidText(group.day, 40)}`);
    }
    lines.push(`    ${mermaidText(group.time, 20)} ${group.texts.map((t) => `: ${mermaidText(t)}`).join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface TimelineIncident {
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  severity: string | null;
}

/**
 * A `timeline` of many incidents: a section per year, a period per month, an event per incident.
 * Incidents are drawn oldest first; only the newest `limit` are drawn (the page lists them all).
 */
export function incidentsTimelineDiagram(incidents: readonly TimelineIncident[], limit = 60): string | null {
  const sorted = [...incidents].sort((a, b) => a.date.localeCompare(b.date)).slice(-limit);
  if (sorted.length === 0) return null;
  const lines = ['timeline TD'];
  let year: string | null = null;
  let month: string | null = null;
  for (const incident of sorted) {
    const date = DateTime.fromISO(incident.date, { zone: 'UTC' });
    if (!date.isValid) continue;
    const y = date.toFormat('yyyy');
    if (y !== year) {
      year = y;
      month = null;
      lines.push(`  section ${mermaidText(y, 10)}`);
    }
    const m = date.toFormat('LLL yyyy');
    const label = incident.severity ? `${incident.severity} · ${incident.title}` : incident.title;
    if (m === month) {
      lines[lines.length - 1] += ` : ${mermaidText(label, 90)}`;
    } else {
      month = m;
      lines.push(`    ${mermaidText(m, 20)} : ${mermaidText(label, 90)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export interface ChartSeries {
  name: string;
  values: readonly number[];
}

/** Bar colours (and pie slices) for charts, in series order. Our constants, never postmortem text. */
export interface ChartStyle {
  palette?: readonly string[];
}

const safeColour = /^#[0-9a-f]{3,8}$/i;

function paletteConfig(palette: readonly string[] | undefined): Record<string, unknown> {
  const colours = (palette ?? []).filter((c) => safeColour.test(c));
  return colours.length ? { xyChart: { plotColorPalette: colours.join(', ') } } : {};
}

function number(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : '0';
}

/**
 * An `xychart-beta` of bars stacked by series: Mermaid draws bars of several series on top of each
 * other, so the series are drawn as running totals, largest first, which reads as stacked bars.
 * `series` is given bottom first; the legend lists each series once.
 */
export function stackedBarChart(input: { categories: readonly string[]; series: readonly ChartSeries[]; yLabel: string; horizontal?: boolean } & ChartStyle): string | null {
  const { categories } = input;
  const series = input.series.filter((s) => s.values.some((v) => v > 0));
  if (categories.length === 0 || series.length === 0) return null;
  const totals = series.map((_, i) => categories.map((__, c) => series.slice(0, i + 1).reduce((sum, s) => sum + (s.values[c] ?? 0), 0)));
  const max = Math.max(1, ...totals[totals.length - 1]!);
  const palette = input.palette ? series.map((s) => input.palette![input.series.indexOf(s)] ?? '#888888') : undefined;
  const lines = [
    input.horizontal ? 'xychart-beta horizontal' : 'xychart-beta',
    `  x-axis [${categories.map((c) => quoted(c, 24)).join(', ')}]`,
    `  y-axis ${quoted(input.yLabel, 40)} 0 --> ${Math.ceil(max)}`,
  ];
  // Largest running total first, so each smaller one is drawn over it.
  for (let i = series.length - 1; i >= 0; i--) {
    lines.push(`  bar ${quoted(series[i]!.name, 30)} [${totals[i]!.map(number).join(', ')}]`);
  }
  const reversedPalette = palette ? [...palette].reverse() : undefined;
  // Laid out sideways, each category gets a row: long month ranges stay readable.
  const size = input.horizontal ? { height: Math.max(320, 60 + categories.length * 24) } : {};
  return `${frontMatter({ xyChart: { showLegend: true, ...size }, themeVariables: paletteConfig(reversedPalette) })}${lines.join('\n')}\n`;
}

/** An `xychart-beta` line (with bars underneath) of one value per category. */
export function lineChart(input: { categories: readonly string[]; values: readonly (number | null)[]; yLabel: string; name: string } & ChartStyle): string | null {
  const points = input.categories.map((c, i) => [c, input.values[i]] as const).filter((p): p is readonly [string, number] => typeof p[1] === 'number' && Number.isFinite(p[1]));
  if (points.length === 0) return null;
  const max = Math.max(1, ...points.map((p) => p[1]));
  const lines = [
    'xychart-beta',
    `  x-axis [${points.map((p) => quoted(p[0], 24)).join(', ')}]`,
    `  y-axis ${quoted(input.yLabel, 40)} 0 --> ${Math.ceil(max)}`,
    `  bar ${quoted(input.name, 30)} [${points.map((p) => number(p[1])).join(', ')}]`,
    `  line [${points.map((p) => number(p[1])).join(', ')}]`,
  ];
  return `${frontMatter({ themeVariables: paletteConfig(input.palette) })}${lines.join('\n')}\n`;
}

/** A `pie` chart; slices with no value are left out. */
export function pieChart(slices: readonly { label: string; value: number }[], style: ChartStyle = {}): string | null {
  const shown = slices.filter((s) => Number.isFinite(s.value) && s.value > 0);
  if (shown.length === 0) return null;
  const colours = (style.palette ?? []).filter((c) => safeColour.test(c));
  const themeVariables: Record<string, string> = {};
  colours.slice(0, 12).forEach((c, i) => {
    themeVariables[`pie${i + 1}`] = c;
  });
  const lines = ['pie showData', ...shown.map((s) => `  ${quoted(s.label, 60)} : ${number(s.value)}`)];
  return `${frontMatter({ themeVariables })}${lines.join('\n')}\n`;
}
