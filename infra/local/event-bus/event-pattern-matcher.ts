import type { EventPattern } from '../../../shared/events/event-pattern';
import { cidrContains, parseCidr, parseIpAddress } from './ip-address';

/**
 * The EventBridge event-pattern language, for the local bus: `compilePattern` checks a pattern the way
 * EventBridge's rule compiler (aws/event-ruler) does and turns it into branches of field conditions;
 * `matchesPattern` applies them to an event, with event-ruler's array consistency.
 *
 * Matching model (event-ruler's): the event is flattened into leaf fields (path, scalar value, and for
 * every array the field sits in an object or array element of, which element). A branch matches when
 * every condition is met by some field at its path and all the fields used come from the same element
 * of any array they share; `{"exists": false}` holds when no field at its path is consistent with the
 * elements the other conditions chose. `$or` forks the pattern into branches; any branch may match.
 */

type Scalar = string | number | boolean | null;
type ValueTest = (value: Scalar) => boolean;

interface Condition {
  /** Field path as written in the pattern, for messages; `key` is its unambiguous encoding. */
  path: readonly string[];
  key: string;
  /** The field matches when one of these accepts one of its values... */
  tests: readonly ValueTest[];
  /** ...or, with `{"exists": false}` in the leaf, when it has no value at all. */
  allowsAbsence: boolean;
}

export interface CompiledPattern {
  readonly branches: readonly (readonly Condition[])[];
}

export class InvalidEventPatternError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(path ? `Invalid event pattern at "${path}": ${reason}` : `Invalid event pattern: ${reason}`);
    this.name = 'InvalidEventPatternError';
  }
}

const operatorNames = [
  'prefix',
  'suffix',
  'equals-ignore-case',
  'anything-but',
  'numeric',
  'exists',
  'cidr',
  'wildcard',
] as const;
type OperatorName = (typeof operatorNames)[number];

// event-ruler refuses these as field names inside $or, where they would be ambiguous with operators
const reservedInOr = new Set<string>([...operatorNames, 'exact', '=', '<', '<=', '>', '>=']);

/** More branches than this (from many nested `$or`) is a pattern no one should write. */
const maxBranches = 1024;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const pathKey = (path: readonly string[]) => JSON.stringify(path);
const lower = (text: string) => text.toLowerCase();

function fail(path: readonly string[], reason: string): never {
  throw new InvalidEventPatternError(path.join('.'), reason);
}

function jsonOf(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** `*` is any run of characters, `\*` a literal asterisk, `\\` a literal backslash. */
function compileWildcard(path: readonly string[], pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] as string;
    if (char === '*') {
      if (pattern[index + 1] === '*') fail(path, `consecutive wildcard characters at position ${index}`);
      source += '.*';
    } else if (char === '\\') {
      const next = pattern[index + 1];
      if (next !== '*' && next !== '\\') fail(path, `invalid escape character at position ${index}`);
      source += `\\${next}`;
      index++;
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 's');
}

function exactTest(expected: Scalar): ValueTest {
  if (typeof expected === 'string') {
    // event-ruler compares IP literals as addresses: "::1" and "0:0:0:0:0:0:0:1" are the same
    const ip = parseIpAddress(expected);
    if (ip) {
      return (value) => {
        if (value === expected) return true;
        const other = typeof value === 'string' ? parseIpAddress(value) : undefined;
        return other !== undefined && other.version === ip.version && other.value === ip.value;
      };
    }
  }
  return (value) => value === expected;
}

function stringOrIgnoreCase(
  path: readonly string[],
  operator: string,
  spec: unknown,
): { text: string; ignoreCase: boolean } {
  if (typeof spec === 'string') return { text: spec, ignoreCase: false };
  if (isRecord(spec)) {
    const keys = Object.keys(spec);
    if (keys.length !== 1 || keys[0] !== 'equals-ignore-case') {
      fail(path, `unsupported ${operator} pattern ${jsonOf(spec)}; only {"equals-ignore-case": string}`);
    }
    const text = spec['equals-ignore-case'];
    if (typeof text !== 'string') fail(path, 'equals-ignore-case match pattern must be a string');
    return { text, ignoreCase: true };
  }
  return fail(path, `${operator} match pattern must be a string or {"equals-ignore-case": string}`);
}

function compileNumeric(path: readonly string[], spec: unknown): ValueTest {
  if (!Array.isArray(spec)) fail(path, 'value of numeric must be an array');
  const [operator, bound, upperOperator, upper, ...rest] = spec as unknown[];
  const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
  if (!isNumber(bound)) fail(path, `value of ${jsonOf(operator)} must be a number`);
  if (rest.length > 0) fail(path, 'too many elements in numeric expression');
  const single = spec.length === 2;
  const compare = (op: unknown, limit: number): ((n: number) => boolean) => {
    switch (op) {
      case '=':
        return (n) => n === limit;
      case '>':
        return (n) => n > limit;
      case '>=':
        return (n) => n >= limit;
      case '<':
        return (n) => n < limit;
      case '<=':
        return (n) => n <= limit;
      default:
        return fail(path, `unrecognized numeric operator ${jsonOf(op)}`);
    }
  };
  if (single) {
    const test = compare(operator, bound);
    return (value) => typeof value === 'number' && test(value);
  }
  if (operator !== '>' && operator !== '>=') {
    fail(path, `a numeric range starts with ">" or ">=", not ${jsonOf(operator)}`);
  }
  if (upperOperator !== '<' && upperOperator !== '<=') {
    fail(path, `a numeric range ends with "<" or "<=", not ${jsonOf(upperOperator)}`);
  }
  if (!isNumber(upper)) fail(path, `value of ${jsonOf(upperOperator)} must be a number`);
  if (bound >= upper) fail(path, 'the lower bound of a numeric range must be below the upper bound');
  const above = compare(operator, bound);
  const below = compare(upperOperator, upper);
  return (value) => typeof value === 'number' && above(value) && below(value);
}

function compileAnythingBut(path: readonly string[], spec: unknown): ValueTest {
  if (isRecord(spec)) {
    const keys = Object.keys(spec);
    const [kind] = keys;
    if (keys.length !== 1 || !['prefix', 'suffix', 'equals-ignore-case', 'wildcard'].includes(kind ?? '')) {
      fail(path, `unsupported anything-but pattern ${jsonOf(spec)}`);
    }
    const raw = spec[kind as string];
    const texts = Array.isArray(raw) ? raw : [raw];
    if (texts.length === 0) fail(path, `anything-but ${kind} needs at least one value`);
    for (const text of texts) {
      if (typeof text !== 'string') fail(path, `anything-but ${kind} values must be strings`);
      if ((kind === 'prefix' || kind === 'suffix') && text === '') {
        fail(path, `anything-but ${kind} must not be empty`);
      }
    }
    const strings = texts as string[];
    let excluded: (value: string) => boolean;
    if (kind === 'prefix') excluded = (value) => strings.some((text) => value.startsWith(text));
    else if (kind === 'suffix') excluded = (value) => strings.some((text) => value.endsWith(text));
    else if (kind === 'equals-ignore-case') {
      const folded = new Set(strings.map(lower));
      excluded = (value) => folded.has(lower(value));
    } else {
      const patterns = strings.map((text) => compileWildcard(path, text));
      excluded = (value) => patterns.some((pattern) => pattern.test(value));
    }
    // values of another type are never excluded by a string operator
    return (value) => typeof value !== 'string' || !excluded(value);
  }
  const values = Array.isArray(spec) ? spec : [spec];
  if (values.length === 0) fail(path, 'anything-but needs at least one value');
  const allStrings = values.every((value) => typeof value === 'string');
  const allNumbers = values.every((value) => typeof value === 'number' && Number.isFinite(value));
  if (!allStrings && !allNumbers) {
    fail(path, 'anything-but takes a string, a number, or a list of only strings or only numbers');
  }
  const excluded = new Set<Scalar>(values as Scalar[]);
  return (value) => !excluded.has(value);
}

function compileOperator(path: readonly string[], matcher: Record<string, unknown>): ValueTest | 'absent' {
  const keys = Object.keys(matcher);
  if (keys.length !== 1) fail(path, `a match expression has exactly one operator, got ${jsonOf(matcher)}`);
  const name = keys[0] as string;
  if (!(operatorNames as readonly string[]).includes(name)) fail(path, `unrecognized match type "${name}"`);
  const spec = matcher[name];
  switch (name as OperatorName) {
    case 'prefix': {
      const { text, ignoreCase } = stringOrIgnoreCase(path, 'prefix', spec);
      const folded = lower(text);
      return ignoreCase
        ? (value) => typeof value === 'string' && lower(value).startsWith(folded)
        : (value) => typeof value === 'string' && value.startsWith(text);
    }
    case 'suffix': {
      const { text, ignoreCase } = stringOrIgnoreCase(path, 'suffix', spec);
      const folded = lower(text);
      return ignoreCase
        ? (value) => typeof value === 'string' && lower(value).endsWith(folded)
        : (value) => typeof value === 'string' && value.endsWith(text);
    }
    case 'equals-ignore-case': {
      if (typeof spec !== 'string') fail(path, 'equals-ignore-case match pattern must be a string');
      const folded = lower(spec);
      return (value) => typeof value === 'string' && lower(value) === folded;
    }
    case 'anything-but':
      return compileAnythingBut(path, spec);
    case 'numeric':
      return compileNumeric(path, spec);
    case 'exists':
      if (typeof spec !== 'boolean') fail(path, 'exists match pattern must be either true or false');
      return spec ? () => true : 'absent';
    case 'cidr': {
      if (typeof spec !== 'string') fail(path, 'cidr match pattern must be a string');
      let block: ReturnType<typeof parseCidr>;
      try {
        block = parseCidr(spec);
      } catch (error) {
        return fail(path, (error as Error).message);
      }
      return (value) => {
        const ip = typeof value === 'string' ? parseIpAddress(value) : undefined;
        return ip !== undefined && cidrContains(block, ip);
      };
    }
    case 'wildcard': {
      if (typeof spec !== 'string') fail(path, 'wildcard match pattern must be a string');
      const pattern = compileWildcard(path, spec);
      return (value) => typeof value === 'string' && pattern.test(value);
    }
  }
}

function compileLeaf(path: readonly string[], leaf: readonly unknown[]): Condition {
  if (leaf.length === 0) fail(path, 'empty arrays are not allowed');
  const tests: ValueTest[] = [];
  let allowsAbsence = false;
  for (const matcher of leaf) {
    if (isRecord(matcher)) {
      const test = compileOperator(path, matcher);
      if (test === 'absent') allowsAbsence = true;
      else tests.push(test);
    } else if (
      matcher === null ||
      typeof matcher === 'string' ||
      typeof matcher === 'boolean' ||
      (typeof matcher === 'number' && Number.isFinite(matcher))
    ) {
      tests.push(exactTest(matcher));
    } else {
      fail(
        path,
        `match values must be strings, numbers, true, false, null or {operator}, got ${jsonOf(matcher)}`,
      );
    }
  }
  return { path, key: pathKey(path), tests, allowsAbsence };
}

function crossProduct(left: Condition[][], right: Condition[][], path: readonly string[]): Condition[][] {
  if (left.length * right.length > maxBranches) {
    fail(path, `the pattern expands to more than ${maxBranches} $or branches`);
  }
  return left.flatMap((a) => right.map((b) => [...a, ...b]));
}

function compileObject(
  path: readonly string[],
  pattern: Record<string, unknown>,
  insideOr: boolean,
): Condition[][] {
  const entries = Object.entries(pattern);
  if (entries.length === 0) fail(path, 'empty objects are not allowed');
  let branches: Condition[][] = [[]];
  for (const [field, value] of entries) {
    const fieldPath = [...path, field];
    if (field === '$or') {
      if (!Array.isArray(value) || value.length < 2 || !value.every(isRecord)) {
        fail(fieldPath, '$or takes an array of two or more pattern objects');
      }
      const alternatives = value.flatMap((alternative) => compileObject(path, alternative, true));
      branches = crossProduct(branches, alternatives, fieldPath);
      continue;
    }
    if (insideOr && reservedInOr.has(field)) {
      fail(fieldPath, `"${field}" is reserved and cannot be a field name inside $or`);
    }
    if (Array.isArray(value)) {
      const condition = compileLeaf(fieldPath, value);
      branches = branches.map((branch) => [...branch, condition]);
    } else if (isRecord(value)) {
      branches = crossProduct(branches, compileObject(fieldPath, value, insideOr), fieldPath);
    } else {
      fail(fieldPath, `must be an object or an array, got ${jsonOf(value)}`);
    }
  }
  return branches;
}

/** Checks a pattern and compiles it; throws `InvalidEventPatternError` naming the field and the reason. */
export function compilePattern(pattern: unknown): CompiledPattern {
  if (!isRecord(pattern)) fail([], 'a pattern is a JSON object');
  const branches = compileObject([], pattern, false);
  for (const branch of branches) {
    const seen = new Set<string>();
    for (const condition of branch) {
      // EventBridge refuses a field constrained both outside and inside $or (event-ruler: no overriding)
      if (seen.has(condition.key))
        fail(condition.path, 'the same field is constrained twice (inside and outside $or)');
      seen.add(condition.key);
    }
  }
  return { branches };
}

/** Throws `InvalidEventPatternError` unless `pattern` is a pattern EventBridge would accept. */
export function validatePattern(pattern: unknown): asserts pattern is EventPattern {
  compilePattern(pattern);
}

type Membership = ReadonlyMap<number, number>;

interface EventField {
  value: Scalar;
  /** For each array the value sits in an object/array element of: which element. */
  membership: Membership;
}

/** The event's leaf values by path; an event flattened once can be tested against many patterns. */
export type FlattenedEvent = ReadonlyMap<string, readonly EventField[]>;

export function flattenEvent(event: unknown): FlattenedEvent {
  const fields = new Map<string, EventField[]>();
  let arrays = 0;
  const walk = (node: unknown, path: readonly string[], membership: Membership): void => {
    if (Array.isArray(node)) {
      const arrayId = arrays++;
      node.forEach((element, index) => {
        // scalars in an array do not tie a match to an element; objects and nested arrays do
        const nested = typeof element === 'object' && element !== null;
        walk(element, path, nested ? new Map(membership).set(arrayId, index) : membership);
      });
    } else if (isRecord(node)) {
      for (const [key, value] of Object.entries(node)) walk(value, [...path, key], membership);
    } else if (path.length > 0 && (node === null || ['string', 'number', 'boolean'].includes(typeof node))) {
      const key = pathKey(path);
      const list = fields.get(key) ?? [];
      list.push({ value: node as Scalar, membership });
      fields.set(key, list);
    }
  };
  walk(event, [], new Map());
  return fields;
}

function consistent(a: Membership, b: Membership): boolean {
  for (const [arrayId, index] of b) {
    const other = a.get(arrayId);
    if (other !== undefined && other !== index) return false;
  }
  return true;
}

function merge(a: Membership, b: Membership): Membership | undefined {
  if (b.size === 0) return a;
  if (!consistent(a, b)) return undefined;
  return new Map([...a, ...b]);
}

function branchMatches(branch: readonly Condition[], fields: FlattenedEvent): boolean {
  const fieldsOf = (condition: Condition) => fields.get(condition.key) ?? [];
  // the values each condition accepts, found once; a condition nothing satisfies ends the search early
  const candidates = branch.map((condition) =>
    fieldsOf(condition).filter((field) => condition.tests.some((test) => test(field.value))),
  );
  if (branch.some((condition, index) => !condition.allowsAbsence && candidates[index]?.length === 0)) {
    return false;
  }
  const absent: Condition[] = [];
  const step = (index: number, membership: Membership): boolean => {
    const condition = branch[index];
    if (!condition) {
      return absent.every(
        (missing) => !fieldsOf(missing).some((field) => consistent(membership, field.membership)),
      );
    }
    for (const field of candidates[index] ?? []) {
      const merged = merge(membership, field.membership);
      if (merged && step(index + 1, merged)) return true;
    }
    if (condition.allowsAbsence) {
      absent.push(condition);
      if (step(index + 1, membership)) return true;
      absent.pop();
    }
    return false;
  };
  return step(0, new Map());
}

export function matchesCompiled(pattern: CompiledPattern, event: FlattenedEvent): boolean {
  return pattern.branches.some((branch) => branchMatches(branch, event));
}

const compiledPatterns = new WeakMap<object, CompiledPattern>();

/** Does `event` (a whole EventBridge event: source, detail-type, detail...) match `pattern`? */
export function matchesPattern(pattern: EventPattern, event: unknown): boolean {
  let compiled = compiledPatterns.get(pattern);
  if (!compiled) {
    compiled = compilePattern(pattern);
    compiledPatterns.set(pattern, compiled);
  }
  return matchesCompiled(compiled, flattenEvent(event));
}
