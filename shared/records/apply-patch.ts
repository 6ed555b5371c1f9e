/**
 * Merge-patch semantics for a record: a field sent with a value is set, `null` removes it,
 * a field left out keeps its value. `tags` and `customFields` are handled by their own rules.
 */
export function applyPatch<T extends object>(
  current: T,
  patch: Record<string, unknown>,
  skip: readonly string[],
): T {
  const next: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [name, value] of Object.entries(patch)) {
    if (skip.includes(name) || value === undefined) continue;
    if (value === null || value === '') delete next[name];
    else next[name] = value;
  }
  return next as T;
}
