import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ExactNumber,
  fromAttributeMap,
  fromAttributeValue,
  toAttributeMap,
  toAttributeValue,
} from '../../shared/store/attribute-values';

/** The options the store's document client had with @aws-sdk/lib-dynamodb: the oracle's settings. */
const libraryOptions = { removeUndefinedValues: true, convertClassInstanceToMap: false } as const;
const libraryValue = (value: unknown) =>
  marshall(value, { ...libraryOptions, convertTopLevelContainer: true });
const libraryNative = (value: AttributeValue) => unmarshall({ value }).value;

/** What util-dynamodb answers, or the error it throws, so both sides can be compared either way. */
function outcome<T>(convert: () => T): { value: T } | { error: true } {
  try {
    return { value: convert() };
  } catch {
    return { error: true };
  }
}

class Money {
  constructor(readonly cents: number) {}
}

describe('toAttributeValue', () => {
  it.each([
    ['a string', 'Ada', { S: 'Ada' }],
    ['an empty string', '', { S: '' }],
    ['zero', 0, { N: '0' }],
    ['a negative decimal', -12.5, { N: '-12.5' }],
    ['the largest safe integer', Number.MAX_SAFE_INTEGER, { N: '9007199254740991' }],
    ['a BigInt', 12345678901234567890n, { N: '12345678901234567890' }],
    ['true', true, { BOOL: true }],
    ['null', null, { NULL: true }],
    ['a list without its undefined members', [1, undefined, 'a'], { L: [{ N: '1' }, { S: 'a' }] }],
    [
      'a map without its undefined attributes',
      { a: undefined, b: { c: false } },
      { M: { b: { M: { c: { BOOL: false } } } } },
    ],
    ['bytes', new Uint8Array([1, 2]), { B: new Uint8Array([1, 2]) }],
    ['a set of strings', new Set(['x', 'y']), { SS: ['x', 'y'] }],
    ['a set of numbers', new Set([1, 2.5]), { NS: ['1', '2.5'] }],
  ])('writes %s', (_name, value, expected) => {
    expect(toAttributeValue(value)).toEqual(expected);
    expect(libraryValue(value)).toEqual(expected);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a number past the safe integers', 2 ** 53],
    ['a number below the safe integers', -(2 ** 53)],
    ['an empty set', new Set()],
    ['a Date', new Date(0)],
    ['a class instance', new Money(5)],
    ['undefined', undefined],
  ])('refuses %s, as util-dynamodb does', (_name, value) => {
    expect(() => toAttributeValue(value)).toThrow();
    expect(() => libraryValue(value)).toThrow();
  });

  it('writes an exact number as its text, as lib-dynamodb writes a NumberValue (an ADD of a money sum)', () => {
    const text = '12345678901234567890.25';
    expect(toAttributeValue(new ExactNumber(text))).toEqual({ N: text });
    expect(libraryValue(NumberValue.from(text))).toEqual({ N: text });
  });

  it('refuses an exact number that is not a decimal', () => {
    expect(() => new ExactNumber('1,5')).toThrow(/decimal/);
    expect(() => new ExactNumber('')).toThrow(/decimal/);
  });
});

describe('fromAttributeValue', () => {
  it.each([
    ['a decimal', { N: '-12.5' }, -12.5],
    ['a whole number past the safe integers, as a BigInt', { N: '9007199254740993' }, 9007199254740993n],
    ['a string set', { SS: ['a', 'b'] }, new Set(['a', 'b'])],
    ['a number set', { NS: ['1', '2'] }, new Set([1, 2])],
    ['NULL', { NULL: true }, null],
    ['a nested map', { M: { l: { L: [{ BOOL: true }, { S: 'x' }] } } }, { l: [true, 'x'] }],
  ] as const)('reads %s', (_name, value, expected) => {
    expect(fromAttributeValue(value as AttributeValue)).toEqual(expected);
    expect(libraryNative(value as AttributeValue)).toEqual(expected);
  });

  it('refuses a decimal past the safe integers it would have to round, as util-dynamodb does', () => {
    const value = { N: '12345678901234567890.5' };
    expect(() => fromAttributeValue(value)).toThrow(/ExactNumber/);
    expect(() => libraryNative(value)).toThrow();
  });

  it('reads the attributes named exact as ExactNumber, whatever their size, and the others as numbers', () => {
    const item = fromAttributeMap(
      { 'sum#S1#EUR': { N: '12345678901234567890.5' }, 'count#S1': { N: '3' }, version: { N: '4' } },
      { exactNumbers: (attribute) => attribute.startsWith('sum#') },
    );
    expect(item).toEqual({
      'sum#S1#EUR': new ExactNumber('12345678901234567890.5'),
      'count#S1': 3,
      version: 4,
    });
    expect(toAttributeMap(item)['sum#S1#EUR']).toEqual({ N: '12345678901234567890.5' });
  });
});

/** Plain values the store writes: what util-dynamodb converts without being told more. */
const plainValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string(),
    fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
    fc.boolean(),
    fc.constant(null),
    fc.uint8Array({ minLength: 1, maxLength: 4 }),
    fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 4 }).map((members) => new Set(members)),
    fc.uniqueArray(fc.integer(), { minLength: 1, maxLength: 4 }).map((members) => new Set(members)),
    fc.array(fc.option(tie('value'), { nil: undefined }), { maxLength: 4 }),
    fc.dictionary(fc.string(), fc.option(tie('value'), { nil: undefined }), { maxKeys: 4 }),
  ),
})).value;

const item = fc.dictionary(fc.string(), fc.option(plainValue, { nil: undefined }), { maxKeys: 6 });

/** Numbers as DynamoDB sends them back: small, large, whole and with many decimals. */
const numberText = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc
    .tuple(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.bigInt({ min: 0n, max: 10n ** 12n }))
    .map(([whole, fraction]) => `${whole}.${fraction}`),
);

describe('against @aws-sdk/util-dynamodb', () => {
  it('writes every item as marshall does', () => {
    fc.assert(
      fc.property(item, (written) => {
        expect(toAttributeMap(written)).toEqual(marshall(written, libraryOptions));
      }),
      { numRuns: 300 },
    );
  });

  it('reads every item as unmarshall does, and gives back what was written', () => {
    fc.assert(
      fc.property(item, (written) => {
        const stored = marshall(written, libraryOptions);
        const read = fromAttributeMap(stored);
        expect(read).toEqual(unmarshall(stored));
        expect(toAttributeMap(read)).toEqual(stored);
      }),
      { numRuns: 300 },
    );
  });

  it('reads every number as unmarshall does: a number, a BigInt, or an error for both', () => {
    fc.assert(
      fc.property(numberText, (text) => {
        expect(outcome(() => fromAttributeValue({ N: text }))).toEqual(
          outcome(() => libraryNative({ N: text })),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('writes every number as marshall does, or refuses it as marshall does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer()), (value) => {
        expect(outcome(() => toAttributeValue(value))).toEqual(outcome(() => libraryValue(value)));
      }),
      { numRuns: 500 },
    );
  });
});
