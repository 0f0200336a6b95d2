/** Finding postmortem files and reading them without ever throwing. */
import { closeSync, fstatSync, globSync, openSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Config } from '../../schemas/config.ts';
import { diagnostic } from './diagnostic.ts';
import type { ParsedPostmortem } from './model.ts';
import { parsePostmortem } from './parse.ts';
import { extractIncident, type Extraction, type IncidentFacts } from './extract.ts';

/** Extensions read when a directory or glob is given. */
export const postmortemExtensions = ['md', 'markdown', 'mdx'] as const;
const skipDirs = /(^|\/)(node_modules|\.git|dist|\.astro)(\/|$)/;

export interface FoundFiles {
  /** Files to read, as paths relative to cwd when inside it, sorted. */
  files: string[];
  /** Inputs that matched nothing. */
  unmatched: string[];
}

function display(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') ? rel : abs;
}

/** Expand paths, directories and globs into postmortem files. */
export function findPostmortems(inputs: readonly string[], cwd: string = process.cwd()): FoundFiles {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      stat = null;
    }
    if (stat?.isDirectory()) {
      const found = globSync(`**/*.{${postmortemExtensions.join(',')}}`, { cwd: abs }).filter((f) => !skipDirs.test(f) && !/(^|\/)README\.md$/i.test(f));
      for (const f of found) files.add(display(cwd, join(abs, f)));
      continue;
    }
    if (stat || !/[*?[{]/.test(input)) {
      // An existing file, or a path that does not exist (reported when read).
      files.add(display(cwd, abs));
      continue;
    }
    const found = globSync(input, { cwd }).filter((f) => !skipDirs.test(f));
    if (found.length === 0) unmatched.push(input);
    for (const f of found) files.add(display(cwd, resolve(cwd, f)));
  }
  return { files: [...files].sort(), unmatched };
}

export interface ReadResult<E = Extraction> {
  parsed: ParsedPostmortem;
  /** Null when the file could not be read as a postmortem (unreadable, binary, refused front matter). */
  extraction: E | null;
}

/** How a parsed postmortem is extracted: the whole incident (`extractIncident`), or only its facts for lint (`extractFacts`). */
export type Extractor<E extends Extraction<IncidentFacts>> = (parsed: ParsedPostmortem, config: Config) => E;

function unreadable(file: string, message: string): ParsedPostmortem {
  return {
    file, text: '', frontmatter: null, tree: { type: 'root', children: [] }, sections: [], readable: false,
    diagnostics: [diagnostic('read-error', 'error', message, { line: 1, column: 1 })],
  };
}

/** Why a path could not be read, for a person. */
function readFailure(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT': return 'No such file (or a broken symbolic link)';
    case 'EISDIR': return 'This is a directory, not a postmortem file';
    case 'EACCES':
    case 'EPERM': return 'Permission denied: the file cannot be read';
    case 'ELOOP': return 'Symbolic link loop: the file cannot be read';
    default: return `The file cannot be read (${error.code ?? error.message})`;
  }
}

/**
 * Largest file read; beyond it the file is reported, not parsed. The Markdown parser holds a few
 * hundred bytes of memory per byte of dense Markdown (10 MB of prose: about 2 GB), so the cap keeps
 * a run small and fast; real postmortems are tens of kilobytes.
 */
export const maxFileBytes = 2 * 1024 * 1024;

function tooLarge(file: string, size: number): ReadResult<never> {
  return { parsed: unreadable(file, `The file is ${(size / 1048576).toFixed(1)} MB; postmortems over ${maxFileBytes / 1048576} MB are not read`), extraction: null };
}

/** Read, parse and extract one file (the whole incident unless `extract` says otherwise). Never throws. */
export function readPostmortem(file: string, config: Config, cwd?: string): ReadResult;
export function readPostmortem<E extends Extraction<IncidentFacts>>(file: string, config: Config, cwd: string, extract: Extractor<E>): ReadResult<E>;
export function readPostmortem(file: string, config: Config, cwd: string = process.cwd(), extract: Extractor<Extraction<IncidentFacts>> = extractIncident): ReadResult<Extraction<IncidentFacts>> {
  let bytes: Buffer;
  let fd: number | null = null;
  try {
    // One open, then the size of what was opened: the path is looked up once.
    fd = openSync(resolve(cwd, file), 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { parsed: unreadable(file, readFailure({ code: 'EISDIR' } as NodeJS.ErrnoException)), extraction: null };
    if (stat.size > maxFileBytes) return tooLarge(file, stat.size);
    bytes = readFileSync(fd);
    // The file may have grown since it was measured.
    if (bytes.length > maxFileBytes) return tooLarge(file, bytes.length);
  } catch (error) {
    return { parsed: unreadable(file, readFailure(error as NodeJS.ErrnoException)), extraction: null };
  } finally {
    if (fd !== null) closeSync(fd);
  }
  return fromBytes(file, bytes, config, extract);
}

/** Parse and extract from bytes already read. Never throws. */
export function fromBytes(file: string, bytes: Uint8Array | string, config: Config): ReadResult;
export function fromBytes<E extends Extraction<IncidentFacts>>(file: string, bytes: Uint8Array | string, config: Config, extract: Extractor<E>): ReadResult<E>;
export function fromBytes(file: string, bytes: Uint8Array | string, config: Config, extract: Extractor<Extraction<IncidentFacts>> = extractIncident): ReadResult<Extraction<IncidentFacts>> {
  try {
    const parsed = parsePostmortem(file, bytes, config);
    return { parsed, extraction: parsed.readable ? extract(parsed, config) : null };
  } catch (error) {
    // A bug of ours must not take the whole run down: report it against the file.
    return { parsed: unreadable(file, `Internal error while reading this file: ${(error as Error).message}`), extraction: null };
  }
}
