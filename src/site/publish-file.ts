/**
 * One postmortem made ready for the site: read, parsed and extracted by the core (as `lint` does),
 * its problems as lint lines, its body rendered. Used by the content loader.
 */
import type { Config } from '../../schemas/config.ts';
import { diagnostic, formatDiagnostic, type Diagnostic } from '../core/diagnostic.ts';
import { extractForSite } from '../core/extract.ts';
import { readPostmortem } from '../core/files.ts';
import { mediaMarker, storeImage } from './media.ts';
import { renderPostmortem, type RenderedHeading, type RenderedPostmortem } from './render.ts';
import { forSite, type SiteIncidentData } from './site-incident.ts';

/** Marker put in place of links to other postmortem files until every slug is known. */
export const linkMarker = 'hindsight-file:';

export interface PublishedFile {
  file: string;
  /** Error lines, as lint prints them: any one keeps the site from building. */
  errors: string[];
  /** Warning lines, as lint prints them. */
  warnings: string[];
  /** The site's part of the incident, or null when the file has errors or no date. */
  incident: SiteIncidentData | null;
  /** Rendered body (empty for drafts left out). */
  html: string;
  headings: RenderedHeading[];
  /** Names of the images the body shows, in the media store. */
  images: string[];
}

/** The level a diagnostic is reported at once the project's `rules` overrides are applied (null: off). */
export function effectiveSeverity(d: Diagnostic, config: Config): Diagnostic['severity'] | null {
  const level = config.rules[d.ruleId];
  if (level === 'off') return null;
  if (level === 'warn') return 'warning';
  if (level === 'error') return 'error';
  return d.severity;
}

/** A `read-error` about the whole file, as lint prints it. */
function fileError(file: string, message: string): string {
  return formatDiagnostic(file, diagnostic('read-error', 'error', message, { line: 1, column: 1 }));
}

/** Read, check and render one file (images beside it kept in the `media` store). Never throws for a bad file. */
export async function publishFile(file: string, config: Config, root: string, includeDrafts: boolean, media?: string): Promise<PublishedFile> {
  const result = readPostmortem(file, config, root, extractForSite);
  const out: PublishedFile = { file, errors: [], warnings: [], incident: null, html: '', headings: [], images: [] };
  for (const d of [...result.parsed.diagnostics, ...(result.extraction?.diagnostics ?? [])]) {
    const severity = effectiveSeverity(d, config);
    if (!severity) continue;
    (severity === 'error' ? out.errors : out.warnings).push(formatDiagnostic(file, { ...d, severity }));
  }
  if (!result.extraction) {
    if (out.errors.length === 0) out.errors.push(fileError(file, 'The file cannot be read as a postmortem'));
    return out;
  }
  if (out.errors.length) return out;
  const extracted = result.extraction.incident;
  // Without a date the file has an error, unless the project turned that rule off: it is not published.
  const incident = forSite(extracted, config.timezone);
  if (!incident) return out;
  out.incident = incident;
  if (incident.draft && !includeDrafts) return out;
  let rendered: RenderedPostmortem;
  try {
    rendered = await renderPostmortem(result.parsed, {
      trustedHtml: config.site.trustedHtml,
      title: incident.title,
      logs: extracted.logs,
      linkToFile: (target) => `${linkMarker}${encodeURIComponent(target)}`,
      imageUrl: (target) => {
        const name = media ? storeImage(target, root, media) : null;
        if (name) out.images.push(name);
        return name ? `${mediaMarker}${name}` : null;
      },
    });
  } catch (error) {
    // A bug of ours must not take the whole build down with a stack trace: report it against the file.
    out.errors.push(fileError(file, `Internal error while rendering this file: ${(error as Error).message}`));
    out.incident = null;
    return out;
  }
  out.html = rendered.html;
  out.headings = rendered.headings;
  return out;
}
