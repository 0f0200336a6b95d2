/** Validating front matter against the zod schema, with each problem at its line in the file. */
import type { z } from 'zod';
import { frontmatterSchema, type Frontmatter } from '../../schemas/frontmatter.ts';
import type { FrontmatterBlock } from './model.ts';
import { diagnostic, type Diagnostic } from './diagnostic.ts';

export interface FrontmatterValidation {
  /** The validated data, or null when required keys are missing or wrong. */
  data: Frontmatter | null;
  diagnostics: Diagnostic[];
}

/**
 * The issue that says what is wrong: in a union where the value had the type of one option only
 * (a string that is no calendar day, for a date or `true`), that option's own issue.
 */
function decisive(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || issue.message !== 'Invalid input') return issue;
  const typed = issue.errors.filter((branch) => branch.length > 0 && !branch.every((i) => i.code === 'invalid_type' && i.path.length === 0));
  return typed.length === 1 ? { ...decisive(typed[0]![0]!), path: issue.path } : issue;
}

function describeIssue(found: z.core.$ZodIssue, value: unknown): string {
  const issue = decisive(found);
  const key = issue.path.map(String).join('.') || 'front matter';
  if (issue.code === 'invalid_type' && value === undefined) return `Front matter is missing \`${key}\`; add \`${key}: …\``;
  if (issue.code === 'invalid_type') return `Front matter \`${key}\` should be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not ${describeValue(value)}`;
  if (issue.code === 'invalid_value') return `Front matter \`${key}\` must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}, not ${describeValue(value)}`;
  if (issue.code === 'too_small') return `Front matter \`${key}\` is empty; give it a value`;
  // A union with a message of its own ("must be a date or a date-time…").
  if (issue.code === 'invalid_union' && issue.message !== 'Invalid input') return `Front matter \`${key}\` ${issue.message}, not ${describeValue(value)}`;
  // The schema's own checks word their message to follow the key.
  if (issue.code === 'custom') return `Front matter \`${key}\` ${issue.message}`;
  // `- #homelab`: in YAML a `#` after a space starts a comment, which leaves the item empty.
  if (Array.isArray(value) && value.some((item) => item === null)) return `Front matter \`${key}\` has an empty item (a \`#\` starts a YAML comment); quote it, as in \`- "#homelab"\`, or remove the item`;
  return `Front matter \`${key}\`: ${issue.message}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  const s = JSON.stringify(value) ?? String(value);
  return `${typeof value} ${s.length > 40 ? `${s.slice(0, 37)}…` : s}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

const shape = frontmatterSchema.shape as Record<string, z.ZodType>;
const shapeKeys = Object.keys(shape);
/** The schema checks no key against another (no check on the whole object), so each key can be parsed alone. */
const keysAlone = (frontmatterSchema._zod.def.checks ?? []).length === 0;

type GivenResult = { success: true; data: Frontmatter } | { success: false; issues: z.core.$ZodIssue[] };

/**
 * The schema's reading of the keys a block gives. The schema is a loose object of optional keys:
 * a block is valid when each key it gives is, and its data is those keys as their schemas read
 * them (in the schema's order, as zod orders them), then the other keys as written. Parsing the
 * few keys a block gives, each by its own schema, gives what parsing the object does without
 * visiting the fifty keys it does not give; issues carry the key in their path, as zod's do.
 */
export function parseGiven(given: Record<string, unknown>): GivenResult {
  if (!keysAlone) {
    const whole = frontmatterSchema.safeParse(given);
    return whole.success ? { success: true, data: whole.data } : { success: false, issues: whole.error.issues };
  }
  const data: Record<string, unknown> = {};
  const issues: z.core.$ZodIssue[] = [];
  for (const key of shapeKeys) {
    if (!Object.hasOwn(given, key)) continue;
    const read = shape[key]!.safeParse(given[key]);
    if (read.success) data[key] = read.data;
    else for (const issue of read.error.issues) issues.push({ ...issue, path: [key, ...issue.path] });
  }
  // Defined, not assigned: a key named `__proto__` stays a key, as in the data YAML gave.
  for (const key of Object.keys(given)) if (!Object.hasOwn(shape, key)) Object.defineProperty(data, key, { value: given[key], enumerable: true, writable: true, configurable: true });
  return issues.length > 0 ? { success: false, issues } : { success: true, data: data as Frontmatter };
}

/** Check a front matter block against the schema; messages point at the offending key or value. */
export function validateFrontmatter(block: FrontmatterBlock): FrontmatterValidation {
  // A key left empty (`resolvedWhen:` in cState's template, `severity:` in many others) is not given.
  const given = Object.fromEntries(Object.entries(block.data).filter(([, value]) => value !== null));
  const result = parseGiven(given);
  if (result.success) return { data: result.data, diagnostics: [] };
  const diagnostics = result.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const value = valueAt(block.data, path);
    const pos = (value === undefined ? null : block.locate(path)) ?? block.locateKey(path.slice(0, 1)) ?? { line: 1, column: 1 };
    return diagnostic('frontmatter-schema', 'error', describeIssue(issue, value), pos);
  });
  return { data: null, diagnostics };
}
