import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defineEvent, pendingEvent } from '../../shared/events/domain-event';
import { outboxWrite } from '../../shared/events/outbox';
import {
  bindWorkspace,
  currentContext,
  httpRequestContext,
  runWithContext,
} from '../../shared/platform/invocation-context';
import { createLogger, logLevelFromEnv } from '../../shared/platform/logger';

const now = new Date('2026-01-01T10:00:00.000Z');

function captured(level: Parameters<typeof createLogger>[0] extends infer O ? O : never) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ ...level, now: () => now, write: (line) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('logger', () => {
  it('writes one JSON line with level, message, context and fields', async () => {
    const { logger, lines } = captured({ level: 'info' });
    await runWithContext({ correlationId: 'corr-1', functionName: 'CreateContact' }, async () => {
      bindWorkspace('acme-1');
      await Promise.resolve();
      logger.info('contact created', { contactId: 'c-1' });
    });
    expect(lines).toEqual([
      {
        level: 'info',
        time: now.toISOString(),
        message: 'contact created',
        functionName: 'CreateContact',
        workspaceId: 'acme-1',
        correlationId: 'corr-1',
        contactId: 'c-1',
      },
    ]);
  });

  it('drops entries below its level and writes errors with name, message and stack', () => {
    const { logger, lines } = captured({ level: 'warn' });
    logger.debug('noise');
    logger.info('noise');
    logger.error('failed', { error: new Error('boom') });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', error: { name: 'Error', message: 'boom' } });
  });

  it('never lets a field overwrite the fields of the line', () => {
    const { logger, lines } = captured({ level: 'info' });
    logger.error('failed', { level: 'debug', message: 'nothing to see', detail: 1 });
    expect(lines[0]).toMatchObject({ level: 'error', message: 'failed', detail: 1 });
  });

  it('reads its level from LOG_LEVEL, info by default', () => {
    expect(logLevelFromEnv({})).toBe('info');
    expect(logLevelFromEnv({ LOG_LEVEL: 'DEBUG' })).toBe('debug');
    expect(logLevelFromEnv({ LOG_LEVEL: 'loud' })).toBe('info');
  });

  it('keeps the contexts of concurrent runs apart', async () => {
    const seen = await Promise.all(
      ['a', 'b'].map((id) =>
        runWithContext({ correlationId: id, functionName: 'F' }, async () => {
          bindWorkspace(`ws-${id}`);
          await new Promise((resolve) => setTimeout(resolve, 1));
          return currentContext();
        }),
      ),
    );
    expect(seen).toEqual([
      { correlationId: 'a', functionName: 'F', workspaceId: 'ws-a' },
      { correlationId: 'b', functionName: 'F', workspaceId: 'ws-b' },
    ]);
    expect(currentContext()).toBeUndefined();
  });
});

describe('httpRequestContext', () => {
  const request = (header?: string) => ({
    headers: header === undefined ? {} : { 'x-correlation-id': header },
    requestContext: { requestId: 'apigw-request-1' },
  });

  it("takes the caller's x-correlation-id, else API Gateway's request id", () => {
    expect(httpRequestContext(request('checkout-42'), 'CreateContact')).toEqual({
      correlationId: 'checkout-42',
      functionName: 'CreateContact',
    });
    expect(httpRequestContext(request(), 'CreateContact').correlationId).toBe('apigw-request-1');
  });

  it('ignores a header that is not a plain token', () => {
    expect(httpRequestContext(request('a b\n{"level":"x"}'), 'F').correlationId).toBe('apigw-request-1');
    expect(httpRequestContext(request('x'.repeat(200)), 'F').correlationId).toBe('apigw-request-1');
  });
});

describe('outbox correlation id', () => {
  const Pinged = defineEvent('thing.pinged', 1, { thingId: z.string() });
  const eventsOf = () => {
    const [put] = outboxWrite('table', 'acme-1', [pendingEvent(Pinged, { thingId: 't-1' })], now);
    return (put?.Put?.Item?.events ?? []) as { detail: Record<string, unknown> }[];
  };

  it('stamps the current correlation id on every event written', () => {
    const events = runWithContext({ correlationId: 'corr-9', functionName: 'F' }, eventsOf);
    expect(events[0]?.detail).toMatchObject({
      workspaceId: 'acme-1',
      correlationId: 'corr-9',
      thingId: 't-1',
    });
    expect(Pinged.detail.parse(events[0]?.detail).correlationId).toBe('corr-9');
  });

  it('writes no correlation id outside a context, and the contract still parses it', () => {
    const [event] = eventsOf();
    expect(event?.detail).not.toHaveProperty('correlationId');
    expect(Pinged.detail.safeParse(event?.detail).success).toBe(true);
  });
});
