/** Time zones as people write them next to a time: abbreviations, offsets, IANA names, "Pacific Time". */
import { IANAZone } from 'luxon';

/** A zone a written time is read in: a fixed offset from UTC, or an IANA zone with its DST rules. */
export type Zone =
  | { kind: 'fixed'; offsetMinutes: number; label: string }
  | { kind: 'iana'; name: string; label: string };

/** A zone found in text, with the index just after it. */
export interface ZoneMatch {
  zone: Zone;
  end: number;
}

/** `UTC`, `UTC+05:30`, `UTC-07:00`: the label of a fixed offset. */
export function offsetLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function fixedZone(offsetMinutes: number): Zone {
  return { kind: 'fixed', offsetMinutes, label: offsetLabel(offsetMinutes) };
}

export const utcZone: Zone = fixedZone(0);

const validIana = new Map<string, boolean>();
/** Whether luxon (ICU) knows an IANA zone name; cached, as ICU lookups are slow. */
function isIana(name: string): boolean {
  let ok = validIana.get(name);
  if (ok === undefined) {
    try {
      ok = IANAZone.isValidZone(name);
    } catch {
      ok = false;
    }
    if (validIana.size < 1000) validIana.set(name, ok);
  }
  return ok;
}

/** The configured default zone (`UTC`, `Europe/London`, `UTC+2`); UTC when the name is unknown. */
export function zoneFromName(name: string): Zone {
  const trimmed = name.trim();
  const offset = /^(?:UTC|GMT)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(trimmed);
  if (offset) return offset[1] ? fixedZone(signed(offset[1], offset[2]!, offset[3])) : utcZone;
  if (/^z$/i.test(trimmed)) return utcZone;
  if (trimmed.length <= 64 && isIana(trimmed)) return { kind: 'iana', name: trimmed, label: trimmed };
  const word = zoneWords.get(trimmed.toLowerCase());
  return word ?? utcZone;
}

function signed(sign: string, hours: string, minutes: string | undefined): number {
  const value = Number(hours) * 60 + Number(minutes ?? 0);
  return sign === '-' || sign === '−' ? -value : value;
}

const iana = (name: string): Zone => ({ kind: 'iana', name, label: name });

/**
 * Abbreviations that name one DST state are fixed offsets (PDT is always UTC-7, even when written
 * in winter); names that cover both states (PT, "Pacific", "PST/PDT") follow the region's rules.
 * CST is US Central and IST is India, the common readings in English-language postmortems.
 */
const abbreviations = new Map<string, Zone>([
  ['UTC', utcZone], ['GMT', utcZone], ['UT', utcZone], ['Z', utcZone], ['ZULU', utcZone],
  ['PST', fixedZone(-480)], ['PDT', fixedZone(-420)], ['MST', fixedZone(-420)], ['MDT', fixedZone(-360)],
  ['CST', fixedZone(-360)], ['CDT', fixedZone(-300)], ['EST', fixedZone(-300)], ['EDT', fixedZone(-240)],
  ['AST', fixedZone(-240)], ['ADT', fixedZone(-180)], ['NST', fixedZone(-210)], ['NDT', fixedZone(-150)],
  ['AKST', fixedZone(-540)], ['AKDT', fixedZone(-480)], ['HST', fixedZone(-600)],
  ['BRT', fixedZone(-180)], ['ART', fixedZone(-180)],
  ['WET', fixedZone(0)], ['WEST', fixedZone(60)], ['BST', fixedZone(60)], ['IST', fixedZone(330)],
  ['CET', fixedZone(60)], ['CEST', fixedZone(120)], ['MET', fixedZone(60)], ['MEST', fixedZone(120)],
  ['EET', fixedZone(120)], ['EEST', fixedZone(180)], ['SAST', fixedZone(120)], ['CAT', fixedZone(120)],
  ['EAT', fixedZone(180)], ['WAT', fixedZone(60)], ['MSK', fixedZone(180)], ['TRT', fixedZone(180)],
  ['GST', fixedZone(240)], ['PKT', fixedZone(300)], ['NPT', fixedZone(345)],
  ['ICT', fixedZone(420)], ['WIB', fixedZone(420)], ['SGT', fixedZone(480)], ['HKT', fixedZone(480)],
  ['PHT', fixedZone(480)], ['AWST', fixedZone(480)], ['JST', fixedZone(540)], ['KST', fixedZone(540)],
  ['ACST', fixedZone(570)], ['ACDT', fixedZone(630)], ['AEST', fixedZone(600)], ['AEDT', fixedZone(660)],
  ['NZST', fixedZone(720)], ['NZDT', fixedZone(780)],
  // Names for a region whose offset depends on the date.
  ['PT', iana('America/Los_Angeles')], ['ET', iana('America/New_York')],
  ['CT', iana('America/Chicago')], ['MT', iana('America/Denver')],
  ['PST/PDT', iana('America/Los_Angeles')], ['PDT/PST', iana('America/Los_Angeles')], ['PST8PDT', iana('America/Los_Angeles')],
  ['EST/EDT', iana('America/New_York')], ['EDT/EST', iana('America/New_York')], ['EST5EDT', iana('America/New_York')],
  ['CST/CDT', iana('America/Chicago')], ['CDT/CST', iana('America/Chicago')],
  ['MST/MDT', iana('America/Denver')], ['MDT/MST', iana('America/Denver')],
  ['CET/CEST', iana('Europe/Berlin')], ['CEST/CET', iana('Europe/Berlin')],
  ['GMT/BST', iana('Europe/London')], ['BST/GMT', iana('Europe/London')],
  ['EET/EEST', iana('Europe/Athens')], ['EEST/EET', iana('Europe/Athens')],
  ['AEST/AEDT', iana('Australia/Sydney')], ['AEDT/AEST', iana('Australia/Sydney')],
  ['NZST/NZDT', iana('Pacific/Auckland')], ['NZDT/NZST', iana('Pacific/Auckland')],
]);

/** Two-letter regional names (PT, ET) are too easily a word's start, so they need a non-letter after them. */
const shortRegional = new Set(['PT', 'ET', 'CT', 'MT', 'UT']);

/** Zone names written in words, lower case; longest first so "pacific time" wins over "pacific". */
const zoneWords = new Map<string, Zone>([
  ['coordinated universal time', utcZone], ['universal time', utcZone],
  ['pacific standard time', fixedZone(-480)], ['pacific daylight time', fixedZone(-420)],
  ['eastern standard time', fixedZone(-300)], ['eastern daylight time', fixedZone(-240)],
  ['central standard time', fixedZone(-360)], ['central daylight time', fixedZone(-300)],
  ['mountain standard time', fixedZone(-420)], ['mountain daylight time', fixedZone(-360)],
  ['central european summer time', fixedZone(120)], ['central european time', iana('Europe/Berlin')],
  ['british summer time', fixedZone(60)], ['india standard time', fixedZone(330)],
  ['pacific time', iana('America/Los_Angeles')], ['eastern time', iana('America/New_York')],
  ['central time', iana('America/Chicago')], ['mountain time', iana('America/Denver')],
  ['uk time', iana('Europe/London')], ['london time', iana('Europe/London')],
  ['greenwich mean time', utcZone], ['eastern european summer time', fixedZone(180)], ['eastern european time', iana('Europe/Helsinki')],
  ['moscow time', iana('Europe/Moscow')], ['berlin time', iana('Europe/Berlin')], ['paris time', iana('Europe/Paris')],
  ['amsterdam time', iana('Europe/Amsterdam')], ['indian standard time', fixedZone(330)], ['india time', fixedZone(330)],
  ['japan standard time', fixedZone(540)], ['japan time', fixedZone(540)], ['tokyo time', fixedZone(540)],
  ['korea standard time', fixedZone(540)], ['korea time', fixedZone(540)], ['seoul time', fixedZone(540)],
  ['china standard time', fixedZone(480)], ['china time', fixedZone(480)], ['beijing time', fixedZone(480)],
  ['hong kong time', fixedZone(480)], ['singapore time', fixedZone(480)], ['sydney time', iana('Australia/Sydney')],
  ['new york time', iana('America/New_York')], ['california time', iana('America/Los_Angeles')],
  ['pacific', iana('America/Los_Angeles')], ['eastern', iana('America/New_York')],
  ['central', iana('America/Chicago')], ['mountain', iana('America/Denver')],
]);
const zoneWordList = [...zoneWords.keys()].sort((a, b) => b.length - a.length);

const offsetAfterName = /(UTC|GMT)(?:([+\-−])(\d{1,2})(?::?(\d{2}))?)?(?![A-Za-z\d])/y;
const abbreviation = /([A-Z]{1,5})(?:\/([A-Z]{2,5}))?(?![A-Za-z])/y;
const ianaName = /[A-Z][A-Za-z_]{1,30}(?:\/[A-Za-z_+\-]{2,30}){1,2}/y;
const wordStart = /[A-Za-z]/;

/**
 * Reads a zone written at `pos` (after optional spaces and an opening parenthesis): `UTC`, `UTC+2`,
 * `GMT-7`, `PDT`, `PST/PDT`, `US/Pacific`, `Pacific Time`, `(CET)`. Numeric offsets (`+01:00`) are
 * read by the time parser, where they can be told from ranges. Returns null when none is there.
 */
export function readZoneWord(text: string, pos: number): ZoneMatch | null {
  let i = pos;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  let paren = false;
  if (text[i] === '(' || text[i] === '[') {
    paren = true;
    i++;
    while (text[i] === ' ') i++;
  }
  if (i >= text.length || !wordStart.test(text[i]!)) return null;
  const found = readBareZone(text, i);
  if (!found) return null;
  let end = found.end;
  if (paren) {
    let j = end;
    while (text[j] === ' ') j++;
    if (text[j] === ')' || text[j] === ']') end = j + 1;
    else return null;
  }
  return { zone: found.zone, end };
}

function readBareZone(text: string, i: number): ZoneMatch | null {
  offsetAfterName.lastIndex = i;
  const off = offsetAfterName.exec(text);
  if (off) {
    const zone = off[2] ? fixedZone(signed(off[2], off[3]!, off[4])) : utcZone;
    if (!off[2] || Number(off[3]) <= 14) return { zone, end: offsetAfterName.lastIndex };
  }
  ianaName.lastIndex = i;
  const name = ianaName.exec(text);
  if (name && isIana(name[0])) return { zone: iana(name[0]), end: ianaName.lastIndex };
  abbreviation.lastIndex = i;
  const abbr = abbreviation.exec(text);
  if (abbr) {
    const pair = abbr[2] ? abbreviations.get(`${abbr[1]}/${abbr[2]}`) : undefined;
    if (pair) return { zone: pair, end: abbreviation.lastIndex };
    const single = abbreviations.get(abbr[1]!);
    const end = i + abbr[1]!.length;
    if (single && abbr[1] !== 'Z' && !(shortRegional.has(abbr[1]!) && /[A-Za-z\d]/.test(text[end + 1] ?? '') && text[end] === ' ')) {
      return { zone: single, end };
    }
  }
  const lower = text.slice(i, i + 40).toLowerCase();
  for (const word of zoneWordList) {
    if (!lower.startsWith(word)) continue;
    const after = lower[word.length] ?? '';
    if (/[a-z\d]/.test(after)) continue;
    // A bare region word ("Central") is only a zone when no other word follows it.
    if (!word.includes(' ') && after === ' ' && /[a-z]/.test(lower[word.length + 1] ?? '')) continue;
    return { zone: zoneWords.get(word)!, end: i + word.length };
  }
  return null;
}

/** The first zone named anywhere in a short text ("Timeline (all times in PST/PDT)", `zone="US/Pacific"`). */
export function findZone(text: string): Zone | null {
  const limit = Math.min(text.length, 2000);
  for (let i = 0; i < limit; i++) {
    const c = text[i]!;
    if (!wordStart.test(c) || (i > 0 && /[A-Za-z\d]/.test(text[i - 1]!))) continue;
    const found = readBareZone(text, i);
    if (found && !(found.zone.kind === 'fixed' && text.slice(i, found.end) === 'Z')) return found.zone;
  }
  return null;
}
