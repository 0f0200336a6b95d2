/** Root-cause categories: the `cause` key wins; else the category the root-cause text gives the most evidence for. */
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
    // A telling phrase outweighs the words many causes share.
    ['The primary disk of the RAID-1 array failed, then the second disk died during the resync; its settings were fine.', 'hardware'],
    ['Postgres hit max clients after the upgrade changed the pool settings, and every service waiting on it died.', 'resource-exhaustion'],
    ['A bug in the new release, deployed with a config flag, let the retry loop spin forever.', 'software-bug'],
    ['An outage at AWS took DynamoDB down, and our deploys with it.', 'dependency'],
    ['CoreDNS forwarded to itself through the node resolv.conf: a DNS loop.', 'network'],
    ['The snapshot policy was set to one hour instead of thirty days.', 'configuration-change'],
    ['The logs volume kept filling up faster than rotation could free it.', 'resource-exhaustion'],
    // One weak word alone tells nothing.
    ['Something changed.', null],
  ];
  for (const [text, category] of cases) {
    it(`"${text}" → ${category}`, () => expect(causeCategory(undefined, text)?.category ?? null).toBe(category));
  }
});
