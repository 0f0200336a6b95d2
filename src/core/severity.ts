/** Severities on the configured scale. */

const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * The entry of `scale` that `value` names, written the same apart from case, spaces, dashes and
 * underscores ("SEV-2", "Sev 2" for `sev2`); undefined when none does, or when more than one would.
 */
export function severityOnScale(value: string, scale: readonly string[]): string | undefined {
  if (scale.includes(value)) return value;
  const alike = scale.filter((s) => squash(s) === squash(value));
  return alike.length === 1 ? alike[0] : undefined;
}
