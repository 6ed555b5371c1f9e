import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { businessEventTypes } from '../../shared/events/business-event-types';
import { businessEvents, eventContracts, internalEvents } from '../../shared/events/event-catalog';
import { webhookEventTypes } from '../../shared/outbound-webhooks/webhook-event-types';

const root = join(import.meta.dirname, '..', '..');

/** Every `defineEvent('<type>'` in shared/, found by reading the sources. */
function definedEventTypes(): string[] {
  const files = readdirSync(join(root, 'shared'), { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.ts'),
  );
  return files.flatMap((file) =>
    [...readFileSync(join(root, 'shared', file), 'utf8').matchAll(/defineEvent\(\s*'([^']+)'/g)].map(
      (match) => match[1] as string,
    ),
  );
}

describe('the event catalog', () => {
  const catalogued = eventContracts.map((contract) => contract.detailType);

  it('holds every contract defined in shared/, once', () => {
    expect([...catalogued].sort()).toEqual(definedEventTypes().sort());
    expect(new Set(catalogued).size).toBe(catalogued.length);
  });

  it('is documented in docs/events.md, a row per type', () => {
    const doc = readFileSync(join(root, 'docs', 'events.md'), 'utf8');
    for (const type of catalogued) expect(doc, type).toContain(`| \`${type}\` |`);
  });

  it('names every business event in business-event-types.ts, in the same order', () => {
    expect([...businessEventTypes]).toEqual(businessEvents.map((contract) => contract.detailType));
  });

  it('offers every business event, and no internal one, to outbound webhooks', () => {
    expect(webhookEventTypes).toEqual(businessEvents.map((contract) => contract.detailType));
    for (const contract of internalEvents) expect(webhookEventTypes).not.toContain(contract.detailType);
    expect(webhookEventTypes).toEqual(
      expect.arrayContaining(['form.submitted', 'order.placed', 'cart.abandoned', 'list.joined']),
    );
  });
});
