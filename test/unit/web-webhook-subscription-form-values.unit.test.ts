import { describe, expect, it } from 'vitest';
import type { WebhookSubscription } from '../../shared/outbound-webhooks/webhook-subscription';
import {
  webhookFormErrors,
  webhookFormValues,
  webhookInputOf,
  webhookPatchOf,
} from '../../web/src/webhooks/webhook-subscription-form-values';

const subscription: WebhookSubscription = {
  id: '01HZX3K4M5N6P7Q8R9S0T1V2W3',
  url: 'https://hooks.example.com/crm',
  eventTypes: ['contact.created', 'contact.updated'],
  active: true,
  description: 'Billing',
  version: 2,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('webhookInputOf (create body)', () => {
  it('sends * alone for all events, and the description only when there is one', () => {
    const values = {
      ...webhookFormValues(),
      url: ' https://hooks.example.com/a ',
      allEvents: true,
      eventTypes: ['tag.added'],
    };
    expect(webhookInputOf(values)).toEqual({ url: 'https://hooks.example.com/a', eventTypes: ['*'] });
  });

  it('asks for an event in the words of the form, which has an "All events" box rather than `*`', () => {
    const errors = webhookFormErrors({ ...webhookFormValues(), url: 'https://hooks.example.com/a' });
    expect(errors).toEqual({ eventTypes: 'Choose at least one event, or tick "All events".' });
    expect(errors.eventTypes).not.toContain('*');
  });

  it('checks the URL and the events with the shared schema', () => {
    const errors = webhookFormErrors({ ...webhookFormValues(), url: 'ftp://example.com' });
    expect(Object.keys(errors).sort()).toEqual(['eventTypes', 'url']);
    expect(
      webhookFormErrors({
        ...webhookFormValues(),
        url: 'http://127.0.0.1:8080/hook',
        eventTypes: ['tag.added'],
      }),
    ).toEqual({});
  });
});

describe('webhookPatchOf (PATCH body)', () => {
  it('sends nothing when nothing changed, whatever the order of the events', () => {
    const values = { ...webhookFormValues(subscription), eventTypes: ['contact.updated', 'contact.created'] };
    expect(webhookPatchOf(subscription, values)).toEqual({});
  });

  it('clears an emptied description and switches to all events', () => {
    const values = { ...webhookFormValues(subscription), description: ' ', allEvents: true };
    expect(webhookPatchOf(subscription, values)).toEqual({ description: null, eventTypes: ['*'] });
  });

  it('reads a subscription to all events back as the "all events" box', () => {
    const all = webhookFormValues({ ...subscription, eventTypes: ['*'] });
    expect(all.allEvents).toBe(true);
    expect(all.eventTypes).toEqual([]);
  });
});
