/** The postmortem template `hindsight new` fills in. */
import { readFileSync } from 'node:fs';
import type { Config } from '../../schemas/config.ts';

const template = readFileSync(new URL('./postmortem.md', import.meta.url), 'utf8');

export interface TemplateValues {
  title: string;
  /** YYYY-MM-DD. */
  date: string;
}

/** The template with the title, date and the config's severity scale filled in. */
export function renderTemplate(values: TemplateValues, config: Config): string {
  const scale = config.severities;
  const severity = scale[Math.floor((scale.length - 1) / 2)] ?? scale[0]!;
  const fill: Record<string, string> = {
    // A JSON string is a valid YAML double-quoted scalar, whatever the title holds.
    title: JSON.stringify(values.title),
    date: values.date,
    severity: /^[\w.-]+$/.test(severity) ? severity : JSON.stringify(severity),
    severities: scale.join(', '),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (m, key: string) => fill[key] ?? m);
}
