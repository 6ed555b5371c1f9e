import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { maxBodyBytes } from '../../shared/platform/http-handler';
import { registry } from '../../shared/registry/capability-registry';
import { decodeCursor } from '../../shared/store/cursor';
import { crmTable } from '../../shared/store/table';
import { validCountries, validPhones } from '../support/record-fixtures';
import { schemasOf } from '../support/registry-routes';
import {
  badBodyOf,
  badPathOf,
  badQueryOf,
  fitLength,
  forgedCursors,
  inputJsonSchemaOf,
  labelled,
  preview,
  validQueryOf,
  validValueOf,
  withoutLookarounds,
} from '../support/zod-arbitraries';

// rules that live outside JSON Schema: real phone numbers and countries, time zones Intl knows, amounts
// with no more decimals than their currency
const hints = {
  phone: fc.constantFrom(...validPhones),
  country: fc.constantFrom(...validCountries),
  timeZone: fc.constantFrom('Europe/Berlin', 'UTC', 'Asia/Kathmandu'),
  currency: fc.constantFrom('EUR', 'USD'),
  amount: fc.constantFrom('0', '42', '1250.5', '999999999999999.99'),
};
const sample = <T>(arbitrary: fc.Arbitrary<T>, numRuns = 150) => fc.sample(arbitrary, { numRuns, seed: 42 });
// a public webhook's body is the sending platform's (or the form's) payload, open by nature: the strict-body
// promises below do not apply to it (the bad-input test still fuzzes those routes)
const bodyRoutes = registry.routes
  .filter((fn) => schemasOf(fn).body)
  .filter((fn) => !(fn.roles === 'public' && fn.path.startsWith('/api/webhooks/')))
  .map((fn) => [fn.name, schemasOf(fn).body as z.core.$ZodType] as const);
const queryRoutes = registry.routes
  .filter((fn) => schemasOf(fn).query)
  .map((fn) => [fn.name, schemasOf(fn).query as z.core.$ZodType] as const);
const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '');

describe('JSON Schema helpers', () => {
  it('folds patterns and formats of the output side into hints', () => {
    const json = inputJsonSchemaOf(
      z.strictObject({ email: z.pipe(z.string().check(z.trim()), z.email()), name: z.string() }),
    );
    expect(json.properties?.email?.['x-format']).toBe('email');
    expect(json.properties?.email?.['x-pattern']).toBeTypeOf('string');
    expect(json.properties?.name?.['x-pattern']).toBeUndefined();
    expect(json.additionalProperties).toBe(false);
  });

  it('removes lookarounds fast-check cannot generate, escapes included', () => {
    expect(withoutLookarounds('^(?=.{1,253}$)([a-z]\\.)+[a-z]{2,}$')).toBe('^([a-z]\\.)+[a-z]{2,}$');
    expect(withoutLookarounds('^a(?!b(c))d\\(?=x$')).toBe('^ad\\(?=x$');
  });

  it('cuts text to a length without splitting a surrogate pair, and pads short text', () => {
    expect(fitLength('ab😀', 0, 3)).toBe('ab');
    expect(fitLength('😀😀', 0, 3)).toBe('😀');
    expect(fitLength('', 2, 5)).toBe('xx');
  });

  it('prints labelled values short, whatever their size', () => {
    const big = labelled('name.huge', { name: 'x'.repeat(300_000) });
    expect(fc.stringify(big).length).toBeLessThan(200);
    expect(preview(big.value)).toContain('300000 chars');
  });
});

describe('valid values', () => {
  it('throws, naming the schema, when nothing generated passes it, instead of filtering forever', () => {
    const impossible = z.strictObject({
      url: z.string().check(z.refine((value) => value.startsWith('https://'))),
    });
    expect(() => sample(validValueOf(impossible), 1)).toThrow(/refused by the schema: give it a hint/);
  });
});

/** Whether a JSON Schema holds a string that any text may fill: no pattern, enum or const bounds it. */
function hasFreeText(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasFreeText);
  if (typeof node !== 'object' || node === null) return false;
  const schema = node as Record<string, unknown>;
  // an email address is bounded by its format too (`x-pattern`): nothing non-ASCII or hostile fits it
  const bound = 'pattern' in schema || 'x-pattern' in schema || 'enum' in schema || 'const' in schema;
  if (schema.type === 'string' && !bound) return true;
  return Object.values(schema).some(hasFreeText);
}

describe.each(bodyRoutes)('%s body arbitraries', (_name, schema) => {
  // a discriminated union (an activity's body) has the properties of all its branches
  const json = inputJsonSchemaOf(schema);
  const properties = [
    ...new Set((json.anyOf ?? [json]).flatMap((branch) => Object.keys(branch.properties ?? {}))),
  ];
  // an action's empty body (`{}`: a replay, a rotation) has no text to vary and no field to mistype
  const hasFields = properties.length > 0;
  // a body of numbers only (SLA targets in minutes), or of ids a pattern fixes (a contact to merge a test
  // email for), has no free text to make unusual or hostile
  const hasText = hasFreeText(inputJsonSchemaOf(schema));

  it('generates only values the schema accepts, using every property', () => {
    const values = sample(validValueOf(schema, { hints }));
    for (const value of values) expect(z.safeParse(schema, value).success).toBe(true);
    const seen = new Set(values.flatMap((value) => Object.keys(value as object)));
    expect([...seen].sort()).toEqual([...properties].sort());
  });

  it.runIf(hasFields && hasText)('generates unusual text: non-ASCII and maximum-length strings', () => {
    // a field's text, or the texts of a list of them (a list of lost reasons)
    const strings = sample(validValueOf(schema, { hints }), 300).flatMap((value) =>
      Object.values(value as Record<string, unknown>)
        .flatMap((inner) => (Array.isArray(inner) ? inner : [inner]))
        .filter((inner): inner is string => typeof inner === 'string'),
    );
    expect(strings.some((text) => /[^\x20-\x7e]/.test(text))).toBe(true);
    expect(strings.some((text) => text.length >= 80)).toBe(true);
  });

  it('makes bad values the API must refuse: by the schema or by size', () => {
    const bad = sample(badBodyOf(schema, { hints }), 300);
    const refused = bad.filter(
      (input) => !z.safeParse(schema, input.value).success || bytesOf(input.value) > maxBodyBytes,
    );
    expect(refused.length / bad.length).toBeGreaterThan(0.8);
    const mustRefuse =
      /^(extra\.|body\.notAnObject|body\.huge)|\.(wrongType|missing|tooLong|tooManyItems|tooManyKeys|keyTooLong|huge|hugeUnicode)$/;
    for (const input of bad.filter((candidate) => mustRefuse.test(candidate.mutation))) {
      const refusedNow = !z.safeParse(schema, input.value).success || bytesOf(input.value) > maxBodyBytes;
      expect(refusedNow, fc.stringify(input)).toBe(true);
    }
  });

  it.runIf(hasFields)('covers every kind of mutation the charter names', () => {
    const mutations = sample(badBodyOf(schema, { hints }), 400).map((input) => input.mutation);
    for (const kind of [
      'wrongType',
      'huge',
      ...(hasText ? ['hostileText'] : []),
      'null',
      'extra.serverOwned',
      'extra.unknown',
      'body.notAnObject',
    ]) {
      // hostile text goes into a text field, or as an item into a list of texts
      const alike = kind === 'hostileText' ? ['hostileText', 'hostileItem'] : [kind];
      expect(
        mutations.some((mutation) => alike.some((name) => mutation.includes(name))),
        kind,
      ).toBe(true);
    }
  });
});

describe.each(queryRoutes)('%s query arbitraries', (_name, schema) => {
  it('generates query strings the schema accepts', () => {
    for (const pairs of sample(validQueryOf(schema, { hints, omit: ['cursor'] }))) {
      expect(z.safeParse(schema, Object.fromEntries(pairs)).success).toBe(true);
    }
  });

  it('makes bad query strings: refused unknown parameters and bad numbers', () => {
    const bad = sample(badQueryOf(schema, { hints, workspaceId: 'acme' }), 300);
    for (const input of bad.filter((candidate) =>
      /^query\.unknown|\.(badNumber|tooLong|notInEnum|huge)$/.test(candidate.mutation),
    )) {
      // as API Gateway hands them over: repeated parameters joined by commas, `__proto__` an ordinary name
      const query: Record<string, string> = Object.create(null);
      for (const [name, value] of input.value)
        query[name] = name in query ? `${query[name]},${value}` : value;
      expect(z.safeParse(schema, query).success, fc.stringify(input)).toBe(false);
    }
  });
});

describe('forged cursors', () => {
  it('are all different and labelled', () => {
    const cursors = forgedCursors('acme');
    expect(new Set(cursors.map((cursor) => cursor.value)).size).toBe(cursors.length);
    expect(new Set(cursors.map((cursor) => cursor.mutation)).size).toBe(cursors.length);
  });

  it('are all refused by decodeCursor for the contacts list of the caller’s own workspace', () => {
    const scope = {
      workspacePrefix: 'WS#acme#',
      index: crmTable.indexes.byCollection,
      partition: 'WS#acme#CONTACTS',
    };
    for (const cursor of forgedCursors('acme')) {
      expect(() => decodeCursor(cursor.value, scope), cursor.mutation).toThrow();
    }
  });
});

describe('path arbitraries', () => {
  it('change exactly one parameter of a valid set', () => {
    const valid = { entity: 'contact', key: 'tier' };
    for (const input of sample(badPathOf(z.object({ entity: z.string(), key: z.string() }), valid))) {
      const changed = Object.keys(valid).filter(
        (name) => input.value[name] !== valid[name as keyof typeof valid],
      );
      expect(changed.length).toBeLessThanOrEqual(1);
      expect(Object.keys(input.value).sort()).toEqual(['entity', 'key']);
    }
  });
});
