import { Badge, Text } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ShopConnection } from '../../../shared/shops/shop-connection';
import { shopsRoutes } from '../../../shared/shops/shops-routes';
import { useCan } from '../auth/permissions';
import { type SettingsColumn, SettingsListPage } from '../records/settings-list';
import { formatDate } from '../ui/format';
import { providerLabels } from './shop-connection-form-values';
import { shopConnectionPage, shopConnections } from './shop-connection-queries';

const columns: SettingsColumn<ShopConnection>[] = [
  {
    header: 'Platform',
    cell: (connection) => (
      <Badge variant="light" tt="none">
        {providerLabels[connection.provider]}
      </Badge>
    ),
  },
  { header: 'Abandoned after', cell: (connection) => `${connection.abandonAfterHours} h` },
  {
    header: 'Connected',
    cell: (connection) => (
      <Text size="sm" c="dimmed">
        {formatDate(connection.createdAt)}
      </Text>
    ),
  },
];

export function ShopConnectionsPage() {
  const canCreate = useCan(shopsRoutes.CreateShopConnection);
  return (
    <SettingsListPage
      title="Shop connections"
      description="Shops that send their customers, orders and carts to Seed CRM by webhook."
      query={useQuery(shopConnections.listQuery())}
      create={canCreate ? { label: 'Connect a shop', to: '/settings/shops/new' } : undefined}
      empty={{
        icon: <IconBuildingStore />,
        title: 'No shops connected yet',
        description: 'Connect Shopify, WooCommerce or any shop that can sign a webhook.',
        readOnlyDescription: 'An admin of your workspace can connect your shops.',
      }}
      label="Shop connections"
      keyOf={(connection) => connection.id}
      titleOf={(connection) => connection.name}
      linkOf={(connection) => shopConnectionPage(connection.id)}
      columns={columns}
      minWidth={560}
    />
  );
}
