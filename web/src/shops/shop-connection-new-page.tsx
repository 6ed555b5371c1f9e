import { Paper, Stack } from '@mantine/core';
import { useNavigate } from 'react-router';
import { BackLink } from '../ui/back-link';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import { ShopConnectionForm } from './shop-connection-form';
import { shopConnectionInputOf } from './shop-connection-form-values';
import { shopConnectionPage, shopConnections } from './shop-connection-queries';

export function ShopConnectionNewPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const create = shopConnections.useCreate();
  return (
    <Stack gap="lg" maw={720}>
      <BackLink to="/settings/shops">Shop connections</BackLink>
      <PageHeader
        title="Connect a shop"
        description="Next you get the address to paste into your shop's webhook settings."
      />
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <ShopConnectionForm
          submitLabel="Connect shop"
          onCancel={() => navigate('/settings/shops')}
          onSave={async (values) => {
            const connection = await create.mutateAsync(shopConnectionInputOf(values));
            toast(`${connection.name} connected`);
            navigate(shopConnectionPage(connection.id));
          }}
        />
      </Paper>
    </Stack>
  );
}
