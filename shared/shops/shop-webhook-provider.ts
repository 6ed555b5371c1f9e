import * as z from 'zod/mini';
import { type LineItem, maxLineItems } from '../orders/order';
import { jsonProblemsOf, maxJsonDepth } from '../platform/json-body';
import { fieldErrorsOf } from '../platform/validation';
import type { DeliveryVerdict, RawWebhook } from '../webhooks/receive-webhook';
import { MalformedWebhookError } from '../webhooks/webhook-errors';
import type { ShopProvider } from './shop-connection';
import type { ShopEvent } from './shop-event';

/**
 * What a shop platform brings to intake and processing: how its deliveries are signed, which topics it
 * sends and how each maps onto a ShopEvent. Intake and the processor call the same `eventOf`, so a body
 * intake accepted is one the processor can read.
 */
export interface ShopWebhookProvider {
  provider: ShopProvider;
  /** A delivery sent unsigned on purpose that carries no event (WooCommerce's ping when a hook is saved). */
  isPing?(request: RawWebhook): boolean;
  /** Throws WebhookSignatureError unless one of the secrets signed the request. */
  verify(request: RawWebhook, secrets: readonly string[], now: Date): void;
  /** Topic and the provider's delivery id; a topic the CRM does not handle is acknowledged and ignored. */
  judge(request: RawWebhook): DeliveryVerdict;
  /** The CRM meaning of a delivery of a handled topic; throws MalformedWebhookError when the body is not one. */
  eventOf(topic: string, body: Buffer): ShopEvent;
}

export function parseJsonBody(body: Buffer): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new MalformedWebhookError('the body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new MalformedWebhookError('the body is not a JSON object');
  // the platform's checks, walked without recursion: a body nested 100,000 deep is a 400, not a stack overflow
  const problems = jsonProblemsOf(parsed);
  if (problems?.tooDeep)
    throw new MalformedWebhookError(`the body nests more than ${maxJsonDepth} levels deep`, {
      '(root)': `Nest objects and arrays at most ${maxJsonDepth} levels deep.`,
    });
  if (problems) throw new MalformedWebhookError('the body has invalid text or keys', problems.fields);
  return parsed;
}

/** Parses with a payload schema, or a 400 naming the fields that are wrong. */
export function parsePayload<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw new MalformedWebhookError(`not a ${what}`, fieldErrorsOf(result.error));
  return result.data;
}

/** Keeps at most `maxLineItems` lines and says how many there were. */
export function cappedLines(lines: LineItem[]): { lineItems: LineItem[]; lineItemCount: number } {
  return { lineItems: lines.slice(0, maxLineItems), lineItemCount: lines.length };
}

export function headerOf(request: RawWebhook, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
