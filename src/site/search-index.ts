/**
 * The Pagefind search index, made while Astro builds the pages. The content loader hands every
 * published incident to the indexer as soon as the content is loaded (src/site/search-document.ts)
 * and the indexer, a process of its own, writes the index into Astro's cache folder while Astro
 * bundles and renders on the main thread; when the build is done the finished index is moved into
 * `<outDir>/pagefind/`. Indexing after the build instead would read every page back and add its
 * whole time to the build's.
 *
 * The integration opens the index for a build (`openSearchIndex`, keyed by the cache folder) and the
 * loader, which Astro runs in the same process but through its own module graph, finds it there
 * (`searchIndexFor`).
 */
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PagefindIndex } from 'pagefind';

/** Open indexes by cache folder, shared by the integration's and the loader's copies of this module. */
const registryKey = Symbol.for('hindsight.search-indexes');
type Registry = Map<string, SearchIndexBuilder>;

function registry(): Registry {
  const holder = globalThis as { [registryKey]?: Registry };
  return (holder[registryKey] ??= new Map());
}

/** The index of the build using `cacheDir` (the integration, when `astro build` starts). */
export function openSearchIndex(cacheDir: string): SearchIndexBuilder {
  const builder = new SearchIndexBuilder(join(cacheDir, 'hindsight-search'));
  registry().get(cacheDir)?.close();
  registry().set(cacheDir, builder);
  return builder;
}

/** The index the build using `cacheDir` is making, if it makes one (the loader: not in `astro dev`). */
export function searchIndexFor(cacheDir: string): SearchIndexBuilder | undefined {
  return registry().get(cacheDir);
}

/** Pages sent to the indexer and not yet read by it. */
const maxPending = 64;

/** The file Pagefind takes a page's URL from: `incidents/x/` → `incidents/x/index.html` (build format `directory`). */
export const sourcePathOf = (path: string): string => `${path.replace(/^\/+|\/+$/g, '')}/index.html`;

/** Throws when Pagefind could not index some pages: the first ten of its errors, and how many more. */
function indexed(errors: readonly string[]): void {
  if (errors.length === 0) return;
  const more = errors.length > 10 ? `; and ${errors.length - 10} more` : '';
  throw new Error(`Pagefind could not index the site: ${errors.slice(0, 10).join('; ')}${more}`);
}

/** Writes the index into `outputPath`; throws with Pagefind's errors when it cannot. */
async function writeIndex(index: PagefindIndex, outputPath: string): Promise<void> {
  const result = await index.writeFiles({ outputPath });
  if (result.errors.length) throw new Error(`Pagefind could not write its index: ${result.errors.join('; ')}`);
}

export class SearchIndexBuilder {
  /** Where the index is written before the build's output folder holds the pages. */
  readonly #staging: string;
  #pagefind: typeof import('pagefind') | null = null;
  #index: Promise<PagefindIndex> | null = null;
  #added = 0;
  /** The index written to the staging folder, once the loader has handed over every page. */
  #written: Promise<void> | null = null;

  constructor(staging: string) {
    this.#staging = staging;
  }

  /**
   * Index every page (`sourcePath` as Pagefind computes URLs from it, HTML document), in the order
   * given, then start writing the index. Returns at once: the indexer works alongside the build.
   */
  indexPages(pages: readonly { sourcePath: string; html: string }[]): void {
    this.#added += pages.length;
    const index = this.#open();
    const written = index.then(async (i) => {
      const errors: string[] = [];
      // A few at a time, so the pages wait here rather than all in the indexer's input.
      const pending = new Set<Promise<void>>();
      for (const page of pages) {
        const job: Promise<void> = i.addHTMLFile({ sourcePath: page.sourcePath, content: page.html }).then((added) => {
          if (added.errors.length) errors.push(`${page.sourcePath}: ${added.errors.join('; ')}`);
        }).finally(() => pending.delete(job));
        pending.add(job);
        if (pending.size >= maxPending) await Promise.race(pending);
      }
      await Promise.all(pending);
      indexed(errors);
      rmSync(this.#staging, { recursive: true, force: true });
      await writeIndex(i, this.#staging);
    });
    // Reported by `finish`; until then a failure is not an unhandled rejection.
    written.catch(() => undefined);
    this.#written = written;
  }

  #open(): Promise<PagefindIndex> {
    this.#index ??= import('pagefind').then(async (pagefind) => {
      this.#pagefind = pagefind;
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      return index;
    });
    return this.#index;
  }

  /**
   * Wait for the index and put it in `<outDir>/pagefind/`, then stop the indexer. When no page was
   * handed over (a collection not loaded by Hindsight's loader), the pages in `outDir` are indexed
   * instead. Returns the number of pages indexed.
   */
  async finish(outDir: string): Promise<number> {
    const target = join(outDir, 'pagefind');
    try {
      if (!this.#written) {
        const index = await this.#open();
        const added = await index.addDirectory({ path: outDir });
        indexed(added.errors);
        await writeIndex(index, target);
        return added.page_count;
      }
      await this.#written;
      rmSync(target, { recursive: true, force: true });
      mkdirSync(dirname(target), { recursive: true });
      try {
        renameSync(this.#staging, target);
      } catch {
        // The cache folder is on another file system: copied instead.
        cpSync(this.#staging, target, { recursive: true });
        rmSync(this.#staging, { recursive: true, force: true });
      }
      return this.#added;
    } finally {
      await this.close();
    }
  }

  /** Stop the indexer process (when the build ends or fails, or another build of the project starts). */
  async close(): Promise<void> {
    const pagefind = this.#pagefind ?? (this.#index ? await import('pagefind') : null);
    this.#index = null;
    this.#pagefind = null;
    for (const [key, builder] of registry()) if (builder === this) registry().delete(key);
    await pagefind?.close();
  }
}
