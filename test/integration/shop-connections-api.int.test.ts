import { describe, expect, it } from 'vitest';
import type { ShopConnection } from '../../shared/shops/shop-connection';
import { apiAs, newWorkspaceId } from '../support/api-client';
import { errorOf } from '../support/raw-api';

describe('shop connections in settings', () => {
  it('creates a connection with a generated secret that only admins see', async () => {
    const workspaceId = newWorkspaceId('shopcon');
    const admin = await apiAs(workspaceId);
    const created = await admin<ShopConnection>('POST', '/api/settings/shop-connections', {
      provider: 'woocommerce',
      name: 'Main shop',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      provider: 'woocommerce',
      name: 'Main shop',
      abandonAfterHours: 4,
      version: 1,
      webhookPath: `/api/webhooks/woocommerce/${created.body.id}`,
    });
    expect(created.body.id).toMatch(new RegExp(`^${workspaceId}\\.[0-9A-Z]{26}$`));
    expect(created.body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.headers.get('etag')).toBe('"1"');

    const sales = await apiAs(workspaceId, ['sales']);
    const asSales = await sales<ShopConnection>('GET', `/api/settings/shop-connections/${created.body.id}`);
    expect(asSales.status).toBe(200);
    expect(asSales.body).not.toHaveProperty('secret');
    const listAsSales = await sales<{ items: ShopConnection[] }>('GET', '/api/settings/shop-connections');
    expect(listAsSales.body.items.map((item) => item.id)).toEqual([created.body.id]);
    expect(JSON.stringify(listAsSales.body)).not.toContain(created.body.secret);
    const asAdmin = await admin<ShopConnection>('GET', `/api/settings/shop-connections/${created.body.id}`);
    expect(asAdmin.body.secret).toBe(created.body.secret);

    expect(
      (await sales('POST', '/api/settings/shop-connections', { provider: 'shop', name: 'x' })).status,
    ).toBe(403);
  });

  it('needs the client secret for Shopify, and cannot rotate it', async () => {
    const admin = await apiAs(newWorkspaceId('shopcon'));
    const missing = await admin('POST', '/api/settings/shop-connections', {
      provider: 'shopify',
      name: 'Shopify',
    });
    expect(missing.status).toBe(400);
    expect(errorOf(missing).fields).toHaveProperty('secret');
    const created = await admin<ShopConnection>('POST', '/api/settings/shop-connections', {
      provider: 'shopify',
      name: 'Shopify',
      secret: 'shpss_0123456789abcdef0123456789abcdef',
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toBe('shpss_0123456789abcdef0123456789abcdef');
    const rotate = await admin('POST', `/api/settings/shop-connections/${created.body.id}/rotate-secret`, {});
    expect(rotate.status).toBe(409);
    expect(errorOf(rotate).code).toBe('shop.secret_from_shopify');
  });

  it('changes, rotates and deletes with versions, and another workspace finds nothing', async () => {
    const workspaceId = newWorkspaceId('shopcon');
    const admin = await apiAs(workspaceId);
    const created = await admin<ShopConnection>('POST', '/api/settings/shop-connections', {
      provider: 'shop',
      name: 'Own shop',
    });
    const path = `/api/settings/shop-connections/${created.body.id}`;

    expect((await admin('PATCH', path, { name: 'Renamed' })).status).toBe(428);
    const changed = await admin<ShopConnection>(
      'PATCH',
      path,
      { name: 'Renamed', abandonAfterHours: 2 },
      { 'if-match': '"1"' },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'Renamed',
      abandonAfterHours: 2,
      version: 2,
      secret: created.body.secret,
    });
    expect((await admin('PATCH', path, { name: 'Stale' }, { 'if-match': '"1"' })).status).toBe(409);
    expect((await admin('PATCH', path, { provider: 'shopify' }, { 'if-match': '"2"' })).status).toBe(400);

    const rotated = await admin<ShopConnection>('POST', `${path}/rotate-secret`, {});
    expect(rotated.status).toBe(201);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect(rotated.body.version).toBe(3);
    expect(rotated.body.previousSecretValidUntil).toBeDefined();
    expect(JSON.stringify(rotated.body)).not.toContain(created.body.secret as string);

    const other = await apiAs(newWorkspaceId('shopcon'));
    for (const [method, suffix, body] of [
      ['GET', '', undefined],
      ['PATCH', '', { name: 'x' }],
      ['DELETE', '', undefined],
      ['POST', '/rotate-secret', {}],
    ] as const) {
      const reply = await other(method, `${path}${suffix}`, body, { 'if-match': '"3"' });
      expect(`${method} ${reply.status} ${errorOf(reply).code}`).toBe(`${method} 404 shop.not_found`);
    }

    expect((await admin('DELETE', path)).status).toBe(204);
    expect((await admin('GET', path)).status).toBe(404);
    expect((await admin('DELETE', path)).status).toBe(404);
  });
});
