import type { z } from 'zod';
import type {
  ShopConnection,
  ShopConnectionInput,
  ShopConnectionPatch,
} from '../../../shared/shops/shop-connection';
import { settingsResource } from '../api/resource-queries';

export const shopConnections = settingsResource<
  ShopConnection,
  z.input<typeof ShopConnectionInput>,
  z.input<typeof ShopConnectionPatch>
>('shop-connections', '/api/settings/shop-connections');
