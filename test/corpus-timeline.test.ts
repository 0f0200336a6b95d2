/**
 * Timeline extraction measured against real postmortems written by other people, with answer keys
 * (../shared/corpus, present only on machines that have it). A key event is found when an
 * extracted timeline event has the same UTC minute, or the same day for a day-only key; a key
 * event with no time is found by an undated extracted event on the same line.
 */
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../src/core/parse.ts';
import { extractIncident } from '../src/core/extract.ts';
import type { TimelineEvent } from '../schemas/incident.ts';
import { corpusCases, hasCorpus, type CorpusKey } from './support/corpus.ts';

type KeyEvent = CorpusKey['timeline'][number];

function matches(key: KeyEvent, event: TimelineEvent): boolean {
  if (key.at === null) return event.at === null && event.line === key.line;
  if (event.at === null) return false;
  return key.at.length === 10 ? event.at.slice(0, 10) === key.at : event.at.slice(0, 16) === key.at.slice(0, 16);
}

describe.skipIf(!hasCorpus)('timeline extraction on the real corpus', () => {
  it('finds at least 95% of the key events with at least 95% precision', () => {
    const cases = corpusCases();
    let keys = 0;
    let found = 0;
    let extracted = 0;
    let correct = 0;
    const rows: string[] = [];
    for (const c of cases) {
      const events = extractIncident(parsePostmortem(c.name, c.bytes)).incident.timeline.filter((e) => e.source === 'timeline');
      const hit = c.key.timeline.filter((k) => events.some((e) => matches(k, e))).length;
      const good = events.filter((e) => c.key.timeline.some((k) => matches(k, e))).length;
      keys += c.key.timeline.length;
      found += hit;
      extracted += events.length;
      correct += good;
      rows.push(`${c.name.padEnd(42)} recall ${hit}/${c.key.timeline.length}  precision ${good}/${events.length}`);
    }
    const recall = keys === 0 ? 1 : found / keys;
    const precision = extracted === 0 ? 1 : correct / extracted;
    console.log(`${rows.join('\n')}\nTOTAL recall ${found}/${keys} = ${recall.toFixed(3)}  precision ${correct}/${extracted} = ${precision.toFixed(3)}`);
    expect(cases.length).toBeGreaterThan(0);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });
});
