import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { eventContracts } from '../../shared/events/event-catalog';
import { defineCapability, routeKeyOf } from '../../shared/platform/capability';
import { errorMessages } from '../../shared/platform/error-catalogue';
import { platformErrors } from '../../shared/platform/errors';
import { roles } from '../../shared/platform/roles';
import { personalDataDeclarations } from '../../shared/privacy/personal-data-registry';
import { recordKeys } from '../../shared/records/record-keys';
import { buildRegistry, registry } from '../../shared/registry/capability-registry';
import { keys } from '../../shared/store/keys';

const root = join(import.meta.dirname, '..', '..');
const functionsDir = join(root, 'functions');

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFilesUnder(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const moduleOf = (file: string) => relative(functionsDir, file).replace(/\\/g, '/').replace(/\.ts$/, '');
const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)].map(
    (m) => m[1] as string,
  );
/** What a module loads at run time: its imports but the type-only ones. */
const runtimeImports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:import|export) (?!type )[^'"]*from '([^']+)'/gm)].map(
    (m) => m[1] as string,
  );
/** The file a relative import names, if it is one of ours. */
const resolveRelative = (file: string, path: string) => {
  const base = resolve(dirname(file), path);
  return ['.ts', '.tsx', '/index.ts']
    .map((ending) => base + ending)
    .find((candidate) => existsSync(candidate));
};

describe('the capability registry', () => {
  it('has a handler module under functions/ for every function, and every module there serves one', () => {
    const handlers = registry.functions.map((fn) => fn.handler);
    // a route's module is imported by its capability's API function; background handlers stand alone
    const routeModules = registry.apiFunctions.flatMap((fn) =>
      importsOf(join(functionsDir, `${fn.handler}.ts`))
        .filter((path) => path.startsWith('./'))
        .map((path) => `${fn.handler.split('/')[0]}/${path.slice(2)}`),
    );
    for (const file of tsFilesUnder(functionsDir)) {
      const module = moduleOf(file);
      expect(
        handlers.filter((handler) => handler === module).length +
          routeModules.filter((route) => route === module).length,
        `functions/${module}.ts serves exactly one function`,
      ).toBe(1);
    }
  });

  it.each(registry.functions.map((fn) => [fn.name, fn.handler] as const))(
    '%s: its handler module %s exports `handler`',
    async (_name, handler) => {
      const file = join(functionsDir, `${handler}.ts`);
      expect(existsSync(file), `functions/${handler}.ts`).toBe(true);
      const module = (await import(pathToFileURL(file).href)) as { handler?: unknown };
      expect(typeof module.handler).toBe('function');
    },
  );

  it('names functions in PascalCase and capabilities in kebab-case, each once', () => {
    for (const fn of registry.functions) expect(fn.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
    for (const capability of registry.capabilities) expect(capability.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('refuses a registry that names a route, a route key or a function twice', () => {
    const route = { method: 'GET', path: '/api/a', roles: 'public', summary: 'a' } as const;
    const api = { handler: 'x/x-api', access: {} };
    const one = defineCapability({ name: 'one', description: 'one', routes: { GetA: route }, api });
    expect(() => buildRegistry([one, one])).toThrow(/names one twice/);
    const sameKey = defineCapability({ name: 'two', description: 'two', routes: { GetB: route }, api });
    expect(() => buildRegistry([one, sameKey])).toThrow(/names GET \/api\/a twice/);
    const sameName = defineCapability({
      name: 'three',
      description: 'three',
      routes: { GetA: { ...route, path: '/api/b' } },
      api,
    });
    expect(() => buildRegistry([one, sameName])).toThrow(/names GetA twice/);
  });

  it('serves every route by exactly one API function, named after its capability', () => {
    for (const route of registry.routes) {
      const fn = registry.apiFunctions.filter((candidate) =>
        candidate.trigger.routes.some((served) => routeKeyOf(served) === routeKeyOf(route)),
      );
      expect(fn.map((candidate) => candidate.name)).toEqual([route.functionName]);
    }
  });

  it.each(registry.routes.map((route) => [routeKeyOf(route), route] as const))(
    '%s: its schemas match its path, method and roles',
    (_key, route) => {
      const pathNames = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const params =
        (route.params as unknown as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
      expect(Object.keys(params).sort(), 'params schema keys = {params} of the path').toEqual(pathNames);
      expect(Boolean(route.body), 'POST, PUT and PATCH take a body schema').toBe(
        ['POST', 'PUT', 'PATCH'].includes(route.method),
      );
      expect(Boolean(route.ifMatch), 'PATCH routes, and only they, take If-Match').toBe(
        route.method === 'PATCH',
      );
      if (route.method === 'DELETE') expect(route.status).toBe(204);
      // 202: accepted for processing after the answer (webhooks, replays)
      // RFC 8058's one-click unsubscribe answers 200: nothing is created, and a repeat is the same answer
      if (route.method === 'POST')
        // an audience count is a POST only because the audience is a body: nothing is created, 200
        expect(
          route.path.startsWith('/api/email/unsubscribe/') ||
            route.path === '/api/email/campaigns/audience-count'
            ? [undefined]
            : [201, 202],
        ).toContain(route.status);
      // PUT puts something in place: 201 when it was not there (the handler answers 200 when it was)
      if (route.method === 'PUT') expect(route.status).toBe(201);
      expect(route.path.startsWith('/api/')).toBe(true);
      if (route.roles === 'public') {
        // the only public writes are webhooks and signed email links, which verify their callers themselves
        if (route.method !== 'GET')
          expect(
            ['/api/webhooks/', '/api/email/unsubscribe/', '/api/email/preferences/'].some((prefix) =>
              route.path.startsWith(prefix),
            ),
          ).toBe(true);
        return;
      }
      expect(route.roles.length).toBeGreaterThan(0);
      for (const role of route.roles) expect(roles).toContain(role);
    },
  );

  it('gives an API function write access exactly when one of its routes writes', () => {
    for (const fn of registry.apiFunctions) {
      if (fn.access.table === undefined) continue;
      const writes = fn.trigger.routes.some((route) => route.method !== 'GET');
      expect(fn.access.table, fn.name).toBe(writes ? 'readWrite' : 'read');
    }
  });
});

describe('error codes', () => {
  it('are the platform codes plus the ones each capability declares, each declared once', () => {
    const declared = registry.capabilities.flatMap((capability) => Object.keys(capability.errors ?? {}));
    expect(new Set(declared).size).toBe(declared.length);
    expect([...Object.keys(platformErrors), ...declared].sort()).toEqual(Object.keys(errorMessages).sort());
  });

  it('are namespaced, and no two capabilities answer in the same namespace', () => {
    const owner = new Map<string, string>();
    for (const capability of registry.capabilities) {
      for (const code of Object.keys(capability.errors ?? {})) {
        const namespace = code.split('.')[0] as string;
        expect(code).toMatch(/^[a-z]+(_[a-z]+)*\.[a-z_]+$/);
        expect(owner.get(namespace) ?? capability.name, code).toBe(capability.name);
        owner.set(namespace, capability.name);
      }
    }
  });
});

describe('error texts in Lambda bundles', () => {
  /** Every module a file loads at run time (type-only imports left out), following relative imports. */
  function runtimeModulesFrom(entry: string): string[] {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const path of runtimeImports(file)) {
        const next = path.startsWith('.') ? resolveRelative(file, path) : undefined;
        if (next) visit(next);
      }
    };
    visit(entry);
    return [...seen];
  }
  const capabilityCodes = new Set(Object.keys(errorMessages).filter((code) => !(code in platformErrors)));

  it.each(registry.apiFunctions.map((fn) => [fn.name, fn.handler] as const))(
    '%s registers the text of every code its code can answer with',
    async (_name, handler) => {
      const entry = join(functionsDir, `${handler}.ts`);
      const thrown = new Set(
        runtimeModulesFrom(entry).flatMap((file) =>
          [...readFileSync(file, 'utf8').matchAll(/'([a-z_]+\.[a-z_]+)'/g)]
            .map((match) => match[1] as string)
            .filter((code) => capabilityCodes.has(code)),
        ),
      );
      const { handler: lambda } = (await import(pathToFileURL(entry).href)) as {
        handler: { errorCodes: ReadonlySet<string> };
      };
      expect([...thrown].filter((code) => !lambda.errorCodes.has(code))).toEqual([]);
    },
  );
});

describe('events', () => {
  it('are the catalog: every event contract is published by exactly one capability', () => {
    const declared = registry.capabilities.flatMap((capability) =>
      (capability.events ?? []).map((event) => event.detailType),
    );
    expect(new Set(declared).size).toBe(declared.length);
    expect(declared.sort()).toEqual(eventContracts.map((contract) => contract.detailType).sort());
  });
});

describe('keys', () => {
  // the platform's own: the workspace prefix, the frames' dedupe claims, registry and checkpoints
  const platformKeys = [
    'workspacePrefix',
    'eventHandled',
    'workspaceRegistration',
    'workspaceRegistryPrefix',
    'jobCheckpoint',
  ];

  it('are the platform keys, the records keys and the ones each capability declares, each declared once', () => {
    const declared = registry.capabilities.flatMap((capability) => Object.keys(capability.keys ?? {}));
    expect(new Set(declared).size).toBe(declared.length);
    expect([...platformKeys, ...Object.keys(recordKeys), ...declared].sort()).toEqual(
      Object.keys(keys).sort(),
    );
  });
});

describe('personal data', () => {
  it('is declared by the capabilities, and erasure walks exactly their declarations', () => {
    const declared = registry.capabilities.flatMap((capability) => capability.personalData ?? []);
    expect(declared.map((declaration) => declaration.itemType).sort()).toEqual(
      personalDataDeclarations.map((declaration) => declaration.itemType).sort(),
    );
    for (const declaration of declared) expect(personalDataDeclarations).toContain(declaration);
  });
});

describe('the layers', () => {
  it('never import functions/ from shared/ or web/', () => {
    const offenders = ['shared', 'web/src'].flatMap((dir) =>
      tsFilesUnder(join(root, dir)).flatMap((file) =>
        importsOf(file)
          .filter((path) => /(^|\/)functions\//.test(path))
          .map((path) => `${relative(root, file)} imports ${path}`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('never bring node built-ins into the web app, however deep the imports go', () => {
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string, via: string[]) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const path of runtimeImports(file)) {
        if (path.startsWith('node:')) offenders.push([...via, relative(root, file), path].join(' → '));
        const next = path.startsWith('.') ? resolveRelative(file, path) : undefined;
        if (next) visit(next, [...via, relative(root, file)]);
      }
    };
    for (const file of tsFilesUnder(join(root, 'web/src'))) visit(file, []);
    expect(offenders).toEqual([]);
  });

  it('keep the gatherers of keys, events and error texts out of Lambda code: a bundle holds its own capability', () => {
    const offenders = [...tsFilesUnder(join(root, 'shared')), ...tsFilesUnder(functionsDir)]
      .filter(
        (file) =>
          !/shared\/(registry|api|store\/keys\.ts|events\/event-catalog\.ts|platform\/error-catalogue\.ts)/.test(
            file,
          ),
      )
      .flatMap((file) =>
        runtimeImports(file)
          .filter(
            (path) => /(^|\/)(store\/keys|event-catalog|error-catalogue)$/.test(path) || path === './keys',
          )
          .map((path) => `${relative(root, file)} imports ${path}`),
      );
    expect(offenders).toEqual([]);
  });

  it('keep the AWS document client out of production code: the store has its own (decision 162)', () => {
    const offenders = ['shared', 'functions', 'infra', 'web/src']
      .flatMap((dir) => tsFilesUnder(join(root, dir)))
      .flatMap((file) =>
        importsOf(file)
          .filter((path) => /^@aws-sdk\/(lib|util)-dynamodb/.test(path))
          .map((path) => `${relative(root, file)} imports ${path}`),
      );
    expect(offenders).toEqual([]);
  });

  it('keep the registry out of the web app and of every capability', () => {
    const offenders = [...tsFilesUnder(join(root, 'web/src')), ...tsFilesUnder(join(root, 'shared'))]
      .filter((file) => !/shared\/(registry|api\/openapi)/.test(file))
      .flatMap((file) =>
        importsOf(file)
          .filter((path) => path.includes('registry/capability-registry'))
          .map((path) => `${relative(root, file)} imports ${path}`),
      );
    expect(offenders).toEqual([]);
  });
});
