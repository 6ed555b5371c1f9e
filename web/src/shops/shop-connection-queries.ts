import type * as z from 'zod/mini';
import type {
  ShopConnection,
  ShopConnectionInput,
  ShopConnectionPatch,
} from '../../../shared/shops/shop-connection';
import { settingsResource } from '../api/resource-queries';
import { recordPath } from '../records/record-path';

export const shopConnections = settingsResource<
  ShopConnection,
  z.input<typeof ShopConnectionInput>,
  z.input<typeof ShopConnectionPatch>
>('shop-connections', '/api/settings/shop-connections');

/** A connection's page in the app. */
export const shopConnectionPage = (id: string) => recordPath('/settings/shops', id);
