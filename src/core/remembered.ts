/**
 * A pure function of a string, remembered by its argument: the same headings, dates and names come
 * back file after file and page after page. Bounded: past `limit` entries it forgets everything and
 * starts again, and a key longer than `maxKeyLength` is worked out each time rather than kept.
 */
export function remembered<R>(compute: (key: string) => R, options: { limit?: number; maxKeyLength?: number } = {}): (key: string) => R {
  const limit = options.limit ?? 50_000;
  const maxKeyLength = options.maxKeyLength ?? Infinity;
  const seen = new Map<string, R>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined && !seen.has(key)) {
      value = compute(key);
      if (key.length <= maxKeyLength) {
        if (seen.size >= limit) seen.clear();
        seen.set(key, value);
      }
    }
    return value as R;
  };
}
