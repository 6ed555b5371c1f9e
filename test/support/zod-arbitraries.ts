import fc from 'fast-check';
import * as z from 'zod/mini';
import { annotateSchemasForOpenApi } from '../../shared/api/openapi-annotations';
import { keys } from '../../shared/store/keys';

// the JSON Schema read here is the OpenAPI document's: with its formats (a webhook URL is a `uri`)
annotateSchemasForOpenApi();

/**
 * fast-check arbitraries derived from the zod request schemas (zod-fast-check does not support zod 4):
 * valid values to start from, and bad values made by one described mutation of a valid one.
 * The schema is read through `z.toJSONSchema(schema, { io: 'input' })`, so whatever a route accepts
 * tomorrow is fuzzed tomorrow without a change here.
 */

/** The subset of JSON Schema that `z.toJSONSchema` emits for request schemas. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  default?: unknown;
  /** Added here from the output side (after a `.pipe`): only used to generate valid values. */
  'x-pattern'?: string;
  'x-format'?: string;
}

/** A generated input with the mutation that made it; prints short, even when it holds 300 KB. */
export interface Labelled<T> {
  mutation: string;
  value: T;
}

export type Hints = Record<string, fc.Arbitrary<unknown>>;

export interface ValidOptions {
  /** Valid-value arbitraries by property name, for rules JSON Schema cannot carry (phone numbers...). */
  hints?: Hints;
  /** Properties never put in a valid value (e.g. a cursor, which only the server can mint). */
  omit?: readonly string[];
}

export const hugeBodyBytes = 300 * 1024;
/** Query and path values stay under Node's 16 KB request-line limit, as API Gateway's 10 KB URL limit. */
export const hugeUrlChars = 6000;

/** Fields the server owns: never accepted in a request body. */
export const serverOwnedFields: Record<string, unknown> = {
  id: '01J0000000000000000000000Z',
  workspaceId: 'someone-else',
  workspace: 'someone-else',
  version: 7,
  createdAt: '2020-01-01T00:00:00.000Z',
  updatedAt: '2020-01-01T00:00:00.000Z',
  score: 99,
  pk: 'WS#someone-else#CONTACT#x',
  sk: 'CONTACT',
  entity: 'contact',
};

/** Well-formed text that is still unusual: accents, scripts, RTL, emoji sequences, NFKD-expanding characters. */
export const unusualText = [
  'Zoë',
  'ÜNAL',
  'İstanbul',
  'straße',
  'محمد',
  'שָׁלוֹם',
  '李小龙',
  '👩🏽‍💻',
  '🇬🇧',
  'e\u0301',
  'Z\u0351\u0336a\u0337l\u035cg\u0358o',
  '\u202eevil',
  '\u200b',
  '\ufeffbom',
  '\ufdfa',
  '\u337f',
  '<script>alert(1)</script>',
  "'; DROP TABLE x; --",
  '\u0024{jndi:x}', // log4shell-style lookup, spelled so it is not read as a template
  '%00',
  '\\',
];

/** Text that should not be trusted: control characters and lone surrogates on top of the unusual ones. */
export const hostileText = [
  ...unusualText,
  'a\u0000b',
  '\u0000',
  '\u0007\u001b[2J',
  '\ud800',
  'x\udfff',
  '#',
  ',',
  ' ',
  '\t\n',
];

export function labelled<T>(mutation: string, value: T): Labelled<T> {
  return {
    mutation,
    value,
    [fc.toStringMethod]: () => `${mutation} ${preview(value)}`,
  } as Labelled<T>;
}

/** JSON with long strings cut, so a failing 300 KB counterexample prints in a line. */
export function preview(value: unknown): string {
  const text = JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'string' && inner.length > 60 ? `${inner.slice(0, 20)}…(${inner.length} chars)` : inner,
  );
  return text === undefined ? String(value) : text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

/** The request side of a schema, with patterns and formats only the output side shows folded in as hints. */
export function inputJsonSchemaOf(schema: z.core.$ZodType): JsonSchema {
  const toJson = (io: 'input' | 'output') => {
    const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
      string,
      unknown
    >;
    return oneOfAsAnyOf(json) as JsonSchema;
  };
  return withOutputHints(toJson('input'), toJson('output'));
}

/**
 * A discriminated union comes out as `oneOf`: its branches exclude each other by their discriminator, so
 * for generating values (and wrong ones) it is the same as `anyOf`, which the rest of this module reads.
 */
function oneOfAsAnyOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(oneOfAsAnyOf);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([name, value]) => [name === 'oneOf' ? 'anyOf' : name, oneOfAsAnyOf(value)]),
  );
}

function withOutputHints(input: JsonSchema, output: JsonSchema | undefined): JsonSchema {
  if (!output) return input;
  const merged: JsonSchema = { ...input };
  if (input.properties) {
    merged.properties = Object.fromEntries(
      Object.entries(input.properties).map(([name, node]) => [
        name,
        withOutputHints(node, output.properties?.[name]),
      ]),
    );
  }
  if (input.anyOf) merged.anyOf = input.anyOf.map((node, at) => withOutputHints(node, output.anyOf?.[at]));
  if (input.items) merged.items = withOutputHints(input.items, output.items);
  if (input.type === 'string') {
    if (!input.pattern && output.pattern) merged['x-pattern'] = output.pattern;
    if (!input.format && output.format) merged['x-format'] = output.format;
  }
  return merged;
}

/** Removes lookahead/lookbehind groups, which fc.stringMatching cannot generate; the schema filter still applies. */
export function withoutLookarounds(pattern: string): string {
  let result = '';
  for (let at = 0; at < pattern.length; at++) {
    if (pattern[at] === '\\') {
      result += pattern.slice(at, at + 2);
      at++;
      continue;
    }
    if (/^\(\?<?[=!]/.test(pattern.slice(at))) {
      let depth = 0;
      for (; at < pattern.length; at++) {
        if (pattern[at] === '\\') at++;
        else if (pattern[at] === '(') depth++;
        else if (pattern[at] === ')' && --depth === 0) break;
      }
      continue;
    }
    result += pattern[at];
  }
  return result;
}

function typesOf(node: JsonSchema): string[] {
  if (node.anyOf) return node.anyOf.flatMap(typesOf);
  if (node.enum || node.const !== undefined) return ['enum'];
  return node.type ? [node.type] : [];
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair, pads to `min` with x. */
export function fitLength(text: string, min: number, max: number): string {
  let result = '';
  for (const char of text) {
    if (result.length + char.length > max) break;
    result += char;
  }
  return result.length < min ? result + 'x'.repeat(min - result.length) : result;
}

function textArbitrary(node: JsonSchema): fc.Arbitrary<string> {
  const min = node.minLength ?? 0;
  const max = node.maxLength ?? 200;
  const piece = fc.oneof(
    fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.constantFrom(...unusualText),
  );
  return fc
    .oneof(
      { weight: 4, arbitrary: fc.array(piece, { maxLength: 4 }).map((parts) => parts.join('')) },
      // the longest value the schema allows
      { weight: 1, arbitrary: piece.map((part) => (part || 'x').repeat(max)) },
    )
    .map((text) => fitLength(text, min, max));
}

function stringArbitrary(node: JsonSchema): fc.Arbitrary<string> {
  if (node['x-format'] === 'uri' || node.format === 'uri') {
    // fc.webUrl() is slow enough to block the event loop for seconds; this covers what matters here
    return fc
      .tuple(
        fc.constantFrom('http://', 'https://', 'HTTPS://'),
        fc.domain(),
        fc.constantFrom('', '/', '/about', '/a/b?x=1&y=%20', '/ünïcode', '#top', ':8443/x'),
      )
      .map((parts) => parts.join(''))
      .filter((url) => url.length <= (node.maxLength ?? 2048));
  }
  const pattern = node.pattern ?? node['x-pattern'];
  if (pattern) {
    const min = node.minLength ?? 0;
    const max = node.maxLength ?? Number.POSITIVE_INFINITY;
    return fc
      .stringMatching(new RegExp(withoutLookarounds(pattern)))
      .filter((text) => text.length >= min && text.length <= max);
  }
  return textArbitrary(node);
}

/** Valid-looking values for one JSON Schema node (the zod schema has the last word, see validValueOf). */
export function arbitraryOfJsonSchema(
  node: JsonSchema,
  options: ValidOptions = {},
  name?: string,
): fc.Arbitrary<unknown> {
  const hint = name === undefined ? undefined : options.hints?.[name];
  if (hint) return hint;
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum) return fc.constantFrom(...node.enum);
  if (node.anyOf)
    return fc.oneof(...node.anyOf.map((branch) => arbitraryOfJsonSchema(branch, options, name)));
  switch (node.type) {
    case 'string':
      return stringArbitrary(node);
    case 'integer':
      return fc.integer({ min: node.minimum ?? -1_000_000, max: node.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({
        min: node.minimum ?? -1e9,
        max: node.maximum ?? 1e9,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(node.items ? arbitraryOfJsonSchema(node.items, options) : fc.jsonValue(), {
        minLength: node.minItems ?? 0,
        maxLength: Math.min(node.maxItems ?? 5, 5),
      });
    case 'object':
      return objectArbitrary(node, options);
    default:
      return fc.jsonValue();
  }
}

function objectArbitrary(node: JsonSchema, options: ValidOptions): fc.Arbitrary<unknown> {
  const properties = Object.entries(node.properties ?? {}).filter(([name]) => !options.omit?.includes(name));
  if (properties.length === 0 && typeof node.additionalProperties === 'object') {
    return fc.dictionary(
      node.propertyNames ? stringArbitrary(node.propertyNames) : fc.string({ maxLength: 20 }),
      arbitraryOfJsonSchema(node.additionalProperties, { hints: options.hints }),
      { maxKeys: 4 },
    );
  }
  const model = Object.fromEntries(
    properties.map(([name, child]) => [name, arbitraryOfJsonSchema(child, { hints: options.hints }, name)]),
  );
  const required = (node.required ?? []).filter((name) => name in model);
  return fc.record(model, { requiredKeys: required });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Drops optional top-level properties the schema refuses (a random string is rarely a valid domain), so
 * most candidates survive; root refinements (name or email, at least one field) are left to the filter.
 */
export function repairTopLevel(schema: z.core.$ZodType, json: JsonSchema, value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const repaired = { ...value };
  for (let round = 0; round < 10; round++) {
    const result = z.safeParse(schema, repaired);
    if (result.success) break;
    const culprits = new Set<string>();
    for (const issue of result.error.issues) {
      const top = issue.path[0];
      if (typeof top === 'string' && issue.code !== 'custom' && !json.required?.includes(top))
        culprits.add(top);
    }
    if (culprits.size === 0) break;
    for (const name of culprits) delete repaired[name];
  }
  return repaired;
}

/** Candidates refused in a row before a schema is said to have no value the generator can find. */
const maxRefusedInARow = 5_000;

/**
 * Values the zod schema accepts, as diverse as JSON Schema and the hints allow. A schema whose values the
 * JSON Schema cannot lead to (a lost format, a refinement without a hint) throws instead of filtering forever.
 */
export function validValueOf(schema: z.core.$ZodType, options: ValidOptions = {}): fc.Arbitrary<unknown> {
  const json = inputJsonSchemaOf(schema);
  let refusedInARow = 0;
  return arbitraryOfJsonSchema(json, options)
    .map((value) => repairTopLevel(schema, json, value))
    .filter((value) => {
      if (z.safeParse(schema, value).success) {
        refusedInARow = 0;
        return true;
      }
      if (++refusedInARow >= maxRefusedInARow) {
        throw new Error(
          `${maxRefusedInARow} generated values in a row were refused by the schema: give it a hint. ${JSON.stringify(json).slice(0, 300)}`,
        );
      }
      return false;
    });
}

const sampleOfType: Record<string, unknown> = {
  string: 'text',
  number: 12.5,
  integer: 7,
  boolean: true,
  null: null,
  array: ['x'],
  object: { x: 1 },
};

/** Values of every JSON type the node does not accept. */
export function wrongTypedValues(node: JsonSchema): unknown[] {
  const types = typesOf(node);
  if (types.includes('enum')) return [42, false, ['x'], { x: 1 }];
  return Object.entries(sampleOfType)
    .filter(([type]) => !types.includes(type) && !(type === 'integer' && types.includes('number')))
    .map(([, value]) => value);
}

function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { a: value };
  return value;
}

/** Replacement values for one property, each named by its mutation. */
function propertyMutations(name: string, node: JsonSchema): fc.Arbitrary<Labelled<unknown>> {
  const types = typesOf(node);
  const stringish =
    node.anyOf?.find((branch) => branch.type === 'string') ?? (types.includes('string') ? node : undefined);
  const arrayish =
    node.anyOf?.find((branch) => branch.type === 'array') ?? (node.type === 'array' ? node : undefined);
  const numeric = types.includes('number') || types.includes('integer');
  const recordish =
    node.type === 'object' && typeof node.additionalProperties === 'object' ? node : undefined;
  const at = (mutation: string) => `${name}.${mutation}`;
  const candidates: fc.Arbitrary<Labelled<unknown>>[] = [
    fc.constantFrom(...wrongTypedValues(node)).map((value) => labelled(at('wrongType'), value)),
    fc.constant(labelled(at('huge'), 'x'.repeat(hugeBodyBytes))),
    fc.constant(labelled(at('hugeUnicode'), '😀'.repeat(hugeBodyBytes / 4))),
    fc.constant(labelled(at('deeplyNested'), deeplyNested(64))),
  ];
  if (!types.includes('null')) candidates.push(fc.constant(labelled(at('null'), null)));
  if (stringish) {
    candidates.push(fc.constantFrom(...hostileText).map((value) => labelled(at('hostileText'), value)));
    if (stringish.maxLength !== undefined) {
      const over = stringish.maxLength + 1;
      candidates.push(
        fc
          .constantFrom('y'.repeat(over), 'é'.repeat(over), '\ufdfa'.repeat(over))
          .map((value) => labelled(at('tooLong'), value)),
      );
    }
    candidates.push(fc.constantFrom('', '   ').map((value) => labelled(at('blank'), value)));
    candidates.push(fc.string({ maxLength: 30 }).map((value) => labelled(at('randomText'), value)));
  }
  if (numeric) {
    candidates.push(
      fc
        .constantFrom(
          -1,
          0,
          1.5,
          1e308,
          -1e308,
          1e-200,
          2 ** 53 + 2,
          (node.minimum ?? 0) - 1,
          (node.maximum ?? 0) + 1,
        )
        .map((value) => labelled(at('extremeNumber'), value)),
    );
  }
  if (arrayish) {
    const tooMany = (arrayish.maxItems ?? 100) + 1;
    candidates.push(
      fc.constant(
        labelled(
          at('tooManyItems'),
          Array.from({ length: tooMany }, (_, index) => `item${index}`),
        ),
      ),
      fc
        .constantFrom<unknown[]>([1, 2], [null], [{ x: 1 }], [['nested']], ['x'.repeat(hugeBodyBytes)])
        .map((value) => labelled(at('badItems'), value)),
      fc.constantFrom(...hostileText).map((text) => labelled(at('hostileItem'), [text])),
    );
    if (arrayish.minItems) candidates.push(fc.constant(labelled(at('tooFewItems'), [])));
  }
  if (recordish) {
    const maxKey = recordish.propertyNames?.maxLength ?? 40;
    candidates.push(
      fc.constant(
        labelled(
          at('tooManyKeys'),
          Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`k${index}`, 'v'])),
        ),
      ),
      fc.constant(labelled(at('keyTooLong'), { ['k'.repeat(maxKey + 1)]: 'v' })),
      fc
        .constantFrom('__proto__', 'constructor', '', ' ', 'a.b', '#', '\u0000', '\ud800')
        .map((key) => labelled(at('oddKey'), { [key]: 'v' })),
      fc
        .constantFrom<unknown>({ x: 1 }, [1], 'x'.repeat(2001), 1e200, -1e-200, 1e308)
        .map((value) => labelled(at('oddValue'), { k: value })),
    );
  }
  return fc.oneof(...candidates);
}

/**
 * Bad values for a request body: one mutation of a valid value (wrong type, huge, hostile text, missing
 * required, extra unknown or server-owned field, null, nesting...). Some mutations are acceptable input
 * (hostile text in a free-text field): the tests only require no 5xx and no write when refused.
 */
/** The branch of a union of objects that a value belongs to (by its constant discriminator), else the node. */
function branchOf(node: JsonSchema, value: Record<string, unknown>): JsonSchema {
  const branches = node.anyOf?.filter((branch) => branch.type === 'object') ?? [];
  return (
    branches.find((branch) =>
      Object.entries(branch.properties ?? {}).some(
        ([name, property]) => property.const !== undefined && property.const === value[name],
      ),
    ) ?? node
  );
}

export function badBodyOf(
  schema: z.core.$ZodType,
  options: ValidOptions = {},
): fc.Arbitrary<Labelled<unknown>> {
  const union = inputJsonSchemaOf(schema);
  const valid = validValueOf(schema, options);
  return valid.chain((base) => {
    const object = isPlainObject(base) ? base : {};
    // a discriminated union: mutate within the branch the valid value took
    const json = branchOf(union, object);
    const properties = Object.entries(json.properties ?? {});
    const mutations: fc.Arbitrary<Labelled<unknown>>[] = [
      fc
        .constantFrom<unknown>(null, [], 'text', 42, true, [base])
        .map((value) => labelled('body.notAnObject', value)),
      fc.constant(labelled('body.empty', {})),
      fc.constant(labelled('body.huge', { ...object, padding: 'x'.repeat(hugeBodyBytes) })),
      fc
        .constantFrom(
          ...Object.entries(serverOwnedFields).filter(([name]) => !(name in (json.properties ?? {}))),
        )
        .map(([name, value]) => labelled(`extra.serverOwned.${name}`, { ...object, [name]: value })),
      fc
        .tuple(
          fc.string({ minLength: 1, maxLength: 30 }).filter((name) => !(name in (json.properties ?? {}))),
          fc.jsonValue({ maxDepth: 2 }),
        )
        .map(([name, value]) => labelled('extra.unknown', { ...object, [name]: value })),
      fc.constant(labelled('extra.__proto__', { ...object, ['__proto__']: { admin: true } })),
    ];
    const required = (json.required ?? []).filter((name) => name in object);
    if (required.length) {
      mutations.push(
        fc.constantFrom(...required).map((name) => {
          const { [name]: _dropped, ...rest } = object;
          return labelled(`${name}.missing`, rest);
        }),
      );
    }
    const weighted = mutations.map((arbitrary) => ({ arbitrary, weight: 1 }));
    if (properties.length) {
      // mutations of one property weigh as much as all the others together
      weighted.push({
        weight: mutations.length,
        arbitrary: fc
          .constantFrom(...properties)
          .chain(([name, node]) =>
            propertyMutations(name, node).map((bad) =>
              labelled(bad.mutation, { ...object, [name]: bad.value }),
            ),
          ),
      });
    }
    return fc.oneof(...weighted);
  });
}

export type QueryPairs = Array<[string, string]>;

/** Valid query parameters, as strings on the wire. */
export function validQueryOf(schema: z.core.$ZodType, options: ValidOptions = {}): fc.Arbitrary<QueryPairs> {
  return validValueOf(schema, options).map((value) =>
    Object.entries(isPlainObject(value) ? value : {}).map(([name, inner]): [string, string] => [
      name,
      String(inner),
    ]),
  );
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Cursors a client could forge: not base64, not JSON, not an object, other workspace, non-string values,
 * unknown attributes, too many keys, and well-formed keys of the caller's own workspace but of the wrong
 * shape or the wrong list.
 */
export function forgedCursors(workspaceId: string): Array<Labelled<string>> {
  const own = keys.workspacePrefix(workspaceId);
  const other = 'someone-else';
  const ulid = '01J00000000000000000000000';
  const contact = keys.record(workspaceId, 'CONTACT', ulid);
  return [
    labelled('cursor.notBase64', '!!!not base64!!!'),
    labelled('cursor.notJson', Buffer.from('not json').toString('base64url')),
    labelled('cursor.jsonNull', b64(null)),
    labelled('cursor.jsonArray', b64(['pk'])),
    labelled('cursor.jsonNumber', b64(42)),
    labelled('cursor.emptyObject', b64({})),
    labelled(
      'cursor.otherWorkspace',
      b64({ ...keys.record(other, 'CONTACT', ulid), ...keys.recordCollection(other, 'CONTACT', ulid) }),
    ),
    labelled(
      'cursor.otherWorkspaceIndex',
      b64({ ...contact, ...keys.recordCollection(other, 'CONTACT', ulid) }),
    ),
    labelled('cursor.nonStringValue', b64({ ...contact, sk: 1 })),
    labelled('cursor.nestedValue', b64({ pk: { S: contact.pk } })),
    labelled('cursor.unknownAttribute', b64({ ...contact, admin: 'true' })),
    labelled(
      'cursor.tooManyKeys',
      b64({ ...contact, ...keys.recordCollection(workspaceId, 'CONTACT', ulid), gsi2pk: own }),
    ),
    labelled('cursor.hugeValue', b64({ pk: `${own}${'x'.repeat(1100)}` })),
    // well-formed keys of the caller's own workspace, but not the keys of the list being paged
    labelled('cursor.ownWorkspaceWrongShape', b64({ pk: contact.pk })),
    labelled('cursor.ownWorkspaceTableKeyOnly', b64(contact)),
    labelled(
      'cursor.ownWorkspaceOtherList',
      b64({
        ...keys.record(workspaceId, 'COMPANY', ulid),
        ...keys.recordCollection(workspaceId, 'COMPANY', ulid),
      }),
    ),
    labelled(
      'cursor.ownWorkspaceNameIndex',
      b64({ ...contact, ...keys.recordName(workspaceId, 'CONTACT', 'zoe', ulid) }),
    ),
  ];
}

function queryValueMutations(name: string, node: JsonSchema): fc.Arbitrary<Labelled<string>> {
  const types = typesOf(node);
  const at = (mutation: string) => `${name}.${mutation}`;
  const candidates: fc.Arbitrary<Labelled<string>>[] = [
    fc.constantFrom(...hostileText).map((value) => labelled(at('hostileText'), value)),
    fc.constantFrom('', ' ').map((value) => labelled(at('blank'), value)),
    fc.constant(labelled(at('huge'), 'q'.repeat(hugeUrlChars))),
    fc.constant(labelled(at('longUnicode'), '\ufdfa'.repeat(300))),
    fc.string({ maxLength: 30 }).map((value) => labelled(at('randomText'), value)),
  ];
  if (types.includes('integer') || types.includes('number')) {
    candidates.push(
      fc
        .constantFrom(
          '-1',
          '0',
          'abc',
          '1000',
          '101',
          '1.5',
          '1e3',
          'NaN',
          'Infinity',
          '-0',
          '9'.repeat(400),
          '[]',
        )
        .map((value) => labelled(at('badNumber'), value)),
    );
  }
  if (types.includes('enum')) {
    const values = node.enum ?? node.anyOf?.flatMap((branch) => branch.enum ?? []) ?? [];
    candidates.push(
      fc
        .constantFrom(...values.map((value) => String(value).toUpperCase()), 'unknown', 'contact ')
        .map((value) => labelled(at('notInEnum'), value)),
    );
  }
  if (node.maxLength !== undefined) {
    candidates.push(fc.constant(labelled(at('tooLong'), 'y'.repeat(node.maxLength + 1))));
  }
  return fc.oneof(...candidates);
}

/**
 * Bad query strings: bad values per parameter (limit=-1/abc/1000...), forged cursors for a `cursor`
 * parameter, unknown and repeated parameters.
 */
export function badQueryOf(
  schema: z.core.$ZodType,
  options: ValidOptions & { workspaceId: string },
): fc.Arbitrary<Labelled<QueryPairs>> {
  const json = inputJsonSchemaOf(schema);
  const properties = Object.entries(json.properties ?? {});
  // an empty query as often as a full one: some parameters (email) short-circuit the others (cursor)
  const bases = fc.oneof(fc.constant<QueryPairs>([]), validQueryOf(schema, { omit: ['cursor'], ...options }));
  return bases.chain((base) => {
    const without = (name: string) => base.filter(([existing]) => existing !== name);
    const mutations: fc.Arbitrary<Labelled<QueryPairs>>[] = [
      fc
        .tuple(
          fc.constantFrom('foo', 'id', 'workspaceId', 'limit[]', '__proto__', ''),
          fc.string({ maxLength: 10 }),
        )
        .map(([name, value]) => labelled(`query.unknown.${name}`, [...base, [name, value]] as QueryPairs)),
    ];
    if (properties.length) {
      mutations.push(
        fc
          .constantFrom(...properties)
          .chain(([name, node]) =>
            (name === 'cursor'
              ? fc.oneof(
                  { weight: 3, arbitrary: fc.constantFrom(...forgedCursors(options.workspaceId)) },
                  { weight: 1, arbitrary: queryValueMutations(name, node) },
                )
              : queryValueMutations(name, node)
            ).map((bad) => labelled(bad.mutation, [...without(name), [name, bad.value]] as QueryPairs)),
          ),
        fc
          .constantFrom(...properties.map(([name]) => name))
          .map((name) =>
            labelled(`${name}.repeated`, [...without(name), [name, '1'], [name, '2']] as QueryPairs),
          ),
      );
    }
    return fc.oneof(...mutations);
  });
}

/** Bad path parameters: one parameter of a valid set replaced by junk, absent-but-plausible or huge values. */
export function badPathOf(
  schema: z.core.$ZodType,
  valid: Record<string, string>,
): fc.Arbitrary<Labelled<Record<string, string>>> {
  const names = Object.keys(inputJsonSchemaOf(schema).properties ?? {});
  if (names.length === 0) throw new Error('badPathOf: the path schema names no parameters');
  const junk = fc.oneof(
    fc.constantFrom(...hostileText).map((value) => labelled('hostileText', value)),
    fc
      .constantFrom('', ' ', '.', '%', '%2F', '..%2F..', 'null', 'undefined', '0')
      .map((value) => labelled('junk', value)),
    fc.ulid().map((value) => labelled('absentId', value)),
    fc.ulid().map((value) => labelled('lowerCaseId', value.toLowerCase())),
    fc
      .constantFrom('a'.repeat(1500), 'a'.repeat(hugeUrlChars), 'é'.repeat(700))
      .map((value) => labelled('long', value)),
    fc.string({ maxLength: 40 }).map((value) => labelled('randomText', value)),
  );
  return fc
    .tuple(fc.constantFrom(...names), junk)
    .map(([name, bad]) => labelled(`path.${name}.${bad.mutation}`, { ...valid, [name]: bad.value }));
}

/** If-Match values a client could send that are not a version. */
export const badIfMatchValues = [
  '',
  ' ',
  'abc',
  '"-1"',
  '"1.5"',
  '*',
  'W/"x"',
  '"1", "2"',
  `"${'9'.repeat(12)}"`,
  '"0"',
  '"999999999"',
  'x'.repeat(hugeUrlChars),
  'über',
];
