import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type * as z from 'zod/mini';
import { emailRoutes } from '../../../shared/email/email-routes';
import {
  type ConsentChangeSource,
  type EmailPreferences,
  EmailPreferencesInput,
} from '../../../shared/email/email-settings';
import { messageOf } from '../api/api-error';
import { useCan } from '../auth/permissions';
import { DetailSection } from '../records/detail-section';
import { ListSkeleton, LoadError } from '../records/list-states';
import { formatDateTime } from '../ui/format';
import { useToast } from '../ui/toaster';
import { emailPreferencesQuery, usePutEmailPreferences } from './email-settings-queries';

const stateLabels: Record<EmailPreferences['marketing'], { label: string; color: string }> = {
  subscribed: { label: 'Subscribed', color: 'green' },
  unsubscribed: { label: 'Unsubscribed', color: 'red' },
  none: { label: 'No consent', color: 'gray' },
};

const sourceLabels: Record<ConsentChangeSource, string> = {
  form: 'a form',
  member: 'a team member',
  one_click: 'the one-click unsubscribe link',
  preference_page: 'the preference page',
  complaint: 'a spam complaint',
};

type Target = z.output<typeof EmailPreferencesInput>['marketing'];

/** A member records consent given elsewhere, or its withdrawal, always saying where. */
function RecordConsent({ contactId, target, onDone }: { contactId: string; target: Target; onDone(): void }) {
  const put = usePutEmailPreferences(contactId);
  const toast = useToast();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = EmailPreferencesInput.safeParse({ marketing: target, note });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message);
      return;
    }
    setProblem(undefined);
    put.mutate(parsed.data, {
      onSuccess: () => {
        toast(target === 'subscribed' ? 'Consent recorded' : 'Unsubscribed');
        onDone();
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {target === 'subscribed'
            ? 'Only record consent the contact gave you, for marketing email, and say where (a paper form, a call on a given day…).'
            : 'The contact will get no more campaigns. Say where they asked.'}
        </Text>
        <TextInput
          label="Where"
          required
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={problem}
          data-autofocus
          maxLength={300}
        />
        {put.error && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {messageOf(put.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={put.isPending} color={target === 'subscribed' ? undefined : 'red'}>
            {target === 'subscribed' ? 'Record consent' : 'Unsubscribe'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The contact's marketing email state: subscribed, unsubscribed or no consent, from where and when. */
export function ContactEmailPreferences({ contactId }: { contactId: string }) {
  const query = useQuery(emailPreferencesQuery(contactId));
  const canRecord = useCan(emailRoutes.PutContactEmailPreferences);
  const [opened, { open, close }] = useDisclosure(false);
  const [target, setTarget] = useState<Target>('subscribed');
  const start = (next: Target) => {
    setTarget(next);
    open();
  };
  return (
    <DetailSection title="Marketing email">
      {query.isPending ? (
        <ListSkeleton rows={1} />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Stack gap="xs">
          <Group gap="xs">
            <Badge
              variant="light"
              color={stateLabels[query.data.marketing].color}
              tt="none"
              data-testid="marketing-state"
            >
              {stateLabels[query.data.marketing].label}
            </Badge>
          </Group>
          {query.data.changedAt && (
            <Text size="xs" c="dimmed">
              {query.data.source ? `By ${sourceLabels[query.data.source]}, ` : ''}
              {formatDateTime(query.data.changedAt)}
            </Text>
          )}
          {query.data.note && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              “{query.data.note}”
            </Text>
          )}
          {query.data.campaignId && (
            <Anchor component={Link} to={`/email/campaigns/${query.data.campaignId}`} size="sm">
              From a campaign
            </Anchor>
          )}
          {canRecord && (
            <Group gap="xs">
              {query.data.marketing !== 'subscribed' && (
                <Button size="xs" variant="light" onClick={() => start('subscribed')}>
                  Record consent
                </Button>
              )}
              {query.data.marketing === 'subscribed' && (
                <Button size="xs" variant="light" color="red" onClick={() => start('unsubscribed')}>
                  Unsubscribe
                </Button>
              )}
            </Group>
          )}
        </Stack>
      )}
      <Modal
        opened={opened}
        onClose={close}
        title={target === 'subscribed' ? 'Record marketing consent' : 'Unsubscribe from marketing email'}
      >
        <RecordConsent contactId={contactId} target={target} onDone={close} />
      </Modal>
    </DetailSection>
  );
}
