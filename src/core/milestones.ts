/** When an incident started, was detected, mitigated and resolved: the words and keys that say it, and the events that may bound it. */
import type { TimelineEvent } from '../../schemas/incident.ts';

/** Whole minutes from one instant to a later one; null for a day-only or missing end, or one before the start. */
export function minutesBetween(a: string | null, b: string | null): number | null {
  if (!a || !b || a.length === 10 || b.length === 10) return null;
  const diff = Math.round((Date.parse(b) - Date.parse(a)) / 60_000);
  return Number.isFinite(diff) && diff >= 0 ? diff : null;
}

const hourMs = 3_600_000;

const dayMs = 24 * hourMs;

/**
 * The timed events that may start or end an incident. Not an entry dated more than a day away from
 * both entries written around it, earlier than both or later than both: an aside, or a slip in its
 * year ("2021-01-09" between two entries of 2022-01-09). Not a log line more than six hours outside
 * the authored timeline: logs from another day (log-window reports them), which would stretch the
 * incident to that day.
 */
export function boundCandidates<T extends { event: TimelineEvent; key: string }>(timed: readonly T[]): readonly T[] {
  const authored = timed.filter((t) => t.event.source === 'timeline').sort((a, b) => a.event.line - b.event.line);
  if (authored.length === 0) return timed;
  const ms = authored.map((t) => Date.parse(t.key));
  const asides = new Set<T>();
  for (let i = 1; i + 1 < authored.length; i++) {
    const [before, at, after] = [ms[i - 1]!, ms[i]!, ms[i + 1]!];
    if ((at < before - dayMs && at < after - dayMs) || (at > before + dayMs && at > after + dayMs)) asides.add(authored[i]!);
  }
  let low = Infinity;
  let high = -Infinity;
  authored.forEach((t, i) => {
    if (asides.has(t)) return;
    low = Math.min(low, ms[i]!);
    high = Math.max(high, ms[i]! + (t.event.at!.length === 10 ? dayMs : 0));
  });
  return timed.filter((t) => {
    if (t.event.source === 'timeline') return !asides.has(t);
    const at = Date.parse(t.key);
    return at >= low - 6 * hourMs && at <= high + 6 * hourMs;
  });
}

/** Words that say a milestone; after the English ones, the same in the other languages whose section names are known. */
export const milestoneWords = {
  // The outage as the subject: "investigations into the outage began" is not its start.
  started: /(?<!\b(?:into|on|of|about|for|after) (?:the )?)\b(outage|incident|impact|degradation|downtime|disruption) (begins|began|starts|started|start)\b|\bstart of (the )?(outage|incident|impact)\b/i,
  detected: /\b(detect(?:ed|s|ing)?\b|alert\w*|paged|pager\w*|paging|page fired|pages (?:the )?on-?call|receives? (a )?page|notic(e|ed|es|ing)\b|investigating\b|(became|become|were|was) aware\b|observed|reported|flagged|first (\w+ )?reports?|(customer|user)s? report\w*|incident (?:declared|opened|raised)|declared (?:an |the )?incident|\b(?:monitoring|monitors?|alarms?|pager|checks?|probes?)\b[^.]{0,20}?\b(?:fired|fires|firing|triggered|triggers|went off|goes off|indicated?|indicates|warned|notified))|\b(?:detectad[oa]s?|reportad[oa]s?|usuarios? reporta\w*|entdeckt|bemerkt|gemeldet|oppdaget|varslet)\b|\bdétect|\bsignal[ée]|検知|発覚|告警/i,
  // Incident tools log status changes: "Status changed from Fixing to Monitoring" (incident.io).
  // "working to mitigate" is not yet mitigated.
  mitigated: /\b((?<!\b(?:to|will|working on|order to) )mitigat\w*|fix (?:has been |was )?(?:implemented|deployed|applied)|workaround|rolled back|roll(ed)?back|revert\w*|restored|repaired|failover|failed over|to monitoring\b)|\b(?:restablecid[oa]s?|restaurad[oa]s?|wiederhergestellt|gjenopprettet|contournement)\b|återställ|\brétabli|復旧|恢复|回滚/i,
  /** An explicit end marker ("OUTAGE ENDS", "Status changed from Monitoring to Closed"): wins over the last timed event. */
  // "Resolved" as an entry's whole label ("- Resolved 2026-03-30 14:39", "**Resolved** - …") is one too.
  ended: /\b(outage|incident|impact|degradation|downtime|disruption) (ends|ended|end|is over|over|resolved)\b|\bend of (the )?(outage|incident|impact)\b|\bstatus changed (?:from \w+ )?to (?:closed|resolved)\b|^resolved\s*(?:$|[-–—:.])/i,
} as const;

/** The front matter keys that give each milestone, the first given winning: Hindsight's own, then status pages' and templates'. */
export const milestoneKeys = {
  started: ['started', 'start_time'],
  detected: ['detected'],
  mitigated: ['mitigated'],
  resolved: ['resolved', 'resolvedWhen', 'resolved_on', 'end_time'],
} as const;

/** How much of an entry's text (characters from its start) the milestone words are looked for in. */
export const milestoneReach = 400;
