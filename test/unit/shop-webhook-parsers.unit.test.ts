import { describe, expect, it } from 'vitest';
import { genericEventOf, genericShopProvider } from '../../shared/shops/generic-shop-webhook';
import { shopifyEventOf, shopifyProvider } from '../../shared/shops/shopify-webhook';
import { wooCommerceProvider, wooDeliveryIdOf, wooEventOf } from '../../shared/shops/woocommerce-webhook';
import { MalformedWebhookError } from '../../shared/webhooks/webhook-errors';
import {
  fixture,
  seedHeaders,
  shopifyHeaders,
  shopifyTestSecret,
  wooHeaders,
  wooTestSecret,
} from '../support/shop-webhooks';

describe('Shopify payloads', () => {
  it('orders/create becomes an order in UTC with its lines, amounts, currency and buyer', () => {
    const event = shopifyEventOf('orders/create', fixture('shopify/orders-create.body'));
    expect(event).toEqual({
      kind: 'order',
      customer: {
        email: 'lena.schmidt@example.com',
        firstName: 'Lena',
        lastName: 'Schmidt',
        phone: '+4915123456789',
      },
      order: {
        externalId: '5938475629384',
        number: '#1042',
        placedAt: '2025-05-14T08:22:30.000Z',
        currency: 'EUR',
        total: '89.70',
        subtotal: '84.80',
        tax: '14.32',
        shipping: '4.90',
        discount: '0.00',
        status: 'paid',
        checkoutToken: '7f3c1a9e2b5d4c8f9a0e6b1d2c3f4a5b',
        lineItems: [
          {
            name: 'Bio-Kaffee Espresso - 500 g / Bohne',
            sku: 'KAF-ESP-500-B',
            productId: '8812345678901',
            quantity: 2,
            unitPrice: '24.90',
            total: '49.80',
          },
          {
            name: 'Keramik-Tasse "Morgenrot"',
            sku: 'TAS-MORGENROT',
            productId: '8812345711669',
            quantity: 1,
            unitPrice: '35.00',
            total: '35.00',
          },
        ],
        lineItemCount: 2,
      },
    });
  });

  it('checkouts/create becomes an open checkout with its recovery URL', () => {
    const event = shopifyEventOf('checkouts/create', fixture('shopify/checkouts-create.body'));
    expect(event.kind).toBe('checkout');
    if (event.kind !== 'checkout') return;
    expect(event.customer).toMatchObject({
      email: 'jonas.weber@example.com',
      firstName: 'Jonas',
      lastName: 'Weber',
    });
    expect(event.checkout).toMatchObject({
      token: '0f9e8d7c6b5a49382716051a2b3c4d5e',
      updatedAt: '2025-05-14T09:05:49.000Z',
      currency: 'EUR',
      total: '70.00',
      lineItems: [{ name: 'Keramik-Tasse "Morgenrot"', quantity: 2, unitPrice: '35.00', total: '70.00' }],
    });
    expect(event.checkout.completedAt).toBeUndefined();
    expect(event.checkout.recoveryUrl).toMatch(/\/recover\?key=/);
  });

  it.each(['shopify/customers-create.body', 'shopify/customers-create.pre-2025-01.body'])(
    '%s becomes a customer (both payload shapes)',
    (file) => {
      expect(shopifyEventOf('customers/create', fixture(file))).toEqual({
        kind: 'customer',
        customer: {
          email: 'm.oconnor@example.com',
          firstName: 'Máire',
          lastName: "O'Connor",
          phone: '+15555550142',
        },
      });
    },
  );

  it('reads a guest order without a customer, and an order without an email', () => {
    const order = JSON.parse(fixture('shopify/orders-create.body').toString('utf8'));
    const guest = { ...order, customer: null, email: '', contact_email: null, billing_address: null };
    const event = shopifyEventOf('orders/create', Buffer.from(JSON.stringify(guest)));
    expect(event.customer).toEqual({
      email: undefined,
      firstName: undefined,
      lastName: undefined,
      phone: undefined,
    });
  });

  it.each([
    ['not JSON', '{"id": 1,'],
    ['an array', '[]'],
    [
      'an order without line items',
      JSON.stringify({ id: 1, created_at: '2025-05-14T10:00:00Z', currency: 'EUR', total_price: '1.00' }),
    ],
    [
      'an order with a bad currency',
      JSON.stringify({ id: 1, created_at: 'x', currency: 'euro', total_price: '1.00', line_items: [] }),
    ],
    [
      'an order with an unreadable date',
      JSON.stringify({
        id: 1,
        created_at: 'yesterday',
        currency: 'EUR',
        total_price: '1.00',
        line_items: [],
      }),
    ],
    ['text with a lone surrogate', '{"id":1,"name":"\\ud800"}'],
  ])('refuses %s with a 400', (_what, body) => {
    expect(() => shopifyEventOf('orders/create', Buffer.from(body))).toThrow(MalformedWebhookError);
  });

  it('judges topic and delivery id from the headers; an unsubscribed topic is ignored, not refused', () => {
    const body = fixture('shopify/orders-create.body');
    const headers = shopifyHeaders(
      body,
      'orders/create',
      shopifyTestSecret,
      'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    );
    expect(shopifyProvider.judge({ headers, body })).toEqual({
      accept: true,
      topic: 'orders/create',
      deliveryId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    });
    expect(
      shopifyProvider.judge({ headers: { ...headers, 'x-shopify-topic': 'products/update' }, body }),
    ).toEqual({
      accept: false,
      reason: 'topic products/update is not handled',
    });
    const { 'x-shopify-webhook-id': _id, ...withoutId } = headers;
    expect(() => shopifyProvider.judge({ headers: withoutId, body })).toThrow(MalformedWebhookError);
  });
});

describe('WooCommerce payloads', () => {
  const body = fixture('woocommerce/order-created.body');

  it('order.created becomes an order: _gmt dates read as UTC, billing is the buyer, escapes decoded', () => {
    const event = wooEventOf('order.created', body);
    expect(event).toEqual({
      kind: 'order',
      customer: {
        email: 'juergen.mueller@example.com',
        firstName: 'Jürgen',
        lastName: 'Müller',
        phone: '+49 89 12345678',
      },
      order: {
        externalId: '4711',
        number: '4711',
        placedAt: '2025-05-14T08:31:07.000Z',
        currency: 'EUR',
        total: '79.60',
        tax: '12.71',
        shipping: '4.12',
        discount: '0.00',
        status: 'processing',
        lineItems: [
          {
            name: 'Bio-Kaffee Espresso - 500 g',
            sku: 'KAF-ESP-500',
            productId: '233',
            quantity: 2,
            unitPrice: '20.93',
            total: '41.85',
          },
          {
            name: 'Keramik-Tasse "Morgenrot"',
            sku: 'TAS-MORGENROT',
            productId: '250',
            quantity: 1,
            unitPrice: '20.92',
            total: '20.92',
          },
        ],
        lineItemCount: 2,
      },
    });
  });

  it('customer.created becomes a customer', () => {
    const customer = {
      id: 93,
      date_created_gmt: '2025-05-14T08:00:00',
      date_modified_gmt: '2025-05-14T08:00:00',
      email: 'ina.berg@example.com',
      first_name: 'Ina',
      last_name: 'Berg',
      billing: {
        first_name: 'Ina',
        last_name: 'Berg',
        email: 'ina.berg@example.com',
        phone: '+49 30 901820',
      },
    };
    expect(wooEventOf('customer.created', Buffer.from(JSON.stringify(customer)))).toEqual({
      kind: 'customer',
      customer: { email: 'ina.berg@example.com', firstName: 'Ina', lastName: 'Berg', phone: '+49 30 901820' },
    });
  });

  it('identifies a delivery by resource and modification time: WooCommerce makes a new delivery id per attempt', () => {
    expect(wooDeliveryIdOf('order.created', body)).toBe('order.created:4711:2025-05-14T08:31:09');
    const first = wooCommerceProvider.judge({
      headers: wooHeaders(body, 'order.created', wooTestSecret, 'a'.repeat(32)),
      body,
    });
    const retry = wooCommerceProvider.judge({
      headers: wooHeaders(body, 'order.created', wooTestSecret, 'b'.repeat(32)),
      body,
    });
    expect(first).toEqual(retry);
  });

  it('knows the unsigned ping sent when a webhook is saved, and nothing else as one', () => {
    const ping = fixture('woocommerce/ping.body');
    expect(
      wooCommerceProvider.isPing?.({
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: ping,
      }),
    ).toBe(true);
    expect(
      wooCommerceProvider.isPing?.({ headers: wooHeaders(body, 'order.created', wooTestSecret), body }),
    ).toBe(false);
    expect(wooCommerceProvider.isPing?.({ headers: {}, body: Buffer.from('webhook_id=17&x=1') })).toBe(false);
  });
});

describe('the generic shop format', () => {
  const order = {
    customer: { email: 'ann@example.com', firstName: 'Ann' },
    order: {
      id: 'A-1001',
      placedAt: '2025-05-14T10:22:31+02:00',
      currency: 'jpy',
      total: '1200',
      checkoutId: 'cart-77',
      lineItems: [{ name: 'Tea', quantity: 3, unitPrice: '400', total: '1200' }],
    },
  };

  it('order.created becomes an order in the currency’s own decimals', () => {
    const event = genericEventOf('order.created', Buffer.from(JSON.stringify(order)));
    expect(event).toEqual({
      kind: 'order',
      customer: { email: 'ann@example.com', firstName: 'Ann' },
      order: {
        externalId: 'A-1001',
        placedAt: '2025-05-14T08:22:31.000Z',
        currency: 'JPY',
        total: '1200',
        checkoutToken: 'cart-77',
        lineItems: [{ name: 'Tea', quantity: 3, unitPrice: '400', total: '1200' }],
        lineItemCount: 1,
      },
    });
  });

  it('checkout.updated becomes a checkout; customer.created a customer', () => {
    const checkout = {
      checkout: {
        id: 'cart-77',
        updatedAt: '2025-05-14T10:00:00Z',
        currency: 'EUR',
        total: '5',
        lineItems: [],
      },
    };
    expect(genericEventOf('checkout.updated', Buffer.from(JSON.stringify(checkout)))).toMatchObject({
      kind: 'checkout',
      checkout: { token: 'cart-77', updatedAt: '2025-05-14T10:00:00.000Z', total: '5.00' },
    });
    expect(
      genericEventOf('customer.created', Buffer.from('{"customer":{"email":"bo@example.com"}}')),
    ).toEqual({
      kind: 'customer',
      customer: { email: 'bo@example.com' },
    });
  });

  it.each([
    ['order.created', '{"customer":{"email":"a@example.com"}}', 'order'],
    ['checkout.updated', '{}', 'checkout'],
    ['customer.created', '{"order":null}', 'order'],
  ])('refuses %s without what the topic needs (%s)', (topic, body, field) => {
    try {
      genericEventOf(topic, Buffer.from(body));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MalformedWebhookError);
      expect(Object.keys((error as MalformedWebhookError).extra.fields ?? {})).toContain(field);
    }
  });

  it('needs the documented topic and delivery id headers', () => {
    const body = Buffer.from(JSON.stringify(order));
    const headers = seedHeaders(body, 'order.created', 'secret-secret-secret', 'delivery-1');
    expect(genericShopProvider.judge({ headers, body })).toEqual({
      accept: true,
      topic: 'order.created',
      deliveryId: 'delivery-1',
    });
    expect(() =>
      genericShopProvider.judge({ headers: { ...headers, 'x-seed-topic': 'order.updated' }, body }),
    ).toThrow(MalformedWebhookError);
    expect(() =>
      genericShopProvider.judge({ headers: { ...headers, 'x-seed-delivery-id': '' }, body }),
    ).toThrow(MalformedWebhookError);
  });
});
