/**
 * Shiki's `log` grammar, made safe for its JavaScript regex engine. In Oniguruma's syntax an
 * interval followed by `+` (`\h{2,}+`) is not possessive but a repetition of a repetition; the
 * JavaScript translation keeps it as one, and it backtracks exponentially when the rest of the
 * pattern fails: a log line with a 40-character hex-like run after `22-04-` took seconds, a longer
 * one never finished. `x{n,}` repeated matches exactly the text `x{n,}` matches (n ≥ 1), so the
 * repetition is dropped; every other pattern is kept as it is. (Done to the grammar as loaded, not
 * by a copy of it, so grammar updates still arrive.)
 */
import { bundledLanguages, type LanguageRegistration } from 'shiki';

/** Fields of a TextMate rule that hold a regular expression. */
const regexFields = ['match', 'begin', 'end', 'while'] as const;

/** An unescaped `{n,}` directly followed by `+`: in Oniguruma syntax, the interval repeated. */
const repeatedOpenInterval = /(?<!\\)((?:\\\\)*\{\d+,\})\+/g;

/** The pattern with each repeated open interval `x{n,}+` written as the `x{n,}` it equals. */
export function withoutRepeatedIntervals(pattern: string): string {
  return pattern.replace(repeatedOpenInterval, '$1');
}

function rewrite(rule: unknown): unknown {
  if (Array.isArray(rule)) return rule.map(rewrite);
  if (!rule || typeof rule !== 'object') return rule;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rule)) {
    out[key] = typeof value === 'string' && (regexFields as readonly string[]).includes(key) ? withoutRepeatedIntervals(value) : rewrite(value);
  }
  return out;
}

/** The `log` grammar for the JavaScript engine. */
export async function safeLogGrammar(): Promise<LanguageRegistration[]> {
  const { default: grammars } = await bundledLanguages.log();
  return grammars.map((grammar) => rewrite(grammar) as LanguageRegistration);
}
