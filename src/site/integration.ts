/**
 * The Hindsight Astro integration: hands the project config to pages as a virtual module and
 * builds the Pagefind search index over the finished site.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Config } from '../../schemas/config.ts';
import { copyMermaid, mermaidDir, mermaidModule } from './vendor.ts';

const virtualId = 'virtual:hindsight/config';
const resolvedId = `\0${virtualId}`;

export interface HindsightIntegrationOptions {
  config: Config;
  /** The config file, watched in `astro dev`; null when the defaults are used. */
  configFile: string | null;
  /** The project directory whose content is published. */
  projectRoot: string;
  /** Build the search index after `astro build` (default true). */
  search?: boolean;
}

/** Index every incident page (those marked `data-pagefind-body`) into `<outDir>/pagefind/`. */
async function buildSearchIndex(outDir: string, log: (message: string) => void): Promise<void> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    log(`search index: ${added.page_count} page${added.page_count === 1 ? '' : 's'}`);
  } finally {
    await pagefind.close();
  }
}

export function hindsight(options: HindsightIntegrationOptions): AstroIntegration {
  return {
    name: 'hindsight',
    hooks: {
      'astro:config:setup': ({ updateConfig, addWatchFile }) => {
        if (options.configFile) addWatchFile(options.configFile);
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
      'astro:server:setup': ({ server }) => {
        // In `astro dev`, serve Mermaid's modules from node_modules at the URL the build copies them to.
        const prefix = `${options.config.site.base}${mermaidDir}`;
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0]!;
          const code = path.startsWith(prefix) ? mermaidModule(path.slice(prefix.length)) : null;
          if (code === null) return next();
          res.setHeader('content-type', 'text/javascript; charset=utf-8');
          res.end(code);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        copyMermaid(outDir);
        if (options.search === false) return;
        await buildSearchIndex(outDir, (m) => logger.info(m));
      },
    },
  };
}
