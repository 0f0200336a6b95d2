/**
 * The Pagefind search index, built while Astro writes the pages: each rendered page that can hold
 * searchable text is handed to Pagefind's indexer as soon as Astro has rendered it. The indexer is
 * a process of its own, so it works alongside page rendering instead of reading the whole site back
 * from disk once the build is done. Pages Astro did not render in this build (restored from its
 * incremental cache, or HTML files copied from `public/`) are read from the output folder at the end.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { AstroPrerenderer } from 'astro';
import type { PagefindIndex } from 'pagefind';

/** Pagefind indexes only pages marked with this attribute once any page of the site has it. */
const bodyMarker = 'data-pagefind-body';

/** At most this many pages wait for the indexer; rendering waits when it falls behind (memory stays flat). */
const maxPending = 128;

/**
 * The file Astro writes for a page URL (build format `directory`), relative to the output folder,
 * as Pagefind computes result URLs from it: `/base/incidents/x/` → `incidents/x/index.html`.
 */
export function pageSourcePath(pathname: string, base: string): string {
  const basePath = base.endsWith('/') ? base : `${base}/`;
  let path = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname.replace(/^\/+/, '');
  path = decodeURIComponent(path);
  if (path === '' || path.endsWith('/')) return `${path}index.html`;
  if (path.endsWith('.html')) return path;
  return `${path}/index.html`;
}

export class SearchIndexBuilder {
  readonly #base: string;
  #pagefind: typeof import('pagefind') | null = null;
  #index: Promise<PagefindIndex> | null = null;
  readonly #pending = new Set<Promise<void>>();
  readonly #errors: string[] = [];
  /** Pages rendered in this build (by source path), whether or not they had searchable text. */
  readonly #rendered = new Set<string>();
  #added = 0;
  /**
   * Pages go to the indexer in the order Astro began rendering them, whatever order they finish in
   * (Astro renders several at once), so that the index is the same from one build to the next:
   * the number of pages begun, the next one to hand over, and those finished while waiting their turn.
   */
  #begun = 0;
  #handedOver = 0;
  readonly #waiting = new Map<number, { sourcePath: string; html: string } | null>();

  constructor(base: string) {
    this.#base = base;
  }

  /** Astro's prerenderer with every rendered page also handed to the indexer. */
  wrap(prerenderer: AstroPrerenderer): AstroPrerenderer {
    return {
      name: `${prerenderer.name}+hindsight-search`,
      ...(prerenderer.setup ? { setup: () => prerenderer.setup!() } : {}),
      getStaticPaths: () => prerenderer.getStaticPaths(),
      ...(prerenderer.collectStaticImages ? { collectStaticImages: () => prerenderer.collectStaticImages!() } : {}),
      ...(prerenderer.teardown ? { teardown: () => prerenderer.teardown!() } : {}),
      render: async (request, options) => {
        const turn = this.#begun++;
        try {
          const result = await prerenderer.render(request, options);
          const response = result instanceof Response ? result : result.response;
          // Only pages: an endpoint's body (a feed, maybe binary) is passed on untouched.
          if (response.status !== 200 || !response.body || !/^text\/html\b/i.test(response.headers.get('content-type') ?? '')) {
            await this.#inTurn(turn, null);
            return result;
          }
          const html = await response.text();
          await this.#inTurn(turn, { sourcePath: pageSourcePath(new URL(request.url).pathname, this.#base), html });
          // The body was read: Astro gets the same page back in a new response.
          const copy = new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
          return result instanceof Response ? copy : { ...result, response: copy };
        } catch (error) {
          await this.close();
          throw error;
        }
      },
    };
  }

  /** Hands over the pages whose turn has come, this one included when it is next. */
  async #inTurn(turn: number, page: { sourcePath: string; html: string } | null): Promise<void> {
    this.#waiting.set(turn, page);
    await this.#handOver(false);
  }

  /** Hands over waiting pages in turn (all of them, in order, when `all`). */
  async #handOver(all: boolean): Promise<void> {
    for (;;) {
      if (!this.#waiting.has(this.#handedOver)) {
        if (!all || this.#waiting.size === 0) return;
        this.#handedOver = Math.min(...this.#waiting.keys());
      }
      const page = this.#waiting.get(this.#handedOver)!;
      this.#waiting.delete(this.#handedOver++);
      if (page) await this.add(page.sourcePath, page.html);
    }
  }

  /** Hand one page to the indexer; waits only while too many pages are queued. */
  async add(sourcePath: string, html: string): Promise<void> {
    this.#rendered.add(sourcePath);
    if (!html.includes(bodyMarker)) return;
    this.#added++;
    const index = this.#open();
    const job: Promise<void> = index
      .then((i) => i.addHTMLFile({ sourcePath, content: html }))
      .then((added) => {
        if (added.errors.length) this.#errors.push(`${sourcePath}: ${added.errors.join('; ')}`);
      }, (error: Error) => {
        this.#errors.push(`${sourcePath}: ${error.message}`);
      })
      .finally(() => this.#pending.delete(job));
    this.#pending.add(job);
    while (this.#pending.size > maxPending) await Promise.race(this.#pending);
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
   * Index what was not rendered in this build, write the index into `<outDir>/pagefind/` and stop
   * the indexer. Returns the number of pages indexed.
   */
  async finish(outDir: string): Promise<number> {
    try {
      await this.#handOver(true);
      const notRendered: string[] = [];
      for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
        const path = relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/');
        if (!this.#rendered.has(path) && !path.startsWith('pagefind/')) notRendered.push(path);
      }
      // In a fixed order, as the rendered pages are.
      for (const path of notRendered.sort()) await this.add(path, readFileSync(join(outDir, path), 'utf8'));
      const index = await this.#open();
      if (this.#added === 0) {
        // No page is marked: Pagefind indexes every page, as it does for a site without the marker.
        const added = await index.addDirectory({ path: outDir });
        if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
        this.#added = added.page_count;
      }
      await Promise.all(this.#pending);
      if (this.#errors.length) {
        const more = this.#errors.length > 10 ? `; and ${this.#errors.length - 10} more` : '';
        throw new Error(`Pagefind could not index the site: ${this.#errors.slice(0, 10).join('; ')}${more}`);
      }
      const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
      if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      return this.#added;
    } finally {
      await this.close();
    }
  }

  /** Stop the indexer process (when the build ends or fails). */
  async close(): Promise<void> {
    const pagefind = this.#pagefind ?? (this.#index ? await import('pagefind') : null);
    this.#index = null;
    this.#pagefind = null;
    await pagefind?.close();
  }
}
