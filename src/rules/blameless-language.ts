/** blameless-language: wording that blames people, with a suggestion in systems terms. */
import type { Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { defineFileRule } from '../lint/rule.ts';
import { topSections } from '../lint/rule-helpers.ts';

/** Who blame can land on: people, pronouns, roles, handles. */
const person = String.raw`(?:him|her|them|me|us|you|himself|herself|themselves|myself|ourselves|yourself|someone|somebody|anyone|anybody|everyone|everybody|each other|one another|people|ops|@[A-Za-z0-9][\w-]*|(?:the|a|an|our|my|their|his|her|that|this)\s+(?:on-?call(?:\s+(?:engineer|person|sre))?|engineers?|developers?|devs?|operators?|admins?|administrators?|interns?|teams?|person|people|contractors?|authors?|reviewers?|colleagues?|teammates?|new hire|juniors?|managers?|sres?|ops)\b|[A-Z][a-z]+\s+for\b)`;
/**
 * Blame aimed at people: someone blamed ("blamed the on-call engineer", "blaming @dana", "blamed
 * Dana for…"), blame put or lying on someone, someone "to blame". Blame of things is no blame of
 * people: "an error that blamed their input", "we cannot blame the card", "the blame onto bad luck".
 */
const blameOnPeople = new RegExp(
  // Case-sensitive but for a sentence's first letter, so that "blamed Dana for" is a name and "blamed timeouts for" is not.
  String.raw`\b[Bb]lam(?:e|ed|es|ing)\s+(?:it\s+on\s+|on\s+|onto\s+)?${person}` +
    String.raw`|\b[Bb]lame\s+(?:lies|lay|falls|fell|rests|rested|is|was)\s+(?:with|on)\s+${person}` +
    String.raw`|\b(?:[Pp]ut|[Pp]uts|[Pp]utting|[Pp]laced?|[Pp]laces|[Pp]lacing|[Pp]in(?:s|ned|ning)?|[Ll]ays?|[Ll]aying|[Ll]aid|[Ss]hift(?:s|ed|ing)?)\s+(?:the\s+|all\s+the\s+)?blame\s+(?:on|onto)\s+${person}` +
    String.raw`|\b(?:[Hh]e|[Ss]he|[Tt]hey|[Yy]ou|[Ss]omeone|[Ss]omebody|@[A-Za-z0-9][\w-]*)\s+(?:is|are|was|were)\s+(?:partly\s+|partially\s+|entirely\s+|largely\s+)?to\s+blame\b`,
  'g',
);

/** "should have" + a past participle, said of people: at the start of a line or clause, or after a person or an `@handle`. */
const shouldHaveDone = new RegExp(
  String.raw`(?<=(?:^|[.!?:;]\s*|\*\*\s*|[-*]\s+|(?:\b(?:we|i|you|he|she|they|someone|somebody|(?:the|our|my|a|an)\s+(?:team|engineers?|operators?|developers?|on-?call\w*|admins?|reviewers?))|(?<![\w@])@[A-Za-z0-9][\w-]*)\s+))` +
    // …or cut short: "we should have, but nothing watched the archiver".
    String.raw`should(?:n['’]t| not)? have(?: (?:not )?(?:\w+ed|done|caught|seen|known|taken|gone|run|written|made|given|put|set|kept|found|thought|brought|sent|told|built|chosen|begun|read|had)\b|(?=[,.;:!?]))`,
  'gim',
);

/** Phrases that blame, and what to write instead. */
const phrases: readonly [pattern: RegExp, instead: string][] = [
  [/\bhuman errors?\b/gi, 'name the gap that let the mistake through (a missing check, an unclear runbook, a risky default)'],
  [/\bcareless(?:ly|ness)?\b|\bsloppy\b|\breckless(?:ly|ness)?\b/gi, 'describe the conditions (time pressure, missing review, a confusing tool) rather than the person'],
  // Hindsight about what people did: "we should have caught it", "- Should have validated the defaults".
  // "The config should have been corrected" and "restarts should have triggered alerts" tell what a
  // system was meant to do; "we should have a bot that…" is a wish.
  [shouldHaveDone, 'say what would have helped instead ("the runbook did not cover…", "no alert fired for…")'],
  // "Nothing in the logs showed that anything was at fault", "the disk was at fault": things, not people.
  [/\b(?:the )?fault of\b|(?<!\b(?:anything|nothing|something|which|what|it|this|that|(?:service|server|system|code|config\w*|disk|drive|node|network|database|component|process|host|library|dependency|bug|change|hardware|software|provider|cache|proxy|cluster|script|job)s?)\s+(?:was|is|were|are|had been|has been|be)\s+)\bat fault\b|\b(?:his|her|their|[A-Z][a-z]+['’]s) fault\b/g, 'describe how the system allowed the failure rather than whose fault it was'],
  [blameOnPeople, 'describe the contributing factors; a postmortem looks for causes, not culprits'],
  // "lazy-loaded", "lazy loading" and "lazy evaluation" are techniques, not people.
  [/\b(?:stupid|dumb|idiot(?:ic)?|lazy(?![-‐]|\s+(?:load|init|evaluat|import|fetch|sync|compil))|negligen(?:t|ce)|incompeten(?:t|ce))\b/gi, 'describe what made the action reasonable at the time and what would make it safe'],
];

/** Someone named as the cause: `@dana broke…`, `Dana forgot…`, `He neglected…`. */
const namedBlame = /(?<![\w@])(@[A-Za-z0-9][\w-]*|(?!(?:We|I|Our|It|This|That|The|Nobody|Everyone|Someone|Somebody|Nothing|Everybody)\b)[A-Z][a-z]+)\s+(?:forgot|neglected|messed up|screwed up|didn['’]t bother|failed to (?:notice|follow|review))\b/g;
const handleBlame = /(?<![\w@])@[A-Za-z0-9][\w-]*\s+(?:broke|caused)\b/g;

/** Every word any pattern above starts from: text without one is skipped at once. */
const anyTrigger = /human error|careless|sloppy|reckless|should(?:n['’]t| not)? have|fault|blam|stupid|dumb|idiot|lazy|negligen|incompeten|forgot|neglected|messed up|screwed up|bother|failed to|broke|caused/i;

/** Sections whose wording is checked: causes, lessons and the narrative around them. */
const checked = ['summary', 'impact', 'trigger', 'detection', 'rootCause', 'resolution', 'lessons'] as const;

export default defineFileRule({
  id: 'blameless-language',
  defaultLevel: 'warn',
  summary: 'Causes and lessons are written in systems terms, not blame',
  description:
    'A blameless postmortem asks how the system let a reasonable action cause harm. Phrases such as ' +
    '"human error", "careless", "should have", "fault of", "blame", "negligent", or a person named as ' +
    'the subject of "forgot" or "broke" end that inquiry early. In the summary, impact, trigger, ' +
    'detection, root cause, resolution and lessons sections (code excluded), each is reported with a ' +
    'suggestion in systems terms. Mentions of people elsewhere (timeline, action items) are left alone.',
  examples: {
    valid: [
      { source: '## Root cause\n\nThe deploy script accepted an empty region and applied the change to every region at once.\n' },
      { source: '## Impact\n\nThe lazy-loaded script stayed cached; queued jobs should have been retried and were not.\n', note: 'a technique and a system\'s intended behaviour' },
      { source: '## Impact\n\nUsers were bounced by an error that blamed their input. We first blamed the ThinkPad shutdown.\n', note: 'blame of things, not people' },
      { source: '## Lessons learned\n\nEvery action item should have an owner. 6,812 restarts should have triggered an alert.\n', note: 'a wish, and what a system was meant to do' },
      { source: '## Detection\n\nThe bot logs did not show that anything was at fault; the disk was at fault.\n', note: 'things at fault' },
    ],
    invalid: [
      { source: '## Root cause\n\nThe outage was caused by human error during the deploy.\n', line: 3, column: 26 },
      { source: '## Lessons learned\n\nDana forgot to renew the certificate.\n', line: 3, column: 1, note: 'a person named as the cause' },
      { source: '## Root cause\n\nThe review blamed the on-call engineer for the rollback.\n', line: 3, column: 12, note: 'blame aimed at a person' },
      { source: '## Lessons learned\n\n- Should have validated the DNS setup before deployment\n', line: 3, column: 3, note: 'hindsight about what people did' },
      { source: '## Root cause\n\nThe rollout went ahead because @dana should have checked the canary.\n', line: 3, column: 38, note: 'hindsight aimed at a person by handle' },
    ],
  },
  check(ctx) {
    const text = ctx.parsed.text;
    const sections = checked.flatMap((kind) => topSections(ctx.parsed.sections, kind));
    const seen = new Set<number>();
    for (const section of sections) {
      const first = section.node?.position?.start.offset ?? 0;
      const last = section.children.at(-1)?.position?.end.offset ?? first;
      if (!anyTrigger.test(text.slice(first, last))) continue;
      for (const block of section.children) {
        visit(block, 'text', (node: Text) => {
          const p = node.position;
          if (!p || p.start.offset === undefined || p.end.offset === undefined) return;
          // Match on the source of the text node, so columns are exact.
          const source = text.slice(p.start.offset, p.end.offset);
          if (!anyTrigger.test(source)) return;
          const report = (index: number, length: number, message: string) => {
            const at = p.start.offset! + index;
            if (seen.has(at)) return;
            seen.add(at);
            ctx.report(message, ctx.index.point(at), ctx.index.point(at + length));
          };
          for (const [pattern, instead] of phrases) {
            for (const m of source.matchAll(pattern)) report(m.index, m[0].length, `"${m[0]}" puts the blame on people; ${instead}`);
          }
          for (const m of source.matchAll(namedBlame)) {
            report(m.index, m[0].length, `"${m[0]}" names a person as the cause; describe the step the process left to memory or chance (for example "the checklist has no step for…")`);
          }
          for (const m of source.matchAll(handleBlame)) {
            report(m.index, m[0].length, `"${m[0]}" names a person as the cause; describe what in the system let the change do harm`);
          }
        });
      }
    }
  },
});
