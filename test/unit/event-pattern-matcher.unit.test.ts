import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  InvalidEventPatternError,
  matchesPattern,
  validatePattern,
} from '../../infra/local/event-bus/event-pattern-matcher';
import type { EventPattern } from '../../shared/events/event-pattern';

interface PatternCase {
  id: string;
  title: string;
  source: string;
  pattern: EventPattern;
  examples: { label: string; matches: boolean; event: Record<string, unknown> }[];
}

// the EventBridge documentation's operator examples on SES-shaped events, every expectation checked
// against aws/event-ruler (see test/fixtures/eventbridge/patterns.md for the sources)
const cases: PatternCase[] = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'eventbridge', 'cases.json'), 'utf8'),
);
const examples = cases.flatMap((patternCase) =>
  patternCase.examples.map((example) => ({ ...example, id: patternCase.id, pattern: patternCase.pattern })),
);

describe('the documented examples (test/fixtures/eventbridge/cases.json)', () => {
  it('are all here: 29 patterns, 68 examples', () => {
    expect(cases).toHaveLength(29);
    expect(examples).toHaveLength(68);
  });

  it.each(cases.map((patternCase) => [patternCase.id, patternCase.pattern] as const))(
    '%s is a valid pattern',
    (_id, pattern) => {
      expect(() => validatePattern(pattern)).not.toThrow();
    },
  );

  it.each(examples)('$id: $label → matches $matches', ({ pattern, event, matches }) => {
    expect(matchesPattern(pattern, event)).toBe(matches);
  });
});

const event = (detail: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  version: '0',
  id: 'e1',
  'detail-type': 'Contact Created',
  source: 'crm',
  account: '000000000000',
  time: '2025-05-14T08:30:06Z',
  region: 'eu-central-1',
  resources: [],
  detail,
  ...extra,
});

describe('matching beyond the documented examples', () => {
  it('reads numbers by value and keeps types apart in exact matches', () => {
    expect(matchesPattern({ detail: { n: [5] } }, event({ n: 5.0 }))).toBe(true);
    expect(matchesPattern({ detail: { n: [5] } }, event({ n: '5' }))).toBe(false);
    expect(matchesPattern({ detail: { n: ['5'] } }, event({ n: 5 }))).toBe(false);
    expect(matchesPattern({ detail: { n: [null] } }, event({ n: 'null' }))).toBe(false);
  });

  it('applies every numeric operator, bounds included or not', () => {
    const matches = (numeric: EventPattern[string], n: unknown) =>
      matchesPattern({ detail: { n: [{ numeric } as never] } }, event({ n }));
    expect(matches(['<', 10], 9.999)).toBe(true);
    expect(matches(['<', 10], 10)).toBe(false);
    expect(matches(['<=', 10], 10)).toBe(true);
    expect(matches(['>=', 0], 0)).toBe(true);
    expect(matches(['>', 0], 0)).toBe(false);
    expect(matches(['>=', -5, '<', 5], -5)).toBe(true);
    expect(matches(['>=', -5, '<', 5], 5)).toBe(false);
    expect(matches(['=', 300], 3.0e2)).toBe(true);
  });

  it('matches prefix, suffix, wildcard and equals-ignore-case on strings only', () => {
    expect(matchesPattern({ detail: { n: [{ prefix: '1' }] } }, event({ n: 1757 }))).toBe(false);
    expect(matchesPattern({ detail: { n: [{ suffix: '7' }] } }, event({ n: 1757 }))).toBe(false);
    expect(matchesPattern({ detail: { n: [{ wildcard: '*' }] } }, event({ n: 1757 }))).toBe(false);
    expect(matchesPattern({ detail: { b: [{ 'equals-ignore-case': 'TRUE' }] } }, event({ b: true }))).toBe(
      false,
    );
    expect(matchesPattern({ detail: { s: [{ wildcard: '*' }] } }, event({ s: '' }))).toBe(true);
  });

  it('reads \\\\ in a wildcard as one literal backslash', () => {
    expect(matchesPattern({ detail: { p: [{ wildcard: 'C:\\\\*' }] } }, event({ p: 'C:\\Users' }))).toBe(
      true,
    );
    expect(matchesPattern({ detail: { p: [{ wildcard: 'C:\\\\*' }] } }, event({ p: 'C:/Users' }))).toBe(
      false,
    );
  });

  it('lets anything-but accept values of another type, and excludes numbers by value', () => {
    expect(matchesPattern({ detail: { n: [{ 'anything-but': 0 }] } }, event({ n: '0' }))).toBe(true);
    expect(matchesPattern({ detail: { n: [{ 'anything-but': 0 }] } }, event({ n: 0.0 }))).toBe(false);
    expect(matchesPattern({ detail: { n: [{ 'anything-but': [1, 2] }] } }, event({ n: 3 }))).toBe(true);
    expect(matchesPattern({ detail: { s: [{ 'anything-but': { prefix: 'x' } }] } }, event({ s: 5 }))).toBe(
      true,
    );
    expect(
      matchesPattern(
        { detail: { s: [{ 'anything-but': { prefix: ['seed-', 'test-'] } }] } },
        event({ s: 'test-1' }),
      ),
    ).toBe(false);
  });

  it('matches an event array when any element passes, anything-but included', () => {
    expect(matchesPattern({ detail: { tags: ['vip'] } }, event({ tags: ['lead', 'vip'] }))).toBe(true);
    expect(
      matchesPattern({ detail: { tags: [{ 'anything-but': 'vip' }] } }, event({ tags: ['vip', 'lead'] })),
    ).toBe(true);
    expect(matchesPattern({ detail: { tags: [{ 'anything-but': 'vip' }] } }, event({ tags: ['vip'] }))).toBe(
      false,
    );
  });

  it('treats an empty array, an empty object and an object value as no value', () => {
    expect(matchesPattern({ detail: { tags: [{ exists: false }] } }, event({ tags: [] }))).toBe(true);
    expect(matchesPattern({ detail: { tags: [{ exists: true }] } }, event({ tags: [] }))).toBe(false);
    expect(matchesPattern({ detail: { meta: [{ exists: true }] } }, event({ meta: { a: 1 } }))).toBe(false);
    expect(matchesPattern({ detail: { meta: [{ exists: false }] } }, event({ meta: {} }))).toBe(true);
  });

  it('counts null as a present value for exists', () => {
    expect(matchesPattern({ detail: { owner: [{ exists: true }] } }, event({ owner: null }))).toBe(true);
    expect(matchesPattern({ detail: { owner: [{ exists: false }] } }, event({ owner: null }))).toBe(false);
  });

  it('ORs exists:false with values in one leaf', () => {
    const pattern: EventPattern = { detail: { stage: [{ exists: false }, 'won'] } };
    expect(matchesPattern(pattern, event({}))).toBe(true);
    expect(matchesPattern(pattern, event({ stage: 'won' }))).toBe(true);
    expect(matchesPattern(pattern, event({ stage: 'lost' }))).toBe(false);
  });

  describe('array consistency', () => {
    const recipients = {
      recipients: [
        { email: 'a@example.com', status: '5.1.1', diagnostic: 'smtp; 550' },
        { email: 'b@example.com', status: '5.1.1' },
      ],
    };

    it('checks exists:false within the element the other fields matched in', () => {
      const pattern: EventPattern = {
        detail: { recipients: { email: ['b@example.com'], diagnostic: [{ exists: false }] } },
      };
      expect(matchesPattern(pattern, event(recipients))).toBe(true);
      const other: EventPattern = {
        detail: { recipients: { email: ['a@example.com'], diagnostic: [{ exists: false }] } },
      };
      expect(matchesPattern(other, event(recipients))).toBe(false);
    });

    it('checks a lone exists:false against every element', () => {
      expect(
        matchesPattern({ detail: { recipients: { diagnostic: [{ exists: false }] } } }, event(recipients)),
      ).toBe(false);
    });

    it('does not tie scalars of one array to each other', () => {
      const pattern: EventPattern = { detail: { tags: ['vip'], stage: ['won'] } };
      expect(matchesPattern(pattern, event({ tags: ['lead', 'vip'], stage: 'won' }))).toBe(true);
    });

    it('holds through nested arrays', () => {
      const pattern: EventPattern = { detail: { deals: { lines: { sku: ['A'], qty: [2] } } } };
      const split = { deals: [{ lines: [{ sku: 'A', qty: 1 }] }, { lines: [{ sku: 'B', qty: 2 }] }] };
      const together = {
        deals: [
          {
            lines: [
              { sku: 'B', qty: 1 },
              { sku: 'A', qty: 2 },
            ],
          },
        ],
      };
      expect(matchesPattern(pattern, event(split))).toBe(false);
      expect(matchesPattern(pattern, event(together))).toBe(true);
    });
  });

  it('takes $or nested in detail and $or inside $or', () => {
    const pattern: EventPattern = {
      source: ['crm'],
      detail: {
        $or: [
          { stage: ['won'] },
          { $or: [{ amount: [{ numeric: ['>=', 10_000] }] }, { owner: [{ exists: false }] }] },
        ],
      },
    };
    expect(matchesPattern(pattern, event({ stage: 'won', owner: 'u1', amount: 5 }))).toBe(true);
    expect(matchesPattern(pattern, event({ stage: 'open', owner: 'u1', amount: 20_000 }))).toBe(true);
    expect(matchesPattern(pattern, event({ stage: 'open', amount: 5 }))).toBe(true);
    expect(matchesPattern(pattern, event({ stage: 'open', owner: 'u1', amount: 5 }))).toBe(false);
    expect(matchesPattern(pattern, event({ stage: 'won' }, { source: 'other' }))).toBe(false);
  });

  it('matches IPv6 cidr blocks and compares IP literals as addresses', () => {
    expect(
      matchesPattern({ detail: { ip: [{ cidr: '2001:db8::/32' }] } }, event({ ip: '2001:db8:0:1::7' })),
    ).toBe(true);
    expect(
      matchesPattern({ detail: { ip: [{ cidr: '2001:db8::/32' }] } }, event({ ip: '2001:db9::1' })),
    ).toBe(false);
    expect(matchesPattern({ detail: { ip: [{ cidr: '10.0.0.0/8' }] } }, event({ ip: 'not an ip' }))).toBe(
      false,
    );
    expect(matchesPattern({ detail: { ip: ['::1'] } }, event({ ip: '0:0:0:0:0:0:0:1' }))).toBe(true);
  });

  it('matches fields whose names contain dots as single fields', () => {
    expect(matchesPattern({ detail: { 'a.b': ['x'] } }, event({ 'a.b': 'x' }))).toBe(true);
    expect(matchesPattern({ detail: { 'a.b': ['x'] } }, event({ a: { b: 'x' } }))).toBe(false);
  });
});

describe('validatePattern', () => {
  const reasonOf = (pattern: unknown) => {
    try {
      validatePattern(pattern);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEventPatternError);
      return (error as Error).message;
    }
    return 'accepted';
  };

  // the patterns event-ruler's RuleCompiler.check refuses (test/fixtures/eventbridge/patterns.md)
  it.each([
    [{ a: [{ wildcard: 'foo**bar' }] }, 'at "a": consecutive wildcard characters at position 3'],
    [{ a: [{ wildcard: 'foo\\bar' }] }, 'at "a": invalid escape character at position 3'],
    [{ a: [{ 'anything-but': ['x', 1] }] }, 'only strings or only numbers'],
    [{ a: [{ numeric: ['>', '5'] }] }, 'value of ">" must be a number'],
    [{ a: [{ prefix: 5 }] }, 'prefix match pattern must be a string'],
    [{ a: [{ suffix: 5 }] }, 'suffix match pattern must be a string'],
    [{ a: [{ 'equals-ignore-case': 5 }] }, 'equals-ignore-case match pattern must be a string'],
    [{ a: [{ exists: 'yes' }] }, 'exists match pattern must be either true or false'],
    [{ a: 'x' }, 'at "a": must be an object or an array'],
    [{ $or: [{ a: ['x'] }] }, 'at "$or": $or takes an array of two or more pattern objects'],
  ])('refuses %j (%s), as event-ruler does', (pattern, reason) => {
    expect(reasonOf(pattern)).toContain(reason);
  });

  it.each([
    [[], 'a pattern is a JSON object'],
    [{}, 'empty objects are not allowed'],
    [{ detail: {} }, 'at "detail": empty objects are not allowed'],
    [{ source: [] }, 'at "source": empty arrays are not allowed'],
    [{ detail: { x: [{ regex: 'a+' }] } }, 'at "detail.x": unrecognized match type "regex"'],
    [{ detail: { x: [{ prefix: 'a', suffix: 'b' }] } }, 'exactly one operator'],
    [{ x: [['nested']] }, 'match values must be strings, numbers, true, false, null or {operator}'],
    [{ x: [{ prefix: { 'equals-ignore-case': 1 } }] }, 'equals-ignore-case match pattern must be a string'],
    [{ x: [{ prefix: { wildcard: 'a*' } }] }, 'unsupported prefix pattern'],
    [{ x: [{ 'anything-but': [] }] }, 'anything-but needs at least one value'],
    [{ x: [{ 'anything-but': null }] }, 'only strings or only numbers'],
    [{ x: [{ 'anything-but': { prefix: '' } }] }, 'anything-but prefix must not be empty'],
    [{ x: [{ 'anything-but': { numeric: ['>', 1] } }] }, 'unsupported anything-but pattern'],
    [{ x: [{ 'anything-but': { wildcard: 'a**' } }] }, 'consecutive wildcard characters'],
    [{ x: [{ numeric: ['<', 5, '>', 3] }] }, 'a numeric range starts with ">" or ">="'],
    [{ x: [{ numeric: ['>', 5, '<', 3] }] }, 'lower bound of a numeric range must be below the upper bound'],
    [{ x: [{ numeric: ['=', 1, '<', 2] }] }, 'a numeric range starts with'],
    [{ x: [{ numeric: ['>', 1, '<', 2, '<', 3] }] }, 'too many elements'],
    [{ x: [{ numeric: ['~', 1] }] }, 'unrecognized numeric operator'],
    [{ x: [{ cidr: '10.0.0.0' }] }, "malformed CIDR, one '/' required"],
    [{ x: [{ cidr: '10.0.0.0/33' }] }, 'IPv4 mask bits must be < 32'],
    [{ x: [{ cidr: 'example.com/8' }] }, 'invalid IP address'],
    [{ $or: [{ a: ['x'] }, 'b'] }, '$or takes an array of two or more pattern objects'],
    [
      { $or: [{ prefix: ['x'] }, { b: ['y'] }] },
      '"prefix" is reserved and cannot be a field name inside $or',
    ],
    [{ a: ['x'], $or: [{ a: ['y'] }, { b: ['z'] }] }, 'the same field is constrained twice'],
  ])('refuses %j: %s', (pattern, reason) => {
    expect(reasonOf(pattern)).toContain(reason);
  });

  it('accepts every operator form the shared types allow', () => {
    const pattern: EventPattern = {
      source: ['crm', { prefix: 'crm.' }],
      'detail-type': [{ 'anything-but': ['Contact Deleted', 'Company Deleted'] }],
      detail: {
        email: [{ suffix: { 'equals-ignore-case': '@example.com' } }],
        name: [{ 'equals-ignore-case': 'zoë' }, { wildcard: 'Z*' }],
        amount: [{ numeric: ['>', 0, '<=', 5_000] }, { numeric: ['=', 0] }],
        tag: [{ 'anything-but': { 'equals-ignore-case': ['spam', 'test'] } }],
        ip: [{ cidr: '192.0.2.0/24' }],
        owner: [{ exists: true }, null, false, 0],
      },
    };
    expect(reasonOf(pattern)).toBe('accepted');
  });

  it('a field may be named like an operator outside $or', () => {
    expect(reasonOf({ detail: { prefix: ['x'], numeric: [1] } })).toBe('accepted');
  });
});
