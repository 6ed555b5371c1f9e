import { Paper, Stack } from '@mantine/core';
import { useNavigate } from 'react-router';
import { BackLink } from '../ui/back-link';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import { WebhookSubscriptionForm } from './webhook-subscription-form';
import { webhookInputOf } from './webhook-subscription-form-values';
import { webhookPage, webhookSubscriptions } from './webhook-subscription-queries';

export function WebhookNewPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const create = webhookSubscriptions.useCreate();
  return (
    <Stack gap="lg" maw={720}>
      <BackLink to="/settings/webhooks">Webhooks</BackLink>
      <PageHeader title="New webhook" />
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <WebhookSubscriptionForm
          submitLabel="Create webhook"
          onCancel={() => navigate('/settings/webhooks')}
          onSave={async (values) => {
            const subscription = await create.mutateAsync(webhookInputOf(values));
            toast('Webhook created');
            // the new secret is shown once, on the page the user lands on
            navigate(webhookPage(subscription.id), { state: { newSecret: subscription.secret } });
          }}
        />
      </Paper>
    </Stack>
  );
}
