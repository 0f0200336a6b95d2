/** `--format sarif`: SARIF 2.1.0, which GitHub code scanning (and most security dashboards) import. */
import { relative, sep } from 'node:path';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { docsUrl } from '../docs-url.ts';
import type { LintResult } from '../engine.ts';
import type { Levels } from '../levels.ts';
import { readErrorId, rules } from '../registry.ts';

export interface SarifOptions {
  cwd: string;
  levels: Levels;
  version: string;
}

const sarifLevel = { off: 'none', warn: 'warning', error: 'error' } as const;

/** A file's URI relative to the working directory (the repository root in CI), with `/` separators. */
function uriOf(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  const path = (rel && !rel.startsWith('..') ? rel : abs).split(sep).join('/');
  return encodeURI(path).replace(/[?#]/g, encodeURIComponent);
}

export function toSarif(results: readonly LintResult[], options: SarifOptions): Log {
  const descriptors: ReportingDescriptor[] = [
    ...rules.map((rule) => ({
      id: rule.id,
      name: rule.id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
      shortDescription: { text: rule.summary },
      fullDescription: { text: rule.description },
      helpUri: docsUrl(rule.id),
      help: { text: `${rule.summary}. See ${docsUrl(rule.id)}` },
      defaultConfiguration: { level: sarifLevel[options.levels.get(rule.id) ?? rule.defaultLevel] },
      properties: { fixable: rule.fixable, scope: rule.scope },
    })),
    {
      id: readErrorId,
      name: 'ReadError',
      shortDescription: { text: 'The file can be read' },
      fullDescription: { text: 'The file could not be read: it does not exist, is a directory, or cannot be opened.' },
      helpUri: docsUrl(readErrorId),
      defaultConfiguration: { level: 'error' },
    },
  ];
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const sarifResults: Result[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      sarifResults.push({
        ruleId: m.ruleId,
        ruleIndex: index.get(m.ruleId) ?? 0,
        level: m.severity === 2 ? 'error' : 'warning',
        message: { text: m.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: uriOf(r.abs, options.cwd), uriBaseId: '%SRCROOT%' },
            region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
          },
        }],
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'hindsight',
          informationUri: 'https://github.com/hindsight-postmortems/hindsight',
          version: options.version,
          semanticVersion: options.version,
          rules: descriptors,
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToUri(options.cwd)}/` } },
      columnKind: 'utf16CodeUnits',
      results: sarifResults,
    }],
  };
}

function pathToUri(path: string): string {
  const posix = path.split(sep).join('/').replace(/\/$/, '');
  return `file://${posix.startsWith('/') ? '' : '/'}${encodeURI(posix)}`;
}

export function formatSarif(results: readonly LintResult[], options: SarifOptions): string {
  return JSON.stringify(toSarif(results, options), null, 2);
}
