/** Root-cause category: the `cause` key when given, else inferred from the root-cause text. */

/** Keywords per category, tried in order; the first category with a hit wins. */
const keywordTable: readonly [string, RegExp][] = [
  ['certificate-expiry', /\bcert(ificate)?s?\b[^.]{0,60}\bexpir|\bexpired\b[^.]{0,40}\bcert|\bx509\b/i],
  ['resource-exhaustion', /\b(out of memory|oom|oomkill\w*|(memory|resource|connection|handle|socket|file descriptor|fd) (pressure|leak\w*|exhaust\w*)|ran out of|exhaust\w*|starv\w*|no space left|disk (full|space)|inode|file descriptors?|cpu (throttl\w*|saturat\w*)|swap)/i],
  ['capacity', /\b(capacity|overload\w*|traffic spike|load spike|(high|heavy|peak|unexpected|sudden) (load|traffic)|surge|too many (requests|connections)|rate limit\w*|scal(e|ing) (up|out|limit))/i],
  ['configuration-change', /\b(config(uration)?|misconfig\w*|setting|flag|rollout|deploy\w*|upgrade\w*|migration|renamed?|changed?)\b/i],
  ['dependency', /\b(upstream|third[- ]party|vendor|provider|dependenc\w*|external service|cloudflare|github|aws|gcp|azure)\b/i],
  ['network', /\b(network\w*|dns|bgp|routing|packet loss|latency|firewall|mtu|vlan|switch|load balancer|ingress|tls handshake|connectivity)\b/i],
  ['hardware', /\b(hardware|disk failure|failed (disk|drive|psu)|power (supply|outage|failure)|psu|ssd|hdd|nvme|ram module|overheat\w*|fan)\b/i],
  // "Leak" alone is as often memory or connections (caught above) as secrets.
  ['security', /\b(attack\w*|exploit\w*|vulnerab\w*|compromis\w*|(data|credential|secret|token|key|password)s? (were |was )?leak\w*|leak\w* (\w+ )?(data|credentials?|secrets?|tokens?|keys?|passwords?)|credential|token|unauthori[sz]ed|malicious|ddos)\b/i],
  ['software-bug', /\b(bug|regression|race condition|deadlock|null pointer|exception|panic|crash\w*|memory corruption|off[- ]by[- ]one)\b/i],
];

export interface CauseCategory {
  category: string;
  inferred: boolean;
}

/** Category for an incident; null when there is neither a `cause` key nor a telling root-cause text. */
export function causeCategory(cause: string | undefined, rootCause: string | null): CauseCategory | null {
  if (cause) return { category: cause, inferred: false };
  if (!rootCause) return null;
  const text = rootCause.slice(0, 20_000);
  for (const [category, re] of keywordTable) if (re.test(text)) return { category, inferred: true };
  return null;
}
