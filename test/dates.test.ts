import { describe, expect, it } from 'vitest';
import {
  findDate, findZone, readStamp, resolveDay, toInstant, toUtcInstant, zoneFromName, type Stamp,
} from '../src/core/dates/index.ts';

/** The stamp at the start of `text`, resolved with `order` and `year`, in UTC (or as a day). */
function utcOf(text: string, opts: { day?: string; zone?: string; order?: 'dmy' | 'mdy'; year?: number } = {}): string | null {
  const stamp = readStamp(text);
  if (!stamp) return null;
  const fallback = opts.day ? { y: Number(opts.day.slice(0, 4)), m: Number(opts.day.slice(5, 7)), d: Number(opts.day.slice(8, 10)) } : null;
  const day = stamp.date ? resolveDay(stamp.date, opts.order ?? 'dmy', opts.year ?? null) : fallback;
  if (!day) return null;
  if (!stamp.time) return `${day.y}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
  return toUtcInstant(day, stamp.time, stamp.zone ?? zoneFromName(opts.zone ?? 'UTC'));
}

function written(text: string): string | null {
  const s: Stamp | null = readStamp(text);
  return s ? text.slice(s.start, s.end) : null;
}

describe('toInstant (front matter values)', () => {
  it('reads a bare date as a day', () => {
    expect(toInstant('2025-04-22', 'UTC')).toEqual({ at: '2025-04-22', precision: 'day' });
  });
  it('reads an ISO date-time with an offset, to the second', () => {
    expect(toInstant('2025-04-22T10:37:00+01:00', 'UTC')).toEqual({ at: '2025-04-22T09:37:00Z', precision: 'second' });
    expect(toInstant('2025-04-22T10:37:36Z', 'America/New_York')).toEqual({ at: '2025-04-22T10:37:36Z', precision: 'second' });
    expect(toInstant('2025-04-22T10:37+0530', 'UTC')).toEqual({ at: '2025-04-22T05:07Z', precision: 'minute' });
  });
  it('reads a zone-less time in the given zone', () => {
    expect(toInstant('2025-04-22 10:37', 'Europe/London')).toEqual({ at: '2025-04-22T09:37Z', precision: 'minute' });
    expect(toInstant('2025-01-22 10:37', 'Europe/London')).toEqual({ at: '2025-01-22T10:37Z', precision: 'minute' });
  });
  it('reads a Jekyll date with a numeric offset', () => {
    expect(toInstant('2022-05-22 08:30:00 -0700', 'UTC')).toEqual({ at: '2022-05-22T15:30:00Z', precision: 'second' });
  });
  it('refuses values that are not one date', () => {
    expect(toInstant('30/30/30', 'UTC')).toBeNull();
    expect(toInstant('2025-02-30', 'UTC')).toBeNull();
    expect(toInstant('yesterday', 'UTC')).toBeNull();
    expect(toInstant('2025-04-22 and more words', 'UTC')).toBeNull();
    expect(toInstant('', 'UTC')).toBeNull();
  });
});

describe('findDate', () => {
  it('finds the date in a title or file name', () => {
    expect(findDate('Website Outage 5-26-21')).toBe('2021-05-26');
    expect(findDate('2021-04-21-security-incident')).toBe('2021-04-21');
    expect(findDate('Flutter postmortem: Build Breakage on 2016-11-08')).toBe('2016-11-08');
    expect(findDate('Incident Postmortem - June 15, 2025')).toBe('2025-06-15');
    expect(findDate('Report on the outage of 30th July 2012')).toBe('2012-07-30');
  });
  it('takes the year of a year-less date from the hint, else finds nothing', () => {
    expect(findDate('Postmortem of database outage of January 31', { yearHint: 2017 })).toBe('2017-01-31');
    expect(findDate('Postmortem of database outage of January 31')).toBeNull();
  });
  it('does not read numbers that are not dates', () => {
    expect(findDate('Validator Outage: Era 8,219')).toBeNull();
    expect(findDate('validator_downtime_250619')).toBeNull();
    expect(findDate('k8s-ip-starvation')).toBeNull();
    expect(findDate('30/30/30')).toBeNull();
    expect(findDate('release 2.2.0 and v1.10.8')).toBeNull();
  });
  it('honours a configured day/month order', () => {
    expect(findDate('03-04-2025')).toBe('2025-04-03');
    expect(findDate('03-04-2025', { dateOrder: 'mdy' })).toBe('2025-03-04');
    expect(findDate('21-04-2025', { dateOrder: 'auto' })).toBe('2025-04-21');
  });
});

describe('date forms', () => {
  it('reads ISO dates and date-times', () => {
    expect(utcOf('2025-04-21')).toBe('2025-04-21');
    expect(utcOf('2025-04-21T14:05:09Z')).toBe('2025-04-21T14:05:09Z');
    expect(utcOf('2025-04-21T14:05:09.123456Z')).toBe('2025-04-21T14:05:09Z');
    expect(utcOf('2025-04-21T14:05+01:00')).toBe('2025-04-21T13:05Z');
    expect(utcOf('2025-04-21 14:05:09 +0100')).toBe('2025-04-21T13:05:09Z');
    expect(utcOf('2025-04-21 14:05 UTC')).toBe('2025-04-21T14:05Z');
    expect(utcOf('2021-12-10   15:40')).toBe('2021-12-10T15:40Z');
    expect(utcOf('2016/11/07 21:30')).toBe('2016-11-07T21:30Z');
  });
  it('reads numeric dates in either order, with 2-digit years and dots', () => {
    expect(utcOf('21-04-2025')).toBe('2025-04-21');
    expect(utcOf('04-21-2025', { order: 'mdy' })).toBe('2025-04-21');
    expect(utcOf('21/04/2025')).toBe('2025-04-21');
    expect(utcOf('04/21/2025', { order: 'mdy' })).toBe('2025-04-21');
    expect(utcOf('21.04.2025')).toBe('2025-04-21');
    expect(utcOf('5-26-21', { order: 'mdy' })).toBe('2021-05-26');
    expect(utcOf('26-5-99')).toBe('1999-05-26');
    expect(utcOf('03-04-2025', { order: 'dmy' })).toBe('2025-04-03');
    expect(utcOf('03-04-2025', { order: 'mdy' })).toBe('2025-03-04');
    expect(utcOf('27.01.20 - 07:00')).toBe('2020-01-27T07:00Z');
    expect(utcOf('27.01.2020 – 07:00')).toBe('2020-01-27T07:00Z');
    // A two-digit year with dots only after a two-digit day and month: not a version or an address.
    expect(readStamp('1.14.20 released')).toBeNull();
    expect(readStamp('10.10.10.1 unreachable')).toBeNull();
    expect(written('2020-01-27 - 10 users affected')).toBe('2020-01-27');
  });
  it('reads a month and day before a colon, and a part of the day before a date, but no "midnight" as one', () => {
    expect(utcOf('March 22: Long term fix is pending', { year: 2026 })).toBe('2026-03-22');
    expect(readStamp('March 12:30 fix')).toBeNull();
    expect(utcOf('Early morning July 12th, 2018: a token was made')).toBe('2018-07-12');
    expect(written('Early morning July 12th, 2018: a token was made')).toBe('Early morning July 12th, 2018');
    expect(utcOf('mid-morning March 3: x', { year: 2024 })).toBe('2024-03-03');
    expect(readStamp('midnight until 7:52 A.M.')).toMatchObject({ time: { h: 0, m: 0 }, until: { h: 7, m: 52 } });
  });
  it('keeps both fields of an ambiguous numeric date for later', () => {
    expect(readStamp('03-04-2025')?.date).toEqual({ kind: 'numeric', a: 3, b: 4, y: 2025 });
  });
  it('reads month names, ordinals and weekdays', () => {
    expect(utcOf('21 Apr 2025')).toBe('2025-04-21');
    expect(utcOf('Apr 21, 2025 10:37')).toBe('2025-04-21T10:37Z');
    expect(utcOf('April 21st', { year: 2025 })).toBe('2025-04-21');
    expect(utcOf('7th Sept', { year: 2025 })).toBe('2025-09-07');
    expect(utcOf('Sept 7', { year: 2025 })).toBe('2025-09-07');
    expect(utcOf('Monday, 21 April 2025')).toBe('2025-04-21');
    expect(utcOf('Monday 21 April', { year: 2025 })).toBe('2025-04-21');
    expect(utcOf('June 14, 2025 (Day Shift)')).toBe('2025-06-14');
    expect(utcOf('21-Apr-2025')).toBe('2025-04-21');
    expect(utcOf('Aug-27-2021')).toBe('2021-08-27');
    expect(utcOf('30 July 2012, 02:33 IST')).toBe('2012-07-29T21:03Z');
    expect(utcOf('5 Jan 2024 at 14:05')).toBe('2024-01-05T14:05Z');
  });
  it('leaves year-less dates unresolved without a year', () => {
    expect(utcOf('April 21st')).toBeNull();
  });
  it('treats lower-case "may" as a word, not a month', () => {
    expect(readStamp('may 2 servers restart')).toBeNull();
    expect(utcOf('May 2', { year: 2025 })).toBe('2025-05-02');
  });
  it('refuses impossible dates', () => {
    expect(utcOf('2025-02-29')).toBeNull();
    expect(utcOf('2024-02-29')).toBe('2024-02-29');
    expect(readStamp('32-13-2025')).toBeNull();
    expect(readStamp('2025-13-01')).toBeNull();
  });
  it('marks placeholder dates', () => {
    expect(readStamp('2023-MM-DD[^1]: token created')?.placeholder).toBe(true);
    expect(written('2023-MM-DD[^1]: token created')).toBe('2023-MM-DD');
    // A time written as unknown.
    expect(readStamp('[???] IOPS reached a critical point')).toMatchObject({ placeholder: true, time: null });
    expect(written('[???] IOPS reached a critical point')).toBe('???');
    expect(readStamp('Why did this happen???')).toBeNull();
    // A blank date with a blank time after it: one blank stamp, the text after it.
    expect(written('2022-04-xx xx:00 The vulnerability was disclosed')).toBe('2022-04-xx xx:00');
    expect(readStamp('xx:00 disclosed')).toMatchObject({ placeholder: true, time: null });
  });
});

describe('clock times', () => {
  it('reads 24-hour times, with seconds', () => {
    expect(utcOf('14:05', { day: '2025-04-21' })).toBe('2025-04-21T14:05Z');
    expect(utcOf('9:05', { day: '2025-04-21' })).toBe('2025-04-21T09:05Z');
    expect(utcOf('14:05:09', { day: '2025-04-21' })).toBe('2025-04-21T14:05:09Z');
  });
  it('reads the European hour mark "14h05", with two-digit hours only', () => {
    expect(utcOf('14h05 CET', { day: '2025-04-21' })).toBe('2025-04-21T13:05Z');
    expect(utcOf('09h30 incident ouvert', { day: '2025-04-21' })).toBe('2025-04-21T09:30Z');
    expect(readStamp('1h30 later the queue drained')).toBeNull();
    expect(readStamp('24h00 is not a time')).toBeNull();
    expect(readStamp('10h30m of downtime')).toBeNull();
  });
  it('reads 12-hour clocks, including 12 AM and 12 PM', () => {
    const day = '2025-04-21';
    expect(utcOf('2:05 PM', { day })).toBe('2025-04-21T14:05Z');
    expect(utcOf('2pm', { day })).toBe('2025-04-21T14:00Z');
    expect(utcOf('2 p.m.', { day })).toBe('2025-04-21T14:00Z');
    expect(utcOf('04:49 PM UTC', { day })).toBe('2025-04-21T16:49Z');
    expect(utcOf('12:00 AM', { day })).toBe('2025-04-21T00:00Z');
    expect(utcOf('12:30 am', { day })).toBe('2025-04-21T00:30Z');
    expect(utcOf('12:00 PM', { day })).toBe('2025-04-21T12:00Z');
    expect(utcOf('12pm', { day })).toBe('2025-04-21T12:00Z');
    expect(utcOf('12am', { day })).toBe('2025-04-21T00:00Z');
    expect(utcOf('11:59 PM', { day })).toBe('2025-04-21T23:59Z');
    expect(utcOf('1AM SAST', { day })).toBe('2025-04-20T23:00Z');
    // A dotted time is read with AM or PM only.
    expect(utcOf('4.52pm: restore started', { day })).toBe('2025-04-21T16:52Z');
    expect(utcOf('~2.52 a.m. disk full', { day })).toBe('2025-04-21T02:52Z');
    expect(readStamp('4.52 servers were down')).toBeNull();
    expect(readStamp('1.12.3 released')).toBeNull();
    // A dotted 24-hour time needs a two-digit hour and a space, colon or dash after it.
    expect(utcOf('11.13 First alerts from updown', { day })).toBe('2025-04-21T11:13Z');
    expect(utcOf('09.30: standup', { day })).toBe('2025-04-21T09:30Z');
    expect(written('14.05 - Deploy')).toBe('14.05');
    expect(readStamp('10.12.1 released')).toBeNull();
    expect(readStamp('3.14159 is pi')).toBeNull();
    expect(readStamp('24.00 is no time')).toBeNull();
  });
  it('reads military times only with a zone or "hrs", and noon/midnight', () => {
    expect(utcOf('1405Z', { day: '2025-04-21' })).toBe('2025-04-21T14:05Z');
    expect(utcOf('0930 UTC', { day: '2025-04-21' })).toBe('2025-04-21T09:30Z');
    expect(readStamp('1405 requests failed')).toBeNull();
    expect(utcOf('noon', { day: '2025-04-21' })).toBe('2025-04-21T12:00Z');
    expect(utcOf('midnight', { day: '2025-04-21' })).toBe('2025-04-21T00:00Z');
  });
  it('reads four digits opening an entry as a time with a leading zero, or where the timeline writes its times so', () => {
    expect(utcOf('0341: a change is merged', { day: '2023-01-18' })).toBe('2023-01-18T03:41Z');
    expect(utcOf('0900 - 1000 UTC: deploy window', { day: '2023-01-18', zone: 'Europe/Paris' })).toBe('2023-01-18T09:00Z');
    expect(written('0900 - 1000 UTC: deploy window')).toBe('0900 - 1000 UTC');
    // A year, an error code or a port stays what it is; so do digits run on into more digits.
    for (const text of ['2019: the product launched', '1040: Too many connections', '1433: SQL Server', '2046 - logins fail', '1130:45 x', '1200 requests failed']) {
      expect(readStamp(text)?.time ?? null, text).toBeNull();
    }
    // In a timeline that writes its times so, "1923" is 19:23.
    expect(readStamp('1923: service message sent', 0, { hhmm: true })?.time).toEqual({ h: 19, m: 23, s: null });
  });
  it('takes a word for "hours" after a 24-hour time as part of it, and a zone after that', () => {
    expect(['14:35hrs - node down', '15:00h Dienst neu gestartet', '15:05 Uhr: Störung behoben'].map(written)).toEqual(['14:35hrs', '15:00h', '15:05 Uhr']);
    expect(utcOf('14:35 hrs UTC - node down', { day: '2025-04-21' })).toBe('2025-04-21T14:35Z');
    expect(written('14:35 here we go')).toBe('14:35');
    // Only the words for hours, as written: "HR" and "Hrs" opening the text stay there.
    expect(written('10:00 HR notified of the leaked spreadsheet')).toBe('10:00');
    expect(written('10:30 Hrs of logs reviewed')).toBe('10:30');
  });
  it('reads a day and month written after the time', () => {
    expect(utcOf('10:00 7th Nov 2023 - statuses stopped')).toBe('2023-11-07T10:00Z');
    expect(written('10:49 7th Nov 2023 - cause found')).toBe('10:49 7th Nov 2023');
    // In brackets, emphasis and all; a bracket that holds no day is left to the text.
    expect(utcOf('23:00 UTC(*April 5*) - CI runs fail', { year: 2022 })).toBe('2022-04-05T23:00Z');
    expect(written('04:00 UTC (April 7) - builds stable')).toBe('04:00 UTC (April 7)');
    expect(written('10:00 (5 min) outage')).toBe('10:00');
  });

  it('reads a time after a weekday on the day it is given, and no weekday before other numbers', () => {
    expect(utcOf('Thurs 07:06 PDT: the team was paged', { day: '2023-08-31' })).toBe('2023-08-31T14:06Z');
    expect(written('Mon 3pm - deploy')).toBe('Mon 3pm');
    expect(readStamp('Wed 10 people joined')).toBeNull();
  });

  it('reads ISO 8601\'s basic format, a date and a time without separators, and no bare eight digits', () => {
    expect(utcOf('20251021 162404 (UTC+8) Gitea returned 502')).toBe('2025-10-21T08:24:04Z');
    expect(utcOf('20251021T1624Z restored')).toBe('2025-10-21T16:24Z');
    expect(readStamp('20251021 build failed')).toBeNull();
    expect(readStamp('20251341 1624 x')).toBeNull();
  });

  it('takes the same moment given again in brackets in another zone as part of the stamp', () => {
    expect(written('13:14 EDT (17:14 UTC): A user emails')).toBe('13:14 EDT (17:14 UTC)');
    expect(utcOf('13:14 EDT (17:14 UTC): A user emails', { day: '2025-07-26' })).toBe('2025-07-26T17:14Z');
    expect(written('1:00 PM PDT (20:00 UTC) - deploy')).toBe('1:00 PM PDT (20:00 UTC)');
    // Brackets that hold no time and zone stay text.
    expect(written('13:14 EDT (see below)')).toBe('13:14 EDT');
  });

  it('reads a range of times that ends at 24:00, the end of the day', () => {
    expect(written('18:00 - 24:00 UTC: Increased validator participation')).toBe('18:00 - 24:00 UTC');
    expect(readStamp('22:00-24:00: rollout')?.until).toEqual({ h: 0, m: 0, s: null });
    expect(readStamp('24:00 deploy')).toBeNull();
  });
  it('reads Japanese, Chinese and Korean dates and times', () => {
    expect(utcOf('2021年11月25日午後3時 リリース')).toBe('2021-11-25T15:00Z');
    expect(utcOf('2021年11月26日 午前10時47分')).toBe('2021-11-26T10:47Z');
    expect(utcOf('2023年3月5日 下午3点20分 服务中断')).toBe('2023-03-05T15:20Z');
    expect(utcOf('2024년 1월 5일 오후 3시 20분 장애 발생')).toBe('2024-01-05T15:20Z');
    expect(utcOf('午前0時5分 監視通知', { day: '2025-04-21' })).toBe('2025-04-21T00:05Z');
    expect(utcOf('午後0時 復旧', { day: '2025-04-21' })).toBe('2025-04-21T12:00Z');
    expect(utcOf('14時32分 障害検知', { day: '2025-04-21' })).toBe('2025-04-21T14:32Z');
    expect(written('2021年11月25日午後3時 リリース')).toBe('2021年11月25日午後3時');
    expect(findDate('発生日時: 2021年11月25日午後3時')).toBe('2021-11-25');
    expect(readStamp('2021年13月25日')).toBeNull();
    expect(readStamp('午後13時')).toBeNull();
  });
  it('refuses things that only look like times', () => {
    expect(readStamp('25:00 nothing')).toBeNull();
    expect(readStamp('14:75 nothing')).toBeNull();
    expect(readStamp('2:1 ratio')).toBeNull();
    expect(readStamp('100+ pods')).toBeNull();
    expect(readStamp('2 amplifiers')).toBeNull();
    expect(readStamp('At some point in 2023')).toBeNull();
  });
  it('reads times in bold, backticks and links as they reach it (markers already removed)', () => {
    expect(written('`14:05`: done')).toBe('14:05');
    expect(written('[14:05] done')).toBe('14:05');
    expect(written('(14:05) done')).toBe('14:05');
    expect(written('| 19:00 | row')).toBe('19:00');
  });
  it('uses the start of a range', () => {
    expect(utcOf('14:05-14:20', { day: '2025-04-21' })).toBe('2025-04-21T14:05Z');
    expect(written('09:00-17:00: migration')).toBe('09:00-17:00');
    expect(utcOf('14:05 – 14:20 UTC', { day: '2025-04-21', zone: 'Europe/Paris' })).toBe('2025-04-21T14:05Z');
    expect(utcOf('19:09 to 19:27 Pacific Time', { day: '2016-04-11' })).toBe('2016-04-12T02:09Z');
    // A tilde or wave dash joins the two ends in Korean, Japanese and Chinese writing, and the zone after the end holds for both.
    expect(utcOf('2025-09-04 22:26 ~ 22:53 (GMT+9)')).toBe('2025-09-04T13:26Z');
    expect(written('22:26〜22:53 復旧')).toBe('22:26〜22:53');
    expect(written('2024-06-21 - 2024-06-23: freeze')).toBe('2024-06-21 - 2024-06-23');
    // A range of days within one month, but not a count after a dash.
    expect(written('Mar 3-6 - workers restarted')).toBe('Mar 3-6');
    expect(written('Mar 3 - 6 workers restarted')).toBe('Mar 3');
    expect(utcOf('25–26 August: database failover', { year: 2026 })).toBe('2026-08-25');
    expect(written('25–26 August: database failover')).toBe('25–26 August');
    // An arrow joins a range too, and the zone after its end holds for both ends.
    expect(utcOf('11:00 → 11:30 CET: rollback', { day: '2026-01-15' })).toBe('2026-01-15T10:00Z');
    expect(written('18:17→19:23 | attempt 5')).toBe('18:17→19:23');
    expect(written('2026-06-24 -> 2026-06-25: latent')).toBe('2026-06-24 -> 2026-06-25');
    // A day and month without a year, at the start of a range to another such day.
    expect(utcOf('06-24 → 06-25', { year: 2026, order: 'mdy' })).toBe('2026-06-24');
    expect(written('05-13 → 06-06')).toBe('05-13 → 06-06');
    expect(readStamp('10-12 - 15 people were paged')).toBeNull();
  });
  it('reads approximate markers and keeps them in the written text', () => {
    for (const text of ['~14:05 x', '± 14:05 x', 'approx. 14:05 x', 'circa 14:05 x', 'around 14:05 x', 'c. 14:05 x', '≤14:05 x', '≥ 14:05 x', 'Est. 14:05 x', 'Estimated: 14:05 x', '추정: ~14:05 x', '約14:05 x', '大约 14:05 x']) {
      const s = readStamp(text);
      expect(s?.approximate, text).toBe(true);
      expect(s?.time, text).toEqual({ h: 14, m: 5, s: null });
    }
    expect(written('± 17:20 UTC: prior')).toBe('± 17:20 UTC');
    // An estimate's label is kept with its time ("추정" is Korean for "estimated"); words without a time are no stamp.
    expect(written('추정: 11:00 이전 | repro')).toBe('추정: 11:00');
    expect(readStamp('Estimated costs rose')).toBeNull();
    expect(readStamp('Est. 2 hours of downtime')).toBeNull();
  });
  it('drops lead words "On" and "At" from the written text', () => {
    expect(written('On 23 April 2026, 1AM SAST, alerts fired')).toBe('23 April 2026, 1AM SAST');
    expect(written('Also on 15 April 2026, the database locked')).toBe('15 April 2026');
    expect(written('2021-08-27: At 12:50:07 UTC, exploited')).toBe('2021-08-27: At 12:50:07 UTC');
  });
  it('reads "12:00+" and a time followed by its date', () => {
    expect(written('2019-11-29 12:00+ | scaling')).toBe('2019-11-29 12:00+');
    expect(utcOf('14:05 on 2025-04-21: x')).toBe('2025-04-21T14:05Z');
    // The date after the time and its zone, with a weekday and an ordinal before a colon.
    expect(written('03:10 AM PST Tuesday Mar 2nd: queue drained')).toBe('03:10 AM PST Tuesday Mar 2nd');
    expect(utcOf('03:10 AM PST Tuesday Mar 2nd: queue drained', { year: 2021 })).toBe('2021-03-02T11:10Z');
    expect(utcOf('21:15 Mar 4 hosts back', { year: 2021 })).toBe('2021-03-04T21:15Z');
    // A lower-case word after the time is the text.
    expect(written('21:15 march on')).toBe('21:15');
  });
  it('reads four digits after a month and day as a time unless they are a year of 1900–2099', () => {
    expect(utcOf('Feb 7 1506 UTC: patch released', { year: 2025 })).toBe('2025-02-07T15:06Z');
    expect(utcOf('Feb 8 0117 UTC: first report', { year: 2025 })).toBe('2025-02-08T01:17Z');
    expect(utcOf('Feb 7 2025 x')).toBe('2025-02-07');
    // Followed by a zone, four digits are a time even when they could be a year.
    expect(utcOf('Feb 9 1924 UTC: validator reports', { year: 2025 })).toBe('2025-02-09T19:24Z');
  });
  it('reads a range of times with seconds, not its end as an offset', () => {
    expect(written('00:33:20-00:33:24 UTC / 17:33:20 PDT: restart')).toBe('00:33:20-00:33:24 UTC');
    expect(utcOf('00:33:20-00:33:24 UTC: restart', { day: '2025-08-19' })).toBe('2025-08-19T00:33:20Z');
    expect(utcOf('12:00:00-07:00 x', { day: '2025-08-19' })).toBe('2025-08-19T19:00:00Z');
  });
  it('puts the start of "1:42-1:59 PM" in the afternoon too', () => {
    expect(utcOf('1:42-1:59 PM releases', { day: '2025-03-05' })).toBe('2025-03-05T13:42Z');
    expect(utcOf('11:30-1:15 PM lunch outage', { day: '2025-03-05' })).toBe('2025-03-05T11:30Z');
  });
  it('marks a time left to fill in, and keeps the date before one', () => {
    expect(readStamp('14:?? deploy')).toMatchObject({ placeholder: true, time: null });
    expect(readStamp('~21:2x user reports')).toMatchObject({ placeholder: true, approximate: true });
    expect(written('2024-03-13 HH:mm | template row')).toBe('2024-03-13 HH:mm');
    expect(utcOf('2024-03-13 HH:mm | template row')).toBe('2024-03-13');
  });
  it('reads an ISO date written with non-breaking hyphens', () => {
    expect(utcOf('2026\u201101\u201122 14:28:08 EL restarted')).toBe('2026-01-22T14:28:08Z');
  });
  it('reads a time counted from an earlier one, and "After 02:10 CET"', () => {
    expect(readStamp('+10 minutes: retried')).toMatchObject({ date: null, time: null, after: 10 });
    expect(readStamp('T+2h checkout')).toMatchObject({ after: 120 });
    expect(readStamp('+1 day: follow-up')).toMatchObject({ after: 1440 });
    expect(readStamp('+3 nodes joined')).toBeNull();
    expect(written('After 02:10 CET: all clear')).toBe('02:10 CET');
  });
  it('reads "11:21a" and "12:28p", the letter right after the time', () => {
    expect(written('2019-02-25 11:21a The API server went down')).toBe('2019-02-25 11:21a');
    expect(utcOf('1:05p pool imported', { day: '2019-02-25' })).toBe('2019-02-25T13:05Z');
    expect(written('11:21 a user reported it')).toBe('11:21');
  });
  it('reads a 24-hour time with a redundant PM, and "Nov 1:30" as no date', () => {
    expect(written('15:40 PM PST: x')).toBe('15:40 PM PST');
    expect(utcOf('15:40 PM PST: x', { day: '2021-10-30' })).toBe('2021-10-30T23:40Z');
    expect(written('Nov 1:30 x')).toBeNull();
  });
});

describe('zones', () => {
  const day = '2024-07-01';
  it('reads UTC, GMT, Z and offsets', () => {
    expect(utcOf('10:00 UTC', { day, zone: 'Asia/Tokyo' })).toBe('2024-07-01T10:00Z');
    expect(utcOf('10:00 GMT', { day, zone: 'Asia/Tokyo' })).toBe('2024-07-01T10:00Z');
    expect(utcOf('10:00Z', { day, zone: 'Asia/Tokyo' })).toBe('2024-07-01T10:00Z');
    expect(utcOf('10:00 UTC+2', { day })).toBe('2024-07-01T08:00Z');
    expect(utcOf('10:00 GMT-7', { day })).toBe('2024-07-01T17:00Z');
    expect(utcOf('10:00 +05:30', { day })).toBe('2024-07-01T04:30Z');
    expect(utcOf('10:00 (UTC)', { day, zone: 'Asia/Tokyo' })).toBe('2024-07-01T10:00Z');
  });
  it('reads abbreviations that encode DST state as fixed offsets, whatever the date', () => {
    expect(utcOf('10:00 PDT', { day })).toBe('2024-07-01T17:00Z');
    expect(utcOf('10:00 PST', { day })).toBe('2024-07-01T18:00Z');
    expect(utcOf('10:00 EST', { day })).toBe('2024-07-01T15:00Z');
    expect(utcOf('10:00 EDT', { day })).toBe('2024-07-01T14:00Z');
    expect(utcOf('10:00 CST', { day })).toBe('2024-07-01T16:00Z');
    expect(utcOf('10:00 CDT', { day })).toBe('2024-07-01T15:00Z');
    expect(utcOf('10:00 MST', { day })).toBe('2024-07-01T17:00Z');
    expect(utcOf('10:00 MDT', { day })).toBe('2024-07-01T16:00Z');
    expect(utcOf('10:00 CET', { day })).toBe('2024-07-01T09:00Z');
    expect(utcOf('10:00 CEST', { day })).toBe('2024-07-01T08:00Z');
    expect(utcOf('10:00 BST', { day })).toBe('2024-07-01T09:00Z');
    expect(utcOf('10:00 IST', { day })).toBe('2024-07-01T04:30Z');
    expect(utcOf('10:00 GST', { day })).toBe('2024-07-01T06:00Z');
    expect(utcOf('10:00 JST', { day })).toBe('2024-07-01T01:00Z');
    expect(utcOf('10:00 AEST', { day })).toBe('2024-07-01T00:00Z');
    expect(utcOf('10:00 AEDT', { day })).toBe('2024-06-30T23:00Z');
    expect(readStamp('10:00 PDT')?.zone?.label).toBe('UTC-07:00');
  });
  it('reads region names with the region\'s DST rules', () => {
    expect(utcOf('10:00 PT:', { day })).toBe('2024-07-01T17:00Z');
    expect(utcOf('10:00 PT:', { day: '2024-01-15' })).toBe('2024-01-15T18:00Z');
    expect(utcOf('10:00 PST/PDT', { day: '2024-01-15' })).toBe('2024-01-15T18:00Z');
    expect(utcOf('10:00 Pacific Time', { day })).toBe('2024-07-01T17:00Z');
    expect(utcOf('7:09 AM Eastern:', { day: '2024-06-28' })).toBe('2024-06-28T11:09Z');
    expect(utcOf('19:27 US/Pacific', { day: '2016-04-11' })).toBe('2016-04-12T02:27Z');
    expect(utcOf('10:00 Europe/London', { day })).toBe('2024-07-01T09:00Z');
    expect(readStamp('10:00 PT:')?.zone?.label).toBe('America/Los_Angeles');
  });
  it('does not take the next word for a zone', () => {
    expect(readStamp('10:00 Central database fails')?.zone).toBeNull();
    expect(written('04:49 PM UTC Site repo renamed')).toBe('04:49 PM UTC');
  });
  it('finds a zone stated in a heading or note', () => {
    expect(findZone('Timeline (all times in PST/PDT)')?.label).toBe('America/Los_Angeles');
    expect(findZone('All times in CET.')?.label).toBe('UTC+01:00');
    expect(findZone('Timeline (Japan time)')?.label).toBe('UTC+09:00');
    expect(findZone('All times are Singapore time')?.label).toBe('UTC+08:00');
    expect(findZone('Timeline (all times approximate)')).toBeNull();
    expect(findZone('{% include date.html day="2016-04-11 18:25" zone="US/Pacific" %}')?.label).toBe('US/Pacific');
  });
  it('falls back to UTC for an unknown configured zone', () => {
    expect(zoneFromName('Mars/Olympus')).toEqual(zoneFromName('UTC'));
    expect(zoneFromName('Europe/London').label).toBe('Europe/London');
    expect(zoneFromName('UTC+2').label).toBe('UTC+02:00');
  });
});

describe('DST', () => {
  it('moves a time in the spring-forward gap to after it (2024-03-10 02:30 New York)', () => {
    expect(utcOf('2024-03-10 02:30', { zone: 'America/New_York' })).toBe('2024-03-10T07:30Z');
    expect(utcOf('2024-03-10 01:59', { zone: 'America/New_York' })).toBe('2024-03-10T06:59Z');
    expect(utcOf('2024-03-10 03:00', { zone: 'America/New_York' })).toBe('2024-03-10T07:00Z');
  });
  it('reads the repeated fall-back hour as standard time', () => {
    expect(utcOf('2024-11-03 01:30', { zone: 'America/New_York' })).toBe('2024-11-03T06:30Z');
  });
  it('reads Europe/London as BST in summer and GMT in winter', () => {
    expect(utcOf('2024-07-01 12:00', { zone: 'Europe/London' })).toBe('2024-07-01T11:00Z');
    expect(utcOf('2024-12-01 12:00', { zone: 'Europe/London' })).toBe('2024-12-01T12:00Z');
    expect(utcOf('2024-03-31 00:30', { zone: 'Europe/London' })).toBe('2024-03-31T00:30Z');
    expect(utcOf('2024-03-31 02:30', { zone: 'Europe/London' })).toBe('2024-03-31T01:30Z');
  });
});
