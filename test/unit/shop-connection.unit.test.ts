import { describe, expect, it } from 'vitest';
import { ContactPatch } from '../../shared/contacts/contact-input';
import { newConnectionId, parseConnectionId } from '../../shared/shops/connection-id';
import { ShopConnectionInput, ShopConnectionPatch } from '../../shared/shops/shop-connection';
import {
  acceptedSecrets,
  generateSecret,
  presentConnection,
  type StoredShopConnection,
} from '../../shared/shops/shop-connections-store';

describe('connection ids', () => {
  it('are <workspaceId>.<ulid>, split at the first dot', () => {
    const id = newConnectionId('acme-1', new Date('2025-05-14T00:00:00Z'));
    expect(id).toMatch(/^acme-1\.[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(parseConnectionId(id)).toEqual({ workspaceId: 'acme-1', key: id.slice(7) });
  });

  it.each([
    '',
    '.01J9ZK3T5Q8W6N4M2P0R7S9V1X',
    'acme-1',
    'acme-1.',
    'acme-1.not-a-ulid',
    'Acme.01J9ZK3T5Q8W6N4M2P0R7S9V1X',
    '-acme.01J9ZK3T5Q8W6N4M2P0R7S9V1X',
    'acme-1.01J9ZK3T5Q8W6N4M2P0R7S9V1X.x',
    'acme#1.01J9ZK3T5Q8W6N4M2P0R7S9V1X',
    `${'a'.repeat(64)}.01J9ZK3T5Q8W6N4M2P0R7S9V1X`,
  ])('refuse %j (answered as 404)', (id) => {
    expect(parseConnectionId(id)).toBeUndefined();
  });
});

describe('shop connection bodies', () => {
  it('need the client secret for Shopify, and generate one for the other platforms', () => {
    expect(
      ShopConnectionInput.safeParse({ provider: 'shopify', name: 'Shop' }).error?.issues[0]?.path,
    ).toEqual(['secret']);
    expect(ShopConnectionInput.safeParse({ provider: 'woocommerce', name: 'Shop' }).success).toBe(true);
    expect(
      ShopConnectionInput.safeParse({ provider: 'shop', name: 'Shop', abandonAfterHours: 0 }).success,
    ).toBe(false);
    expect(ShopConnectionInput.safeParse({ provider: 'shop', name: 'Shop', id: 'x' }).success).toBe(false);
    expect(ShopConnectionPatch.safeParse({}).success).toBe(false);
  });

  it('generated secrets are 32 random bytes, base64url', () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(generateSecret()).not.toBe(secret);
  });
});

describe('connection secrets', () => {
  const stored: StoredShopConnection = {
    id: 'acme-1.01J9ZK3T5Q8W6N4M2P0R7S9V1X',
    provider: 'woocommerce',
    name: 'Shop',
    abandonAfterHours: 4,
    webhookPath: '/api/webhooks/woocommerce/acme-1.01J9ZK3T5Q8W6N4M2P0R7S9V1X',
    secret: 'new-secret',
    previousSecret: 'old-secret',
    previousSecretValidUntil: '2025-05-15T00:00:00.000Z',
    secretUpdatedAt: '2025-05-14T00:00:00.000Z',
    version: 2,
    createdAt: '2025-05-13T00:00:00.000Z',
    updatedAt: '2025-05-14T00:00:00.000Z',
  };

  it('are shown to admins only, and the previous one never', () => {
    expect(presentConnection(stored, true).secret).toBe('new-secret');
    expect(presentConnection(stored, false)).not.toHaveProperty('secret');
    expect(JSON.stringify(presentConnection(stored, true))).not.toContain('old-secret');
  });

  it('accept the previous secret until its grace ends', () => {
    expect(acceptedSecrets(stored, new Date('2025-05-14T23:59:59Z'))).toEqual(['new-secret', 'old-secret']);
    expect(acceptedSecrets(stored, new Date('2025-05-15T00:00:00Z'))).toEqual(['new-secret']);
  });
});

describe('server-owned purchase statistics', () => {
  it('cannot be sent in a contact change', () => {
    const result = ContactPatch.safeParse({ purchases: { count: 99, total: '1.00' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['purchases'] });
  });
});
