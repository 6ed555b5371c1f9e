import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What every log line and every event written during one invocation should carry: the correlation id that
 * follows a request from the API through the outbox to every consumer, the workspace once it is known, and
 * the function's name.
 */
export interface InvocationContext {
  correlationId: string;
  workspaceId?: string;
  functionName: string;
}

const storage = new AsyncLocalStorage<InvocationContext>();

/**
 * Runs `fn` with `context` as the current context (for everything it awaits, too). The context is copied,
 * so `bindWorkspace` inside one run never leaks into another.
 */
export function runWithContext<T>(context: InvocationContext, fn: () => T): T {
  return storage.run({ ...context }, fn);
}

/** The context of the running invocation; undefined outside `runWithContext`. */
export function currentContext(): InvocationContext | undefined {
  return storage.getStore();
}

/** Records the workspace once it is known (after auth): the log lines that follow carry it. */
export function bindWorkspace(workspaceId: string): void {
  const context = storage.getStore();
  if (context) context.workspaceId = workspaceId;
}

/** A fresh correlation id, for work that no request started (a scheduled run, a workspace of a job). */
export function newCorrelationId(): string {
  return randomUUID();
}

// a caller's correlation id is echoed into every log line and event: accept only a plain token
const acceptableCorrelationId = /^[\w.:-]{1,128}$/;

/**
 * The context of an API request: the caller's `x-correlation-id` when it is a plain token, else API
 * Gateway's request id. For the HTTP stack: `runWithContext(httpRequestContext(event, name), () => ...)`.
 */
export function httpRequestContext(
  event: { headers?: Record<string, string | undefined>; requestContext?: { requestId?: string } },
  functionName: string,
): InvocationContext {
  const given = event.headers?.['x-correlation-id'];
  const correlationId =
    given && acceptableCorrelationId.test(given)
      ? given
      : (event.requestContext?.requestId ?? newCorrelationId());
  return { correlationId, functionName };
}
