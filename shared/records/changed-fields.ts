/** Top-level fields whose value differs between two versions of a record (server-owned ones left out). */
export function changedFields(before: object, after: object): string[] {
  const ignored = new Set(['version', 'updatedAt', 'createdAt', 'id']);
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names]
    .filter((name) => !ignored.has(name) && JSON.stringify(a[name]) !== JSON.stringify(b[name]))
    .sort();
}
