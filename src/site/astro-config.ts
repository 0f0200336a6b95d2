/**
 * The Astro configuration of the incident site for a project directory: its pages and styles come
 * from this package (Astro's root), its content and `hindsight.config.*` from the project.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroInlineConfig } from 'astro';
import { loadConfig } from '../core/config-load.ts';
import { hindsight } from './integration.ts';

/** This package's root (where `src/` and `public/` are). */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface SiteBuildOptions {
  /** Project directory: its config and content are published (often this package itself). */
  root: string;
  /** Override the configured base path (for example to test hosting under /postmortems/). */
  base?: string;
  /** Output folder (default `<root>/dist`). */
  outDir?: string;
  /** Build the Pagefind index (default true). */
  search?: boolean;
  /** Astro's cache (and content data store) folder; separate builds of one project need separate ones. */
  cacheDir?: string;
}

/**
 * Content-Security-Policy of every page (a `<meta http-equiv>` Astro writes with the hashes of its
 * own inline scripts). Scripts: this site's files only, plus WebAssembly compilation for Pagefind's
 * search. Styles: inline styles are allowed because Shiki colours code with `style` attributes and
 * Mermaid writes `<style>` into its SVG; styles cannot run script.
 */
export const contentSecurityPolicy = {
  directives: [
    "default-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-src 'none'",
    "worker-src 'self'",
  ],
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
} as const;

/** The Astro config for a project. Throws a `ConfigError` (`file:line:column: message`) on a bad config. */
export function siteConfig(options: SiteBuildOptions): AstroInlineConfig {
  const root = resolve(options.root);
  const { config, file } = loadConfig({ cwd: root });
  const base = options.base ?? config.site.base;
  const site = { ...config, site: { ...config.site, base } };
  return {
    // Astro's root stays this package, where the pages are; the project is handed to the loader.
    root: packageRoot,
    outDir: options.outDir ?? join(root, 'dist'),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    site: config.site.url,
    base,
    trailingSlash: 'ignore',
    // Pages render eight at a time: while one waits for its file to be written or its inline
    // scripts hashed (both off the main thread), others render (1,000 incidents: 0.6 s sooner).
    build: { format: 'directory', concurrency: 8 },
    // Postmortems are rendered by Hindsight's own pipeline (src/site/render.ts), not Astro's Markdown.
    markdown: { syntaxHighlight: false },
    integrations: [
      sitemap(),
      hindsight({ config: site, configFile: file, projectRoot: root, search: options.search }),
    ],
    security: { csp: { ...contentSecurityPolicy, directives: [...contentSecurityPolicy.directives], scriptDirective: { resources: [...contentSecurityPolicy.scriptDirective.resources] }, styleDirective: { resources: [...contentSecurityPolicy.styleDirective.resources] } } },
    server: { host: '127.0.0.1' },
    devToolbar: { enabled: false },
    vite: {
      // Scripts stay files of their own (cached across pages, allowed by script-src 'self'), never inlined.
      build: { assetsInlineLimit: 0 },
    },
  };
}
