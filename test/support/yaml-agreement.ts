/** Whether the fast front matter reader and `yaml` agree on a block (see src/core/yaml-fast.ts). */
import { isDeepStrictEqual } from 'node:util';
import { parseYamlDocument } from '../../src/core/frontmatter.ts';
import { placedPath, readYamlFast } from '../../src/core/yaml-fast.ts';

/**
 * Null when the fast reader leaves the block to `yaml`, or when both give the same data without
 * error and place every key and value the fast reader places where `yaml` does; else what differs.
 */
export function yamlDisagreement(raw: string): string | null {
  const fast = readYamlFast(raw);
  if (fast === null) return null;
  const full = parseYamlDocument(raw);
  if (full.diagnostics.length > 0) return `yaml reads the block with errors the fast reader missed: ${full.diagnostics.map((d) => d.message).join('; ')}`;
  if (!isDeepStrictEqual(fast.data, full.data)) return `the fast reader gives ${JSON.stringify(fast.data)}, yaml ${JSON.stringify(full.data)}`;
  for (const [kind, places, locate] of [['value', fast.values, full.locate], ['key', fast.keys, full.locateKey]] as const) {
    for (const [key, at] of places) {
      const path = placedPath(key);
      const expected = locate(path);
      if (!isDeepStrictEqual(at, expected)) return `the fast reader places the ${kind} ${JSON.stringify(path)} at ${JSON.stringify(at)}, yaml at ${JSON.stringify(expected)}`;
    }
  }
  // Paths under keys the block does not have are nowhere.
  for (const path of [['no-such-key'], ['no-such-key', 0]]) {
    if (full.locate(path) !== null || full.locateKey(path) !== null) return `yaml places ${JSON.stringify(path)}, which the block does not have`;
  }
  return null;
}
