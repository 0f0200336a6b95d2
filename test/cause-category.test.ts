/** Root-cause categories: the `cause` key wins; else the first category whose keywords the text has. */
import { describe, expect, it } from 'vitest';
import { causeCategory } from '../src/core/cause-category.ts';

describe('cause categories', () => {
  it('takes the front matter key as given', () => {
    expect(causeCategory('hardware', 'The deploy changed a flag.')).toEqual({ category: 'hardware', inferred: false });
  });

  const cases: [string, string | null][] = [
    ['The wildcard certificate expired after renewals failed for a month.', 'certificate-expiry'],
    ['Cascading failure due to exceptionally high load and a resource leak when searches failed.', 'resource-exhaustion'],
    ['A memory leak in the exporter grew until the kernel OOM-killed it.', 'resource-exhaustion'],
    ['A connection leak in the pool left no connections for request handlers.', 'resource-exhaustion'],
    ['Sudden traffic from a news post overwhelmed the backends.', 'capacity'],
    ['An admin token was leaked in a public build log and used to push a release.', 'security'],
    ['Customer data leaked through a misrouted cache.', 'security'],
    ['A race condition in the scheduler dropped jobs.', 'software-bug'],
    ['We do not know yet.', null],
  ];
  for (const [text, category] of cases) {
    it(`"${text}" → ${category}`, () => expect(causeCategory(undefined, text)?.category ?? null).toBe(category));
  }
});
