import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { functions, httpFunctions, rolesForRoute, routeKeyOf } from '../../functions/manifest';
import { type RouteSchemas, routeSchemas } from '../../shared/api/route-schemas';
import { roles } from '../../shared/platform/roles';

const functionsDir = join(import.meta.dirname, '..', '..', 'functions');

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFilesUnder(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const handlerFiles = tsFilesUnder(functionsDir)
  .map((file) => relative(functionsDir, file).replace(/\\/g, '/').replace(/\.ts$/, ''))
  .filter((module) => module !== 'manifest');
const schemasByName = routeSchemas as Record<string, RouteSchemas>;

describe('function manifest', () => {
  it('references every handler file under functions/ exactly once', () => {
    const referenced = functions.map((fn) => fn.handler as string);
    for (const module of handlerFiles) {
      expect(
        referenced.filter((handler) => handler === module),
        `functions/${module}.ts is not in the manifest exactly once`,
      ).toHaveLength(1);
    }
  });

  it.each(functions.map((fn) => [fn.name, fn.handler] as const))(
    '%s: its handler module %s exists and exports `handler`',
    async (_name, handler) => {
      const file = join(functionsDir, `${handler}.ts`);
      expect(existsSync(file), `functions/${handler}.ts`).toBe(true);
      const module = (await import(pathToFileURL(file).href)) as { handler?: unknown };
      expect(typeof module.handler).toBe('function');
    },
  );

  it('has unique PascalCase names', () => {
    const names = functions.map((fn) => fn.name as string);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
  });

  it('has unique route keys', () => {
    const routeKeys = httpFunctions.map((fn) => routeKeyOf(fn.trigger));
    expect(new Set(routeKeys).size).toBe(routeKeys.length);
  });

  it('has route schemas for every http function and none for anything else', () => {
    expect(Object.keys(routeSchemas).sort()).toEqual(httpFunctions.map((fn) => fn.name).sort());
  });

  it.each(httpFunctions.map((fn) => [routeKeyOf(fn.trigger), fn] as const))(
    '%s: its schemas match its path, method and auth',
    (_key, fn) => {
      const schemas = schemasByName[fn.name] ?? {};
      const pathNames = [...fn.trigger.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const pathShape =
        (schemas.path as unknown as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
      expect(Object.keys(pathShape).sort(), 'path schema keys = {params} of the path').toEqual(pathNames);
      expect(Boolean(schemas.body), 'POST, PUT and PATCH take a body schema').toBe(
        ['POST', 'PUT', 'PATCH'].includes(fn.trigger.method),
      );
      expect(Boolean(schemas.ifMatch), 'PATCH routes, and only they, take If-Match').toBe(
        fn.trigger.method === 'PATCH',
      );
      if (fn.trigger.method === 'DELETE') expect(schemas.status).toBe(204);
      // 202: accepted for processing after the answer (webhooks, replays)
      if (fn.trigger.method === 'POST') expect([201, 202]).toContain(schemas.status);
      // PUT puts something in place: 201 when it was not there (the handler answers 200 when it was)
      if (fn.trigger.method === 'PUT') expect(schemas.status).toBe(201);
      expect(fn.trigger.path.startsWith('/api/')).toBe(true);
    },
  );

  it.each(httpFunctions.map((fn) => [routeKeyOf(fn.trigger), fn] as const))(
    '%s: names the roles it admits, or is explicitly public',
    (key, fn) => {
      const allowed = rolesForRoute(key);
      if (fn.trigger.auth === 'none') {
        expect(allowed).toBe('public');
        // the only public writes are webhooks, which verify their callers themselves
        if (fn.trigger.method !== 'GET') expect(fn.trigger.path.startsWith('/api/webhooks/')).toBe(true);
        return;
      }
      expect(Array.isArray(allowed) && allowed.length > 0).toBe(true);
      for (const role of allowed as readonly string[]) expect(roles).toContain(role);
      if (fn.access.table === undefined) return;
      expect(fn.access.table).toBe(fn.trigger.method === 'GET' ? 'read' : 'readWrite');
    },
  );

  it('knows no roles for a route that is not in it', () => {
    expect(rolesForRoute('GET /api/admin')).toBeUndefined();
  });
});
