/**
 * Inline opt-outs for deliberate exceptions:
 * `<!-- hindsight-disable-next-line rule-id other-rule -->` (no id: every rule) silences messages
 * that start on the next line. In YAML or TOML front matter the same words go in a `#` comment.
 */
import type { Html } from 'mdast';
import { visit } from 'unist-util-visit';
import type { LintModel } from './context.ts';

/** One opt-out: the line it applies to and the rules it silences (null: all). */
export interface DisableDirective {
  line: number;
  ruleIds: string[] | null;
}

const directiveText = /^\s*hindsight-disable-next-line\b([\s\S]*)$/;
const commentDirective = /^\s*#\s*hindsight-disable-next-line\b(.*)$/;

function ids(list: string): string[] | null {
  const found = list.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
  return found.length > 0 ? found : null;
}

/** Every opt-out comment of a file. */
export function disableDirectives(model: LintModel): DisableDirective[] {
  const directives: DisableDirective[] = [];
  if (!model.parsed.text.includes('hindsight-disable-next-line')) return directives;
  visit(model.parsed.tree, 'html', (node: Html) => {
    if (!node.position || !node.value.includes('hindsight-disable')) return;
    // Comment by comment, counting lines as it goes: linear however many comments there are.
    const html = node.value;
    let line = node.position.start.line;
    let counted = 0;
    for (let open = html.indexOf('<!--'); open !== -1; ) {
      const close = html.indexOf('-->', open + 4);
      if (close === -1) break;
      const m = directiveText.exec(html.slice(open + 4, close));
      if (m) {
        for (let i = html.indexOf('\n', counted); i !== -1 && i < close; i = html.indexOf('\n', i + 1)) line++;
        counted = close;
        directives.push({ line: line + 1, ruleIds: ids(m[1]!) });
      }
      open = html.indexOf('<!--', close + 3);
    }
  });
  const fm = model.parsed.frontmatter;
  if (fm) {
    fm.raw.split('\n').forEach((text, i) => {
      const m = commentDirective.exec(text);
      // The block's first raw line is the file's line 2.
      if (m) directives.push({ line: i + 3, ruleIds: ids(m[1]!) });
    });
  }
  return directives;
}

/** Whether a message of `ruleId` starting on `line` is silenced. */
export function isDisabled(directives: readonly DisableDirective[], ruleId: string, line: number): boolean {
  return directives.some((d) => d.line === line && (d.ruleIds === null || d.ruleIds.includes(ruleId)));
}
