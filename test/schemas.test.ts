import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { jsonSchemaFiles } from '../schemas/json-schema.ts';
import { configSchema, defaultConfig } from '../schemas/config.ts';
import { frontmatterSchema, knownFrontmatterKeys } from '../schemas/frontmatter.ts';
import { readFrontmatter } from '../src/core/frontmatter.ts';

const seedPath = new URL('../content/incidents/2025-04-22-management-cluster-nodes-flapping.md', import.meta.url);

describe('JSON Schema files', () => {
  it('are up to date with the zod schemas (run `npm run schemas` when this fails)', () => {
    for (const [name, text] of Object.entries(jsonSchemaFiles())) {
      expect(readFileSync(new URL(`../schemas/${name}`, import.meta.url), 'utf8'), name).toBe(text);
    }
  });

  it('carry the doc comment of every front matter field as its description', () => {
    const schema = JSON.parse(jsonSchemaFiles()['frontmatter.schema.json']!) as { properties: Record<string, { description?: string }> };
    for (const key of knownFrontmatterKeys) expect(schema.properties[key]?.description, key).toMatch(/\w/);
  });

  it('accept the seed front matter and reject a wrong type, as the zod schema does', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(JSON.parse(jsonSchemaFiles()['frontmatter.schema.json']!));
    const data = readFrontmatter(readFileSync(seedPath, 'utf8')).block!.data;
    expect(validate(data)).toBe(true);
    expect(frontmatterSchema.safeParse(data).success).toBe(true);
    expect(validate({ ...data, draft: 'yes' })).toBe(false);
    expect(frontmatterSchema.safeParse({ ...data, draft: 'yes' }).success).toBe(false);
  });
});

describe('front matter schema', () => {
  it('leaves title and date to the document when absent, but refuses them empty', () => {
    expect(frontmatterSchema.safeParse({ tags: ['a'] }).success).toBe(true);
    const r = frontmatterSchema.safeParse({ title: ' ', date: '' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0]).sort()).toEqual(['date', 'title']);
  });

  it('reads comma-separated tags and numeric severities', () => {
    const r = frontmatterSchema.parse({ title: 't', date: '2024-01-01', tags: 'a, b', severity: 2 });
    expect(r.tags).toEqual(['a', 'b']);
    expect(r.severity).toBe('2');
  });

  it('reads space-separated tags and categories as Jekyll writes them, but never splits names', () => {
    const r = frontmatterSchema.parse({ title: 't', date: '2024-01-01', tags: 'nginx  tls', categories: 'postmortem hosting', authors: 'Jane Doe', timezone: 'Europe/Berlin' });
    expect([r.tags, r.categories, r.authors, r.timezone]).toEqual([['nginx', 'tls'], ['postmortem', 'hosting'], ['Jane Doe'], 'Europe/Berlin']);
    expect(frontmatterSchema.safeParse({ title: 't', date: '2024-01-01', timezone: 'CET+2' }).success).toBe(false);
  });

  it('accepts Hugo, Jekyll and Astro keys as they are', () => {
    const r = frontmatterSchema.safeParse({ title: 't', date: '2024-01-01', slug: 's', layout: 'post', aliases: ['/old/'], lastmod: '2024-02-01', heroImage: 'x.png' });
    expect(r.success).toBe(true);
  });
});

describe('config schema', () => {
  it('fills every default', () => {
    expect(defaultConfig.requiredSections).toEqual(['summary', 'timeline', 'rootCause', 'resolution', 'actionItems']);
    expect(defaultConfig.timezone).toBe('UTC');
    expect(defaultConfig.site.base).toBe('/');
  });

  it('rejects unknown keys, bad zones and bad date orders', () => {
    expect(configSchema.safeParse({ timezon: 'UTC' }).success).toBe(false);
    expect(configSchema.safeParse({ timezone: 'Mars/Olympus' }).success).toBe(false);
    expect(configSchema.safeParse({ dateOrder: 'ymd' }).success).toBe(false);
    expect(configSchema.safeParse({ timezone: 'Europe/London', dateOrder: 'mdy' }).success).toBe(true);
  });
});
