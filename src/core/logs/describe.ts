/** One-line summaries of notable log entries, for the timeline. */
import type { LogEntry, LogLevel } from '../../../schemas/incident.ts';

const MAX_TEXT = 160;

const LEVEL_LABELS: Readonly<Record<LogLevel, string>> = {
  emerg: 'Emergency', alert: 'Alert', crit: 'Critical error', err: 'Error', warning: 'Warning',
  notice: 'Notice', info: 'Info', debug: 'Debug',
};

/** The first line of a message, whitespace collapsed, cut to a readable length. */
function shorten(text: string): string {
  const firstLine = text.split('\n', 1)[0] ?? '';
  const flat = firstLine.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
}

/** A size in kB for people: `812 kB`, `37 MiB`, `1.4 GiB`. */
export function formatKb(kb: number): string {
  if (kb >= 1024 * 1024) return `${(kb / (1024 * 1024)).toFixed(1)} GiB`;
  if (kb >= 1024) return `${Math.round(kb / 1024)} MiB`;
  return `${kb} kB`;
}

const num = (value: string | number | undefined): number | null => (typeof value === 'number' ? value : null);
const str = (value: string | number | undefined): string | null =>
  typeof value === 'string' && value.length > 0 ? shorten(value) : typeof value === 'number' ? String(value) : null;

/** ` on HOST`, or nothing. */
function onHost(entry: LogEntry): string {
  return entry.host ? ` on ${shorten(entry.host)}` : '';
}

/** `NAME (pid N, …)` or `NAME`, or `pid N`. */
function processLabel(entry: LogEntry, extra: string[] = []): string | null {
  const name = str(entry.details.process);
  const pid = num(entry.details.pid);
  const inner = [pid !== null ? `pid ${pid}` : null, ...extra].filter((p): p is string => p !== null);
  if (name) return inner.length ? `${name} (${inner.join(', ')})` : name;
  return inner.length ? inner.join(', ') : null;
}

/** Where the entry came from, for kinds without a process: ` in UNIT on HOST`. */
function origin(entry: LogEntry): string {
  return `${entry.unit ? ` in ${shorten(entry.unit)}` : ''}${onHost(entry)}`;
}

/** A timestamp repeated at the start of a message (an application's own stamp inside a syslog line). */
const LEADING_TIMESTAMP = /^\[?\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?\]?(?: (?:UTC|GMT))? +/;

function withMessage(head: string, entry: LogEntry): string {
  const message = shorten(entry.message.replace(LEADING_TIMESTAMP, ''));
  return message ? `${head}: ${message}` : head;
}

/** One-line human summary of a notable entry for the timeline. */
export function describeLogEvent(entry: LogEntry): string {
  const d = entry.details;
  switch (entry.kind) {
    case 'oom-kill': {
      const rssParts = ['anonRssKb', 'fileRssKb', 'shmemRssKb'].map((k) => num(d[k])).filter((v): v is number => v !== null);
      const rss = rssParts.length ? `${formatKb(rssParts.reduce((a, b) => a + b, 0))} RSS` : null;
      if (d.trigger === 'invoked') {
        const who = str(d.process);
        return `OOM killer invoked${who ? ` by ${who}` : ''}${onHost(entry)}`;
      }
      const victim = processLabel(entry, rss ? [rss] : []);
      if (victim) return `OOM kill of ${victim}${onHost(entry)}`;
      return withMessage(`OOM kill${origin(entry)}`, entry);
    }
    case 'kernel-panic': {
      const reason = str(d.reason);
      return `Kernel panic${onHost(entry)}${reason ? `: ${reason}` : ''}`;
    }
    case 'segfault': {
      const library = str(d.library);
      const who = processLabel(entry, library ? [`in ${library}`] : []);
      if (who) return `Segfault in ${who}${onHost(entry)}`;
      return withMessage(`Segfault${origin(entry)}`, entry);
    }
    case 'hung-task': {
      const who = processLabel(entry);
      const seconds = num(d.seconds);
      if (who) return `Task ${who} blocked${seconds !== null ? ` for more than ${seconds} s` : ''}${onHost(entry)}`;
      return withMessage(`Hung task${origin(entry)}`, entry);
    }
    case 'crash-loop': {
      const container = str(d.container);
      const target = container
        ? `container ${container}${str(d.pod) ? ` in ${str(d.pod)}` : ''}`
        : str(d.object) ?? str(d.service) ?? (entry.format !== 'kubectl-events' && entry.unit ? shorten(entry.unit) : null);
      return withMessage(`Crash loop${target ? ` of ${target}` : ''}${onHost(entry)}`, entry);
    }
    case 'certificate-expiry': {
      const notAfter = str(d.notAfter);
      return withMessage(`Expired certificate${notAfter ? ` (expired ${notAfter})` : ''}${origin(entry)}`, entry);
    }
    case 'disk-full': {
      const path = str(d.path);
      return withMessage(`Disk full${path ? ` at ${path}` : ''}${origin(entry)}`, entry);
    }
    case 'connection-refused': {
      const address = str(d.address);
      return withMessage(`Connection refused${address ? ` by ${address}` : ''}${origin(entry)}`, entry);
    }
    case 'timeout': {
      const address = str(d.address);
      return withMessage(`Timeout${address ? ` reaching ${address}` : ''}${origin(entry)}`, entry);
    }
    default: {
      const label = entry.level ? LEVEL_LABELS[entry.level] : 'Log line';
      return withMessage(`${label}${origin(entry)}`, entry);
    }
  }
}
