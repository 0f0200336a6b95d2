import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseHeading, sectionKindOf } from '../src/core/heading-aliases.ts';
import { parsePostmortem } from '../src/core/parse.ts';
import { extractIncident } from '../src/core/extract.ts';
import { extractActionItems } from '../src/core/action-items.ts';

describe('heading aliases', () => {
  const cases: [string, string][] = [
    ['Issue summary', 'summary'], ['Incident Summary', 'summary'], ['Executive summary', 'summary'], ['TL;DR', 'summary'],
    ['Impact', 'impact'], ['What was impacted?', 'impact'], ['Trigger', 'trigger'], ['Detection', 'detection'],
    ['Root causes', 'rootCause'], ['Root Cause Analysis', 'rootCause'], ['Contributing Factors', 'rootCause'], ['RCA:', 'rootCause'],
    ['Resolution and recovery', 'resolution'], ['Mitigation', 'resolution'],
    ['Timeline (all times UTC)', 'timeline'], ['Timeline {WIP}', 'timeline'], ['Timeline (all times PDT):', 'timeline'],
    ['Logs', 'logs'], ['Future preventative measures', 'actionItems'], ['Corrective and Preventative Measures', 'actionItems'],
    ['Follow-up', 'actionItems'], ['Follow-ups', 'actionItems'], ['Next steps', 'actionItems'], ['Action Items', 'actionItems'],
    ['What went well / wrong', 'lessons'], ['Lessons learnt', 'lessons'], ['Lessons Learned', 'lessons'], ['Where we got lucky', 'lessons'],
    ['How\'d We Do?', 'lessons'], ['What didn\'t go so well?', 'lessons'], ['How did we fix it?', 'resolution'],
    ['What caused it?', 'rootCause'], ['How was it discovered?', 'detection'],
    ['Leadup', 'trigger'], ['Fault', 'rootCause'], ['Exploit', 'trigger'], ['The Rebuild', 'resolution'],
    ['3. Root cause', 'rootCause'], ['Moving Foward', 'actionItems'], ['Acknowledgements', 'other'], ['Appendix', 'other'],
    ['The Effects', 'impact'], ['Precursors', 'trigger'], ['Things that went poorly', 'lessons'], ['Resulting Action', 'actionItems'],
    ['根因', 'rootCause'], ['时间线', 'timeline'], ['修复', 'resolution'], ['预防', 'actionItems'],
    ['Ursachen', 'rootCause'], ['Maßnahmen', 'actionItems'], ['Chronologie', 'timeline'], ['Leçons apprises', 'lessons'],
    ['Causa raíz', 'rootCause'], ['Línea de tiempo', 'timeline'],
    ['障害の内容', 'summary'], ['影響範囲', 'impact'], ['発生から復旧までのタイムライン', 'timeline'], ['復旧方法', 'resolution'],
    ['再発防止策（案）', 'actionItems'], ['振り返り', 'lessons'],
    ['Event order', 'timeline'], ['Where were we lucky', 'lessons'], ['Where did we get lucky?', 'lessons'], ['Stabilization Steps', 'resolution'],
    ['Supporting information and documentation', 'logs'],
    ['Sammendrag', 'summary'], ['Konsekvens', 'impact'], ['Løsning', 'resolution'], ['Aksjonspunkter', 'actionItems'],
    ['Hva lærte vi?', 'lessons'], ['Hvor hadde vi flaks', 'lessons'], ['Tidslinje', 'timeline'], ['Åtgärder', 'actionItems'],
    ['1. Was ist passiert', 'summary'], ['2. Warum ist es passiert', 'rootCause'], ['3. Was haben wir gelernt', 'lessons'], ['4. Was aendern wir', 'actionItems'],
    ['Resolución', 'resolution'], ['Tijdlijn', 'timeline'], ['What could have been worse', 'lessons'],
    ['Technical cause', 'rootCause'], ['Analysis of causes', 'rootCause'], ['But how did this happen?', 'rootCause'],
    ['What we\'re doing to fix this', 'actionItems'], ['What are we going to do about it?', 'actionItems'], ['How are we improving the situation?', 'actionItems'],
    ['Why It Took 22 Hours to Notice', 'detection'], ['Fixing the problem', 'resolution'], ['Points à retenir', 'lessons'], ['Remédier à l’incident', 'resolution'],
    ['The Vulnerability', 'rootCause'], ['The bug', 'rootCause'], ['Fallout', 'impact'], ['Key events', 'timeline'], ['Review actions', 'actionItems'],
    ['Diagnosis', 'other'], ['过程', 'timeline'], ['事件经过', 'timeline'],
    ['What could be done to avoid this in future?', 'actionItems'], ['现象', 'impact'], ['Investigação', 'rootCause'],
    ['How it is fixed', 'resolution'], ['Fixes Applied (2026-01-26)', 'resolution'], ['Solução', 'resolution'], ['Future plan', 'actionItems'], ['Whys', 'rootCause'],
    ['Resolved issues', 'other'], ['How this happened', 'rootCause'],
    ['How am I fixing it?', 'resolution'], ['What was done to fix it?', 'resolution'], ['How did we respond?', 'resolution'], ['The Solution', 'resolution'],
    ['The alert', 'detection'], ['Consequences of failure', 'impact'], ['How we will avoid this situation in the future', 'actionItems'], ['Our response', 'resolution'], ['Data', 'logs'], ['Graphs', 'logs'], ['How are we going to do better?', 'actionItems'], ['How Do We Do Better in the Future?', 'actionItems'],
    ['Repair items', 'actionItems'], ['Work items', 'actionItems'], ['What are we doing next?', 'actionItems'], ['What did we learn?', 'lessons'], ['Steps taken', 'resolution'], ['What happened and why', 'summary'],
    // Korean.
    ['개요', 'summary'], ['영향', 'impact'], ['타임라인', 'timeline'], ['근본 원인', 'rootCause'], ['해결', 'resolution'], ['재발 방지 대책', 'actionItems'], ['교훈', 'lessons'],
    // Chinese and Korean headings that join their words, numbered or not.
    ['0. 本次结论', 'summary'], ['事故概述与背景', 'summary'], ['2. 影响面与用户', 'impact'], ['受影响的服务', 'impact'],
    ['4.2 直接原因', 'rootCause'], ['根因与放大因素', 'rootCause'], ['6. 应急处置', 'resolution'], ['6.1 临时止血措施', 'resolution'], ['长期修复', 'resolution'],
    ['9. 遗留风险与行动项', 'actionItems'], ['后续行动计划', 'actionItems'], ['预防再次发生', 'actionItems'], ['经验与反思', 'lessons'], ['复盘总结', 'lessons'],
    ['触发因素', 'trigger'], ['错误日志', 'logs'],
    ['3. 장애 원인 분석', 'rootCause'], ['사용자 영향 범위', 'impact'], ['임시 완화 조치', 'resolution'], ['버그 수정', 'resolution'], ['완화 (임시)', 'resolution'],
    ['재발 방지 및 후속 조치', 'actionItems'], ['장애 원인 분석 및 재발 방지 대책', 'rootCause'], ['회고 및 교훈', 'lessons'], ['장애 요약', 'summary'], ['로그 분석', 'logs'],
    ['Que s\'est-il passé ?', 'summary'], ['Comment cela a-t-il pu arriver ?', 'rootCause'], ['Qu\'avons-nous fait ?', 'resolution'], ['Línea de tiempo del error', 'timeline'], ['Resolving actions', 'resolution'],
  ];
  for (const [heading, kind] of cases) {
    it(`"${heading}" → ${kind}`, () => expect(sectionKindOf(heading)).toBe(kind));
  }

  it('normalises case, punctuation, asides and numbering', () => {
    expect(normaliseHeading('  2) Root Cause(s): {WIP} ')).toBe('root cause');
    expect(normaliseHeading('What went well / wrong?')).toBe('what went well wrong');
  });

  it('reads a keyword in a short Chinese or Korean heading, not in a sentence or another word', () => {
    expect(sectionKindOf('临时修复')).toBe('resolution');
    expect(sectionKindOf('经排查确认是连接池配置错误并已在当天完成修复')).toBe('other');
    expect(sectionKindOf('以下站点目前均已恢复访问：')).toBe('other');
    // A document without headings: such a line introduces a list, it names no section.
    expect(parsePostmortem('x.md', '---\ntitle: 机房断电\n---\n\n以下站点目前均已恢复访问：\n\n- 论坛\n').sections.filter((s) => s.node)).toEqual([]);
    expect(sectionKindOf('로그 수집')).toBe('logs');
    expect(sectionKindOf('로그인 장애')).toBe('other');
  });

  it('lets config extend the table', () => {
    expect(sectionKindOf('Aftermath')).toBe('other');
    expect(sectionKindOf('Aftermath', { aftermath: 'impact' })).toBe('impact');
  });
});

describe('sections', () => {
  it('finds the seed sections at their lines', () => {
    const seed = readFileSync(new URL('../content/incidents/2025-04-22-management-cluster-nodes-flapping.md', import.meta.url));
    const parsed = parsePostmortem('seed.md', seed);
    expect(parsed.sections.filter((s) => s.node).map((s) => [s.kind, s.heading, s.line])).toEqual([
      ['summary', 'Issue summary', 21],
      ['timeline', 'Timeline', 35],
      ['logs', 'Logs', 42],
      ['rootCause', 'Root cause', 48],
      ['resolution', 'Resolution and recovery', 52],
      ['actionItems', 'Future preventative measures', 56],
    ]);
  });

  it('reads a lone "What went wrong?" as the root cause, and as a lesson beside "What went well" or under lessons', () => {
    const kinds = (md: string) => parsePostmortem('x.md', md).sections.filter((s) => s.node).map((s) => [s.heading, s.kind]);
    expect(kinds('# What happened?\n\nx\n\n# What went wrong?\n\ny\n')).toEqual([['What happened?', 'summary'], ['What went wrong?', 'rootCause']]);
    expect(kinds('## What went well\n\nx\n\n## What went wrong\n\ny\n')).toEqual([['What went well', 'lessons'], ['What went wrong', 'lessons']]);
    expect(kinds('## Lessons learned\n\n### What went wrong\n\ny\n')).toEqual([['Lessons learned', 'lessons'], ['What went wrong', 'lessons']]);
    expect(kinds('## Root cause\n\nz\n\n## What went wrong\n\ny\n')).toEqual([['Root cause', 'rootCause'], ['What went wrong', 'lessons']]);
  });

  it('reads a heading written without the space after its marks, in a document without headings', () => {
    const parsed = parsePostmortem('x.md', '---\ntitle: Cache failure\n---\n\n##What happened?\nThe cache cluster failed.\n\n##Consequences of failure\n\nOrders were lost.\n\n###Details\n\nText.\n');
    expect(parsed.sections.filter((s) => s.node).map((s) => [s.heading, s.kind, s.depth, s.line])).toEqual([
      ['What happened?', 'summary', 2, 5], ['Consequences of failure', 'impact', 2, 8], ['Details', 'impact', 3, 12],
    ]);
    // One mark before a word is text: an issue number, a tag.
    expect(parsePostmortem('x.md', '---\ntitle: Disk\n---\n\n#2 node of the cluster filled its disk.\nIt was replaced.\n').sections.filter((s) => s.node)).toEqual([]);
    // "Diagnosing the issue" tells the cause when nothing else does.
    expect(parsePostmortem('x.md', '# BLAST down\n\n### Diagnosing the issue\n\nWrong user.\n\n### What was done to fix it?\n\nFixed it.\n').sections.filter((s) => s.node).map((s) => s.kind)).toEqual(['other', 'rootCause', 'resolution']);
  });

  it('gives subsections their parent kind and never maps the title heading', () => {
    const parsed = parsePostmortem('x.md', '# Incident summary of the outage\n\n## Timeline\n\n### 2023-08-25\n\n- 10:00 a\n\n## Appendix\n\n### Glossary\n');
    expect(parsed.sections.map((s) => [s.heading, s.kind])).toEqual([
      ['Incident summary of the outage', 'other'], ['Timeline', 'timeline'], ['2023-08-25', 'timeline'], ['Appendix', 'other'], ['Glossary', 'other'],
    ]);
  });

  it('reads the work still to do under a resolution or lessons as action items; improvements there stay lessons', () => {
    const parsed = parsePostmortem('x.md', '# T\n\n## Resolution\n\n### Immediate (Done)\n\n- restarted\n\n### Short-term (Recommended)\n\n1. Add a check\n\n### Recovery TODO\n\n- [ ] Map LUNs\n\n## Lessons learned\n\n### Improvements\n\nSmoke tests.\n\n### Moving forward\n\n- Harden alerting\n');
    expect(parsed.sections.filter((s) => s.depth === 3).map((s) => [s.heading, s.kind])).toEqual([
      ['Immediate (Done)', 'resolution'], ['Short-term (Recommended)', 'actionItems'], ['Recovery TODO', 'actionItems'], ['Improvements', 'lessons'], ['Moving forward', 'actionItems'],
    ]);
    expect(extractActionItems(parsed.sections).map((a) => a.text)).toEqual(['Add a check', 'Map LUNs', 'Harden alerting']);
  });

  it('reads a retrospective\'s headings as lessons wherever they sit; "What went wrong" under a root cause stays the cause', () => {
    const parsed = parsePostmortem('x.md', '# T\n\n## Root Cause\n\nPool too small.\n\n### Things that went well\n\nAlerts.\n\n### Things that went poorly\n\nSlow.\n\n### What went wrong\n\nNo limit.\n\n## Summary\n\nS.\n\n### Things that went poorly\n\nNo VPN.\n');
    expect(parsed.sections.filter((s) => s.depth === 3).map((s) => [s.heading, s.kind])).toEqual([
      ['Things that went well', 'lessons'], ['Things that went poorly', 'lessons'], ['What went wrong', 'rootCause'], ['Things that went poorly', 'lessons'],
    ]);
  });

  it('reads a heading without the anchors a documentation site put in it', () => {
    const md = '# Testnet Halt 95\n\n### [#](https://docs.example/halt.html#description)Description <a href="#description" id="description"></a>\n\nA proposal.\n\n### Action Items [¶](#action-items)\n\n- Fix it\n';
    expect(parsePostmortem('x.md', md).sections.filter((s) => s.node).map((s) => [s.heading, s.kind])).toEqual([
      ['Testnet Halt 95', 'other'], ['Description', 'summary'], ['Action Items', 'actionItems'],
    ]);
  });

  it('reads a numbered Chinese report: combined names, kinds by the stronger word, work to do under the fix', () => {
    const md = [
      '# 支付网关超时', '', '## 0. 本次结论', '', '连接池太小。', '', '## 1. 影响面与用户', '', '部分下单失败。', '',
      '## 2. 现场证据', '', '### 2.1 已排除的干扰项', '', '网络正常。', '', '## 3. 根因', '', '### 3.1 直接原因', '', '池上限为 10。', '',
      '## 4. 应急处置与修复', '', '### 4.1 临时止血', '', '扩容。', '', '### 后续行动', '', '- 压测连接池', '',
      '## 5. 遗留风险与行动项', '', '- [ ] 加连接池告警', '', '## 6. 关闭评审', '', '待定。', '',
    ].join('\n');
    const parsed = parsePostmortem('x.md', md);
    expect(parsed.sections.filter((s) => s.node).map((s) => [s.heading, s.kind])).toEqual([
      ['支付网关超时', 'other'], ['0. 本次结论', 'summary'], ['1. 影响面与用户', 'impact'], ['2. 现场证据', 'other'], ['2.1 已排除的干扰项', 'other'],
      ['3. 根因', 'rootCause'], ['3.1 直接原因', 'rootCause'], ['4. 应急处置与修复', 'resolution'], ['4.1 临时止血', 'resolution'], ['后续行动', 'actionItems'],
      ['5. 遗留风险与行动项', 'actionItems'], ['6. 关闭评审', 'other'],
    ]);
    expect(extractActionItems(parsed.sections).map((a) => a.text)).toEqual(['压测连接池', '加连接池告警']);
  });

  it('reads a Korean report\'s combined names', () => {
    const md = '# 로그인 지연\n\n## 영향 범위\n\n일부 사용자.\n\n## 완화 (단기 조치)\n\n재시작.\n\n## 영구 수정\n\n설정 변경.\n\n## 검증\n\n확인.\n\n## 재발 방지 및 후속 조치\n\n- 알림 추가\n';
    const parsed = parsePostmortem('x.md', md);
    expect(parsed.sections.filter((s) => s.node).map((s) => [s.heading, s.kind])).toEqual([
      ['로그인 지연', 'other'], ['영향 범위', 'impact'], ['완화 (단기 조치)', 'resolution'], ['영구 수정', 'resolution'], ['검증', 'other'], ['재발 방지 및 후속 조치', 'actionItems'],
    ]);
    expect(extractActionItems(parsed.sections).map((a) => a.text)).toEqual(['알림 추가']);
  });

  it('nests a lone "# Timeline" among "##" sections as one of them, not as the title', () => {
    const parsed = parsePostmortem('x.md', '---\ntitle: Slow responses\n---\n\nIntro.\n\n# Timeline\n\n- 18:53 first report\n\n## Root Cause\n\nFull disk.\n\n## Things that went poorly\n\nNo disk alert.\n');
    expect(parsed.sections.filter((s) => s.node).map((s) => [s.heading, s.kind, s.depth])).toEqual([
      ['Timeline', 'timeline', 2], ['Root Cause', 'rootCause', 2], ['Things that went poorly', 'lessons', 2],
    ]);
  });
});

describe('sections opened by bold labels (Google\'s template)', () => {
  const md = [
    '# Shakespeare Sonnet++ Postmortem', '', '**Date:** 2015-10-21', '',
    '**Summary:** Search down for 66 minutes.', '',
    '**Root Causes**: Cascading failure due to high load', 'and a resource leak.', '',
    'More on the leak.', '',
    '**Status:** Complete', '',
    '**Note** not a label.', '',
    '## Timeline', '', '- 14:51 Sonnet found', '',
    '## Background', '', '**Impact:** inside a section of no role still counts.', '',
    '## Resolution', '', '**Impact:** inside a section with a role is text.', '',
  ].join('\n');
  const parsed = parsePostmortem('x.md', md);

  it('opens a section of the named kind at each label, one level down, up to the next label', () => {
    expect(parsed.sections.map((s) => [s.kind, s.heading, s.line, s.depth])).toEqual([
      ['other', 'Shakespeare Sonnet++ Postmortem', 1, 1],
      ['summary', 'Summary', 5, 2],
      ['rootCause', 'Root Causes', 7, 2],
      ['timeline', 'Timeline', 16, 2],
      ['other', 'Background', 20, 2],
      ['impact', 'Impact', 22, 3],
      ['resolution', 'Resolution', 24, 2],
    ]);
    const incident = extractIncident(parsed).incident;
    expect(incident.summary).toBe('Search down for 66 minutes.');
    // The excerpt is the summary's, not the "**Date:**" line that opens the document.
    expect(incident.excerpt).toBe('Search down for 66 minutes.');
    expect(incident.rootCause).toBe('Cascading failure due to high load\nand a resource leak.\n\nMore on the leak.');
    expect(incident.impact).toBe('inside a section of no role still counts.');
  });

  it('reads a header written as a list of labels, each item a section', () => {
    const list = parsePostmortem('x.md', '- **Start time:** 2024-02-01 09:12 UTC\n- **Summary:** Jobs piled up.\n- **Root cause:** Retention was set to 30 days.\n  The disk filled.\n\n## Timeline\n\n- 09:12 alert\n');
    expect(list.sections.map((s) => [s.kind, s.heading, s.line])).toEqual([
      ['other', '', 1], ['summary', 'Summary', 2], ['rootCause', 'Root cause', 3], ['timeline', 'Timeline', 6],
    ]);
    const incident = extractIncident(list).incident;
    expect([incident.summary, incident.rootCause, incident.started]).toEqual(['Jobs piled up.', 'Retention was set to 30 days.\nThe disk filled.', '2024-02-01T09:12Z']);
    // Lower down, such a list describes things: no sections.
    const lower = parsePostmortem('x.md', '# Title\n\n## Current status\n\n### Storage\n\n- **Solution**: Longhorn v1.6.2\n');
    expect(lower.sections.map((s) => s.kind)).toEqual(['other', 'other', 'other']);
  });

  it('reads an incident log entry: a bold name alone over a nested list heads it, and milestones are named before their times', () => {
    const text = '# Incident on 2024-09-20 - Route tables destroyed\n\n- **Key events**\n  - First detected: 2024-09-20 11:24\n  - Incident declared 2024-09-20 11:30\n  - Repaired: 2024-09-20 11:33\n  - Resolved: 2024-09-20 11:40\n\n- **Time to repair**: 9m\n\n- **Impact**: Services were unreachable.\n\n- **Review actions**:\n  - Review the process for pausing pipelines.\n';
    const doc = parsePostmortem('x.md', text);
    expect(doc.sections.filter((s) => s.kind !== 'other').map((s) => [s.kind, s.heading, s.line])).toEqual([
      ['timeline', 'Key events', 3], ['impact', 'Impact', 11], ['actionItems', 'Review actions', 13],
    ]);
    const { incident } = extractIncident(doc);
    expect(incident.timeline.map((e) => [e.at, e.text])).toEqual([
      ['2024-09-20T11:24Z', 'First detected'], ['2024-09-20T11:30Z', 'Incident declared'], ['2024-09-20T11:33Z', 'Repaired'], ['2024-09-20T11:40Z', 'Resolved'],
    ]);
    expect([incident.detected, incident.mitigated, incident.resolved]).toEqual(['2024-09-20T11:24Z', '2024-09-20T11:33Z', '2024-09-20T11:40Z']);
    expect(incident.actionItems.map((a) => a.text)).toEqual(['Review the process for pausing pipelines.']);
    // A bold name with nothing nested under it is text, and a sentence ending in a time is no milestone.
    const other = parsePostmortem('x.md', '- **Key events**\n- **Impact**: none\n\n## Timeline\n\n- The deploy that went out on 2024-09-20 11:24\n');
    expect(other.sections.map((s) => s.kind)).toEqual(['other', 'impact', 'timeline']);
    expect(extractIncident(other).incident.timeline.map((e) => e.at)).toEqual([null]);
    // Names padded into a column, and a note in brackets or "onwards" after the time.
    const padded = extractIncident(parsePostmortem('x.md', '# RCA: validator misses blocks\n\n## Timeline\n\n- **Incident Start:**        2025-08-18 23:15 UTC\n- **Time of Detection:**     2025-08-18 23:20 UTC (Prometheus alerts)\n- **Stable Operation:**      2025-08-19 02:50 UTC onwards\n'));
    expect(padded.incident.timeline.map((e) => [e.at, e.text])).toEqual([
      ['2025-08-18T23:15Z', 'Incident Start'], ['2025-08-18T23:20Z', 'Time of Detection (Prometheus alerts)'], ['2025-08-19T02:50Z', 'Stable Operation'],
    ]);
  });

  it('takes "Diagnosis" or "Details of Incident" as the root cause only where no section is named for it', () => {
    const alone = parsePostmortem('x.md', '# Drive failure\n\n## Summary\n\nThe pool degraded.\n\n## Diagnosis\n\nThe disk in bay 3 died.\n\n### SMART data\n\nReallocated sectors.\n');
    expect(alone.sections.map((s) => s.kind)).toEqual(['other', 'summary', 'rootCause', 'rootCause']);
    expect(parsePostmortem('x.md', '# Flaw\n\n## Details of Incident\n\nThe call result was never checked.\n').sections.map((s) => s.kind)).toEqual(['other', 'rootCause']);
    const beside = parsePostmortem('x.md', '# Drive failure\n\n## Diagnosis\n\nWe read the SMART data.\n\n## Root cause\n\nThe disk died.\n');
    expect(beside.sections.map((s) => s.kind)).toEqual(['other', 'other', 'rootCause']);
  });

  it('takes a timeline named inside another part as the report\'s timeline only when it has no other', () => {
    const nested = parsePostmortem('x.md', '# Outage\n\n## Recovery\n\nWe restarted NFS.\n\n### Recovery Timeline\n\n- 21:39 NFS restarted\n\n#### Later\n\n- 22:01 Jobs resumed\n');
    expect(nested.sections.map((s) => s.kind)).toEqual(['other', 'resolution', 'timeline', 'timeline']);
    const beside = parsePostmortem('x.md', '# Outage\n\n## Timeline\n\n- 21:00 Alert\n\n## Detection\n\nPaged.\n\n### Detection Timeline\n\n- 21:00 Alert\n\n#### First page\n\n- 21:01 Ack\n');
    expect(beside.sections.map((s) => s.kind)).toEqual(['other', 'timeline', 'detection', 'detection', 'detection']);
  });

  it('points at the label', () => {
    const root = parsed.sections.find((s) => s.kind === 'rootCause')!;
    expect(root.node?.position?.start).toMatchObject({ line: 7, column: 1 });
    expect(root.node?.position?.end).toMatchObject({ line: 7, column: 16 });
  });
});

describe('action items', () => {
  const items = (md: string) => extractActionItems(parsePostmortem('x.md', md).sections);

  it('reads checklists with owners, refs and links', () => {
    expect(items('## Action items\n\n- [x] Add alerting @alice (#112)\n- [ ] Raise RAM, owner: Bob, [HL-42](https://tracker.example/HL-42)\n1. [ ] Document it\n')).toEqual([
      { text: 'Add alerting @alice (#112)', done: true, owner: '@alice', links: [], refs: ['#112'], line: 3 },
      { text: 'Raise RAM, owner: Bob, HL-42', done: false, owner: 'Bob', links: ['https://tracker.example/HL-42'], refs: ['HL-42'], line: 4 },
      { text: 'Document it', done: false, owner: null, links: [], refs: [], line: 5 },
    ]);
  });

  it('leaves a code block under an item out of its text', () => {
    const md = '## Action items\n\n1. **Add stability monitoring** to `k3s_manager.py`:\n   ```python\n   time.sleep(60)  # see #12\n   ```\n2. Add a MetalLB check\n';
    expect(items(md)).toEqual([
      { text: 'Add stability monitoring to k3s_manager.py:', done: false, owner: null, links: [], refs: [], line: 3 },
      { text: 'Add a MetalLB check', done: false, owner: null, links: [], refs: [], line: 7 },
    ]);
  });

  it('takes bullets between the steps of one numbered list as details of the step above', () => {
    const md = [
      '## Remediation', '', '### Done', '',
      '1. **Find the cause**', 'We traced it to the ID space.', '', '- query plans', '- disk reads', '',
      '2. **Move the table**', '', '- new partitioned table', '- triggers for live writes', '',
      '3. **Clear the backlog**', '', '- lag per partition', '',
      '### Planned', '', '1. Alert on ID use', '2. Rehearse the move', '',
      '- a separate list of its own',
    ].join('\n');
    expect(items(md).map((i) => [i.line, i.text])).toEqual([
      [5, 'Find the cause We traced it to the ID space.'], [11, 'Move the table'], [16, 'Clear the backlog'],
      // The numbering restarts here and never goes on across bullets: every item counts.
      [22, 'Alert on ID use'], [23, 'Rehearse the move'], [25, 'a separate list of its own'],
    ]);
  });

  it('takes the steps a paragraph enumerates in prose as one item each', () => {
    const md = [
      '## How will we prevent this?', '',
      'We will change three things. First, the bot keeps its state in a variable, not a session.',
      'Second, reloads are tested in CI ([#12](https://git.example/12)). Finally, @dana adds a rebuild command.', '',
      '## Follow-up', '', 'At first, nobody noticed. Then we rebuilt it.',
    ].join('\n');
    expect(items(md).map((i) => [i.line, i.text, i.owner, i.links])).toEqual([
      [3, 'First, the bot keeps its state in a variable, not a session.', null, []],
      [4, 'Second, reloads are tested in CI (#12).', null, ['https://git.example/12']],
      [4, 'Finally, @dana adds a rebuild command.', '@dana', []],
      // One step word alone (and not opening a sentence) is no enumeration.
      [8, 'At first, nobody noticed. Then we rebuilt it.', null, []],
    ]);
  });

  it('leaves out a list of references its lead-in introduces', () => {
    const md = [
      '## Improving recovery procedures', '', 'Work is split across the following issues:', '',
      '1. [Hourly LVM snapshots (#1098)](https://git.example/1098)', '1. [Test restores (#1102)](https://git.example/1102)', '',
      'We are also balancing the load across replicas. More information on this can be found at:', '',
      '* [Bundle pgpool (!1251)](https://git.example/mr/1251)', '',
      'See also:', '', '- [The runbook](https://wiki.example/runbook)', '',
    ].join('\n');
    expect(items(md).map((i) => i.text)).toEqual(['Hourly LVM snapshots (#1098)', 'Test restores (#1102)']);
  });

  it('leaves out lists and tables of names (the records an action removed) and the lead-in to them', () => {
    const md = [
      '## Corrective Actions', '', 'We removed three CNAME records that pointed at these subdomains:', '',
      '- staticshare', '- statictranslations', '', 'The team also found old DNS records that were safe to remove. Namely:', '',
      '| type | name |', '| --- | --- |', '| CNAME | publications.example.gov |', '| A | www.publications.example.gov |', '',
      'Internal documentation will be updated so that such subdomains are always proxied.', '',
    ].join('\n');
    expect(items(md).map((i) => i.text)).toEqual(['Internal documentation will be updated so that such subdomains are always proxied.']);
    expect(items('## Actions\n\n- Monitoring\n- Alerting\n').map((i) => i.text)).toEqual(['Monitoring', 'Alerting']);
    // Links to issues are tracked actions, not names; links to sites are names.
    expect(items('## Action Items\n\n* https://github.com/org/repo/issues/8567\n\n* https://github.com/org/repo/issues/8875\n').map((i) => i.links)).toEqual([['https://github.com/org/repo/issues/8567'], ['https://github.com/org/repo/issues/8875']]);
    expect(items('## Corrective actions\n\nThe sites that were affected:\n\n- https://status.example.com\n- https://api.example.com\n- https://www.example.gov\n\nEach now has a health check (@dana).\n').map((i) => i.text)).toEqual(['Each now has a health check (@dana).']);
  });

  it('reads tables with Owner, Status and Link columns', () => {
    const md = '## Follow-up\n\n| Action | Owner | Status | Link |\n|---|---|---|---|\n| Ship logs | @carol | Done | [#7](https://x.test/7) |\n| Test restores | Dan | Open | - |\n';
    expect(items(md)).toMatchObject([
      { text: 'Ship logs', owner: '@carol', done: true, links: ['https://x.test/7'], refs: ['#7'], line: 5 },
      { text: 'Test restores', owner: 'Dan', done: false, line: 6 },
    ]);
  });

  it('reads an item marked done at either end of its text', () => {
    const md = '## Remediation\n\n1. Restore the CPU guard (done).\n2. Time every rule - done\n3. Done: page on CPU\n4. Review regexes ✅\n5. Not done yet\n';
    expect(items(md).map((i) => i.done)).toEqual([true, true, true, true, false]);
  });

  it('reads Google\'s table: a Bug column as the reference, a status written at the end of a cell', () => {
    const md = '## Action Items\n\n| Action Item | Type | Owner | Bug |\n|---|---|---|---|\n| Update playbook | mitigate | jennifer | n/a **DONE** |\n| Balance load between clusters | prevent | martym | Bug 5554823 **TODO** |\n';
    expect(items(md).map((i) => [i.text, i.done, i.owner, i.refs])).toEqual([
      ['Update playbook', true, 'jennifer', []],
      ['Balance load between clusters', false, 'martym', ['Bug 5554823']],
    ]);
  });

  it('falls back to paragraphs, as in the seed', () => {
    const seed = readFileSync(new URL('../content/incidents/2025-04-22-management-cluster-nodes-flapping.md', import.meta.url));
    const found = extractActionItems(parsePostmortem('seed.md', seed).sections);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ done: false, owner: null, line: 58, links: ['https://www.talos.dev/v1.9/reference/configuration/v1alpha1/config/#Config.machine.logging'] });
    expect(found[0]!.text).toMatch(/^It would be easier to diagnose issues/);
  });

  it('counts nothing for a section that says there is nothing to do', () => {
    for (const said of ['No further actions are needed.', 'None.', 'N/A', 'There are no follow-up actions planned at this time.']) {
      expect(items(`## Further actions\n\n${said}\n`), said).toEqual([]);
    }
    expect(items('## Action items\n\n- None\n')).toEqual([]);
    // A real action that happens to start with "no" is kept.
    expect(items('## Action items\n\nNo more manual restores: script them (@dana).\n')).toHaveLength(1);
    // A template's blanks are no items; text written inside its braces is.
    expect(items('## Action items\n\n- ${first item to help make this not happen again}\n- ...\n- <owner>\n- {{ summary }}\n- TBD\n')).toEqual([]);
    expect(items('## Action items\n\n1. {{ Enabling logging across all hubs to track future outages }}\n')).toHaveLength(1);
    expect(items('## Action items\n\n- {{ Add DB index }}\n- [Rotate keys]\n- <Upgrade the Redis cluster to 7.2>\n').map((i) => i.text)).toEqual(['{{ Add DB index }}', '[Rotate keys]', '<Upgrade the Redis cluster to 7.2>']);
  });

  it('finds actions labelled as such outside the action-items section, in document order', () => {
    const md = [
      '## Lessons learned', '', 'Alerts came late.', '', 'Action point: page on the first failed renewal (@sam).', '',
      '- **Follow-up:** add a runbook, OPS-7', '- We were lucky.', '',
      '## Action items', '', '- [ ] Rotate the key', '',
      '## Appendix', '', 'Action item: archive the logs.', '',
    ].join('\n');
    expect(items(md).map((i) => [i.line, i.text, i.owner, i.refs])).toEqual([
      [5, 'page on the first failed renewal (@sam).', '@sam', []],
      [7, 'add a runbook, OPS-7', null, ['OPS-7']],
      [12, 'Rotate the key', null, []],
      [16, 'archive the logs.', null, []],
    ]);
    // A block in a labelled section and in the section around it is one item.
    expect(items('# Title\n\n**Summary:** it broke.\n\nAction item: fix it (@kim).\n').map((i) => [i.line, i.text])).toEqual([[5, 'fix it (@kim).']]);
    // Inside an action-items section a label is not counted twice.
    expect(items('## Action items\n\nAction item: rotate the key.\n').map((i) => i.text)).toEqual(['rotate the key.']);
  });
});

describe('action item links', () => {
  it('finds bare URLs as well as Markdown links', () => {
    const found = extractActionItems(parsePostmortem('x.md', '## Action items\n\n- Track in https://tracker.example/HL-9, see [docs](https://docs.example/x).\n').sections);
    expect(found[0]!.links).toEqual(['https://tracker.example/HL-9', 'https://docs.example/x']);
  });
});

describe('a document written without Markdown headings', () => {
  const plain = [
    'Issue Summary', 'On July 10, 2024, from 9:00 AM to 11:00 AM UTC, checkout failed for 40% of users.', '',
    'Timeline', '8:55 AM - Monitoring detected SSL handshake failures.', '9:30 AM - Discovered the certificate had expired.', '',
    '![Dashboard](chart.png)', '',
    'Root Cause and Resolution', 'The certificate was not renewed because the renewal job had no permission to write it.', '',
    'Corrective and Preventative Measures', 'Improvements:', '', 'Renew certificates automatically and alert 14 days before expiry.', '',
  ].join('\n');

  it('names its sections on lines of their own, and reads them', () => {
    const { incident } = extractIncident(parsePostmortem('x.md', plain));
    expect(incident.sections.map((s) => [s.kind, s.line])).toEqual([['summary', 1], ['timeline', 4], ['rootCause', 10], ['actionItems', 13]]);
    expect(incident.timeline.map((e) => [e.line, e.at])).toEqual([[5, '2024-07-10T08:55Z'], [6, '2024-07-10T09:30Z']]);
    expect(incident.rootCause).toMatch(/^The certificate was not renewed/);
    // The line that introduces the items is not one.
    expect(incident.actionItems.map((a) => a.text)).toEqual(['Renew certificates automatically and alert 14 days before expiry.']);
  });

  it('leaves such lines alone in a document that has headings', () => {
    const { incident } = extractIncident(parsePostmortem('x.md', `## Notes\n\n${plain}`));
    expect(incident.sections.map((s) => s.kind)).toEqual(['other']);
  });
});

describe('headings used as labels', () => {
  const doc = [
    '### Postmortem: Web Stack Outage - August 18, 2024', '', '## Issue Summary', '', 'The site was down for 2.5 hours.', '',
    '# Root Cause: The SSL certificate on the load balancer expired without being renewed.', '',
    '## Timeline', '', '- 01:00 AM: The outage began.', '- 03:00 AM: Services restored.', '',
    '# Resolution: The certificate was renewed by hand.', '',
  ].join('\n');

  it('give their section its text, and the title is the opening heading', () => {
    const { incident } = extractIncident(parsePostmortem('x.md', doc));
    expect(incident.title).toBe('Postmortem: Web Stack Outage - August 18, 2024');
    expect(incident.rootCause).toBe('The SSL certificate on the load balancer expired without being renewed.');
    expect(incident.resolution).toBe('The certificate was renewed by hand.');
    expect(incident.sections.map((s) => [s.kind, s.line])).toContainEqual(['rootCause', 7]);
  });

  it('keep what is under them when they have content of their own', () => {
    const { incident } = extractIncident(parsePostmortem('x.md', '# Outage\n\n## Root cause: DNS\n\nThe resolver cache expired at once.\n\n### Why it spread\n\nEvery service retried.\n'));
    expect(incident.sections.map((s) => s.kind)).toEqual(['other', 'rootCause', 'rootCause']);
    expect(incident.rootCause).toBe('The resolver cache expired at once.\n\nWhy it spread\n\nEvery service retried.');
  });

  it('leave a report\'s opening heading its title and a field heading a field', () => {
    const { incident } = extractIncident(parsePostmortem('x.md', '# Retrospective: EC2 instance creation stopped\n\n## Date: February 6, 2023\n\n## Summary\n\nNo instances started.\n'));
    expect([incident.title, incident.date, incident.sections.map((s) => s.kind)]).toEqual(['Retrospective: EC2 instance creation stopped', '2023-02-06', ['other', 'other', 'summary']]);
  });
});
