/** `hindsight extract [paths…] [--out FILE]`: print the incidents as a JSON array. */
import type { Command } from 'commander';
import { incidentSchema, type Incident } from '../../schemas/incident.ts';
import { formatDiagnostic } from '../core/diagnostic.ts';
import { findPostmortems, readPostmortem } from '../core/files.ts';
import { writeFileAtomic } from '../core/atomic-write.ts';
import { loadCliConfig, writeOutputFile, type CliIo } from './io.ts';

export function registerExtract(program: Command, io: CliIo): void {
  program
    .command('extract')
    .description('print the structured incidents of postmortems as a JSON array')
    .argument('[paths...]', 'files, directories or globs (default: the configured content folder)')
    .option('-o, --out <file>', 'write the JSON to a file instead of standard output')
    .option('-c, --config <file>', 'config file (default: hindsight.config.* or package.json "hindsight")')
    .action((paths: string[], options: { out?: string; config?: string }) => {
      const config = loadCliConfig(io, options.config);
      const { files, unmatched } = findPostmortems(paths.length > 0 ? paths : [config.content], io.cwd);
      let failed = unmatched.length > 0;
      for (const input of unmatched) io.stderr(`${input}:1:1: error: no postmortem matches this path or pattern`);
      const incidents: Incident[] = [];
      for (const file of files) {
        const { parsed, extraction } = readPostmortem(file, config, io.cwd);
        if (!extraction) {
          failed = true;
          for (const d of parsed.diagnostics) io.stderr(formatDiagnostic(file, d));
          continue;
        }
        // Front matter that could not be read leaves the incident to what the body says: said on
        // stderr as a warning, since the incident is still given.
        for (const d of parsed.diagnostics) io.stderr(formatDiagnostic(file, { ...d, severity: 'warning' }));
        // Checked against the contract (and made plain data) as it comes.
        incidents.push(incidentSchema.parse(extraction.incident));
      }
      const json = `${JSON.stringify(incidents, null, 2)}\n`;
      if (options.out) writeOutputFile(options.out, json, writeFileAtomic);
      else io.stdout(json.replace(/\n$/, ''));
      io.exitCode = failed ? 1 : 0;
    });
}
