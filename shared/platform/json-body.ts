import type { FieldErrors } from './errors';

/**
 * How deep a request body may nest objects and arrays. Our deepest schema (a form definition) nests 4 and a
 * shop's order payload about 6; this leaves room and still keeps every recursive reader after the check
 * (zod, JSON.stringify, the DynamoDB marshaller) far from the stack's limit.
 */
export const maxJsonDepth = 64;

export type JsonProblems = { tooDeep: true } | { tooDeep: false; fields: FieldErrors };

/** A path kept as a link to its parent: built into text only when a problem is found there. */
interface PathLink {
  key: string;
  parent?: PathLink;
}

function pathText(link: PathLink | undefined): string {
  const keys: string[] = [];
  for (let at = link; at; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.') || '(root)';
}

/**
 * What no schema should have to think about, in a parsed JSON value: nesting deeper than `maxDepth`,
 * keys called `__proto__` (JavaScript objects and zod records swallow them silently) and text that is not
 * valid Unicode (lone surrogates, which DynamoDB refuses). Walked with a loop, not recursion, so a body
 * nested 100,000 deep (256 KB of `[`) is answered like any other bad body.
 */
export function jsonProblemsOf(value: unknown, maxDepth = maxJsonDepth): JsonProblems | undefined {
  // a Map, because a plain object would swallow a field called "__proto__"
  const found = new Map<string, string>();
  const pending: Array<{ value: unknown; depth: number; path?: PathLink }> = [{ value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value: item, depth, path } = next;
    if (typeof item === 'string') {
      if (!item.isWellFormed()) found.set(pathText(path), 'This text contains invalid characters.');
      continue;
    }
    if (!item || typeof item !== 'object') continue;
    if (depth >= maxDepth) return { tooDeep: true };
    const entries = Array.isArray(item) ? item.entries() : Object.entries(item);
    for (const [key, child] of entries) {
      const link = { key: String(key), parent: path };
      if (key === '__proto__') found.set(pathText(link), 'This field is not allowed here.');
      else pending.push({ value: child, depth: depth + 1, path: link });
    }
  }
  return found.size ? { tooDeep: false, fields: Object.fromEntries(found) } : undefined;
}
