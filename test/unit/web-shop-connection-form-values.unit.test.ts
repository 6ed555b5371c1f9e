import { describe, expect, it } from 'vitest';
import type { ShopConnection } from '../../shared/shops/shop-connection';
import {
  shopConnectionFormErrors,
  shopConnectionFormValues,
  shopConnectionInputOf,
  shopConnectionPatchOf,
} from '../../web/src/shops/shop-connection-form-values';

const connection: ShopConnection = {
  id: 'acme.01HZX3K4M5N6P7Q8R9S0T1V2W3',
  provider: 'woocommerce',
  name: 'Main shop',
  abandonAfterHours: 4,
  webhookPath: '/api/webhooks/woocommerce/acme.01HZX3K4M5N6P7Q8R9S0T1V2W3',
  secret: 'a-secret-that-is-long-enough',
  secretUpdatedAt: '2025-01-01T00:00:00.000Z',
  version: 2,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('shopConnectionInputOf (create body)', () => {
  it('leaves the secret out when none was typed, so the API makes one', () => {
    const values = { ...shopConnectionFormValues(), provider: 'woocommerce' as const, name: ' Shop ' };
    expect(shopConnectionInputOf(values)).toEqual({
      provider: 'woocommerce',
      name: 'Shop',
      abandonAfterHours: 4,
    });
  });

  it('asks for the Shopify secret, as the API does', () => {
    const values = { ...shopConnectionFormValues(), name: 'Shop' };
    expect(shopConnectionFormErrors(values)).toEqual({ secret: expect.stringContaining('Shopify') });
    expect(shopConnectionFormErrors({ ...values, secret: 'short' })).toEqual({
      secret: 'A secret has at least 16 characters.',
    });
    expect(shopConnectionFormErrors({ ...values, secret: 'a-shopify-client-secret' })).toEqual({});
  });

  it('names hours out of range or missing', () => {
    const values = { ...shopConnectionFormValues(), provider: 'shop' as const, name: 'Shop' };
    expect(shopConnectionFormErrors({ ...values, abandonAfterHours: 500 })).toEqual({
      abandonAfterHours: 'At most 168 hours (a week).',
    });
    expect(shopConnectionFormErrors({ ...values, abandonAfterHours: '' })).toEqual({
      abandonAfterHours: 'Give a number of hours.',
    });
  });
});

describe('shopConnectionPatchOf (PATCH body)', () => {
  it('sends nothing when nothing changed', () => {
    const values = shopConnectionFormValues(connection);
    expect(shopConnectionPatchOf(connection, values)).toEqual({});
    expect(shopConnectionFormErrors(values, connection)).toEqual({});
  });

  it('sends a new secret only when one was typed', () => {
    const values = {
      ...shopConnectionFormValues(connection),
      abandonAfterHours: 12,
      secret: ' new-secret-long-enough ',
    };
    expect(shopConnectionPatchOf(connection, values)).toEqual({
      abandonAfterHours: 12,
      secret: 'new-secret-long-enough',
    });
  });
});
