/**
 * Root-cause category: the `cause` key when given, else inferred from the root-cause text.
 *
 * The inference weighs the evidence: every category counts its signals in the text, and the one
 * with the most weight wins. A telling phrase ("the certificate expired", "ran out of memory")
 * weighs more than a word that many causes share ("config", "changed", "upstream"), and what the
 * text says first (its opening sentences, where a cause is usually named) counts double.
 * (Written here: no classifier on npm works from a keyword table this small, with no training data.)
 */

/** A signal of a category and its weight. */
type Signal = readonly [pattern: RegExp, weight: number];

/** Signals per category; on equal weight the category listed first wins. */
const signals: readonly [string, readonly Signal[]][] = [
  ['certificate-expiry', [
    [/\bcert(?:ificate)?s?\b[^.]{0,60}\bexpir\w*|\bexpired?\b[^.]{0,40}\bcert(?:ificate)?s?\b/i, 4],
    [/\bx509\b|\bcertificate (?:renewal|rotation)\b|\b(?:let'?s ?encrypt|acme|cert-manager)\b[^.]{0,60}\b(?:renew|fail)\w*/i, 2],
  ]],
  ['resource-exhaustion', [
    [/\b(?:out of memory|oom\w*|ran out of|run(?:ning)? out of|no space left|disks? (?:was |is |got |kept )?(?:full|fill(?:ed|ing))|fill(?:ed|ing) (?:up )?(?:the )?(?:disk|volume|partition)|inode|file descriptors?)\b/i, 3],
    [/\b(?:memory|resource|connection|handle|socket|file descriptor|fd) (?:pressure|leak\w*|exhaust\w*)|\b(?:max(?:imum)?|too many) (?:clients|connections)\b|\bconnection (?:limit|pool)\b[^.]{0,40}\b(?:reached|exhaust\w*|full)\b|\bquota (?:was )?(?:exceeded|reached)\b/i, 3],
    [/\bip (?:address(?:es)? )?(?:space |pool )?(?:starvation|exhaustion)|\b(?:subnet|ip pool|address pool|address space)s? (?:ran out|(?:was |were )?(?:exhausted|full))/i, 3],
    [/\bexhaust\w*|\bstarv\w*|\bdisk (?:space|usage)\b|\bcpu (?:throttl\w*|saturat\w*)|\bswap\w*\b|\bmemory (?:usage|limit|consumption)\b|\bfill(?:ed|ing) up\b|\biops\b/i, 1.5],
  ]],
  ['capacity', [
    [/\b(?:overload\w*|traffic spike|load spike|(?:high|heavy|peak|unexpected|sudden|increased) (?:load|traffic|demand)|surge|thundering herd|keep up with (?:the )?(?:demand|load|traffic)|too many requests)\b/i, 3],
    [/\bcapacity\b|\brate[- ]limit\w*|\bscal(?:e|ing) (?:up|out|limit)\w*|\bautoscal\w*|\bunder[- ]provision\w*/i, 1.5],
  ]],
  ['configuration-change', [
    [/\bmisconfigur\w*|\b(?:wrong|incorrect|bad|invalid|missing|faulty|broken) (?:config(?:uration)?|settings?|values?|flags?)\b|\bconfig(?:uration)? (?:change|error|mistake|drift|push)\w*|\b(?:incorrectly|wrongly) (?:configured|set)\b|\btypo\b/i, 3],
    [/\b(?:was|were) (?:set|configured) to\b/i, 2],
    [/\bconfig(?:uration|ured)?\b|\bsettings?\b|\bflags?\b/i, 1],
    [/\b(?:rollout|deploy\w*|upgrade\w*|migration|renamed?|changed?)\b/i, 0.5],
  ]],
  ['dependency', [
    [/\b(?:outage|incident|disruption)s? (?:in|at|of|on) (?:the )?(?:aws|amazon|gcp|google cloud|azure|cloudflare|github|fastly|akamai|linode|hetzner|ovh|digitalocean)\b|\b(?:aws|gcp|azure|cloudflare|github|fastly|akamai|linode|hetzner|ovh|digitalocean)(?:'s)? (?:\w+ )?(?:outage|incident|disruption)s?\b/i, 4],
    [/\b(?:upstream|third[- ]party|vendor|provider|external)\b[^.]{0,40}\b(?:outage|incident|down|failure|degrad\w*|unavailab\w*)|\b(?:outage|incident) (?:at|of|in) (?:our|the) (?:provider|vendor|host\w*|cloud)\b/i, 3],
    [/\b(?:third[- ]party|vendor|provider|dependenc\w*|external service)\b/i, 1],
    [/\b(?:upstream|cloudflare|github|aws|gcp|azure|fastly|akamai)\b/i, 0.5],
  ]],
  ['network', [
    [/\b(?:dns|bgp|packet loss|network partition|split[- ]brain|mtu|iptables|routing (?:loop|table)|route leak)\b/i, 3],
    [/\b(?:network\w*|routing|routers?|firewall|vlan|switch(?:es)?|load balancer|ingress|tls handshake|connectivity|cni|flannel|calico|latency)\b/i, 1],
  ]],
  ['hardware', [
    [/\b(?:hardware|disk failure|drive failure|(?:failed|failing|dead|faulty|bad|broken|degraded) (?:disks?|drives?|psus?|ram|memory module|dimms?|nics?|sd cards?|ssds?|hdds?|hosts?|nodes?|controller)|(?:disks?|drives?|ssds?|hdds?|sd cards?) (?:failed|died|failing|dead)|power (?:supply|outage|failure|cut|loss)|under-?voltage|overheat\w*|smart errors?)\b/i, 3],
    [/\b(?:disks?|drives?|ssds?|hdds?|nics?|psus?|dimms?|sd cards?)\b[^.]{0,40}\b(?:failed|died|dead|failing)\b/i, 3],
    [/\b(?:psu|ssd|hdd|nvme|ram module|dimm|raid|fan|sd card|firmware)\b/i, 1],
  ]],
  // "Leak" alone is as often memory or connections (above) as secrets.
  ['security', [
    [/\bcve-\d{4}-\d{4,}\b/i, 4],
    [/\b(?:attack\w*|exploit\w*|vulnerab\w*|compromis\w*|phishing|malware|malicious|unauthori[sz]ed|ddos|supply[- ]chain)\b|\b(?:data|credential|secret|token|key|password)s? (?:were |was )?leak\w*|\bleak\w* (?:\w+ )?(?:data|credentials?|secrets?|tokens?|keys?|passwords?)\b/i, 3],
    [/\b(?:credential|token)s?\b/i, 1],
  ]],
  ['software-bug', [
    [/\b(?:bug|regression|race condition|deadlock|null pointer|nil pointer|segfault|memory corruption|off[- ]by[- ]one|infinite loop|logic error|edge case)s?\b/i, 3],
    [/\b(?:overflow|underflow|breaking change|backwards?[- ]compatib\w*|incompatib\w*)\b/i, 2],
    [/\b(?:exception|panic\w*|crash\w*|unhandled|uncaught)\b/i, 1],
  ]],
];

/** What the text says first: its opening sentences, where a cause is usually named. */
const opening = 300;

/** Each signal counts at most this often: a long text repeating one word does not outweigh the rest. */
const maxHits = 3;

export interface CauseCategory {
  category: string;
  inferred: boolean;
}

/**
 * Every signal as one alternative of one pattern (its own groups made non-capturing): the text is
 * scanned once, not once per signal, in half the time; where two signals match at one place, the
 * one listed first counts.
 */
const allSignals = signals.flatMap(([category, list]) => list.map(([pattern, weight]) => ({ category, weight, source: pattern.source })));
const combined = new RegExp(allSignals.map((s) => `(${s.source.replace(/(?<!\\)\((?!\?)/g, '(?:')})`).join('|'), 'gi');

/** Category for an incident; null when there is neither a `cause` key nor a telling root-cause text. */
export function causeCategory(cause: string | undefined, rootCause: string | null): CauseCategory | null {
  if (cause) return { category: cause, inferred: false };
  if (!rootCause) return null;
  const text = rootCause.slice(0, 20_000);
  const scores = new Map<string, number>();
  const hits = new Array<number>(allSignals.length).fill(0);
  for (const m of text.matchAll(combined)) {
    const k = m.findIndex((group, i) => i > 0 && group !== undefined) - 1;
    const signal = allSignals[k]!;
    if (++hits[k]! > maxHits) continue;
    scores.set(signal.category, (scores.get(signal.category) ?? 0) + (m.index < opening ? signal.weight * 2 : signal.weight));
  }
  let best: string | null = null;
  let bestScore = 0;
  for (const [category] of signals) {
    const score = scores.get(category) ?? 0;
    if (score > bestScore) {
      best = category;
      bestScore = score;
    }
  }
  // One weak word ("changed", "upstream") alone tells nothing.
  return best !== null && bestScore >= 2 ? { category: best, inferred: true } : null;
}
