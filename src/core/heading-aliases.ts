/** Which section kind a heading names: a built-in alias table that users extend in config. */
import { distance } from 'fastest-levenshtein';
import type { SectionKind } from '../../schemas/config.ts';
import { remembered } from './remembered.ts';

function normalise(heading: string): string {
  return heading
    .toLowerCase()
    // Innermost asides only: `\([^)]*\)` is quadratic on a heading of many unclosed `(`.
    .replace(/\([^()]*\)|\[[^[\]]*\]|\{[^{}]*\}/g, ' ')
    .replace(/^\s*(?:\d+(?:\.\d+)*|[ivx]+|[a-z])[.)]\s+/, ' ')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/**
 * Normalise a heading for lookup: lower case, no parenthesised or bracketed asides
 * ("(all times UTC)", "{WIP}"), no numbering ("2.", "IV)"), no punctuation or emoji.
 * Remembered: the same few dozen headings recur in every postmortem of a repository.
 */
export const normaliseHeading: (heading: string) => string = remembered(normalise, { limit: 10_000, maxKeyLength: 200 });

const table: Record<SectionKind, readonly string[]> = {
  summary: [
    'summary', 'issue summary', 'incident summary', 'executive summary', 'tl dr', 'tldr', 'overview',
    'incident overview', 'description', 'incident description', 'what happened', 'what happened and why',
    'abstract', 'synopsis', 'short summary', 'brief', 'problem statement', 'details',
    'introduction', 'summary of the incident', 'event summary',
    'outage summary', 'postmortem summary', 'issue', 'incident report', 'report summary',
    // Other languages: Chinese, Japanese, German, French, Spanish, Portuguese, Italian.
    '概述', '摘要', '总结', '问题', '概要', '障害の内容', '障害内容', '障害概要', '事象概要', 'zusammenfassung', 'résumé', 'resumen', 'resumo', 'resumen ejecutivo', 'résumé exécutif', 'ce qui s est passé', 'que s est il passé', 'qu est ce qui s est passé', 'l incident', 'was ist passiert', 'qué pasó', 'que pasó', 'sommario', 'riepilogo',
    // Norwegian, Swedish, Danish, Dutch.
    'sammendrag', 'oppsummering', 'sammanfattning', 'samenvatting', 'hva skjedde', 'vad hände', 'wat is er gebeurd',
    // Korean.
    '개요', '요약', '장애 개요', '사건 개요',
  ],
  impact: [
    'impact', 'user impact', 'customer impact', 'business impact', 'impact assessment', 'scope',
    'scope and impact', 'impact and scope', 'affected services', 'affected systems', 'who was affected',
    'blast radius', 'severity and impact', 'impact summary', 'consequences', 'effects', 'fallout', '现象', '故障现象',
    'what was impacted', 'what was affected', 'risks and hazards', 'risks',
    'the effects', 'the impact', 'symptoms', '影响', '影響', '影響範囲', '影响范围', 'auswirkungen', 'auswirkung', 'impacto', 'impatto', 'påvirkning', 'konsekvens', 'konsekvenser', 'påverkan', 'gevolgen', '영향', '영향 범위', '장애 영향',
  ],
  trigger: ['trigger', 'triggers', 'precursors', 'triggering event', 'what triggered it', 'cause of the trigger', 'initial trigger', 'exploit', 'the exploit', 'attack vector', 'leadup', 'lead up', 'the lead up'],
  detection: [
    'detection', 'how it was detected', 'how we detected it', 'discovery', 'how was it detected', 'how was it discovered',
    'how did we find out', 'how we found out',
    'alerting', 'detection and response', 'identification', 'erkennung', 'detección', 'détection', 'oppdagelse', 'upptäckt', '감지', '탐지',
  ],
  rootCause: [
    'root cause', 'root causes', 'root cause analysis', 'rca', 'cause', 'causes', 'contributing factors',
    'root cause and contributing factors', 'root causes and trigger', 'root cause and trigger',
    'analysis', 'technical analysis', 'why it happened', 'what went wrong and why', 'causal analysis',
    'underlying cause', 'technical details', 'investigation', 'the root cause', 'cause analysis', 'how did this happen',
    'how did it happen', 'what caused it', 'what caused this', 'what caused the outage', 'what caused the incident', 'the smoking gun', 'smoking gun', 'details of vulnerability', 'details of the vulnerability', 'root cause s', 'technical root cause', 'five whys', '5 whys', 'whys', 'the whys', 'problem analysis', 'fault', 'the fault',
    'the vulnerability', 'vulnerability', 'vulnerability details', 'the bug', 'bug details', 'the flaw', 'investigação', 'investigación',
    '根因', '根本原因', '原因', '原因分析', 'ursache', 'ursachen', 'grundursache', 'cause racine', 'causa raíz', 'causa raiz', 'causa', 'comment cela a t il pu arriver', 'pourquoi est ce arrivé', 'pourquoi c est arrivé', 'warum ist es passiert', 'ursachenanalyse', 'causa principale', 'causa radice',
    'årsak', 'rotårsak', 'grunnårsak', 'hvorfor skjedde det', 'orsak', 'grundorsak', 'årsag', 'oorzaak', 'grondoorzaak', '원인', '근본 원인', '원인 분석', '장애 원인',
  ],
  resolution: [
    'resolution', 'resolution and recovery', 'recovery', 'mitigation', 'mitigation and resolution',
    'fix', 'the fix', 'details of fix', 'details of the fix', 'how it was fixed', 'how we fixed it', 'response', 'response and recovery',
    'resolution steps', 'immediate recovery', 'immediate fix', 'immediate response', 'workaround', 'mitigation steps', 'restoration', 'incident response', 'resolution and mitigation',
    'recovery steps', 'steps taken', 'solution', 'immediate actions', 'handling', 'incident handling', 'stabilization steps', 'stabilisation steps', 'how did we fix it',
    'how was it fixed', 'how was it resolved', 'how it was resolved', 'how we resolved it', 'rebuild', 'the rebuild', 'rebuilding',
    'rollback', 'rolling back', 'how we responded', 'how did we respond', 'our response',
    'how it is fixed', 'how it s fixed', 'fixes', 'the fixes', 'fixes applied', 'fixes deployed', 'resolving actions', 'actions taken to resolve',
    '修复', '解决', '解决方案', '处理', '处置', '缓解', '対応', '復旧', '復旧方法', '復旧手順', '対応内容', '修复方案', 'lösung', 'behebung', 'résolution', 'qu avons nous fait', 'ce que nous avons fait', 'solución', 'resolução', 'solução', 'remédiation', 'remédier à l incident', 'resolución', 'risoluzione', 'wiederherstellung',
    'løsning', 'lösning', 'oplossing', 'gjenoppretting', 'håndtering', '해결', '조치', '대응', '조치 사항', '해결 방법', '복구', '완화',
  ],
  timeline: [
    'timeline', 'incident timeline', 'timeline of events', 'sequence of events', 'chronology',
    'event timeline', 'detailed timeline', 'timeline and response', 'events', 'time line',
    'what happened when', 'log of events', 'outage timeline', 'full timeline', 'event order', 'order of events',
    'key events', 'key timestamps', 'key times',
    '时间线', '时间轴', '经过', '过程', '事件经过', '处理过程', '故障过程', 'タイムライン', '経緯', 'zeitleiste', 'zeitverlauf', 'ablauf', 'chronologie', 'cronología',
    'línea de tiempo', 'linha do tempo', 'zeitlicher ablauf', 'zeitstrahl', 'cronologia', 'tidslinje', 'tidslinjen', 'hendelsesforløp', 'händelseförlopp', 'tijdlijn',
  ],
  logs: ['logs', 'log', 'log excerpts', 'relevant logs', 'log output', 'logs and evidence', 'evidence', 'error logs', 'kernel logs', 'supporting information', 'supporting information and documentation',
    // The data behind the story: graphs and figures from monitoring.
    'data', 'supporting data', 'monitoring data', 'graphs', 'metrics', 'charts', 'dashboards', 'screenshots'],
  actionItems: [
    'action items', 'action item', 'actions', 'next steps', 'follow up', 'follow ups', 'follow up actions',
    'follow up items', 'future preventative measures', 'preventative measures', 'preventive measures',
    'corrective and preventative measures', 'corrective and preventive measures', 'corrective actions',
    'preventive actions', 'preventative actions', 'remediation items', 'repair items', 'work items', 'todo', 'to do', 'tasks',
    'improvements', 'prevention', 'future work', 'remediation', 'remediations', 'recommendations',
    'further actions', 'moving forward', 'what is being done about this', 'action plan', 'actions taken', 'what we are doing',
    'what we re doing about it', 'what we are changing', 'changes', 'going forward', 'next actions',
    'remediations and action items', 'action items and follow ups', 'steps to prevent recurrence',
    'preventing recurrence', 'how we ll prevent this', 'what s next', 'what is next', 'what are we doing next', 'what we are doing next', 'follow up tasks',
    'resulting action', 'resulting actions', 'opportunities for improvement', 'areas for improvement',
    'review actions', 'post incident actions', 'post incident action items', 'future works', 'future plan', 'future plans',
    'what could be done to avoid this in future', 'what could be done to avoid this in the future', 'how to avoid this in the future',
    '预防', '改进', '后续', '待办', '行动项', '改进项', '后续行动', '再発防止策', '対策', '再発防止', '今後の対応', '改善策', '改进措施', 'maßnahmen', 'massnahmen', 'actions correctives', 'acciones', 'ações', 'acciones correctivas', 'próximos pasos', 'azioni', 'azioni correttive',
    'was ändern wir', 'was aendern wir', 'nächste schritte', 'aksjonspunkter', 'tiltak', 'oppfølging', 'åtgärder', 'handlinger', 'actiepunten', 'acties', '재발 방지', '재발 방지 대책', '후속 조치', '개선 사항', '액션 아이템',
  ],
  lessons: [
    'lessons learned', 'lessons learnt', 'lessons', 'what went well', 'what went wrong', 'what went well what went wrong',
    'what went well and what went wrong', 'what went well and wrong', 'where we got lucky', 'what we learned',
    'what we learnt', 'what did we learn', 'what have we learned', 'takeaways', 'key takeaways', 'learnings', 'reflections', 'retrospective',
    'what could have gone better', 'what didn t go well', 'what did not go well', 'things that went well',
    'things that went wrong', 'lessons learned and next steps', 'what worked', 'what didn t work',
    'what did not work', 'how d we do', 'how did we do', 'what didn t go so well', 'what did not go so well',
    'what could we have done better', 'what could we do better', 'where were we lucky', 'where we were lucky', 'things that went poorly', 'what helped', 'what could have been worse', 'what i was wrong about', 'what we were wrong about',
    'what went poorly', 'what went badly', 'things that went badly',
    '经验教训', '教训', '复盘', '教訓', '振り返り', 'lehren', 'erkenntnisse', 'leçons apprises', 'lecciones aprendidas', 'lições aprendidas', 'points à retenir', 'analyse rétrospective', 'rétrospective', 'was haben wir gelernt', 'was lief gut', 'was lief schlecht', 'lezioni apprese',
    'hva lærte vi', 'hva gikk bra', 'hva gikk dårlig', 'hvor hadde vi flaks', 'læringspunkter', 'lærdommer', 'lärdomar', 'geleerde lessen', '교훈', '회고', '배운 점',
  ],
};

const builtIn = new Map<string, SectionKind>();
for (const [kind, names] of Object.entries(table) as [SectionKind, readonly string[]][]) {
  for (const name of names) builtIn.set(normaliseHeading(name), kind);
}

/** Keyword fallbacks for headings not in the table, tried in order. */
const keywordRules: readonly [RegExp, SectionKind][] = [
  [/\btime ?line\b|\bchronolog|\bcronolog|\btidslinje|\bzeitleiste|\bl[ií]nea de tiempo\b|\blinha do tempo\b|\bligne du temps\b|タイムライン|時系列|时间线|时间轴|타임라인|타임 라인/, 'timeline'],
  [/\bdetails of the fix\b|\bthe fix\b/, 'resolution'],
  // "Why It Took 22 Hours to Notice" tells how the incident was (not) detected.
  [/^why it took\b.*\bto (?:notice|detect|find)\b/, 'detection'],
  // "Technical cause", "Organizational cause", "The Causes"; "But how did this happen?"
  [/\broot ?causes?\b|\bcontributing factors?\b|^why (did|does|do|was)\b|^details of the (bug|issue|problem|vulnerability)\b|\bcauses?$|\bhow did (?:this|it) happen\b|^(?:how|why) (?:this|it) happened\b|\bcausa ra[ií]z\b|\bcause racine\b|\bursache/, 'rootCause'],
  // "What we're doing to fix this", "What we're doing differently", "What are we going to do about it?", "How are we improving the situation?"
  [/再発防止|防止策|\baction items?\b|\bfollow ?ups?\b|\bprevent|\bcorrective\b|^improv(e|ing|ements?)\b|\bbeing done\b|\bnext steps\b|\bremediations?\b|^what we(?: re| are| will be) (?:doing|changing)\b|^what (?:are|will) we (?:going to )?do\b|^how (?:are|will) we (?:be )?improv|\bavoid (?:this|it|that)\b.{0,60}\bfuture\b|^how (?:are|will|do|can) we (?:going to )?(?:do|be) better\b/, 'actionItems'],
  [/\blessons?\b|\bwent (well|wrong|poorly|badly)\b|\b(?:got|get|were) lucky\b|\blearn(ed|t|ings)\b/, 'lessons'],
  [/\bimpact(ed|o)?\b|\bauswirkung|^consequences\b/, 'impact'],
  // "How am I fixing it?", "How we fixed the outage", "What was done to fix it?"
  [/\bresolution\b|\bmitigation\b|^recover(y|ing)\b|\bthe fix\b|^fixing (?:the |this |our )?(?:problem|issue|outage|bug)\b|^how (?:am i|are we|did (?:i|we)|i|we|was|were|is) (?:fix|resolv|solv)\w* (?:it|this|them|the \w+)$|^what (?:was|has been|i|we) (?:done|did) to (?:fix|resolve|solve)\b/, 'resolution'],
  // "## The alert" (a heading only: "**ALERT:** the bot is down" is a status line).
  [/\bdetection\b|\bdetected\b|^(?:the )?alerts?$/, 'detection'],
  [/\bsummary\b|\btl ?dr\b/, 'summary'],
  [/\btrigger\b/, 'trigger'],
  [/\blogs?\b/, 'logs'],
];

/**
 * Keywords of Chinese and Korean headings, which join their words ("影响与范围", "剩余风险与行动项",
 * "임시 완화 조치"): tried after the rules above, in the same order of kinds, so the stronger word
 * wins ("剩余风险与行动项" is action items, "根因结论" the cause). Only in a short name (see
 * `shortName`).
 */
const cjkKeywordRules: readonly [RegExp, SectionKind][] = [
  [/根因|原因|成因|원인/, 'rootCause'],
  [/行动项|行动计划|改进|整改|待办|待解决|待跟进|后续(?:行动|跟进|改进|计划|工作|措施|事项|任务)|预防|防范|防复发|防止复发|재발 ?방지|후속 ?조치|향후 ?(?:조치|계획|과제)|개선|대책|예방|액션 ?아이템/, 'actionItems'],
  [/经验|教训|反思|复盘(?:总结|结论|反思)?$|교훈|회고|배운 ?점|잘한 ?점|아쉬운 ?점/, 'lessons'],
  [/影响|影響|영향|피해/, 'impact'],
  [/处置|修复|止血|恢复|解决|应对|应急|缓解|处理(?:措施|方案|方法|办法|步骤)|조치|해결|복구|완화|대응|수정$/, 'resolution'],
  [/告警|如何发现|发现过程|탐지|감지/, 'detection'],
  [/结论|摘要|概述|概要|总结|简介|요약|개요|결론/, 'summary'],
  [/触发|트리거/, 'trigger'],
  [/日志|(?:^| )로그(?: |$)/, 'logs'],
];

/**
 * A name short enough for a keyword to tell its kind: eight words at most, none longer than ten
 * characters. Chinese writes a sentence without spaces, so a line such as "以下站点目前均已恢复访问"
 * is one long word: prose that mentions a recovery, not a heading that names one.
 */
function shortName(key: string): boolean {
  const words = key.split(' ');
  return words.length <= 8 && words.every((w) => w.length <= 10);
}

/** Section kind of a name that is exactly one of the aliases (config first), or `other`. */
export function exactSectionKind(name: string, extra: Readonly<Record<string, SectionKind>> = {}): SectionKind | 'other' {
  const key = normaliseHeading(name);
  for (const [alias, kind] of Object.entries(extra)) {
    if (normaliseHeading(alias) === key) return kind;
  }
  // "The Solution", "Our response": the names with an article before them.
  return builtIn.get(key) ?? builtIn.get(key.replace(/^(?:the|our) /, '')) ?? 'other';
}

/** Section kind of a heading, or `other`. Config aliases win over the built-in table. */
export function sectionKindOf(heading: string, extra: Readonly<Record<string, SectionKind>> = {}): SectionKind | 'other' {
  const known = exactSectionKind(heading, extra);
  if (known !== 'other') return known;
  const key = normaliseHeading(heading);
  if (key.length > 80) return 'other';
  // A one-letter slip ("Moving Foward", "Lesons learned") in a long heading still counts.
  if (key.length >= 8) {
    for (const [name, kind] of builtIn) if (Math.abs(name.length - key.length) <= 1 && distance(name, key) <= 1) return kind;
  }
  for (const [re, kind] of keywordRules) if (re.test(key)) return kind;
  if (shortName(key)) for (const [re, kind] of cjkKeywordRules) if (re.test(key)) return kind;
  return 'other';
}

/** The sections a heading that joins two names ("Root Cause and Resolution", "Impact & Detection"), each exactly. */
export function joinedSectionKinds(heading: string, extra: Readonly<Record<string, SectionKind>> = {}): SectionKind[] {
  if (!/\band\b|&|\//i.test(heading)) return [];
  const kinds = heading.split(/\s+(?:and|&)\s+|\s*\/\s*/i).map((part) => exactSectionKind(part, extra));
  return kinds.filter((k): k is SectionKind => k !== 'other');
}
