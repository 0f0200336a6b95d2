/**
 * The Hindsight rules as a remark preset, for remark-cli and editors (the VS Code remark extension,
 * unified-language-server):
 *
 *     // .remarkrc.mjs
 *     import hindsight from 'hindsight/src/remark-preset.mjs';
 *     export default { plugins: [hindsight] };
 *
 * Rule levels come from the project's Hindsight config (`rules`), as for `hindsight lint`. Rules read
 * remark's own tree; the cross-file rules index the configured content folder.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { PluggableList, Preset } from 'unified';
import { configFor } from './lint/context.ts';
import hindsightDisable from './lint/disable-plugin.ts';
import { resolveLevels } from './lint/levels.ts';
import { rules } from './lint/registry.ts';
import type { RuleLevel } from './lint/rule.ts';

/** The preset for a project folder (the current directory by default). */
export function hindsightPreset(cwd: string = process.cwd()): Preset {
  const config = configFor(cwd);
  let levels: Map<string, RuleLevel>;
  try {
    levels = resolveLevels(config.rules);
  } catch {
    // An unknown rule id in the config: `hindsight lint` reports it; editors keep linting.
    levels = resolveLevels();
  }
  const plugins: PluggableList = [[remarkFrontmatter, ['yaml', 'toml']], remarkGfm];
  for (const rule of rules) {
    const level = levels.get(rule.id) ?? rule.defaultLevel;
    if (level !== 'off') plugins.push([rule.plugin as never, [level]]);
  }
  plugins.push(hindsightDisable);
  return { plugins };
}

const preset: Preset = hindsightPreset();
export default preset;
