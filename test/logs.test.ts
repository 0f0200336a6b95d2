import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logEntrySchema, type LogEntry } from '../schemas/incident.ts';
import { describeLogEvent, isNotable, looksLikeLogs, parseLogBlock, type LogContext } from '../src/core/logs/index.ts';
import { normalizeLevel } from '../src/core/logs/levels.ts';

const UTC: LogContext = { year: 2025, timezone: 'UTC' };
const fixture = (name: string): string => readFileSync(new URL(`./fixtures/logs/${name}`, import.meta.url), 'utf8');

/** Parse, checking every entry against the output schema. */
function parse(text: string, ctx: LogContext = UTC, firstLine = 1): LogEntry[] {
  const entries = parseLogBlock(text, firstLine, ctx);
  for (const entry of entries) logEntrySchema.parse(entry);
  return entries;
}

/** The single entry of a one-line block. */
function one(line: string, ctx: LogContext = UTC): LogEntry {
  const entries = parse(line, ctx);
  expect(entries).toHaveLength(1);
  return entries[0] as LogEntry;
}

/** Fenced code blocks of a Markdown text, with the 1-based line of their first content line. */
function fencedBlocks(markdown: string): { lang: string; text: string; firstLine: number }[] {
  const blocks: { lang: string; text: string; firstLine: number }[] = [];
  let open: { lang: string; lines: string[]; firstLine: number } | null = null;
  markdown.split(/\r?\n/).forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) {
      if (open) {
        blocks.push({ lang: open.lang, text: open.lines.join('\n'), firstLine: open.firstLine });
        open = null;
      } else {
        open = { lang: line.trim().slice(3).trim(), lines: [], firstLine: index + 2 };
      }
    } else if (open) {
      open.lines.push(line);
    }
  });
  return blocks;
}

describe('the seed postmortem', () => {
  const seed = readFileSync(new URL('../content/incidents/2025-04-22-management-cluster-nodes-flapping.md', import.meta.url), 'utf8');
  const blocks = fencedBlocks(seed);
  const statusBlock = blocks.find((b) => b.text.includes('talosctl get nodestatuses'));
  const logBlock = blocks.find((b) => b.text.includes('Out of memory'));

  it('reads every field of the Talos OOM line', () => {
    expect(logBlock).toBeDefined();
    const entries = parse(logBlock!.text, { year: 2025, timezone: 'UTC' }, logBlock!.firstLine);
    expect(entries).toEqual([
      {
        at: '2025-04-22T10:37:36Z',
        host: '172.25.100.11',
        unit: 'kern',
        level: 'err',
        message:
          'Out of memory: Killed process 2735 (kube-apiserver) total-vm:3112352kB, anon-rss:1505564kB, file-rss:104kB, shmem-rss:0kB, UID:65534 pgtables:3800kB oom_score_adj:827',
        kind: 'oom-kill',
        format: 'talos',
        details: {
          process: 'kube-apiserver',
          pid: 2735,
          totalVmKb: 3112352,
          anonRssKb: 1505564,
          fileRssKb: 104,
          shmemRssKb: 0,
          pgtablesKb: 3800,
          uid: 65534,
          oomScoreAdj: 827,
        },
        line: 45,
      },
    ]);
    expect(isNotable(entries[0]!)).toBe(true);
    expect(describeLogEvent(entries[0]!)).toBe('OOM kill of kube-apiserver (pid 2735, 1.4 GiB RSS) on 172.25.100.11');
  });

  it('tells the log block from the talosctl status table', () => {
    expect(looksLikeLogs(logBlock!.text)).toBe(true);
    expect(looksLikeLogs(statusBlock!.text)).toBe(false);
  });

  it('skips the mis-decoded prompt and the table header of the status block', () => {
    const entries = parse(statusBlock!.text, UTC, statusBlock!.firstLine);
    expect(entries.every((e) => e.format === 'plain' && e.kind === 'other' && !isNotable(e))).toBe(true);
    expect(entries.map((e) => e.line)).toEqual([28, 29, 30, 31, 32]);
  });
});

describe('Talos', () => {
  it('reads service lines', () => {
    const e = one('172.25.100.11: user: warning: [2025-04-22T10:40:02.5Z]: [talos] service[kubelet](Running): Health check failed');
    expect(e).toMatchObject({
      at: '2025-04-22T10:40:02Z', host: '172.25.100.11', unit: 'user', level: 'warning', format: 'talos',
      message: '[talos] service[kubelet](Running): Health check failed', kind: 'other',
    });
  });

  it('reads lines without the node prefix', () => {
    expect(one('kern:    info: [2024-11-03T08:14:02.118Z]: eth0: Link is Up')).toMatchObject({
      at: '2024-11-03T08:14:02Z', host: null, unit: 'kern', level: 'info', format: 'talos', message: 'eth0: Link is Up',
    });
  });

  it('reads a dmesg capture with kernel panic, segfault and hung task', () => {
    const entries = parse(fixture('talos-dmesg.log'), UTC, 10);
    expect(entries.map((e) => [e.line, e.kind, e.level])).toEqual([
      [11, 'other', 'info'],
      [12, 'other', 'warning'],
      [13, 'kernel-panic', 'crit'],
      [14, 'segfault', 'err'],
      [15, 'hung-task', 'err'],
    ]);
    expect(entries.every((e) => e.host === '10.5.0.2' && e.format === 'talos')).toBe(true);
  });
});

describe('syslog and journald', () => {
  it('reads the short format with the year from the context', () => {
    const e = one('Dec 01 23:05:12 pve2 ceph-osd[1843]: osd.3 heartbeat_check: no reply from 10.0.0.2:6802');
    expect(e).toMatchObject({
      at: '2025-12-01T23:05:12Z', host: 'pve2', unit: 'ceph-osd', level: null, format: 'syslog',
      message: 'osd.3 heartbeat_check: no reply from 10.0.0.2:6802', details: { pid: 1843 },
    });
  });

  it('reads zone-less times in the context zone', () => {
    expect(one('Dec 01 23:05:12 pve2 ceph-osd[1843]: x', { year: 2024, timezone: 'Europe/Berlin' }).at).toBe('2024-12-01T22:05:12Z');
    expect(one('Jul 01 23:05:12 pve2 ceph-osd[1843]: x', { year: 2024, timezone: 'Europe/Berlin' }).at).toBe('2024-07-01T21:05:12Z');
    expect(one('Mar 10 01:30:00 h app: x', { year: 2024, timezone: 'America/New_York' }).at).toBe('2024-03-10T06:30:00Z');
    expect(one('Mar 10 03:30:00 h app: x', { year: 2024, timezone: 'America/New_York' }).at).toBe('2024-03-10T07:30:00Z');
  });

  it('reads journalctl -o short-iso, short-precise and short-full', () => {
    expect(one('2024-12-01T23:05:12+0100 pve2 pvedaemon[2201]: authentication failure')).toMatchObject({
      at: '2024-12-01T22:05:12Z', host: 'pve2', unit: 'pvedaemon', format: 'syslog', details: { pid: 2201 },
    });
    expect(one('Dec 01 23:05:12.998877 pve2 kernel: eth0: link down').at).toBe('2025-12-01T23:05:12Z');
    expect(one('Sun 2024-12-01 23:05:12 CET pve2 systemd[1]: Stopping x.service')).toMatchObject({
      at: '2024-12-01T22:05:12Z', unit: 'systemd', format: 'syslog',
    });
  });

  it('reads RFC 3164 with a PRI', () => {
    expect(one("<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8")).toMatchObject({
      at: '2025-10-11T22:14:15Z', host: 'mymachine', unit: 'su', level: 'crit', format: 'syslog',
      message: "'su root' failed for lonvick on /dev/pts/8", details: { facility: 'auth' },
    });
  });

  it('reads a journald capture, including a logfmt message inside a syslog line', () => {
    const entries = parse(fixture('journald.log'), { year: 2024, timezone: 'UTC' });
    expect(entries).toHaveLength(6);
    const disk = entries[1]!;
    expect(disk).toMatchObject({
      unit: 'api', host: 'web-01', level: 'err', kind: 'disk-full',
      message: 'write /var/lib/api/cache/blob: no space left on device', details: { path: '/var/lib/api/cache/blob', pid: 3312 },
    });
    expect(entries[2]!.message).toBe('EXT4-fs warning (device sda1): ext4_dx_add_entry: Directory index full!');
    expect(entries[4]).toMatchObject({ level: 'err', message: 'Failed to start api.service - Example API.' });
    expect(entries[5]).toMatchObject({ kind: 'crash-loop', details: { service: 'api.service' } });
  });
});

describe('RFC 5424', () => {
  it('reads the RFC example', () => {
    expect(one("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - 'su root' failed for lonvick on /dev/pts/8")).toEqual({
      at: '2003-10-11T22:14:15Z', host: 'mymachine.example.com', unit: 'su', level: 'crit',
      message: "'su root' failed for lonvick on /dev/pts/8", kind: 'other', format: 'rfc5424',
      details: { facility: 'auth', msgId: 'ID47' }, line: 1,
    });
  });

  it('skips structured data and reads facility and severity', () => {
    const e = one('<165>1 2003-10-11T22:14:15.003-07:00 host evntslog 3141 ID47 [exampleSDID@32473 iut="3" eventSource="App]lication"] An event');
    expect(e).toMatchObject({ at: '2003-10-12T05:14:15Z', level: 'notice', unit: 'evntslog', message: 'An event', details: { facility: 'local4', pid: 3141 } });
  });
});

describe('logfmt', () => {
  it('reads the usual keys', () => {
    expect(one('time=2024-01-02T03:04:05Z level=error msg="connection refused" host=db1')).toEqual({
      at: '2024-01-02T03:04:05Z', host: 'db1', unit: null, level: 'err', message: 'connection refused',
      kind: 'connection-refused', format: 'logfmt', details: {}, line: 1,
    });
  });

  it('unescapes quoted values and keeps other pairs as details', () => {
    const e = one('ts=2024-01-02T03:04:05.999Z lvl=warn component=raft msg="slow \\"append\\" took 2s" took=2.1s');
    expect(e).toMatchObject({ at: '2024-01-02T03:04:05Z', level: 'warning', unit: 'raft', message: 'slow "append" took 2s', details: { took: '2.1s' } });
  });

  it('leaves key=value lines without log keys alone', () => {
    expect(one('resource.type="k8s_container" resource.labels.cluster_name="prod"').format).toBe('plain');
  });
});

describe('JSON lines', () => {
  it('reads common key spellings', () => {
    expect(one('{"ts":"2024-01-02T03:04:05.123Z","level":"error","msg":"boom","logger":"db","host":"db1","attempt":3}')).toEqual({
      at: '2024-01-02T03:04:05Z', host: 'db1', unit: 'db', level: 'err', message: 'boom', kind: 'other', format: 'json',
      details: { attempt: '3' }, line: 1,
    });
    expect(one('{"@timestamp":"2024-01-02T03:04:05+02:00","log":{"level":"warn"},"message":"m","hostname":"h"}')).toMatchObject({
      at: '2024-01-02T01:04:05Z', level: 'warning', message: 'm', host: 'h',
    });
    expect(one('{"timestamp":"2024-01-02T03:04:05Z","severity":"CRITICAL","message":"m","component":"c"}')).toMatchObject({ level: 'crit', unit: 'c' });
    expect(one('{"timestamp":"2024-01-02T03:04:05Z","level":"ERROR","fields":{"message":"pools","error":"pool timed out"},"target":"svc"}'))
      .toMatchObject({ message: 'pools', unit: 'svc', kind: 'timeout', level: 'err' });
  });

  it('reads epoch seconds, milliseconds and bunyan levels', () => {
    expect(one('{"time":1704164645,"level":30,"msg":"a"}')).toMatchObject({ at: '2024-01-02T03:04:05Z', level: 'info' });
    expect(one('{"time":1704164645999,"level":50,"msg":"a"}')).toMatchObject({ at: '2024-01-02T03:04:05Z', level: 'err' });
    expect(one('{"ts":1704164645.75,"level":"fatal","msg":"a"}')).toMatchObject({ at: '2024-01-02T03:04:05Z', level: 'crit' });
  });

  it('never evaluates and ignores prototype keys', () => {
    const e = one('{"msg":"x","__proto__":{"polluted":"yes"},"constructor":"c"}');
    expect(e.format).toBe('json');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(e.details)).toEqual([]);
    expect(one('{"msg": (function(){ throw new Error() })()}').format).toBe('plain');
  });

  it('leaves JSON without log keys as plain text', () => {
    expect(one('{"a":1}').format).toBe('plain');
  });
});

describe('kubectl events', () => {
  it('reads kubectl get events', () => {
    const entries = parse(fixture('kubectl-events.txt'));
    expect(entries.map((e) => [e.line, e.level, e.kind, e.details.reason])).toEqual([
      [3, 'info', 'other', 'Scheduled'],
      [4, 'warning', 'timeout', 'Unhealthy'],
      [5, 'warning', 'crash-loop', 'BackOff'],
      [6, 'warning', 'oom-kill', 'OOMKilling'],
    ]);
    expect(entries[2]).toMatchObject({
      at: null, unit: 'pod/cart-5f6d7c-x2x9q', format: 'kubectl-events',
      message: 'Back-off restarting failed container cart in pod cart-5f6d7c-x2x9q_shop(0b1c2d3e)',
      details: { object: 'pod/cart-5f6d7c-x2x9q', lastSeen: '4m', container: 'cart', pod: 'shop/cart-5f6d7c-x2x9q' },
    });
    expect(entries[3]).toMatchObject({ host: 'worker-3', details: { process: 'java', pid: 8812, anonRssKb: 2097152 } });
  });

  it('reads the short example row', () => {
    const entries = parse('LAST SEEN   TYPE      REASON    OBJECT        MESSAGE\n5m          Warning   BackOff   pod/api-7d9   Back-off restarting failed container');
    expect(entries).toEqual([{
      at: null, host: null, unit: 'pod/api-7d9', level: 'warning', message: 'Back-off restarting failed container',
      kind: 'crash-loop', format: 'kubectl-events', details: { reason: 'BackOff', object: 'pod/api-7d9', lastSeen: '5m' }, line: 2,
    }]);
  });

  it('reads kubectl get events -A -o wide', () => {
    const text = [
      'NAMESPACE   LAST SEEN   TYPE      REASON    OBJECT        SUBOBJECT                 SOURCE            MESSAGE                                  FIRST SEEN   COUNT   NAME',
      'shop        2m          Warning   BackOff   pod/api-7d9   spec.containers{api}      kubelet, node-2   Back-off restarting failed container     20m          31      api-7d9.17a',
      'shop        30s         Normal    Pulling   pod/api-7d9   spec.containers{api}      kubelet, node-2   Pulling image "api:2"                    20m          8       api-7d9.17b',
    ].join('\n');
    const entries = parse(text);
    expect(entries[0]).toMatchObject({
      unit: 'kubelet', host: 'node-2', level: 'warning', kind: 'crash-loop', message: 'Back-off restarting failed container',
      details: { namespace: 'shop', firstSeen: '20m', count: 31, subobject: 'spec.containers{api}', name: 'api-7d9.17a' },
    });
    expect(entries[1]).toMatchObject({ level: 'info', kind: 'other', message: 'Pulling image "api:2"' });
  });

  it('reads the Events table of kubectl describe, skipping the underline', () => {
    const entries = parse(fixture('kubectl-describe.txt'));
    const events = entries.filter((e) => e.format === 'kubectl-events');
    expect(events.map((e) => [e.line, e.unit, e.details.reason, e.details.count ?? null])).toEqual([
      [7, 'default-scheduler', 'Scheduled', null],
      [8, 'kubelet', 'Pulled', 4],
      [9, 'kubelet', 'BackOff', 48],
    ]);
    expect(events[2]).toMatchObject({ kind: 'crash-loop', level: 'warning', details: { age: '2m (x48 over 12m)' } });
  });

  it('does not call an image pull back-off a crash loop', () => {
    const entries = parse('LAST SEEN   TYPE      REASON    OBJECT        MESSAGE\n1m          Warning   BackOff   pod/api-7d9   Back-off pulling image "api:3"');
    expect(entries[0]!.kind).toBe('other');
  });
});

describe('timestamped application lines', () => {
  it('reads an ISO timestamp and a level word', () => {
    expect(one('2024-03-01T12:00:01Z ERROR something')).toEqual({
      at: '2024-03-01T12:00:01Z', host: null, unit: null, level: 'err', message: 'something', kind: 'other', format: 'iso', details: {}, line: 1,
    });
  });

  it('reads log4j, Python, Laravel, PostgreSQL and Go layouts', () => {
    expect(one('2024-03-01 12:00:01,123 [main] WARN  com.example.Foo - pool exhausted')).toMatchObject({
      at: '2024-03-01T12:00:01Z', level: 'warning', unit: 'com.example.Foo', message: 'pool exhausted', details: { thread: 'main' },
    });
    expect(one('2024-03-01 12:00:01,123 - billing - ERROR - charge failed')).toMatchObject({ level: 'err', unit: 'billing', message: 'charge failed' });
    expect(one('[2024-03-01 12:00:01] production.ERROR: Undefined index')).toMatchObject({ level: 'err', message: 'Undefined index', format: 'iso' });
    expect(one('2024-06-04 14:51:36.657 UTC [37747] FATAL:  could not open file')).toMatchObject({
      at: '2024-06-04T14:51:36Z', level: 'crit', message: 'could not open file', details: { pid: 37747 },
    });
    expect(one('2024/06/04 14:51:39 [error] 1234#0: *5 connect() failed (111: Connection refused) while connecting to upstream, upstream: "http://10.0.0.1:8080/"'))
      .toMatchObject({ at: '2024-06-04T14:51:39Z', level: 'err', kind: 'connection-refused', details: { address: 'http://10.0.0.1:8080/' } });
  });

  it('does not take a lower-case word of the message for a level', () => {
    expect(one('2024-03-01T12:00:01Z Error connecting to the database')).toMatchObject({ level: null, message: 'Error connecting to the database' });
  });

  it('reads klog lines with the year from the context', () => {
    expect(one('E0412 10:37:36.727637    1234 file.go:123] msg', { year: 2025, timezone: 'UTC' })).toEqual({
      at: '2025-04-12T10:37:36Z', host: null, unit: null, level: 'err', message: 'msg', kind: 'other', format: 'iso',
      details: { pid: 1234, source: 'file.go:123' }, line: 1,
    });
    expect(one('W0412 10:37:36.1 7 x.go:1] w').level).toBe('warning');
    expect(one('I0412 10:37:36.1 7 x.go:1] i').level).toBe('info');
    expect(one('F0412 10:37:36.1 7 x.go:1] f').level).toBe('crit');
  });

  it('truncates fractions and applies offsets', () => {
    expect(one('2024-12-31T23:59:59.999999999Z INFO x').at).toBe('2024-12-31T23:59:59Z');
    expect(one('2025-01-01T00:30:00+05:30 INFO x').at).toBe('2024-12-31T19:00:00Z');
    expect(one('2024-03-01 12:00:01 INFO x', { year: 2024, timezone: 'Asia/Kolkata' }).at).toBe('2024-03-01T06:30:01Z');
  });

  it('reads app-mixed.log, joining the stack trace to its line', () => {
    const entries = parse(fixture('app-mixed.log'), { year: 2024, timezone: 'Europe/Paris' });
    expect(entries.map((e) => [e.line, e.format, e.at, e.level, e.kind])).toEqual([
      [1, 'iso', '2024-03-01T12:00:01Z', 'err', 'other'],
      [2, 'iso', '2024-03-01T11:00:02Z', 'warning', 'other'],
      [3, 'iso', '2024-03-01T11:00:03Z', 'err', 'connection-refused'],
      [7, 'json', '2024-03-01T11:00:04Z', 'err', 'certificate-expiry'],
      [8, 'json', '2024-03-01T12:00:05Z', 'err', 'timeout'],
      [9, 'iso', '2024-03-01T11:00:06Z', 'err', 'crash-loop'],
      [10, 'rfc5424', '2024-03-01T12:00:07Z', 'err', 'disk-full'],
    ]);
    expect(entries[2]!.message.split('\n')).toHaveLength(4);
    expect(entries[3]!.details).toMatchObject({ notAfter: '2024-02-29T23:59:59Z' });
  });
});

describe('other line shapes', () => {
  it('reads dmesg lines with uptime stamps', () => {
    expect(one('[115633.247115] Out of memory: Killed process 15179 (localedef) total-vm:146420kB, anon-rss:134440kB, file-rss:1756kB, shmem-rss:0kB')).toMatchObject({
      at: null, unit: 'kern', format: 'plain', kind: 'oom-kill', details: { uptime: 115633.247115, process: 'localedef', pid: 15179 },
    });
  });

  it('reads Compose, kubectl --prefix and talosctl logs prefixes', () => {
    expect(one('api-1  | {"level":"error","msg":"dial tcp 10.0.0.5:5432: connect: connection refused"}')).toMatchObject({
      unit: 'api-1', format: 'json', kind: 'connection-refused', details: { address: '10.0.0.5:5432', container: 'api-1' },
    });
    expect(one('[pod/api-7d9/api] 2024-03-01T12:00:01Z ERROR boom')).toMatchObject({ unit: 'pod/api-7d9/api', level: 'err', format: 'iso' });
    expect(one('10.5.0.2: 2024-03-01T12:00:01Z WARN slow')).toMatchObject({ host: '10.5.0.2', level: 'warning' });
  });

  it('skips prompts, blank lines, table headers and separators; numbers lines from firstLine', () => {
    const text = ['$ journalctl -u api', '', 'root@web-01:~# dmesg | tail', 'NAME   READY   STATUS', '-----  -----', '2024-03-01T12:00:01Z ERROR x', '-- No entries --'].join('\n');
    expect(parse(text, UTC, 100).map((e) => [e.line, e.message])).toEqual([[105, 'x']]);
  });

  it('keeps unknown lines as plain entries with any level they announce', () => {
    expect(one('FATAL: could not bind to port 80')).toMatchObject({ format: 'plain', level: 'crit', at: null });
    expect(one("thread 'main' panicked at src/main.rs:10:5:")).toMatchObject({ level: 'crit' });
    expect(one('just a sentence')).toMatchObject({ format: 'plain', level: null, kind: 'other' });
  });

  it('removes terminal colours and handles CRLF', () => {
    const entries = parse('\u001b[31m2024-03-01T12:00:01Z ERROR red\u001b[0m\r\n2024-03-01T12:00:02Z INFO ok\r\n');
    expect(entries.map((e) => [e.line, e.level, e.message])).toEqual([[1, 'err', 'red'], [2, 'info', 'ok']]);
  });

  it('keeps impossible dates as entries without a time', () => {
    expect(one('Feb 30 10:00:00 h app: x')).toMatchObject({ at: null, format: 'syslog', unit: 'app' });
    expect(one('2024-13-01T00:00:00Z ERROR x')).toMatchObject({ at: null, level: 'err' });
  });

  it('reads zone-less times in a fixed-offset context zone', () => {
    expect(one('Dec 01 23:05:12 h app: x', { year: 2024, timezone: 'UTC+2' }).at).toBe('2024-12-01T21:05:12Z');
    expect(one('2024-03-01 12:00:01 INFO x', { year: 2024, timezone: 'UTC-05:30' }).at).toBe('2024-03-01T17:30:01Z');
    expect(one('2024-03-01 12:00:01 INFO x', { year: 2024, timezone: 'UTC' }).at).toBe('2024-03-01T12:00:01Z');
  });

  it('falls back to UTC for an unknown zone and a bad year', () => {
    expect(one('Dec 01 23:05:12 h app: x', { year: 2024, timezone: 'Mars/Olympus' }).at).toBe('2024-12-01T23:05:12Z');
    expect(one('2024-03-01 12:00:01 INFO x', { year: Number.NaN, timezone: '' }).at).toBe('2024-03-01T12:00:01Z');
  });
});

describe('kinds', () => {
  const kinds: [string, LogEntry['kind'], Record<string, string | number>][] = [
    ['Out of memory: Killed process 2735 (kube-apiserver) total-vm:3112352kB, anon-rss:1505564kB', 'oom-kill', { process: 'kube-apiserver', pid: 2735, totalVmKb: 3112352 }],
    ['Memory cgroup out of memory: Killed process 42 (java) total-vm:10kB, anon-rss:20kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:8kB oom_score_adj:-998', 'oom-kill', { process: 'java', pid: 42, oomScoreAdj: -998 }],
    ['oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=x,mems_allowed=0,oom_memcg=/kubepods/a,task_memcg=/kubepods/a/b,task=etcd,pid=881,uid=0', 'oom-kill', { process: 'etcd', pid: 881 }],
    ['kube-apiserver invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=827', 'oom-kill', { process: 'kube-apiserver', oomScoreAdj: 827, trigger: 'invoked' }],
    ['Last State: Terminated Reason: OOMKilled', 'oom-kill', {}],
    ['Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)', 'kernel-panic', { reason: 'VFS: Unable to mount root fs on unknown-block(0,0)' }],
    ['node[991]: segfault at 8 ip 000055d5 sp 00007ffc error 4 in node[55d5+1000]', 'segfault', { process: 'node', pid: 991, address: '8', library: 'node' }],
    ['INFO: task jbd2/sda1-8:312 blocked for more than 120 seconds.', 'hung-task', { process: 'jbd2/sda1-8', pid: 312, seconds: 120 }],
    ['"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.', 'hung-task', {}],
    ['Error syncing pod: CrashLoopBackOff: back-off 5m0s restarting failed container=api', 'crash-loop', {}],
    ['Back-off restarting failed container api in pod api-7d9_prod(1234-5678)', 'crash-loop', { container: 'api', pod: 'prod/api-7d9' }],
    ['Warning BackOff pod/api', 'crash-loop', {}],
    ['x509: certificate has expired or is not yet valid: current time 2024-05-01T00:00:01Z is after 2024-04-30T23:59:59Z', 'certificate-expiry', { currentTime: '2024-05-01T00:00:01Z', notAfter: '2024-04-30T23:59:59Z' }],
    ['tls: failed to verify certificate: certificate expired', 'certificate-expiry', {}],
    ['remote error: certificate has expired', 'certificate-expiry', {}],
    ['write /var/lib/etcd/member/wal/0.tmp: no space left on device', 'disk-full', { path: '/var/lib/etcd/member/wal/0.tmp' }],
    ['Error: ENOSPC: no space left, write', 'disk-full', {}],
    ['backup failed: disk full', 'disk-full', {}],
    ['EXT4-fs error: filesystem full', 'disk-full', {}],
    ['dial tcp 10.96.0.1:443: connect: connection refused', 'connection-refused', { address: '10.96.0.1:443' }],
    ['Error: connect ECONNREFUSED 127.0.0.1:6379', 'connection-refused', { address: '127.0.0.1:6379' }],
    ['rpc error: code = DeadlineExceeded desc = context deadline exceeded', 'timeout', {}],
    ['read tcp 10.0.0.2:51234->10.0.0.3:2379: i/o timeout', 'timeout', {}],
    ['request to https://api.example.com timed out after 30s', 'timeout', {}],
    ['all systems nominal', 'other', {}],
  ];
  for (const [message, kind, details] of kinds) {
    it(`${kind}: ${message.slice(0, 60)}`, () => {
      const e = one(message);
      expect(e.kind).toBe(kind);
      expect(e.details).toMatchObject(details);
    });
  }

  it('puts a panic caused by memory before the OOM kill', () => {
    expect(one('Kernel panic - not syncing: Out of memory and no killable processes...').kind).toBe('kernel-panic');
  });

  it('recognises a kind in a continuation line', () => {
    const entries = parse('2024-03-01T12:00:01Z ERROR request failed\n    caused by: dial tcp 10.0.0.1:80: connect: connection refused');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'connection-refused', details: { address: '10.0.0.1:80' } });
  });
});

describe('levels', () => {
  const cases: [unknown, string | null][] = [
    ['error', 'err'], ['ERROR', 'err'], ['err', 'err'], ['warn', 'warning'], ['WARNING', 'warning'], ['fatal', 'crit'],
    ['panic', 'crit'], ['critical', 'crit'], ['emerg', 'emerg'], ['alert', 'alert'], ['notice', 'notice'], ['info', 'info'],
    ['debug', 'debug'], ['trace', 'debug'], ['E', 'err'], ['W', 'warning'], ['I', 'info'], [3, 'err'], ['6', 'info'],
    [50, 'err'], [60, 'crit'], [40, 'warning'], ['verbose-ish', null], [null, null], [{}, null],
  ];
  for (const [input, level] of cases) {
    it(`${JSON.stringify(input)} → ${level}`, () => expect(normalizeLevel(input)).toBe(level));
  }

  it('maps every RFC 5424 severity from the PRI', () => {
    const levels = [0, 1, 2, 3, 4, 5, 6, 7].map((severity) => one(`<${8 + severity}>1 2024-01-01T00:00:00Z h app - - - m`).level);
    expect(levels).toEqual(['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug']);
  });
});

describe('isNotable and describeLogEvent', () => {
  it('is notable at err or worse, or with a recognised kind', () => {
    expect(isNotable(one('2024-03-01T12:00:01Z ERROR x'))).toBe(true);
    expect(isNotable(one('2024-03-01T12:00:01Z CRITICAL x'))).toBe(true);
    expect(isNotable(one('<8>1 2024-01-01T00:00:00Z h app - - - m'))).toBe(true);
    expect(isNotable(one('2024-03-01T12:00:01Z WARN x'))).toBe(false);
    expect(isNotable(one('2024-03-01T12:00:01Z WARN upstream timed out'))).toBe(true);
    expect(isNotable(one('2024-03-01T12:00:01Z INFO started'))).toBe(false);
  });

  it('summarises each kind in one line', () => {
    const talos = parse(fixture('talos-dmesg.log')).filter(isNotable).map(describeLogEvent);
    expect(talos).toEqual([
      'Kernel panic on 10.5.0.2: Fatal exception in interrupt',
      'Segfault in nginx (pid 4412, in libc.so.6) on 10.5.0.2',
      'Task kworker/u8:2 (pid 1187) blocked for more than 122 s on 10.5.0.2',
    ]);
    const describe1 = (line: string): string => describeLogEvent(one(line));
    expect(describe1('Dec 01 23:05:12 n1 kernel: kube-apiserver invoked oom-killer: gfp_mask=0x0, order=0, oom_score_adj=827'))
      .toBe('OOM killer invoked by kube-apiserver on n1');
    expect(describe1('time=2024-01-02T03:04:05Z level=error msg="dial tcp 10.0.0.1:5432: connect: connection refused" component=api'))
      .toBe('Connection refused by 10.0.0.1:5432 in api: dial tcp 10.0.0.1:5432: connect: connection refused');
    expect(describe1('Jun 04 14:51:45 b1 systemd[1]: api.service: Scheduled restart job, restart counter is at 812.'))
      .toBe('Crash loop of api.service on b1: api.service: Scheduled restart job, restart counter is at 812.');
    expect(describe1('2024-03-01T12:00:01Z ERROR write /data/x: no space left on device')).toBe('Disk full at /data/x: write /data/x: no space left on device');
    expect(describe1('{"level":"error","msg":"handshake","error":"x509: certificate has expired or is not yet valid: current time 2024-05-01T00:00:01Z is after 2024-04-30T23:59:59Z"}'))
      .toBe('Expired certificate (expired 2024-04-30T23:59:59Z): handshake');
    expect(describe1('2024-03-01T12:00:01Z ERROR context deadline exceeded')).toBe('Timeout: context deadline exceeded');
    expect(describe1('Jun 04 14:51:36 b1 pg[3]: 2024-06-04 14:51:36.657 UTC [37747] FATAL:  bad config')).toBe('Critical error in pg on b1: [37747] FATAL: bad config');
    expect(describeLogEvent(one('x'.repeat(500)))).toHaveLength('Log line: '.length + 160);
  });
});

describe('looksLikeLogs', () => {
  it('accepts log captures', () => {
    for (const name of ['talos-dmesg.log', 'journald.log', 'kubectl-events.txt', 'app-mixed.log']) {
      expect(looksLikeLogs(fixture(name)), name).toBe(true);
    }
    expect(looksLikeLogs('{"ts":1,"level":"info","msg":"a"}\n{"ts":2,"level":"info","msg":"b"}')).toBe(true);
    expect(looksLikeLogs('root@web:~# dmesg | grep -i oom\n[ 812.1] Out of memory: Killed process 1 (x)')).toBe(true);
    const eventsOnly = fixture('kubectl-describe.txt').split('\n').slice(3).join('\n');
    expect(eventsOnly.startsWith('Events:')).toBe(true);
    expect(looksLikeLogs(eventsOnly)).toBe(true);
  });

  it('refuses shell sessions, YAML, code, command output tables and prose', () => {
    for (const name of ['shell-session.txt', 'config.yaml', 'code-go.txt', 'kubectl-describe.txt']) {
      expect(looksLikeLogs(fixture(name)), name).toBe(false);
    }
    expect(looksLikeLogs('{\n  "level": "error",\n  "msg": "pretty printed"\n}')).toBe(false);
    expect(looksLikeLogs('We restarted the pods at 10:00 and it recovered.')).toBe(false);
    expect(looksLikeLogs('')).toBe(false);
    expect(looksLikeLogs('$ kubectl get pods\nNAME   READY   STATUS\napi-1  1/1     Running')).toBe(false);
  });
});

describe('hostile input', () => {
  it('never throws, and every entry fits the schema', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.integer({ min: -5, max: 1e6 }), (text, firstLine) => {
        const entries = parseLogBlock(text, firstLine, UTC);
        for (const entry of entries) {
          logEntrySchema.parse(entry);
          if (isNotable(entry)) expect(typeof describeLogEvent(entry)).toBe('string');
        }
        expect(typeof looksLikeLogs(text)).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('survives log-shaped garbage', () => {
    const pieces = fc.constantFrom(
      '<34>1 ', 'Dec 01 ', '23:05:12 ', '2024-03-01T12:00:01Z ', '{"msg":', '"', '=', 'level=', '[', ']', ': ', 'kern: ', 'err: ',
      'E0412 ', 'Killed process ', '(x)', 'segfault at ', 'task ', ' blocked for more than ', '\t', '  ', '|', 'LAST SEEN   TYPE   REASON   MESSAGE', '\n',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        for (const entry of parseLogBlock(text, 1, UTC)) logEntrySchema.parse(entry);
        looksLikeLogs(text);
      }),
      { numRuns: 500 },
    );
  });

  it('handles pathological long lines quickly', () => {
    const lines = [
      'a'.repeat(50_000), ':'.repeat(20_000), '['.repeat(20_000), '{'.repeat(10_000) + '}'.repeat(10_000), 'a="'.repeat(5_000),
      `2024-01-01T00:00:00Z ${'[x] '.repeat(5_000)}`, `task ${'x:'.repeat(6_000)} blocked for more than 1 seconds`,
      `${'x'.repeat(9_000)} segfault at 0`, 'Killed process '.repeat(1_000), `<1>1 - - - - - [${'a="\\'.repeat(4_000)}`,
      `${'/'.repeat(9_000)}: no space left on device`, `{"a":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
    ];
    const text = Array.from({ length: 20 }, () => lines).flat().join('\n');
    const started = performance.now();
    const entries = parse(text);
    looksLikeLogs(text);
    entries.filter(isNotable).forEach(describeLogEvent);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(entries.every((e) => e.message.length <= 10_000)).toBe(true);
  });

  it('parses a 100,000-line block in well under three seconds', () => {
    const samples = [
      '172.25.100.11: kern:     err: [2025-04-22T10:37:36.727637155Z]: Out of memory: Killed process 2735 (kube-apiserver) total-vm:3112352kB, anon-rss:1505564kB',
      'Dec 01 23:05:12 pve2 ceph-osd[1843]: heartbeat_check: no reply from 10.0.0.2',
      'time=2024-01-02T03:04:05Z level=error msg="connection refused" host=db1',
      '{"ts":"2024-01-02T03:04:05.123Z","level":"error","msg":"dial tcp 10.0.0.1:5432: connect: connection refused"}',
      '2024-03-01 12:00:01,123 [main] WARN  com.example.Foo - disk is full',
      'E0412 10:37:36.727637    1234 file.go:123] "Error syncing pod"',
      'a line in no format at all',
    ];
    const text = Array.from({ length: 100_000 }, (_, i) => samples[i % samples.length]).join('\n');
    const started = performance.now();
    const entries = parseLogBlock(text, 1, { year: 2025, timezone: 'Europe/Berlin' });
    const elapsed = performance.now() - started;
    expect(entries).toHaveLength(100_000);
    expect(elapsed).toBeLessThan(3000);
  });
});

const corpus = new URL('../../shared/corpus/', import.meta.url);

describe.skipIf(!existsSync(corpus))('real postmortems', () => {
  const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.md')) : [];
  const blocks = files.flatMap((file) => fencedBlocks(readFileSync(new URL(file, corpus), 'utf8')).map((b) => ({ file, ...b })));

  it('reads every code block without error', () => {
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      for (const entry of parseLogBlock(block.text, block.firstLine, { year: 2024, timezone: 'UTC' })) logEntrySchema.parse(entry);
    }
  });

  it('does not take scripts, diffs, YAML or JSON documents for logs', () => {
    const code = blocks.filter((b) => /^(?:ya?ml|json|diff|bash|sh|markdown|go|python|js|ts)$/i.test(b.lang));
    expect(code.length).toBeGreaterThan(0);
    for (const block of code) expect(looksLikeLogs(block.text), `${block.file}:${block.firstLine}`).toBe(false);
  });

  it('finds journald captures and a kernel OOM kill', () => {
    const logs = blocks.filter((b) => looksLikeLogs(b.text));
    const entries = logs.flatMap((b) => parseLogBlock(b.text, b.firstLine, { year: 2024, timezone: 'UTC' }));
    expect(entries.some((e) => e.format === 'syslog' && e.at !== null)).toBe(true);
    expect(entries.some((e) => e.kind === 'oom-kill' && typeof e.details.process === 'string')).toBe(true);
  });
});
