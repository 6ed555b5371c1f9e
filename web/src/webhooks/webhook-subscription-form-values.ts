import type * as z from 'zod/mini';
import { allEventTypes } from '../../../shared/outbound-webhooks/webhook-event-types';
import {
  type WebhookSubscription,
  WebhookSubscriptionInput,
  WebhookSubscriptionPatch,
} from '../../../shared/outbound-webhooks/webhook-subscription';
import { formErrorsOf } from '../records/form-errors';

export interface WebhookFormValues {
  url: string;
  /** Every CRM event, including types added later (`*`). */
  allEvents: boolean;
  eventTypes: string[];
  description: string;
}

export function webhookFormValues(subscription?: WebhookSubscription): WebhookFormValues {
  const all = subscription?.eventTypes.includes(allEventTypes) ?? false;
  return {
    url: subscription?.url ?? '',
    allEvents: all,
    eventTypes: all ? [] : (subscription?.eventTypes ?? []),
    description: subscription?.description ?? '',
  };
}

type EventTypeNames = z.input<typeof WebhookSubscriptionInput>['eventTypes'];

/** Names the schema does not know stay as they are, so that it names them. */
const eventTypesOf = (values: WebhookFormValues) =>
  (values.allEvents ? [allEventTypes] : values.eventTypes) as EventTypeNames;

export function webhookInputOf(values: WebhookFormValues): z.input<typeof WebhookSubscriptionInput> {
  const description = values.description.trim();
  return {
    url: values.url.trim(),
    eventTypes: eventTypesOf(values),
    ...(description ? { description } : {}),
  };
}

/** A change: only what differs; an emptied description is `null` (cleared). */
export function webhookPatchOf(
  subscription: WebhookSubscription,
  values: WebhookFormValues,
): z.input<typeof WebhookSubscriptionPatch> {
  const patch: z.input<typeof WebhookSubscriptionPatch> = {};
  const url = values.url.trim();
  if (url !== subscription.url) patch.url = url;
  const eventTypes = eventTypesOf(values);
  if ([...eventTypes].sort().join('\n') !== [...subscription.eventTypes].sort().join('\n')) {
    patch.eventTypes = eventTypes;
  }
  const description = values.description.trim();
  if (description !== (subscription.description ?? '')) patch.description = description || null;
  return patch;
}

export const isWebhookFormPath = (path: string) => ['url', 'eventTypes', 'description'].includes(path);

/** The API's own schema; its URL rules admit loopback here, the server applies its stricter policy. */
export function webhookFormErrors(
  values: WebhookFormValues,
  subscription?: WebhookSubscription,
): Record<string, string> {
  const body = subscription ? webhookPatchOf(subscription, values) : webhookInputOf(values);
  if (subscription && Object.keys(body).length === 0) return {};
  const result = (subscription ? WebhookSubscriptionPatch : WebhookSubscriptionInput).safeParse(body);
  const errors = result.success ? {} : formErrorsOf(result.error, undefined, isWebhookFormPath);
  // the API's message speaks of `*`; the form has a box for that
  if (!values.allEvents && values.eventTypes.length === 0 && errors.eventTypes) {
    errors.eventTypes = noEventsChosen;
  }
  return errors;
}

export const noEventsChosen = 'Choose at least one event, or tick "All events".';
