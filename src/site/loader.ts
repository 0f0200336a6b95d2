/**
 * The Astro content loader of incidents: the same read, parse and extraction as `hindsight lint`
 * and `extract`, then HTML rendered from that one tree. A postmortem with an error fails the build
 * with the same `file:line:column: error: message [rule]` line lint prints.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadConfig } from '../core/config-load.ts';
import { diagnostic, formatDiagnostic } from '../core/diagnostic.ts';
import { findPostmortems } from '../core/files.ts';
import { mediaMarker, mediaPath, mediaStore, writeMediaManifest } from './media.ts';
import { linkMarker, publishFile, type PublishedFile } from './publish-file.ts';
import { searchDocument } from './search-document.ts';
import { siteIncidentSchema, type SiteIncidentData } from './site-incident.ts';
import { searchIndexFor, sourcePathOf } from './search-index.ts';
import { incidentPath, joinBase } from './urls.ts';

/** Bumped when rendering changes, so cached entries are rendered again. */
const renderVersion = '4';

export interface IncidentLoaderOptions {
  /**
   * Keep drafts (`draft: true` or `status: draft`). Default: only in `astro dev` (where Astro gives
   * the loader a file watcher), never in `astro build`.
   */
  includeDrafts?: boolean;
  /** Project directory holding the config and the content; defaults to Astro's root. */
  root?: string;
}

/** Every postmortem that cannot be published, one lint-style line each. */
export class UnpublishableError extends Error {
  readonly lines: string[];
  constructor(lines: string[]) {
    super(`${lines.length === 1 ? 'A postmortem has' : `${lines.length} problems in postmortems have`} to be fixed before the site can be built:\n${lines.join('\n')}`);
    this.name = 'UnpublishableError';
    this.lines = lines;
    // The lines say where the problems are; a stack trace of the loader would only hide them.
    this.stack = this.message;
  }
}

/** The incidents collection loader. */
export function incidentLoader(options: IncidentLoaderOptions = {}): Loader {
  return {
    name: 'hindsight-incidents',
    schema: siteIncidentSchema,
    load: async (context: LoaderContext) => {
      const { store, meta, logger, generateDigest, parseData, watcher } = context;
      const root = options.root ?? fileURLToPath(context.config.root);
      const base = context.config.base;
      const includeDrafts = options.includeDrafts ?? watcher !== undefined;
      const media = mediaStore(fileURLToPath(context.config.cacheDir));

      const sync = async (): Promise<void> => {
        const { config } = loadConfig({ cwd: root });
        const configDigest = generateDigest({ config: JSON.stringify(config), renderVersion, drafts: String(includeDrafts), base });
        const { files } = findPostmortems([config.content], root);

        // Unchanged files whose entry is still stored are not read again (in `astro dev`, and in
        // builds that keep Astro's cache folder).
        const digests = new Map<string, string>();
        const cached = new Map<string, string>();
        const toPublish: string[] = [];
        for (const file of files) {
          let text = '';
          try {
            text = readFileSync(resolve(root, file), 'latin1');
          } catch {
            // Reported when the file is published.
          }
          const digest = generateDigest(`${configDigest}\n${file}\n${text}`);
          digests.set(file, digest);
          const [seen, id] = (meta.get(`file:${file}`) ?? '').split('|');
          if (seen === digest && id && store.get(id)?.digest === digest) cached.set(file, id);
          else toPublish.push(file);
        }
        const published = new Map<string, PublishedFile>();
        for (const file of toPublish) published.set(file, await publishFile(file, config, root, includeDrafts, media));

        const problems: string[] = [];
        const bySlug = new Map<string, string>();
        const slugOfFile = new Map<string, string>();
        const kept = new Set<string>();
        const fresh: { id: string; file: string; data: SiteIncidentData; html: string; headings: unknown[]; images: string[] }[] = [];
        const images: string[] = [];
        for (const file of files) {
          const cachedId = cached.get(file);
          const result = published.get(file);
          for (const line of result?.warnings ?? []) logger.warn(line);
          if (result?.errors.length) {
            problems.push(...result.errors);
            continue;
          }
          const slug = cachedId ?? result?.incident?.slug;
          if (!slug) continue;
          const other = bySlug.get(slug);
          if (other) {
            problems.push(formatDiagnostic(file, diagnostic('site-duplicate-slug', 'error', `The URL slug "${slug}" is already used by ${other}; rename the file or set a different \`slug\``, { line: 1, column: 1 })));
            continue;
          }
          bySlug.set(slug, file);
          slugOfFile.set(file.replace(/\\/g, '/'), slug);
          if (cachedId) {
            kept.add(cachedId);
            images.push(...(meta.get(`images:${file}`) ?? '').split(',').filter(Boolean));
            continue;
          }
          const incident = result!.incident!;
          if (incident.draft && !includeDrafts) continue;
          kept.add(slug);
          const data = await parseData({ id: slug, data: incident as unknown as Record<string, unknown>, filePath: file });
          fresh.push({ id: slug, file, data: data as unknown as SiteIncidentData, html: result!.html, headings: result!.headings, images: result!.images });
          images.push(...result!.images);
        }

        if (problems.length) throw new UnpublishableError(problems);

        for (const entry of fresh) {
          // Links to other postmortem files point at their pages now that every slug is known.
          const html = entry.html.replace(new RegExp(`href="${linkMarker}([^"#]*)(#[^"]*)?"`, 'g'), (_match, encoded: string, hash: string | undefined) => {
            const target = decodeURIComponent(encoded.replace(/&#x26;|&amp;/g, '&'));
            const rel = isAbsolute(target) ? relative(root, target).replace(/\\/g, '/') : target;
            const slug = slugOfFile.get(rel);
            return slug ? `href="${joinBase(base, incidentPath(slug))}${hash ?? ''}"` : `href="${target.split('/').pop() ?? ''}${hash ?? ''}"`;
          }).replace(new RegExp(`src="${mediaMarker}([0-9a-f]+\\.[a-z]+)"`, 'g'), (_match, name: string) => `src="${joinBase(base, `${mediaPath}${name}`)}"`);
          const digest = digests.get(entry.file)!;
          store.set({
            id: entry.id,
            data: entry.data as unknown as Record<string, unknown>,
            digest,
            filePath: entry.file,
            rendered: { html, metadata: { headings: entry.headings as never } },
          });
          meta.set(`file:${entry.file}`, `${digest}|${entry.id}`);
          meta.set(`images:${entry.file}`, entry.images.join(','));
        }
        // The images the site uses, for the build to copy (src/site/integration.ts).
        writeMediaManifest(media, images);
        for (const id of store.keys()) if (!kept.has(id)) store.delete(id);
        // In `astro build`, the search index is made from the stored incidents while Astro goes on.
        const search = searchIndexFor(fileURLToPath(context.config.cacheDir));
        if (search) {
          search.indexPages([...kept].sort().map((id) => {
            const entry = store.get(id)!;
            return { sourcePath: sourcePathOf(incidentPath(id)), html: searchDocument(entry.data as unknown as SiteIncidentData, entry.rendered?.html ?? '') };
          }));
        }
        logger.info(`${kept.size} incident${kept.size === 1 ? '' : 's'} loaded`);
      };

      await sync();

      if (watcher) {
        const { config } = loadConfig({ cwd: root });
        const dir = resolve(root, config.content);
        watcher.add(dir);
        const onChange = (path: string) => {
          if (!path.startsWith(dir) && !/hindsight\.config\./.test(path)) return;
          sync().catch((error: Error) => logger.error(error.message));
        };
        watcher.on('change', onChange);
        watcher.on('add', onChange);
        watcher.on('unlink', onChange);
      }
    },
  };
}
