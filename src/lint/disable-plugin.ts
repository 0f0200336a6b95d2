/** A unified plugin that drops Hindsight messages silenced by `hindsight-disable-next-line` comments. */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { modelOf } from './context.ts';
import { disableDirectives, isDisabled } from './disable.ts';
import { messageSource } from './docs-url.ts';

/** Use it after the rules. */
const hindsightDisable: Plugin<[], Root> = function () {
  return (tree, file) => {
    if (!file.messages.some((m) => m.source === messageSource)) return;
    const directives = disableDirectives(modelOf(file, tree));
    if (directives.length === 0) return;
    file.messages = file.messages.filter((m) => m.source !== messageSource || !m.ruleId || !isDisabled(directives, m.ruleId, m.line ?? 0));
  };
};

export default hindsightDisable;
