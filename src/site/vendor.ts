/**
 * Mermaid, served by the site itself: its own prebuilt ES modules (no CDN), copied into the output
 * instead of being bundled again on every build. Files are renamed from `.mjs` to `.js` so every
 * web server sends them with a JavaScript content type.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the modules live in the site, under the base path. */
export const mermaidDir = '_hindsight/mermaid/';
/** The entry module, under the base path. */
export const mermaidEntry = `${mermaidDir}mermaid.esm.min.js`;

const require = createRequire(import.meta.url);

/** Mermaid's `dist` folder. */
function mermaidDist(): string {
  return join(dirname(require.resolve('mermaid/package.json')), 'dist');
}

/** Relative `./x.mjs` imports become `./x.js`. */
function renameImports(code: string): string {
  return code.replace(/(["'])(\.{1,2}\/[\w./-]+)\.mjs\1/g, '$1$2.js$1');
}

/** The files to serve: path under `mermaidDir` → source file. */
export function mermaidFiles(): Map<string, string> {
  const dist = mermaidDist();
  const files = new Map<string, string>([['mermaid.esm.min.js', join(dist, 'mermaid.esm.min.mjs')]]);
  const chunks = join(dist, 'chunks', 'mermaid.esm.min');
  for (const name of readdirSync(chunks)) {
    if (name.endsWith('.mjs')) files.set(`chunks/mermaid.esm.min/${name.replace(/\.mjs$/, '.js')}`, join(chunks, name));
  }
  return files;
}

/** One module's code, ready to serve; null when it is not one of Mermaid's. */
export function mermaidModule(path: string): string | null {
  const source = mermaidFiles().get(path);
  return source ? renameImports(readFileSync(source, 'utf8')) : null;
}

/** Copy Mermaid's modules into a built site. */
export function copyMermaid(outDir: string): number {
  const files = mermaidFiles();
  for (const [path, source] of files) {
    const target = join(outDir, mermaidDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, renameImports(readFileSync(source, 'utf8')));
  }
  return files.size;
}
