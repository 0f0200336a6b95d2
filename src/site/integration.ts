/**
 * The Hindsight Astro integration: hands the project config to pages as a virtual module, opens
 * the Pagefind search index that the content loader fills while the pages are built (and puts it
 * in place when they are), and publishes the postmortems' images.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Config } from '../../schemas/config.ts';
import { copyMedia, mediaFile, mediaPath, mediaStore } from './media.ts';
import { openSearchIndex, type SearchIndexBuilder } from './search-index.ts';
import { copyMermaid, mermaidDir, mermaidModule } from './vendor.ts';

const virtualId = 'virtual:hindsight/config';
const resolvedId = `\0${virtualId}`;

export interface HindsightIntegrationOptions {
  config: Config;
  /** The config file, watched in `astro dev`; null when the defaults are used. */
  configFile: string | null;
  /** The project directory whose content is published. */
  projectRoot: string;
  /** Build the Pagefind search index with the site (default true). */
  search?: boolean;
}

export function hindsight(options: HindsightIntegrationOptions): AstroIntegration {
  let search: SearchIndexBuilder | null = null;
  let media: string | null = null;
  return {
    name: 'hindsight',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, addWatchFile }) => {
        if (options.configFile) addWatchFile(options.configFile);
        // Opened before the content loads: the loader hands every incident to it (src/site/loader.ts).
        if (command === 'build' && options.search !== false) search = openSearchIndex(fileURLToPath(config.cacheDir));
        updateConfig({
          vite: {
            plugins: [{
              name: 'hindsight-config',
              resolveId: (id: string) => (id === virtualId ? resolvedId : undefined),
              load: (id: string) => (id === resolvedId
                ? `export default ${JSON.stringify(options.config)};\nexport const projectRoot = ${JSON.stringify(options.projectRoot)};`
                : undefined),
            }],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        media = mediaStore(fileURLToPath(config.cacheDir));
      },
      'astro:server:setup': ({ server }) => {
        // In `astro dev`, serve Mermaid's modules from node_modules and the postmortems' images from
        // the media store, at the URLs the build copies them to.
        const prefix = `${options.config.site.base}${mermaidDir}`;
        const images = `${options.config.site.base}${mediaPath}`;
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0]!;
          const image = media && path.startsWith(images) ? mediaFile(media, path.slice(images.length)) : null;
          if (image) {
            res.setHeader('content-type', `image/${image.endsWith('.jpg') ? 'jpeg' : image.slice(image.lastIndexOf('.') + 1)}`);
            res.end(readFileSync(image));
            return;
          }
          const code = path.startsWith(prefix) ? mermaidModule(path.slice(prefix.length)) : null;
          if (code === null) return next();
          res.setHeader('content-type', 'text/javascript; charset=utf-8');
          res.end(code);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        copyMermaid(outDir);
        if (media) copyMedia(media, outDir);
        const builder = search;
        search = null;
        if (!builder) return;
        const pages = await builder.finish(outDir);
        logger.info(`search index: ${pages} page${pages === 1 ? '' : 's'}`);
      },
    },
  };
}
