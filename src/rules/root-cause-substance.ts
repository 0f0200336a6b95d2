/** root-cause-substance: a root cause that explains something, not "unknown" or a few words. */
import { blocksText } from '../core/plain-text.ts';
import { defineFileRule } from '../lint/rule.ts';
import { headingSpan, topSections } from '../lint/rule-helpers.ts';

/** Words that say the cause is not known yet. */
const placeholder = /^(?:unknown|unclear|tbd|tba|todo|n\/?a|none|pending|under investigation|still investigating|to be determined|to be confirmed|not yet known|\?+|-+|…|\.\.\.)[.!]?$/i;
/** Fewer words than this is a label, not an explanation. */
export const minimumWords = 8;

/** Chinese and Japanese characters, written without spaces between words. */
const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/**
 * The words of `text` (runs holding a letter or digit), counted up to `limit`: the rule needs no
 * more. In Chinese and Japanese, written without spaces, every two characters count as a word.
 */
function wordsUpTo(text: string, limit: number): number {
  let count = 0;
  for (let at = 0; at < text.length && count < limit; ) {
    let end = text.indexOf(' ', at);
    if (end === -1) end = text.length;
    const word = text.slice(at, end);
    const characters = word.match(unspaced)?.length ?? 0;
    if (characters > 0) count += Math.max(1, Math.floor(characters / 2)) + (/[\p{L}\p{N}]/u.test(word.replace(unspaced, '')) ? 1 : 0);
    else if (/[\p{L}\p{N}]/u.test(word)) count++;
    at = end + 1;
  }
  return count;
}

export default defineFileRule({
  id: 'root-cause-substance',
  defaultLevel: 'warn',
  summary: 'The root cause explains the mechanism, in more than a few words',
  description:
    `A root cause that is empty, "unknown", "TBD" or shorter than ${minimumWords} words gives readers ` +
    'nothing to learn from and the action items nothing to stand on. Say what failed, why it could, and ' +
    'what let it spread; if the cause is still being investigated, say what is known and what is not. ' +
    'Code blocks do not count towards the words; in Chinese and Japanese, every two characters count as one.',
  examples: {
    valid: [
      { source: '## Root cause\n\nThe control plane nodes had 3 GB of RAM, and the kube-apiserver grew past it once the monitoring stack started watching every object.\n' },
      { source: '## 原因分析\n\n机械硬盘坏道, 造成 PostgreSQL 数据库的文件损坏\n', note: 'Chinese, written without spaces between words' },
    ],
    invalid: [
      { source: '## Root cause\n\nTBD\n', line: 1, column: 1, note: 'a placeholder' },
      { source: '## 原因\n\n硬盘坏了\n', line: 1, column: 1, note: 'two words of Chinese' },
      { source: '## Root cause\n\nMemory exhaustion on nodes.\n', line: 1, column: 1, note: 'a label, not an explanation' },
    ],
  },
  check(ctx) {
    for (const section of topSections(ctx.parsed.sections, 'rootCause')) {
      const span = headingSpan(section);
      if (!span) continue;
      const text = blocksText(section.children).replace(/\s+/g, ' ').trim();
      const words = wordsUpTo(text, minimumWords);
      if (!text) {
        ctx.report(`The root cause section is empty; explain what failed, why it could, and what let it spread`, span.start, span.end);
      } else if (placeholder.test(text)) {
        ctx.report(`The root cause says only "${text}"; write what is known so far: what failed, why, and what is still open`, span.start, span.end);
      } else if (words < minimumWords) {
        ctx.report(`The root cause is ${words} word${words === 1 ? '' : 's'}; expected at least ${minimumWords} explaining what failed, why it could, and what let it spread`, span.start, span.end);
      }
    }
  },
});
