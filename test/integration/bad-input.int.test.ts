import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { routeKeyOf } from '../../shared/platform/capability';
import { etagOf } from '../../shared/platform/versioning';
import { type RegisteredRoute, registry } from '../../shared/registry/capability-registry';
import { apiAs, newWorkspaceId, testTable } from '../support/api-client';
import { replayHint, runsFor, seedFor } from '../support/property-runs';
import { errorShapeProblem, type RawRequest, rawApiAs } from '../support/raw-api';
import {
  collectionPathOf,
  pathParamNames,
  pathWith,
  recordKindOf,
  recordKinds,
  type SeededRecord,
  seedWorkspace,
  validBodyFor,
  workspaceHints,
} from '../support/record-fixtures';
import { schemasOf } from '../support/registry-routes';
import {
  badBodyOf,
  badIfMatchValues,
  badPathOf,
  badQueryOf,
  type Hints,
  type Labelled,
  labelled,
  preview,
  validValueOf,
} from '../support/zod-arbitraries';

/**
 * Every manifest route that takes input is fuzzed with bad input derived from its zod schemas: no answer
 * is a 5xx, every error has the error shape, and a refused request leaves the workspace's items exactly as
 * they were. Each (route, part) is one property with a fixed seed (see property-runs.ts).
 */
const table = testTable();
const parts = ['body', 'query', 'path', 'ifMatch'] as const;
type Part = (typeof parts)[number];
const fuzzed = registry.routes.flatMap((fn) =>
  parts.filter((part) => schemasOf(fn)[part]).map((part) => [`${routeKeyOf(fn)} ${part}`, fn, part] as const),
);

/** A workspace with one record of every kind, and the record the route addresses (if it has path params). */
async function workspaceFor(fn: RegisteredRoute) {
  const workspaceId = newWorkspaceId('fuzz');
  const api = await apiAs(workspaceId);
  const seeded = await seedWorkspace(api);
  const record: SeededRecord | undefined = pathParamNames(fn.path).length
    ? seeded[recordKindOf(fn).name]
    : undefined;
  return {
    workspaceId,
    seeded,
    record,
    api,
    call: await rawApiAs(workspaceId),
    hints: workspaceHints(seeded),
  };
}

function validBodyOf(
  fn: RegisteredRoute,
  record: SeededRecord | undefined,
  hints: Hints,
): fc.Arbitrary<unknown> {
  const body = schemasOf(fn).body;
  if (!body) return fc.constant(undefined);
  return record ? fc.constant(validBodyFor(fn, record, hints)) : validValueOf(body, { hints });
}

/** The requests of one property: the part under test is bad, the others valid (so the bad part is reached). */
function badRequestsFor(
  fn: RegisteredRoute,
  part: Part,
  context: Awaited<ReturnType<typeof workspaceFor>>,
  version: () => number,
): fc.Arbitrary<Labelled<RawRequest>> {
  const schemas = schemasOf(fn);
  const { record, hints, workspaceId } = context;
  const path = () => (record ? pathWith(fn, record.params) : fn.path);
  const ifMatch = () => (schemas.ifMatch ? { 'if-match': etagOf(version()) } : undefined);
  const json = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));
  switch (part) {
    case 'body':
      return badBodyOf(schemas.body as z.core.$ZodType, { hints }).map((bad) =>
        labelled(bad.mutation, {
          method: fn.method,
          path: path(),
          body: json(bad.value),
          headers: ifMatch(),
        }),
      );
    case 'query':
      return badQueryOf(schemas.query as z.core.$ZodType, { hints, workspaceId }).map((bad) =>
        labelled(bad.mutation, {
          method: fn.method,
          path: path(),
          query: bad.value,
          headers: ifMatch(),
        }),
      );
    case 'path':
      if (!record) throw new Error(`${routeKeyOf(fn)} has a path schema but no path parameters`);
      return fc
        .tuple(badPathOf(schemas.path as z.core.$ZodType, record.params), validBodyOf(fn, record, hints))
        .map(([bad, body]) =>
          labelled(bad.mutation, {
            method: fn.method,
            path: pathWith(fn, bad.value),
            body: json(body),
            headers: ifMatch(),
          }),
        );
    case 'ifMatch':
      return fc
        .tuple(fc.constantFrom(...badIfMatchValues), validBodyOf(fn, record, hints))
        .map(([header, body]) =>
          labelled(`ifMatch ${JSON.stringify(header.slice(0, 20))}`, {
            method: fn.method,
            path: path(),
            body: json(body),
            headers: { 'if-match': header },
          }),
        );
  }
}

describe('bad input never gets a 5xx, and a refused request writes nothing', () => {
  it('knows how to exercise every route that takes input', () => {
    const problems = registry.routes.flatMap((fn) => {
      const schemas = schemasOf(fn);
      const params = pathParamNames(fn.path);
      const found: string[] = [];
      if (params.length && !schemas.path) found.push(`${routeKeyOf(fn)} has {params} but no path schema`);
      if (['POST', 'PATCH'].includes(fn.method) && !schemas.body)
        found.push(`${routeKeyOf(fn)} takes a body but has no body schema`);
      try {
        if (params.length) recordKindOf(fn);
      } catch (error) {
        found.push((error as Error).message);
      }
      return found;
    });
    expect(problems).toEqual([]);
    expect(fuzzed.length).toBeGreaterThan(recordKinds.length);
  });

  /** The workspace's items once the background work of the last accepted change is done (a template's compile). */
  async function settledItemsOf(fn: RegisteredRoute, workspaceId: string) {
    const settled = recordKinds.find((kind) => kind.collectionPath === collectionPathOf(fn.path))?.settled;
    for (let attempt = 0; ; attempt++) {
      const items = await table.itemsOf(workspaceId);
      if (!settled || settled(items) || attempt >= 100) return items;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it.each(fuzzed)('%s', async (name, fn, part) => {
    const context = await workspaceFor(fn);
    let version = context.record?.version ?? 1;
    let snapshot = await settledItemsOf(fn, context.workspaceId);
    const failures: string[] = [];
    const seed = seedFor(name);
    await fc.assert(
      fc.asyncProperty(
        badRequestsFor(fn, part, context, () => version),
        async (input) => {
          const reply = await context.call(input.value);
          const problems: string[] = [];
          if (reply.status >= 500) problems.push(`answered ${reply.status}`);
          if (reply.status >= 400) {
            const shape = errorShapeProblem(reply.status, reply.headers, reply.json);
            if (shape) problems.push(shape);
            const after = await table.itemsOf(context.workspaceId);
            if (JSON.stringify(after) !== JSON.stringify(snapshot))
              problems.push('a refused request changed items');
          } else {
            snapshot = await settledItemsOf(fn, context.workspaceId);
            const etag = reply.headers.get('etag');
            if (fn.method === 'PATCH' && etag) version = Number(JSON.parse(etag));
          }
          if (problems.length) {
            failures.push(
              `${input.mutation}: ${problems.join('; ')} -> ${reply.status} ${reply.text.slice(0, 160)} for ${preview(input.value)}`,
            );
          }
        },
      ),
      // query strings are cheap to refuse and have the most ways to be wrong
      { seed, numRuns: runsFor(part === 'query' ? 40 : 20), endOnFailure: true },
    );
    expect(failures, `${failures.length} bad answers (${replayHint(name, seed)})`).toEqual([]);
  });

  const writeRoutes = registry.routes
    .filter((fn) => schemasOf(fn).body && ['POST', 'PATCH'].includes(fn.method))
    .map((fn) => [routeKeyOf(fn), fn] as const);

  it.each(writeRoutes)(
    '%s takes valid but unusual bodies (unicode, maximum lengths) with 2xx',
    async (name, fn) => {
      const context = await workspaceFor(fn);
      const kind = recordKindOf(fn);
      const schema = schemasOf(fn).body as z.core.$ZodType;
      const creates = fn.method === 'POST';
      // a change keeps the record's unique values: changing them is covered by the API tests
      const omit = creates ? [] : (kind.unique?.fields ?? []);
      const used = new Set(
        Object.values(context.seeded).flatMap((record) => {
          const key = recordKinds
            .find((candidate) => candidate.name === record.kind)
            ?.unique?.keyOf(record.values);
          return key ? [key] : [];
        }),
      );
      let version = context.record?.version ?? 1;
      const failures: string[] = [];
      const seed = seedFor(`${name} valid`);
      // a kind may know its valid bodies better than its schema (a public form's fields)
      const bodies =
        (context.record && kind.validBodies?.(context.record)) ??
        validValueOf(schema, { hints: context.hints, omit });
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const unique = creates
            ? kind.unique?.keyOf(z.parse(schema, body) as Record<string, unknown>)
            : undefined;
          const duplicate = unique !== undefined && used.has(unique);
          const text = JSON.stringify(body);
          const fresh = await kind.freshFor?.(fn, context.api, context.seeded);
          const record = fresh ?? context.record;
          const reply = await context.call({
            method: fn.method,
            path: record ? pathWith(fn, record.params) : fn.path,
            body: text,
            headers: {
              // a shop webhook's body is valid only signed
              ...(record && kind.signedHeaders?.(record, text)),
              ...(schemasOf(fn).ifMatch ? { 'if-match': etagOf(fresh?.version ?? version) } : {}),
            },
          });
          const code = (reply.json as { error?: { code?: string } } | undefined)?.error?.code;
          const expected = duplicate ? `409 ${kind.unique?.conflictCode}` : '2xx';
          const got = reply.status < 300 ? '2xx' : `${reply.status} ${code}`;
          if (got !== expected)
            failures.push(
              `expected ${expected}, got ${got} ${reply.text.slice(0, 200)} for ${preview(body)}`,
            );
          if (reply.status < 300) {
            if (unique !== undefined) used.add(unique);
            const etag = reply.headers.get('etag');
            if (!creates && etag) version = Number(JSON.parse(etag));
          }
        }),
        { seed, numRuns: runsFor(15), endOnFailure: true },
      );
      expect(
        failures,
        `${failures.length} valid bodies refused (${replayHint(`${name} valid`, seed)})`,
      ).toEqual([]);
    },
  );
});
