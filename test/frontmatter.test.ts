import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../src/core/frontmatter.ts';
import { parsePostmortem } from '../src/core/parse.ts';
import { extractIncident } from '../src/core/extract.ts';
import { decodeText } from '../src/core/decode.ts';

const g = globalThis as Record<string, unknown>;

describe('executable front matter', () => {
  it('is what gray-matter evaluates by default, even with { js: false } (the hazard)', () => {
    delete g.__hindsightProbe;
    matter('---js\n{ title: (globalThis.__hindsightProbe = "ran") }\n---\n', { engines: { js: false } } as never);
    expect(g.__hindsightProbe).toBe('ran');
    delete g.__hindsightProbe;
  });

  for (const lang of ['js', 'javascript', 'coffee', 'coffeescript', 'cson', 'ts', 'ruby', 'JS']) {
    it(`\`---${lang}\` is refused at line 1 and never evaluated`, () => {
      delete g.__hindsightProbe;
      const text = `---${lang}\n{ title: (globalThis.__hindsightProbe = "ran") }\n---\n# Body\n`;
      const read = readFrontmatter(text);
      expect(g.__hindsightProbe).toBeUndefined();
      expect(read.refused).toBe(true);
      expect(read.diagnostics).toMatchObject([{ ruleId: 'frontmatter-language', severity: 'error', line: 1, column: 4 }]);
      const parsed = parsePostmortem('x.md', text);
      expect(parsed.readable).toBe(false);
      expect(g.__hindsightProbe).toBeUndefined();
      // The refused block is never read as Markdown either.
      expect(parsed.tree.children.map((n) => n.type)).toEqual(['heading']);
    });
  }
});

describe('YAML front matter', () => {
  it('maps keys and list items to their file positions', () => {
    const read = readFrontmatter('---\ntitle: "A"\ndate: 2024-01-01\ntags:\n  - one\n  - two\n---\n');
    expect(read.block!.locateKey(['date'])).toEqual({ line: 3, column: 1 });
    expect(read.block!.locate(['tags', 1])).toEqual({ line: 6, column: 5 });
    expect(read.block!.data).toEqual({ title: 'A', date: '2024-01-01', tags: ['one', 'two'] });
  });

  it('reads Ruby symbol keys (`:title:`) as the plain keys, positioned where they are written', () => {
    const read = readFrontmatter('---\n:layout: post\n:title: Wiki outage\n:tags:\n- infrastructure\ntitle: Kept\n:title2: x\n---\n');
    // `:title` stays as written when `title` is also given.
    expect(read.block!.data).toEqual({ layout: 'post', ':title': 'Wiki outage', tags: ['infrastructure'], title: 'Kept', title2: 'x' });
    expect(read.block!.locateKey(['tags'])).toEqual({ line: 4, column: 1 });
    expect(read.block!.locate(['tags', 0])).toEqual({ line: 5, column: 3 });
    const { incident } = extractIncident(parsePostmortem('2015-08-04-wiki.md', '---\n:layout: post\n:title: Wiki and issue tracker outage\n:created: 1438723230\n---\nThe databases were back around 3 AM.\n'));
    expect([incident.title, incident.date]).toEqual(['Wiki and issue tracker outage', '2015-08-04']);
  });

  it('reports syntax errors at their line and column in the file', () => {
    const read = readFrontmatter('---\ntitle: ok\ntags: a: b\ndate: 2024-01-01\n---\n');
    expect(read.diagnostics[0]).toMatchObject({ ruleId: 'frontmatter-yaml', severity: 'error', line: 3, column: 7 });
  });

  it('says a YAML list item starts with "- " where one was written with "* ", once a line; and asks for no date it could not read', () => {
    const text = '---\ntitle: "Search TLS errors"\ndate: "2026-09-12"\ntags:\n\n* "elasticsearch"\n* "tls"\n---\n\nText.\n';
    const parsed = parsePostmortem('x.md', text);
    const diagnostics = [...parsed.diagnostics, ...extractIncident(parsed).diagnostics];
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message])).toEqual([
      ['frontmatter-yaml', 6, 1, 'Invalid YAML in front matter: a list item starts with `- `, not `* `'],
      ['frontmatter-yaml', 7, 1, 'Invalid YAML in front matter: a list item starts with `- `, not `* `'],
    ]);
  });

  it('reports duplicate keys and tab indentation', () => {
    const read = readFrontmatter('---\ntitle: a\ntitle: b\ntags:\n\t- x\n---\n');
    const lines = read.diagnostics.map((d) => d.line);
    expect(lines).toContain(3);
    expect(read.diagnostics.every((d) => d.ruleId === 'frontmatter-yaml')).toBe(true);
  });

  it('stops an alias bomb quickly with an error', () => {
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) rows.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const started = performance.now();
    const read = readFrontmatter(`---\n${rows.join('\n')}\n---\n`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(read.diagnostics[0]?.ruleId).toBe('frontmatter-yaml');
  });

  it('accepts CRLF line endings and a BOM', () => {
    const bytes = Buffer.from('\uFEFF---\r\ntitle: "CRLF"\r\ndate: 2024-01-01\r\n---\r\n\r\n## Summary\r\n\r\nText.\r\n', 'utf8');
    const parsed = parsePostmortem('crlf.md', bytes);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.frontmatter!.data).toEqual({ title: 'CRLF', date: '2024-01-01' });
    expect(parsed.sections.find((s) => s.kind === 'summary')?.line).toBe(6);
  });

  it('reports an unclosed block and a scalar document', () => {
    expect(readFrontmatter('---\ntitle: x\n').diagnostics[0]).toMatchObject({ line: 1, column: 1 });
    expect(readFrontmatter('---\njust a string\n---\n').diagnostics[0]!.message).toMatch(/mapping/);
  });
});

describe('status', () => {
  it('reads the words templates and incident tools write for draft, review and published, and refuses others', () => {
    const status = (value: string) => {
      const { incident, diagnostics } = extractIncident(parsePostmortem('x.md', `---\ntitle: t\ndate: 2025-01-01\nstatus: ${value}\n---\n`));
      return [incident.status, incident.draft, diagnostics.some((d) => d.ruleId === 'frontmatter-schema')];
    };
    expect(status('Final')).toEqual(['published', false, false]);
    expect(status('resolved')).toEqual(['published', false, false]);
    // WordPress exports write "publish".
    expect(status('publish')).toEqual(['published', false, false]);
    expect(status('In Review')).toEqual(['review', false, false]);
    expect(status('in-review')).toEqual(['review', false, false]);
    expect(status('WIP')).toEqual(['draft', true, false]);
    // The incident's own state is not where the postmortem is: refused, and the file stays published.
    expect(status('investigating')).toEqual(['published', false, true]);
  });
});

describe('YAML messages', () => {
  it('say how to fix a value that must be quoted, and which key is given twice', () => {
    const first = (yaml: string) => readFrontmatter(`---\n${yaml}\ndate: 2024-01-01\n---\n`).diagnostics.find((d) => d.ruleId === 'frontmatter-yaml')!.message;
    expect(first('title: Post-Mortem: Pull Request Unavailability')).toContain('put the value in quotes: `title: "Post-Mortem: Pull Request Unavailability"`');
    expect(first('authors: @joshblack')).toContain('`authors: "@joshblack"`');
    expect(first('title: [Announcement] DNS change')).toContain('`title: "[Announcement] DNS change"`');
    expect(first('title: a\ntitle: b')).toContain('`title` is given twice: keep one');
  });
});

describe('schema messages', () => {
  it('says a list item left empty by a `#` (a YAML comment) is empty, and how to quote it', () => {
    const { diagnostics } = extractIncident(parsePostmortem('x.md', '---\ntitle: t\ndate: 2025-01-01\ntags:\n  - #Homelab\n  - storage\n---\n'));
    const message = diagnostics.find((d) => d.ruleId === 'frontmatter-schema');
    expect(message).toMatchObject({ line: 5 });
    expect(message!.message).toContain('has an empty item (a `#` starts a YAML comment)');
  });
});

describe('TOML and JSON front matter', () => {
  it('reads Hugo/Zola TOML with dates', () => {
    const read = readFrontmatter('+++\ntitle = "T"\ndate = 2024-06-03\ntags = ["a"]\n+++\n');
    expect(read.block!.language).toBe('toml');
    expect(read.block!.data.title).toBe('T');
    expect(read.block!.locateKey(['tags'])).toEqual({ line: 4, column: 1 });
  });

  it('reports malformed TOML at its line', () => {
    const read = readFrontmatter('+++\ntitle = "T"\ndate = = 2\n+++\n');
    expect(read.diagnostics[0]).toMatchObject({ ruleId: 'frontmatter-yaml', line: 3 });
  });

  it('reads JSON front matter as data and reports malformed JSON', () => {
    expect(readFrontmatter('---json\n{"title": "J", "date": "2024-01-01"}\n---\n').block!.data.title).toBe('J');
    expect(readFrontmatter('---json\n{"title": "J",}\n---\n').diagnostics[0]!.ruleId).toBe('frontmatter-yaml');
  });
});

describe('decoding', () => {
  it('refuses invalid UTF-8 with the position of the first bad byte', () => {
    const d = decodeText(Buffer.concat([Buffer.from('---\ntitle: x\n'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    expect(d.error).toMatchObject({ ruleId: 'encoding', line: 3, column: 1 });
  });

  it('refuses binary content', () => {
    const d = decodeText(readFileSync(process.execPath).subarray(0, 4096));
    expect(d.error?.ruleId).toBe('encoding');
    expect(parsePostmortem('bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0])).readable).toBe(false);
  });

  it('keeps the seed mojibake exactly as written', () => {
    const seed = readFileSync(new URL('../content/incidents/2025-04-22-management-cluster-nodes-flapping.md', import.meta.url));
    expect(decodeText(seed).text).toContain('âžœ  talosctl get nodestatuses');
  });
});

describe('dates in front matter', () => {
  it('refuses a day the calendar does not have, at its value', () => {
    const { diagnostics } = extractIncident(parsePostmortem('2025-03-01-x.md', '---\ntitle: t\ndate: 2025-02-30\nresolved: 2025-02-29T10:00Z\n---\n'));
    expect(diagnostics.filter((d) => d.ruleId === 'frontmatter-schema').map((d) => [d.line, d.column, d.message])).toEqual([
      [3, 7, 'Front matter `date` is not a day the calendar has; check its month and day (YYYY-MM-DD)'],
      [4, 11, 'Front matter `resolved` is not a day the calendar has; check its month and day (YYYY-MM-DD)'],
    ]);
  });

  it('says what a date must be when it is not one', () => {
    const { diagnostics } = extractIncident(parsePostmortem('x.md', '---\ntitle: t\ndate: 2025-03-01\nstarted: 20250301\n---\n'));
    expect(diagnostics.filter((d) => d.ruleId === 'frontmatter-schema').map((d) => [d.line, d.message])).toEqual([
      [4, 'Front matter `started` must be a date or a date-time, such as 2025-04-21 or 2025-04-21T14:05Z, not number 20250301'],
    ]);
  });

  it('reads authors written as blog themes write them, `{ name, link }` entries', () => {
    const text = "---\ntitle: Mainnet incident\ndate: 2019-07-02\nauthor:\n  - name: '@pinkiebell'\n    link: 'https://github.com/pinkiebell/'\n  - name: '@kosta'\n    twitter: '@troggo'\n---\n\nText.\n";
    const { incident, diagnostics } = extractIncident(parsePostmortem('x.md', text));
    expect(diagnostics.filter((d) => d.ruleId.startsWith('frontmatter'))).toEqual([]);
    expect(incident.authors).toEqual(['@pinkiebell', '@kosta']);
    expect(extractIncident(parsePostmortem('x.md', '---\ntitle: t\ndate: 2019-07-02\nauthor: Saray, Lukas\n---\n')).incident.authors).toEqual(['Saray', 'Lukas']);
  });

  it('reads a cState status page: `resolved: true` with `resolvedWhen`, and `affected` systems', () => {
    const text = '---\ntitle: "Outage on incrementals"\ndate: 2025-10-27T12:00:00\nresolved: true\nresolvedWhen: 2025-10-27T14:00:00\nseverity: down\naffected:\n  - incrementals.jenkins.io\nsection: issue\n---\n\nThe service was down.\n';
    const { incident, diagnostics } = extractIncident(parsePostmortem('x.md', text));
    expect(diagnostics.filter((d) => d.ruleId.startsWith('frontmatter'))).toEqual([]);
    expect([incident.resolved, incident.services]).toEqual(['2025-10-27T14:00:00Z', ['incrementals.jenkins.io']]);
  });

  it('reads `start_time`, `end_time` and `services_affected` as templates name them', () => {
    const text = '---\ntitle: Grid disturbance\nstart_time: 2012-07-30T02:33:00Z\nend_time: 2012-07-31T16:00:00Z\nservices_affected: [northern-grid]\n---\n\nThe grid islanded.\n';
    const { incident, diagnostics } = extractIncident(parsePostmortem('x.md', text));
    expect(diagnostics.filter((d) => d.ruleId.startsWith('frontmatter'))).toEqual([]);
    expect([incident.started, incident.resolved, incident.services, incident.date]).toEqual(['2012-07-30T02:33:00Z', '2012-07-31T16:00:00Z', ['northern-grid'], '2012-07-30']);
    // A start time without a `date` dates the incident.
    expect(extractIncident(parsePostmortem('x.md', '---\ntitle: t\nstarted: 2024-01-05T14:32:00Z\n---\n\nText.\n')).incident.date).toBe('2024-01-05');
  });

  it('leaves a status page that says `resolved: false` unresolved, and reads `resolved_on`', () => {
    const open = '---\ntitle: NYC1 outage\ndate: 2021-07-08 12:36:00\nresolved: false\n---\n14:12 GMT+1\n\nVolumes are read-only.\n\n---\n14:02 GMT+1\n\nRestarting workloads.\n';
    const incident = extractIncident(parsePostmortem('x.md', open)).incident;
    expect([incident.timeline.length, incident.resolved, incident.durationMinutes]).toEqual([2, null, null]);
    const closed = '---\ntitle: Bot down\ndate: 2020-05-29T10:34:06Z\nresolved_on: 2020-06-08T04:48:10.484Z\n---\nThe bots are down.\n';
    const { incident: done, diagnostics } = extractIncident(parsePostmortem('x.md', closed));
    expect(diagnostics.filter((d) => d.ruleId.startsWith('frontmatter'))).toEqual([]);
    expect(done.resolved).toBe('2020-06-08T04:48:10Z');
  });

  it('takes a key left empty, as templates leave them, as not given', () => {
    const text = '---\ntitle: FRA1 disruption\ndate: 2021-10-08 10:59:00\nresolved: no\nresolvedWhen:\nseverity:\naffected:\n  - Civo API\n---\n\nAPI access failed.\n';
    const { incident, diagnostics } = extractIncident(parsePostmortem('x.md', text));
    expect(diagnostics.filter((d) => d.ruleId.startsWith('frontmatter'))).toEqual([]);
    expect([incident.resolved, incident.severity, incident.services]).toEqual([null, null, ['Civo API']]);
    // An empty date is still no date.
    expect(extractIncident(parsePostmortem('x.md', '---\ntitle: t\ndate:\n---\n\nText.\n')).diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/^No date could be found/));
  });

  it('joins `systems` and `affected_services` to the services, and reads a `duration` that is a window of times', () => {
    const text = '---\ntitle: Registry push failures\ndate: 2026-01-29\nseverity: sev2\nduration: 08:41–09:54 UTC\nsystems: [forgejo, traefik]\naffected_services: zot\naffectedsystems: [nfs]\nmodified: 2026-01-30T01:00:00+00:00\nparent: Incidents\nnav_order: 3\n---\n\nPushes failed.\n';
    const { incident, diagnostics } = extractIncident(parsePostmortem('x.md', text));
    expect(diagnostics.filter((d) => d.ruleId.startsWith('frontmatter'))).toEqual([]);
    expect([incident.services, incident.started, incident.resolved]).toEqual([['forgejo', 'traefik', 'zot', 'nfs'], '2026-01-29T08:41Z', '2026-01-29T09:54Z']);
    const loose = extractIncident(parsePostmortem('x.md', '---\ntitle: t\ndate: 2026-01-29\nduration: ~20h (intermittent)\n---\n')).incident;
    expect(loose.started).toBeNull();
  });
});
