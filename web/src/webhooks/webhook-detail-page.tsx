import { Alert, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { IconKey, IconPlayerPause, IconPlayerPlay, IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { outboundWebhooksRoutes } from '../../../shared/outbound-webhooks/outbound-webhooks-routes';
import type { WebhookSubscription } from '../../../shared/outbound-webhooks/webhook-subscription';
import { messageOf } from '../api/api-error';
import { useCan } from '../auth/permissions';
import { ConfirmDelete } from '../records/confirm-delete';
import { DetailItem, DetailList, DetailSection } from '../records/detail-section';
import { DetailError, DetailSkeleton } from '../records/detail-states';
import { EditDialog } from '../records/edit-dialog';
import { RotateSecret } from '../records/rotate-secret';
import { BackLink } from '../ui/back-link';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { SecretValue } from '../ui/secret-value';
import { useToast } from '../ui/toaster';
import { attemptOutcome, DeliveryLog, toneOf } from './delivery-log';
import { WebhookSubscriptionForm } from './webhook-subscription-form';
import { webhookPatchOf } from './webhook-subscription-form-values';
import { ActiveBadge, EventTypeBadges, webhookTitle } from './webhook-subscription-parts';
import { useSendTestEvent, webhookSubscriptions } from './webhook-subscription-queries';

function newSecretOf(state: unknown): string | undefined {
  return typeof state === 'object' &&
    state !== null &&
    'newSecret' in state &&
    typeof state.newSecret === 'string'
    ? state.newSecret
    : undefined;
}

function EditWebhook({ subscription }: { subscription: WebhookSubscription }) {
  const toast = useToast();
  const save = webhookSubscriptions.useSaveChanges(subscription);
  const reload = webhookSubscriptions.useReload(subscription.id);
  return (
    <EditDialog title="Edit webhook">
      {(close) => (
        <WebhookSubscriptionForm
          // a newer version (after "load the latest") starts the form afresh
          key={subscription.version}
          subscription={subscription}
          submitLabel="Save changes"
          onCancel={close}
          onReload={reload}
          onSave={async (values) => {
            if (await save(webhookPatchOf(subscription, values))) toast('Webhook saved');
            close();
          }}
        />
      )}
    </EditDialog>
  );
}

function ToggleActive({ subscription }: { subscription: WebhookSubscription }) {
  const toast = useToast();
  const update = webhookSubscriptions.useUpdate(subscription.id);
  const next = !subscription.active;
  return (
    <Button
      variant="default"
      leftSection={next ? <IconPlayerPlay size={16} /> : <IconPlayerPause size={16} />}
      loading={update.isPending}
      onClick={() =>
        update.mutate(
          { version: subscription.version, patch: { active: next } },
          {
            onSuccess: () => toast(next ? 'Webhook activated' : 'Webhook deactivated'),
            onError: (error) => toast(messageOf(error)),
          },
        )
      }
    >
      {next ? 'Activate' : 'Deactivate'}
    </Button>
  );
}

function SendTestEvent({ subscription }: { subscription: WebhookSubscription }) {
  const toast = useToast();
  const send = useSendTestEvent(subscription.id);
  return (
    <Button
      variant="default"
      leftSection={<IconSend size={16} />}
      loading={send.isPending}
      onClick={() =>
        send.mutate(subscription.id, {
          onSuccess: (delivery) => toast(attemptOutcome('Test event', delivery), { tone: toneOf(delivery) }),
          onError: (error) => toast(messageOf(error)),
        })
      }
    >
      Send test event
    </Button>
  );
}

function SigningSection({
  subscription,
  newSecret,
  onRotated,
  canManage,
}: {
  subscription: WebhookSubscription;
  newSecret: string | undefined;
  onRotated(secret: string | undefined): void;
  canManage: boolean;
}) {
  const rotate = webhookSubscriptions.useAction(subscription.id, 'rotate-secret');
  const previousValid =
    subscription.previousSecretExpiresAt && Date.parse(subscription.previousSecretExpiresAt) > Date.now();
  return (
    <DetailSection title="Signing secret">
      <Stack gap="md">
        {newSecret && (
          <Alert color="teal" icon={<IconKey />} title="Copy the new signing secret now" role="status">
            <Stack gap="sm">
              <Text size="sm">
                Your receiver checks each delivery's <code>Seed-Webhook-Signature</code> with it. Keep it
                somewhere safe: this box goes away when you leave the page.
              </Text>
              <SecretValue label="New signing secret" value={newSecret} shown />
            </Stack>
          </Alert>
        )}
        {!newSecret && subscription.secret && (
          <SecretValue label="Current secret" value={subscription.secret} />
        )}
        {!subscription.secret && !newSecret && (
          <Text size="sm" c="dimmed">
            Only admins can see the signing secret.
          </Text>
        )}
        {previousValid && (
          <Text size="sm" c="dimmed">
            Deliveries are also signed with the previous secret until{' '}
            {formatDateTime(subscription.previousSecretExpiresAt ?? '')}.
          </Text>
        )}
        <Text size="sm" c="dimmed">
          Each delivery carries <code>Seed-Webhook-Signature: v1=…</code>, the hex HMAC-SHA256 of{' '}
          <code>{'<Seed-Webhook-Timestamp>.<raw body>'}</code> with this secret.
        </Text>
        {canManage && (
          <Group>
            <RotateSecret rotate={rotate} onRotated={(rotated) => onRotated(rotated.secret)}>
              A new secret is made now. For the next 24 hours every delivery carries two signatures, the new
              one and the previous one, so you can update your receiver whenever it suits you.
            </RotateSecret>
          </Group>
        )}
      </Stack>
    </DetailSection>
  );
}

export function WebhookDetailPage() {
  const { subscriptionId = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const toast = useToast();
  // the secret of a new or rotated subscription, shown until the user leaves the page
  const [newSecret, setNewSecret] = useState(() => newSecretOf(location.state));
  // kept in this page only: the history entry (which the browser may keep on disk) forgets it at once
  useEffect(() => {
    if (newSecretOf(location.state)) navigate({ search: location.search }, { replace: true, state: null });
  }, [location.state, location.search, navigate]);
  const query = useQuery(webhookSubscriptions.detailQuery(subscriptionId));
  const remove = webhookSubscriptions.useDelete(subscriptionId);
  const canManage = useCan(outboundWebhooksRoutes.UpdateWebhookSubscription);
  const canDelete = useCan(outboundWebhooksRoutes.DeleteWebhookSubscription);
  const canTest = useCan(outboundWebhooksRoutes.SendWebhookTestEvent);
  const canReadLog = useCan(outboundWebhooksRoutes.ListOutboundWebhookDeliveries);

  if (query.isPending) return <DetailSkeleton />;
  if (query.isError) {
    return (
      <DetailError
        error={query.error}
        what="webhook"
        backTo="/settings/webhooks"
        onRetry={() => query.refetch()}
      />
    );
  }
  const subscription = query.data;
  const title = webhookTitle(subscription);
  const deleteWebhook = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        toast('Webhook deleted');
        navigate('/settings/webhooks', { replace: true });
      },
    });

  return (
    <Stack gap="lg">
      <BackLink to="/settings/webhooks">Webhooks</BackLink>
      <PageHeader
        title={title}
        description={
          <Group gap="xs">
            <ActiveBadge active={subscription.active} />
            {subscription.description}
          </Group>
        }
        actions={
          <>
            {canManage && <EditWebhook subscription={subscription} />}
            {canManage && <ToggleActive subscription={subscription} />}
            {canTest && <SendTestEvent subscription={subscription} />}
            {canDelete && (
              <ConfirmDelete
                what="webhook"
                name={subscription.url}
                consequence={<Text size="sm">Deliveries not sent yet never will be; its log goes too.</Text>}
                onConfirm={deleteWebhook}
                pending={remove.isPending}
                error={remove.error}
              />
            )}
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <SigningSection
            subscription={subscription}
            newSecret={newSecret}
            onRotated={setNewSecret}
            canManage={canManage}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <DetailSection title="Details">
            <DetailList>
              <DetailItem label="URL">{subscription.url}</DetailItem>
              <DetailItem label="Events">
                <EventTypeBadges eventTypes={subscription.eventTypes} max={20} />
              </DetailItem>
              <DetailItem label="Description">{subscription.description}</DetailItem>
              <DetailItem label="Created">{formatDateTime(subscription.createdAt)}</DetailItem>
            </DetailList>
          </DetailSection>
        </Grid.Col>
      </Grid>
      {canReadLog && <DeliveryLog subscriptionId={subscription.id} />}
    </Stack>
  );
}
