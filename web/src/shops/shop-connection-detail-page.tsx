import { Alert, Badge, Code, Grid, Group, List, Stack, Text } from '@mantine/core';
import { IconInfoCircle, IconPlugConnectedX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { ShopConnection } from '../../../shared/shops/shop-connection';
import { shopsRoutes } from '../../../shared/shops/shops-routes';
import { useCan } from '../auth/permissions';
import { ConfirmAction } from '../records/confirm-action';
import { DetailItem, DetailList, DetailSection } from '../records/detail-section';
import { DetailError, DetailSkeleton } from '../records/detail-states';
import { EditDialog } from '../records/edit-dialog';
import { RotateSecret } from '../records/rotate-secret';
import { BackLink } from '../ui/back-link';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { CopyableValue, SecretValue } from '../ui/secret-value';
import { useToast } from '../ui/toaster';
import { ShopConnectionForm } from './shop-connection-form';
import { providerLabels, providerTopics, shopConnectionPatchOf } from './shop-connection-form-values';
import { shopConnections } from './shop-connection-queries';

function EditConnection({ connection }: { connection: ShopConnection }) {
  const toast = useToast();
  const save = shopConnections.useSaveChanges(connection);
  const reload = shopConnections.useReload(connection.id);
  return (
    <EditDialog title="Edit shop connection">
      {(close) => (
        <ShopConnectionForm
          // a newer version (after "load the latest") starts the form afresh
          key={connection.version}
          connection={connection}
          submitLabel="Save changes"
          onCancel={close}
          onReload={reload}
          onSave={async (values) => {
            const saved = await save(shopConnectionPatchOf(connection, values));
            if (saved) toast(`${saved.name} saved`);
            close();
          }}
        />
      )}
    </EditDialog>
  );
}

function SetUpSection({ connection, canRotate }: { connection: ShopConnection; canRotate: boolean }) {
  const rotate = shopConnections.useAction(connection.id, 'rotate-secret');
  const previousValid =
    connection.previousSecretValidUntil && Date.parse(connection.previousSecretValidUntil) > Date.now();
  return (
    <DetailSection title="Set up in your shop">
      <Stack gap="md">
        <CopyableValue
          label="Webhook URL"
          description="Paste this address into your shop's webhook settings."
          value={`${window.location.origin}${connection.webhookPath}`}
        />
        {connection.secret ? (
          <SecretValue
            label="Signing secret"
            description="Your shop signs each delivery with it; Seed CRM refuses unsigned ones."
            value={connection.secret}
          />
        ) : (
          <Text size="sm" c="dimmed">
            Only admins can see the signing secret.
          </Text>
        )}
        {previousValid && (
          <Alert color="blue" icon={<IconInfoCircle />} variant="light">
            The previous secret is still accepted until{' '}
            {formatDateTime(connection.previousSecretValidUntil ?? '')}.
          </Alert>
        )}
        <div>
          <Text size="sm" fw={600} mb={4}>
            Topics to subscribe
          </Text>
          <List size="sm" spacing={2}>
            {providerTopics[connection.provider].map((topic) => (
              <List.Item key={topic}>
                <Code>{topic}</Code>
              </List.Item>
            ))}
          </List>
        </div>
        {canRotate &&
          (connection.provider === 'shopify' ? (
            <Text size="sm" c="dimmed">
              Shopify makes this secret: after rotating it in your Shopify app, enter the new one with Edit.
              The previous one keeps working for 24 hours.
            </Text>
          ) : (
            <Group>
              <RotateSecret rotate={rotate}>
                A new secret is made now. The previous secret keeps working for 24 hours, so deliveries go on
                while you enter the new one in {providerLabels[connection.provider]}.
              </RotateSecret>
            </Group>
          ))}
      </Stack>
    </DetailSection>
  );
}

export function ShopConnectionDetailPage() {
  const { connectionId = '' } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const query = useQuery(shopConnections.detailQuery(connectionId));
  const remove = shopConnections.useDelete(connectionId);
  const canEdit = useCan(shopsRoutes.UpdateShopConnection);
  const canDelete = useCan(shopsRoutes.DeleteShopConnection);
  const canRotate = useCan(shopsRoutes.RotateShopConnectionSecret);

  if (query.isPending) return <DetailSkeleton />;
  if (query.isError) {
    return (
      <DetailError
        error={query.error}
        what="shop connection"
        backTo="/settings/shops"
        onRetry={() => query.refetch()}
      />
    );
  }
  const connection = query.data;
  const disconnect = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        toast(`${connection.name} disconnected`);
        navigate('/settings/shops', { replace: true });
      },
    });

  return (
    <Stack gap="lg">
      <BackLink to="/settings/shops">Shop connections</BackLink>
      <PageHeader
        title={connection.name}
        description={
          <Badge variant="light" tt="none">
            {providerLabels[connection.provider]}
          </Badge>
        }
        actions={
          <>
            {canEdit && <EditConnection connection={connection} />}
            {canDelete && (
              <ConfirmAction
                label="Disconnect"
                icon={<IconPlugConnectedX size={16} />}
                title="Disconnect this shop?"
                confirmLabel="Disconnect"
                onConfirm={disconnect}
                pending={remove.isPending}
                error={remove.error}
              >
                <Text>
                  <Text span fw={600}>
                    {connection.name}
                  </Text>{' '}
                  will be disconnected: its webhook address answers “not found” from now on. Contacts and
                  orders it brought in stay.
                </Text>
              </ConfirmAction>
            )}
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <SetUpSection connection={connection} canRotate={canRotate} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <DetailSection title="Details">
            <DetailList>
              <DetailItem label="Platform">{providerLabels[connection.provider]}</DetailItem>
              <DetailItem label="Abandoned cart">{`after ${connection.abandonAfterHours} h`}</DetailItem>
              <DetailItem label="Secret set">{formatDateTime(connection.secretUpdatedAt)}</DetailItem>
              <DetailItem label="Connected">{formatDateTime(connection.createdAt)}</DetailItem>
            </DetailList>
          </DetailSection>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
