/**
 * A depth-first walk over a unist tree (mdast or hast) for the renderer. Written here rather than
 * using unist-util-visit, which builds an array of ancestors and a closure for every node it
 * passes: on highlighted code (a node per token) that was a third of the time of rendering a page.
 * Iterative, so a deeply nested tree cannot overflow the stack.
 */
import type { Node, Parent } from 'unist';

/**
 * What a visitor returns: nothing to go on (into the node's children, then on), `'skip'` to leave
 * its children out, `'exit'` to stop, or the index in `parent` to go on from (after it changed
 * `parent.children`).
 */
export type WalkAction = 'skip' | 'exit' | number | undefined | void;

const hasChildren = (node: Node): node is Parent => Array.isArray((node as Partial<Parent>).children);

/** Calls `enter` on every node below `tree` (not on `tree` itself), in document order. */
export function walk<T extends Node = Node>(tree: Parent, enter: (node: T, index: number, parent: Parent) => WalkAction): void {
  const parents: Parent[] = [tree];
  const next: number[] = [0];
  while (parents.length > 0) {
    const top = parents.length - 1;
    const parent = parents[top]!;
    const index = next[top]!;
    if (index >= parent.children.length) {
      parents.pop();
      next.pop();
      continue;
    }
    const node = parent.children[index]!;
    const action = enter(node as T, index, parent);
    if (action === 'exit') return;
    if (typeof action === 'number') {
      next[top] = action;
      continue;
    }
    next[top] = index + 1;
    if (action !== 'skip' && hasChildren(node)) {
      parents.push(node);
      next.push(0);
    }
  }
}
