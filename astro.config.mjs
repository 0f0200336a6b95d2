// The incident site. Pages and styles live in src/; site options (title, base path, repository
// URL, time zone) come from hindsight.config.* — see docs/site.md.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { siteConfig } from './src/site/astro-config.ts';

export default defineConfig(siteConfig({ root: fileURLToPath(new URL('.', import.meta.url)) }));
