import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import type { FunctionSpec } from '../../shared/platform/capability';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

const functionsDir = join(import.meta.dirname, '..', '..', 'functions');
const handlers = new Map<string, Promise<Handler>>();

/**
 * Handler modules read their endpoints from the environment once, when imported (as a Lambda does at a
 * cold start), and a process imports a module once. So a process serves one local cloud: a second cloud
 * started later in the same process would reach the first one's stopped emulators. Say so, loudly.
 */
const bindingVariables = [
  'TABLE_NAME',
  'DYNAMODB_ENDPOINT',
  'EVENTBRIDGE_ENDPOINT',
  'SES_ENDPOINT',
  'COGNITO_ENDPOINT',
] as const;
let boundTo: string | undefined;

function checkBinding(): void {
  const current = bindingVariables.map((name) => `${name}=${process.env[name] ?? ''}`).join(' ');
  boundTo ??= current;
  if (current !== boundTo) {
    throw new Error(
      `the handler modules of this process serve the local cloud at ${boundTo}; start one local cloud per process (this one: ${current})`,
    );
  }
}

/** The handler module of a registry function, imported once, as a warm Lambda keeps it. */
function loadHandler(module: string): Promise<Handler> {
  let loaded = handlers.get(module);
  if (!loaded) {
    loaded = import(pathToFileURL(join(functionsDir, `${module}.ts`)).href).then(
      (mod: { handler: Handler }) => mod.handler,
    );
    handlers.set(module, loaded);
  }
  return loaded;
}

function lambdaContext(spec: FunctionSpec, requestId: string): Context {
  const timeoutMs = (spec.timeoutSeconds ?? 10) * 1000;
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: spec.name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${spec.name}`,
    memoryLimitInMB: String(spec.memoryMb ?? 512),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${spec.name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Invokes a registry function with an event, the way Lambda would: same module, a Lambda-like context. */
export async function invokeFunction(spec: FunctionSpec, event: unknown, requestId: string = randomUUID()) {
  checkBinding();
  const handler = await loadHandler(spec.handler);
  return handler(event, lambdaContext(spec, requestId));
}
