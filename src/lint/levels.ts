/** Which level each rule runs at: its default, then the config's `rules`, then `--rule id=level`. */
import type { RuleLevel } from './rule.ts';
import { ruleById, rules } from './registry.ts';
import { didYouMean } from './rule-helpers.ts';

export type Levels = ReadonlyMap<string, RuleLevel>;

const levelNames: readonly RuleLevel[] = ['off', 'warn', 'error'];

/** A problem with a rule setting, for a one-line usage error. */
export class RuleSettingError extends Error {
  override name = 'RuleSettingError';
}

function checkId(id: string, where: string): void {
  if (!ruleById(id)) {
    const near = didYouMean(id, rules.map((r) => r.id));
    throw new RuleSettingError(`unknown rule \`${id}\` in ${where}${near ? ` (did you mean \`${near}\`?)` : ''}; see docs/rules.md for the rule ids`);
  }
}

/** Parse one `--rule id=level` value. */
export function parseRuleOption(value: string): [string, RuleLevel] {
  const m = /^\s*([\w-]+)\s*[=:]\s*(\w+)\s*$/.exec(value);
  if (!m) throw new RuleSettingError(`--rule expects id=off|warn|error, got \`${value}\``);
  const level = m[2]!.toLowerCase();
  if (!levelNames.includes(level as RuleLevel)) throw new RuleSettingError(`--rule ${m[1]}: level must be off, warn or error, not \`${m[2]}\``);
  checkId(m[1]!, '--rule');
  return [m[1]!, level as RuleLevel];
}

/** Levels of every rule from the config's `rules` and the command line's overrides (later wins). */
export function resolveLevels(configRules: Readonly<Record<string, RuleLevel>> = {}, overrides: readonly [string, RuleLevel][] = []): Map<string, RuleLevel> {
  const levels = new Map<string, RuleLevel>(rules.map((r) => [r.id, r.defaultLevel]));
  for (const [id, level] of Object.entries(configRules)) {
    checkId(id, 'the config `rules`');
    levels.set(id, level);
  }
  for (const [id, level] of overrides) levels.set(id, level);
  return levels;
}

/** Levels with only the given rules on, at their default level (tests and examples). */
export function onlyRules(...ids: string[]): Map<string, RuleLevel> {
  return new Map(rules.map((r) => [r.id, ids.includes(r.id) ? r.defaultLevel : 'off']));
}
