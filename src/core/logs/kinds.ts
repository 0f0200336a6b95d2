/**
 * Recognising what a log message is about (an OOM kill, a segfault, an expired certificate…)
 * and pulling out its facts. Every check finds a fixed phrase first (indexOf on the lower-cased
 * text) and only then runs small, bounded patterns on a window around it, so hostile lines
 * cannot make the work grow faster than their length.
 */
import type { LogKind } from '../../../schemas/incident.ts';

export type Details = Record<string, string | number>;

/** A recognised kind and the facts read from the message. */
export interface KindMatch {
  kind: LogKind;
  details: Details;
}

/** Text before `index`, at most `size` characters. */
function before(text: string, index: number, size: number): string {
  return text.slice(Math.max(0, index - size), index);
}

/** Text from `index`, at most `size` characters. */
function from(text: string, index: number, size: number): string {
  return text.slice(index, index + size);
}

function setNumber(details: Details, key: string, value: string | undefined): void {
  if (value === undefined) return;
  const n = Number(value);
  if (Number.isSafeInteger(n)) details[key] = n;
}

const OOM_MEMORY_FIELDS: Readonly<Record<string, string>> = {
  'total-vm': 'totalVmKb', 'anon-rss': 'anonRssKb', 'file-rss': 'fileRssKb', 'shmem-rss': 'shmemRssKb', pgtables: 'pgtablesKb',
};
const OOM_MEMORY = /\b(total-vm|anon-rss|file-rss|shmem-rss|pgtables):(\d{1,15})kB/g;
const KILLED_PROCESS = /^kill(?:ed)? process (\d{1,10}) \(([^)]{1,100})\)/i;

function oomKill(text: string, lower: string): KindMatch | null {
  const details: Details = {};
  let killedAt = lower.indexOf('killed process ');
  if (killedAt === -1) killedAt = lower.indexOf('kill process ');
  const victim = killedAt === -1 ? null : KILLED_PROCESS.exec(from(text, killedAt, 160));
  if (victim && (lower.includes('out of memory') || lower.includes('oom') || lower.includes('total-vm:'))) {
    setNumber(details, 'pid', victim[1]);
    details.process = victim[2] ?? '';
    const window = from(text, killedAt, 600);
    OOM_MEMORY.lastIndex = 0;
    for (let m = OOM_MEMORY.exec(window); m; m = OOM_MEMORY.exec(window)) {
      const key = OOM_MEMORY_FIELDS[m[1] ?? ''];
      if (key) setNumber(details, key, m[2]);
    }
    const uid = /\bUID:(\d{1,10})/.exec(window);
    setNumber(details, 'uid', uid?.[1]);
    const adj = /\boom_score_adj:(-?\d{1,5})/.exec(window);
    setNumber(details, 'oomScoreAdj', adj?.[1]);
    return { kind: 'oom-kill', details };
  }
  const oomKillAt = lower.indexOf('oom-kill:');
  if (oomKillAt !== -1) {
    const window = from(text, oomKillAt, 2000);
    const task = /[,:]task=([^,\s]{1,100}),pid=(\d{1,10})/.exec(window);
    if (task) {
      details.process = task[1] ?? '';
      setNumber(details, 'pid', task[2]);
    }
    return { kind: 'oom-kill', details };
  }
  const invokedAt = lower.indexOf(' invoked oom-killer');
  if (invokedAt !== -1) {
    const head = before(text, invokedAt, 120);
    const name = /(\S{1,100})$/.exec(head);
    if (name) details.process = name[1] ?? '';
    const adj = /oom_score_adj=(-?\d{1,5})/.exec(from(text, invokedAt, 300));
    setNumber(details, 'oomScoreAdj', adj?.[1]);
    details.trigger = 'invoked';
    return { kind: 'oom-kill', details };
  }
  if (
    lower.includes('oomkilled') || lower.includes('oom-kill') || lower.includes('oomkilling') ||
    lower.includes('killed by the oom killer') || lower.includes('oom_kill_process') || lower.includes('oom killer')
  ) {
    return { kind: 'oom-kill', details };
  }
  return null;
}

function kernelPanic(text: string, lower: string): KindMatch | null {
  const at = lower.indexOf('kernel panic - not syncing');
  if (at === -1) return null;
  const details: Details = {};
  const reason = /^Kernel panic - not syncing:?\s*(.{1,200})/i.exec(from(text, at, 240));
  if (reason?.[1]) details.reason = reason[1].trim();
  return { kind: 'kernel-panic', details };
}

function segfault(text: string, lower: string): KindMatch | null {
  const at = lower.indexOf('segfault at');
  if (at === -1) return null;
  const details: Details = {};
  const who = /(\S{1,100})\[(\d{1,10})\]: $/.exec(before(text, at, 130));
  if (who) {
    details.process = who[1] ?? '';
    setNumber(details, 'pid', who[2]);
  }
  const tail = from(text, at, 400);
  const address = /^segfault at ([0-9a-fA-Fx]{1,20})/.exec(tail);
  if (address?.[1]) details.address = address[1];
  const library = / in ([^\s[]{1,200})\[/.exec(tail);
  if (library?.[1]) details.library = library[1];
  return { kind: 'segfault', details };
}

function hungTask(text: string, lower: string): KindMatch | null {
  const at = lower.indexOf('blocked for more than');
  if (at === -1) {
    return lower.includes('hung_task') || lower.includes('hung task') ? { kind: 'hung-task', details: {} } : null;
  }
  const details: Details = {};
  const task = /task (\S{1,100}):(\d{1,10}) $/.exec(before(text, at, 130));
  if (task) {
    details.process = task[1] ?? '';
    setNumber(details, 'pid', task[2]);
  }
  const seconds = /^blocked for more than (\d{1,7}) seconds/.exec(from(text, at, 60));
  setNumber(details, 'seconds', seconds?.[1]);
  return { kind: 'hung-task', details };
}

function certificateExpiry(text: string, lower: string): KindMatch | null {
  const expired =
    lower.includes('certificate has expired') || lower.includes('certificate expired') ||
    lower.includes('certificate is expired') || lower.includes('expired certificate') ||
    lower.includes('certificate_expired') || lower.includes('cert has expired');
  if (!expired) return null;
  const details: Details = {};
  const at = lower.indexOf('current time ');
  if (at !== -1) {
    const times = /^current time (\S{1,40}) is after (\S{1,40})/.exec(from(text, at, 120));
    if (times) {
      details.currentTime = times[1] ?? '';
      details.notAfter = (times[2] ?? '').replace(/[.,;]$/, '');
    }
  }
  return { kind: 'certificate-expiry', details };
}

function diskFull(text: string, lower: string): KindMatch | null {
  const noSpace = lower.indexOf('no space left on device');
  const full = noSpace !== -1 || lower.includes('enospc') || lower.includes('disk full') || lower.includes('disk is full') ||
    lower.includes('filesystem full') || lower.includes('file system full') || lower.includes('filesystem is full');
  if (!full) return null;
  const details: Details = {};
  if (noSpace !== -1) {
    const path = /(\/[^\s:"'`]{0,300}): $/.exec(before(text, noSpace, 310));
    if (path?.[1]) details.path = path[1];
  }
  return { kind: 'disk-full', details };
}

const BACKOFF = /\bBackOff\b/;

/** The systemd unit a message is about (`bloggulus.service: Scheduled restart job…`). */
function systemdUnit(text: string, lower: string): string | null {
  const at = lower.indexOf('.service: ');
  if (at === -1 || at > 300) return null;
  const m = /([\w@.:\\-]{1,200})$/.exec(before(text, at, 200));
  return m?.[1] ? `${m[1]}.service` : null;
}

function crashLoop(text: string, lower: string): KindMatch | null {
  const details: Details = {};
  const service = systemdUnit(text, lower);
  if (service) details.service = service;
  const restarting = lower.indexOf('back-off restarting failed container');
  if (restarting !== -1) {
    const tail = /^back-off restarting failed container(?: (\S{1,253}))?(?: in pod (\S{1,300}))?/i.exec(from(text, restarting, 700));
    if (tail?.[1]) details.container = tail[1];
    if (tail?.[2]) {
      // kubelet writes `name_namespace(uid)`; pod names cannot contain `_`.
      const [name, namespace] = tail[2].replace(/\(.*$/, '').split('_', 2);
      details.pod = namespace ? `${namespace}/${name}` : (name ?? '');
    }
    return { kind: 'crash-loop', details };
  }
  if (lower.includes('crashloopbackoff')) return { kind: 'crash-loop', details };
  if (BACKOFF.test(text) && !lower.includes('pulling image') && !lower.includes('imagepull')) {
    return { kind: 'crash-loop', details };
  }
  if (lower.includes('start request repeated too quickly')) return { kind: 'crash-loop', details };
  const counter = lower.indexOf('restart counter is at ');
  if (counter !== -1) {
    const n = /^restart counter is at (\d{1,9})/.exec(from(lower, counter, 40));
    if (n && Number(n[1]) >= 5) {
      setNumber(details, 'restarts', n[1]);
      return { kind: 'crash-loop', details };
    }
  }
  return null;
}

/** A network address named in a dial/connect error (`dial tcp 10.0.0.1:5432`, `ECONNREFUSED 127.0.0.1:80`). */
function address(text: string, lower: string): string | null {
  const dial = lower.indexOf('dial tcp');
  const udp = dial === -1 ? lower.indexOf('dial udp') : -1;
  const at = dial !== -1 ? dial : udp;
  if (at !== -1) {
    const m = /^dial (?:tcp|udp)[46]? (\[[^\]\s]{1,100}\]:\d{1,5}|[^\s:[\]]{1,255}:\d{1,5})/i.exec(from(text, at, 400));
    if (m?.[1]) return m[1];
  }
  for (const word of ['econnrefused ', 'etimedout ']) {
    const i = lower.indexOf(word);
    if (i !== -1) {
      const m = /^\S+ (\[[^\]\s]{1,100}\]:\d{1,5}|[^\s:[\]]{1,255}:\d{1,5})/.exec(from(text, i, 300));
      if (m?.[1]) return m[1];
    }
  }
  const upstream = lower.indexOf('upstream: "');
  if (upstream !== -1) {
    const m = /^upstream: "([^"\s]{1,300})"/.exec(from(text, upstream, 320));
    if (m?.[1]) return m[1];
  }
  return null;
}

function connectionRefused(text: string, lower: string): KindMatch | null {
  if (!lower.includes('connection refused') && !lower.includes('econnrefused')) return null;
  const details: Details = {};
  const target = address(text, lower);
  if (target) details.address = target;
  return { kind: 'connection-refused', details };
}

function timeout(text: string, lower: string): KindMatch | null {
  const timedOut =
    lower.includes('context deadline exceeded') || lower.includes('i/o timeout') || lower.includes('timed out') ||
    lower.includes('etimedout') || lower.includes('deadlineexceeded') || lower.includes('deadline exceeded');
  if (!timedOut) return null;
  const details: Details = {};
  const target = address(text, lower);
  if (target) details.address = target;
  return { kind: 'timeout', details };
}

/** Checks in order of precedence: a panic caused by running out of memory is a panic. */
const CHECKS: ReadonlyArray<(text: string, lower: string) => KindMatch | null> = [
  kernelPanic, oomKill, segfault, hungTask, certificateExpiry, diskFull, crashLoop, connectionRefused, timeout,
];

/** Longest text looked at; the rest of a huge line is ignored. */
export const MAX_ANALYSED = 10_000;

/** The kind of event a message describes, with its facts; `other` with no details when nothing is recognised. */
export function classifyMessage(message: string): KindMatch {
  const text = message.length > MAX_ANALYSED ? message.slice(0, MAX_ANALYSED) : message;
  const lower = text.toLowerCase();
  for (const check of CHECKS) {
    const match = check(text, lower);
    if (match) return match;
  }
  return { kind: 'other', details: {} };
}
