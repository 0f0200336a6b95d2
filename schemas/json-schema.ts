/**
 * JSON Schema files for editors, generated from the zod schemas. Field descriptions come from the
 * doc comments in the schema sources, so the comments stay the single place they are written.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { z } from 'zod';
import { frontmatterSchema } from './frontmatter.ts';
import { configSchema } from './config.ts';
import { incidentListSchema } from './incident.ts';

type JsonSchema = { [key: string]: unknown };

/** Doc comments of object-literal properties in a schema source file, by property name. */
function docComments(file: URL): Map<string, string> {
  const source = ts.createSourceFile(file.pathname, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const docs = new Map<string, string>();
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
      const jsDoc = (node as unknown as { jsDoc?: ts.JSDoc[] }).jsDoc?.at(-1);
      const text = typeof jsDoc?.comment === 'string' ? jsDoc.comment : undefined;
      if (text && !docs.has(node.name.text)) docs.set(node.name.text, text.replace(/\s+/g, ' ').trim());
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return docs;
}

/** Add descriptions to every `properties` entry that has a doc comment. */
function describe(schema: unknown, docs: Map<string, string>): void {
  if (Array.isArray(schema)) return schema.forEach((s) => describe(s, docs));
  if (schema === null || typeof schema !== 'object') return;
  const obj = schema as JsonSchema;
  if (obj.properties && typeof obj.properties === 'object') {
    for (const [name, prop] of Object.entries(obj.properties as Record<string, JsonSchema>)) {
      const doc = docs.get(name);
      if (doc && !prop.description) prop.description = doc;
    }
  }
  for (const value of Object.values(obj)) describe(value, docs);
}

function generate(schema: z.ZodType, io: 'input' | 'output', sources: URL[], title: string, id: string): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  const docs = new Map<string, string>();
  for (const s of sources) for (const [k, v] of docComments(s)) if (!docs.has(k)) docs.set(k, v);
  describe(json, docs);
  return { $id: id, title, ...json };
}

const here = (name: string) => new URL(`./${name}`, import.meta.url);
const base = 'https://hindsight.dev/schemas/';

/** File name → generated JSON Schema, for every schema editors use. */
export function jsonSchemas(): Record<string, JsonSchema> {
  return {
    'frontmatter.schema.json': generate(frontmatterSchema, 'input', [here('frontmatter.ts')], 'Hindsight postmortem front matter', `${base}frontmatter.schema.json`),
    'config.schema.json': generate(configSchema, 'input', [here('config.ts')], 'Hindsight config (hindsight.config.json / .yaml / .toml)', `${base}config.schema.json`),
    'incident.schema.json': generate(incidentListSchema, 'output', [here('incident.ts')], 'Hindsight extracted incidents (output of `hindsight extract`)', `${base}incident.schema.json`),
  };
}

/** The text written to each file. */
export function jsonSchemaFiles(): Record<string, string> {
  return Object.fromEntries(Object.entries(jsonSchemas()).map(([name, schema]) => [name, `${JSON.stringify(schema, null, 2)}\n`]));
}
