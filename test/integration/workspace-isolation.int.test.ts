import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { routeKeyOf } from '../../shared/platform/capability';
import { etagOf } from '../../shared/platform/versioning';
import { type RegisteredRoute, registry } from '../../shared/registry/capability-registry';
import { apiAs, newWorkspaceId, testTable } from '../support/api-client';
import { errorShapeProblem, type RawApi, type RawReply, type RawRequest, rawApiAs } from '../support/raw-api';
import {
  pathParamNames,
  pathWith,
  recordKindOf,
  recordKinds,
  type Seeded,
  type SeededRecord,
  seedWorkspace,
  validBodyFor,
  workspaceHints,
} from '../support/record-fixtures';
import { schemasOf } from '../support/registry-routes';
import { seedMember } from '../support/team-members';

/**
 * A record of another workspace answers 404 on every route. The routes come from the registry, so a new
 * route is walked the day it lands; one this test cannot exercise fails it (see recordKindOf).
 * Public routes are exempt, but only the ones listed here: a new public route forces a decision.
 */
const publicRoutes = [
  'GET /api/health',
  'GET /api/openapi.json',
  // a form's public address: its id names the workspace, and a token-less post must reach it
  'POST /api/webhooks/forms/{formId}',
  'GET /api/webhooks/forms/{formId}/confirm',
  'OPTIONS /api/webhooks/forms/{formId}',
  // shop webhooks: the connection id names the workspace, the signature proves the sender
  'POST /api/webhooks/shopify/{connectionId}',
  'POST /api/webhooks/woocommerce/{connectionId}',
  'POST /api/webhooks/shop/{connectionId}',
  // signed email links: the token names the workspace and the contact, its signature proves them
  'POST /api/email/unsubscribe/{token}',
  'GET /api/email/preferences/{token}',
  'PUT /api/email/preferences/{token}',
];

const protectedRoutes = registry.routes.filter((fn) => !publicRoutes.includes(routeKeyOf(fn)));

interface Probe {
  what: string;
  /** Creates run in a third workspace, so B's lists only ever hold B's seeded records. */
  caller?: 'C';
  request: RawRequest;
  check(reply: RawReply): void;
  /** The same request as A must find A's record, or the probe proves nothing. */
  control?(reply: RawReply): void;
}

describe('workspace isolation', () => {
  const table = testTable();
  const workspaceA = newWorkspaceId('ws-a');
  const workspaceB = newWorkspaceId('ws-b');
  const workspaceC = newWorkspaceId('ws-c');
  let seededA: Required<Seeded>;
  let itemsOfA: Record<string, unknown>[];
  let callAsB: RawApi;
  let callAsC: RawApi;
  let callAsA: RawApi;
  /** Values that identify A's records: none may appear in an answer to B. */
  let idsOfA: string[];

  beforeAll(async () => {
    seededA = await seedWorkspace(await apiAs(workspaceA));
    itemsOfA = await table.itemsOf(workspaceA);
    callAsB = await rawApiAs(workspaceB);
    callAsC = await rawApiAs(workspaceC);
    // C creates tasks, which go to its caller: a member of C
    await seedMember(workspaceC);
    callAsA = await rawApiAs(workspaceA);
    // B has records of its own, so an empty list proves nothing by accident
    await seedWorkspace(await apiAs(workspaceB));
    idsOfA = Object.values(seededA).flatMap((record) =>
      Object.values(record.params).filter((value) => value.length > 20),
    );
  });

  const notFound = (record: SeededRecord) => (reply: RawReply) => {
    expect(errorShapeProblem(reply.status, reply.headers, reply.json), reply.text).toBeUndefined();
    const code = (reply.json as { error: { code: string } }).error.code;
    expect(`${reply.status} ${code}`).toMatch(/^404 [a-z]+(_[a-z]+)*\.not_found$/);
    expect(code, `a ${record.kind} of another workspace is a missing record, not a missing route`).not.toBe(
      'route.not_found',
    );
  };

  /** What B sends to a route, naming A's records, and what it must get back. */
  function probesFor(fn: RegisteredRoute): Probe[] {
    const kind = recordKindOf(fn);
    const record = seededA[kind.name];
    const schemas = schemasOf(fn);
    if (kind.showsRecord && pathParamNames(fn.path).length === 0) {
      const shows = (reply: RawReply) => kind.showsRecord?.(reply.json, record);
      if (fn.method === 'GET')
        return [
          {
            what: `the workspace's ${kind.name}`,
            request: { method: 'GET', path: fn.path },
            check: (reply) => {
              expect(reply.status, reply.text).toBe(200);
              expect(shows(reply), `B sees A's ${kind.name}`).toBe(false);
            },
            control: (reply) => expect(shows(reply), `A sees its own ${kind.name}`).toBe(true),
          },
        ];
      if (fn.method === 'PUT')
        // written as C: the last test proves that A's items did not change
        return [
          {
            what: `the workspace's ${kind.name} set to A's values`,
            caller: 'C',
            request: {
              method: 'PUT',
              path: fn.path,
              body: JSON.stringify(validBodyFor(fn, record, workspaceHints(seededA))),
            },
            check: (reply) => expect(reply.status, reply.text).toBeLessThan(300),
          },
        ];
    }
    if (pathParamNames(fn.path).length > 0) {
      return [
        {
          what: `A's ${kind.name} by its path`,
          request: {
            method: fn.method,
            path: pathWith(fn, record.params),
            ...(schemas.body
              ? { body: JSON.stringify(validBodyFor(fn, record, workspaceHints(seededA))) }
              : {}),
            ...(schemas.ifMatch ? { headers: { 'if-match': etagOf(record.version) } } : {}),
          },
          check: notFound(record),
        },
      ];
    }
    if (fn.method === 'GET') {
      const queryNames = Object.keys(
        (schemas.query as unknown as { shape?: object } | undefined)?.shape ?? {},
      );
      const filters = Object.entries(record.finds).filter(([name]) => queryNames.includes(name));
      // all filters at once too, unless the list refuses them together (contacts' ids stand alone)
      const together =
        !schemas.query || z.safeParse(schemas.query as z.core.$ZodType, Object.fromEntries(filters)).success;
      return [[], ...filters.map((filter) => [filter]), ...(together ? [filters] : [])].map((query) => ({
        what: `the list${query.length ? ` with ${query.map(([name]) => name).join(' and ')} of A's ${kind.name}` : ''}`,
        request: { method: 'GET', path: fn.path, query: query as Array<[string, string]> },
        check: (reply) => {
          expect(reply.status, reply.text).toBe(200);
          const items = (reply.json as { items: Record<string, unknown>[] }).items;
          expect(items.map((item) => kind.identityOf(item))).not.toContain(record.identity);
        },
        control: (reply) => {
          const items = (reply.json as { items: Record<string, unknown>[] }).items;
          expect(items.map((item) => kind.identityOf(item))).toContain(record.identity);
        },
      }));
    }
    if (fn.method === 'POST') {
      return kind.crossWorkspaceCreates(record, seededA).map((create) => ({
        what: `a create naming ${create.what}`,
        caller: 'C' as const,
        request: { method: 'POST', path: fn.path, body: JSON.stringify(create.body) },
        check: (reply) => {
          expect(reply.status, reply.text).toBe(create.status);
          if (create.field)
            expect(Object.keys((reply.json as { error: { fields: object } }).error.fields)).toEqual([
              create.field,
            ]);
        },
      }));
    }
    throw new Error(
      `${routeKeyOf(fn)}: the isolation test does not know how to exercise a ${fn.method} ` +
        'without path parameters. Teach probesFor() what another workspace may send to it.',
    );
  }

  it('exempts exactly the public routes listed in this test', () => {
    const publicInManifest = registry.routes
      .filter((fn) => fn.roles === 'public')
      .map((fn) => routeKeyOf(fn));
    expect(publicInManifest.sort()).toEqual([...publicRoutes].sort());
  });

  it('has a fixture factory for the record kind of every protected route', () => {
    const unknown = protectedRoutes.flatMap((fn) => {
      try {
        recordKindOf(fn);
        return [];
      } catch (error) {
        return [(error as Error).message];
      }
    });
    expect(unknown).toEqual([]);
    expect(recordKinds.length).toBeGreaterThan(0);
  });

  it.each(protectedRoutes.map((fn) => [routeKeyOf(fn), fn] as const))(
    '%s as workspace B never reaches workspace A',
    async (_key, fn) => {
      for (const probe of probesFor(fn)) {
        const reply = await (probe.caller === 'C' ? callAsC : callAsB)(probe.request);
        expect(reply.status, `${probe.what}: ${reply.text}`).toBeLessThan(500);
        probe.check(reply);
        for (const id of idsOfA) expect(reply.text, `${probe.what} leaks A's id ${id}`).not.toContain(id);
        if (probe.control) probe.control(await callAsA(probe.request));
      }
    },
  );

  it("leaves workspace A's items exactly as they were, and the others hold nothing keyed by A's ids", async () => {
    expect(await table.itemsOf(workspaceA)).toEqual(itemsOfA);
    const itemsOfOthers = [...(await table.itemsOf(workspaceB)), ...(await table.itemsOf(workspaceC))];
    for (const id of idsOfA) {
      expect(itemsOfOthers.filter((item) => `${item.pk} ${item.sk}`.includes(id))).toEqual([]);
    }
    // still there for A: every protected GET of one record answers it (public ones need more than a token)
    for (const fn of protectedRoutes.filter(
      (candidate) => candidate.method === 'GET' && pathParamNames(candidate.path).length,
    )) {
      const record = seededA[recordKindOf(fn).name];
      const reply = await callAsA({ method: 'GET', path: pathWith(fn, record.params) });
      expect(reply.status, `${routeKeyOf(fn)} as A`).toBe(200);
      // a record's own route answers its version; a sub-resource (a contact's orders) has none of its own
      if (fn.path.endsWith('}')) expect(reply.headers.get('etag')).toBe(etagOf(record.version));
    }
  });
});
