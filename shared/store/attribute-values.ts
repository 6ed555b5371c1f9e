import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * Plain values ⇄ DynamoDB attribute values, as `@aws-sdk/util-dynamodb` converts them with the options the
 * document client used (`removeUndefinedValues`, no class instances as maps), in a few hundred bytes of a
 * bundle instead of its ~12 KB (decision 162). The unit tests hold both against util-dynamodb.
 */

/** An item as the code sees it: attribute name → plain value. */
export type Item = Record<string, unknown>;

/**
 * A number written and read as its exact decimal text, never through a float: a money sum that DynamoDB
 * adds to (ADD), or a counter read back exactly.
 */
export class ExactNumber {
  constructor(readonly text: string) {
    if (!/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) throw new Error(`Not a decimal number: ${text}`);
  }

  toString(): string {
    return this.text;
  }
}

/** One plain value as an attribute value: throws for what DynamoDB cannot hold (NaN, a class instance...). */
export function toAttributeValue(value: unknown): AttributeValue {
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'number':
      return { N: numberText(value) };
    case 'bigint':
      return { N: value.toString() };
    case 'boolean':
      return { BOOL: value };
  }
  if (value === null) return { NULL: true };
  if (Array.isArray(value)) return { L: value.filter(isStored).map(toAttributeValue) };
  if (value instanceof ExactNumber) return { N: value.text };
  if (value instanceof Uint8Array) return { B: value };
  if (value instanceof Set) return setValue(value);
  if (typeof value === 'object' && isPlainObject(value)) return { M: toAttributeMap(value as Item) };
  throw new Error(`Unsupported type passed: ${String(value)}`);
}

/** An item as attribute values; undefined attributes are left out. */
export function toAttributeMap(item: Item): Record<string, AttributeValue> {
  const map: Record<string, AttributeValue> = {};
  for (const name in item) {
    const value = item[name];
    if (isStored(value)) map[name] = toAttributeValue(value);
  }
  return map;
}

export interface ReadOptions {
  /** Top-level attributes whose numbers are read as `ExactNumber` (counters, sums), not as JS numbers. */
  exactNumbers?: (attribute: string) => boolean;
}

/**
 * One attribute value as a plain value. A number is a JS number, or a BigInt when it is a whole number past
 * the safe integers (a larger non-integer throws), as util-dynamodb reads them.
 */
export function fromAttributeValue(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return numberOf(value.N);
  if (value.BOOL !== undefined) return Boolean(value.BOOL);
  if (value.NULL !== undefined) return null;
  if (value.M !== undefined) return fromAttributeMap(value.M);
  if (value.L !== undefined) return value.L.map(fromAttributeValue);
  if (value.SS !== undefined) return new Set(value.SS);
  if (value.NS !== undefined) return new Set(value.NS.map(numberOf));
  if (value.B !== undefined) return value.B;
  if (value.BS !== undefined) return new Set(value.BS);
  throw new Error(`Unsupported attribute value: ${JSON.stringify(value)}`);
}

/** An item read from DynamoDB as plain values. */
export function fromAttributeMap(map: Record<string, AttributeValue>, options: ReadOptions = {}): Item {
  const item: Item = {};
  for (const [name, value] of Object.entries(map)) {
    item[name] =
      value.N !== undefined && options.exactNumbers?.(name)
        ? new ExactNumber(value.N)
        : fromAttributeValue(value);
  }
  return item;
}

const isStored = (value: unknown) => value !== undefined && typeof value !== 'function';

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Special numeric value ${value} is not allowed`);
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER)
    throw new Error(`Number ${value} is past the safe integers: write it as an ExactNumber.`);
  return value.toString();
}

function numberOf(text: string): number | bigint {
  const value = Number(text);
  if (Number.isFinite(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    try {
      return BigInt(text);
    } catch {
      throw new Error(`${text} can't be converted to BigInt: read it as an ExactNumber.`);
    }
  }
  return value;
}

function setValue(set: Set<unknown>): AttributeValue {
  const members = [...set].filter((member) => member !== undefined);
  if (members.length === 0) throw new Error('Pass a non-empty set.');
  if (members.every((member) => typeof member === 'string')) return { SS: members };
  if (members.every((member) => typeof member === 'number'))
    return { NS: members.map((member) => numberText(member)) };
  throw new Error('Only sets of strings (SS) or of numbers (NS) are written.');
}
