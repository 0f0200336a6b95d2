/**
 * Images a postmortem shows from beside it (`![Grafana panel](img/latency.png)`): each is kept under
 * its content hash in a folder of Astro's cache while the content loads, and the files the site uses
 * are copied to `<outDir>/media/` when the build is done. Only raster images inside the project are
 * published (checked by their first bytes, the real path after links followed): an SVG can carry
 * script, and a link or `../` must not publish a file from elsewhere.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.ts';

/** Where the site serves the images. */
export const mediaPath = 'media/';
/** Marker put in place of an image URL until the site's base path is applied. */
export const mediaMarker = 'hindsight-media:';
/** Largest image published. */
export const maxImageBytes = 10 * 1024 * 1024;
/** The names of the images the last content load used, in the store. */
const manifestName = 'manifest.json';

/** The store of images in a cache folder. */
export function mediaStore(cacheDir: string): string {
  return join(cacheDir, 'hindsight-media');
}

/** The raster format of an image by its first bytes, as a file extension; null for anything else. */
function rasterType(bytes: Uint8Array): string | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (ascii(0, 4) === 'GIF8') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(8, 12))) return 'avif';
  return null;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Keeps the image at `file` (relative to `root`) in `store` and gives its name there, or null when
 * it is not published: outside the project (after links), missing, not a raster image, or too large.
 */
export function storeImage(file: string, root: string, store: string): string | null {
  let real: string;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(resolve(root, file));
  } catch {
    return null;
  }
  if (!inside(realRoot, real)) return null;
  let bytes: Buffer;
  try {
    const stat = statSync(real);
    if (!stat.isFile() || stat.size > maxImageBytes) return null;
    bytes = readFileSync(real);
  } catch {
    return null;
  }
  const type = rasterType(bytes);
  if (!type) return null;
  const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 20)}.${type}`;
  const target = join(store, name);
  if (!existsSync(target)) {
    mkdirSync(store, { recursive: true });
    writeFileAtomic(target, bytes);
  }
  return name;
}

const storedName = /^[0-9a-f]{20}\.(?:png|jpg|gif|webp|avif)$/;

/** Records the images the site uses, for the build to copy. */
export function writeMediaManifest(store: string, names: Iterable<string>): void {
  mkdirSync(store, { recursive: true });
  writeFileAtomic(join(store, manifestName), `${JSON.stringify([...new Set(names)].sort())}\n`);
}

/** The images the site uses (names in the store). */
export function mediaInUse(store: string): string[] {
  try {
    const names: unknown = JSON.parse(readFileSync(join(store, manifestName), 'utf8'));
    return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string' && storedName.test(n)) : [];
  } catch {
    return [];
  }
}

/** Copies the images the site uses into `<outDir>/media/`; returns how many. */
export function copyMedia(store: string, outDir: string): number {
  const names = mediaInUse(store).filter((name) => existsSync(join(store, name)));
  if (names.length === 0) return 0;
  const dir = join(outDir, mediaPath);
  mkdirSync(dir, { recursive: true });
  for (const name of names) copyFileSync(join(store, name), join(dir, name));
  return names.length;
}

/** The file of a stored image for a request path under the media URL, or null. */
export function mediaFile(store: string, name: string): string | null {
  return storedName.test(name) && mediaInUse(store).includes(name) ? join(store, name) : null;
}
