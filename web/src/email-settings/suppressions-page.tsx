import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconBan, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EmailAddress } from '../../../shared/contacts/email-address';
import { emailRoutes } from '../../../shared/email/email-routes';
import type { Suppression, SuppressionReason } from '../../../shared/email/email-settings';
import { messageOf } from '../api/api-error';
import { useCan } from '../auth/permissions';
import { ConfirmAction } from '../records/confirm-action';
import { CursorPager } from '../records/cursor-pager';
import { ListEmpty, ListSkeleton, LoadError } from '../records/list-states';
import { useCursorPages } from '../records/use-cursor-pages';
import { BackLink } from '../ui/back-link';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import { suppressionsQuery, useAddSuppression, useRemoveSuppression } from './email-settings-queries';

const reasonLabels: Record<SuppressionReason, string> = {
  hard_bounce: 'Hard bounce',
  soft_bounces: 'Repeated soft bounces',
  complaint: 'Complaint',
  manual: 'Added by hand',
};

function AddSuppression() {
  const add = useAddSuppression();
  const toast = useToast();
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = EmailAddress.safeParse(email);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'This is not an email address.');
      return;
    }
    setProblem(undefined);
    add.mutate(parsed.data, {
      onSuccess: () => {
        toast(`${parsed.data} suppressed`);
        setEmail('');
      },
      onError: (error) => setProblem(messageOf(error)),
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Suppress an address">
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label="Suppress an address"
          placeholder="name@example.com"
          type="email"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={problem}
          w={{ base: '100%', xs: 320 }}
        />
        <Button
          type="submit"
          mt={{ base: 0, xs: 25 }}
          leftSection={<IconPlus size={16} />}
          loading={add.isPending}
        >
          Suppress
        </Button>
      </Group>
    </form>
  );
}

function RemoveSuppression({ suppression }: { suppression: Suppression }) {
  const remove = useRemoveSuppression();
  const toast = useToast();
  const who = suppression.email ?? 'this erased address';
  return (
    <ConfirmAction
      label="Remove"
      title="Lift this suppression?"
      confirmLabel="Remove from the list"
      variant="subtle"
      pending={remove.isPending}
      error={remove.error}
      buttonProps={{ size: 'xs', 'aria-label': `Remove ${who} from the suppression list` }}
      onConfirm={(close) =>
        remove.mutate(suppression.addressHash, {
          onSuccess: () => {
            toast(`${who} may be mailed again`);
            close();
          },
        })
      }
    >
      <Text size="sm">
        Campaigns will mail {who} again. Do this only when the address was fixed; an address that complained
        should stay suppressed.
      </Text>
    </ConfirmAction>
  );
}

/** The workspace's suppressed addresses with why; marketing adds by hand, admins lift a suppression. */
export function SuppressionsPage() {
  const pages = useCursorPages();
  const query = useQuery(suppressionsQuery(pages.cursor));
  const canAdd = useCan(emailRoutes.AddSuppression);
  const canRemove = useCan(emailRoutes.RemoveSuppression);
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const what = (suppression: Suppression) => (
    <>
      <Badge variant="light" color={suppression.reason === 'manual' ? 'gray' : 'red'} tt="none" size="sm">
        {reasonLabels[suppression.reason]}
      </Badge>
      {suppression.detail && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {suppression.detail}
        </Text>
      )}
    </>
  );
  return (
    <Stack gap="lg" maw={1080}>
      <BackLink to="/settings/email">Email settings</BackLink>
      <PageHeader
        title="Suppression list"
        description="Addresses no campaign mails again: hard bounces, complaints, repeated soft bounces and those added by hand."
      />
      {canAdd && <AddSuppression />}
      {query.isPending ? (
        <ListSkeleton rows={3} />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} onRestart={pages.first} />
      ) : query.data.items.length === 0 && !pages.hasPrevious ? (
        <ListEmpty
          icon={<IconBan />}
          title="No suppressed address"
          description="Addresses that bounce for good or complain are added here on their own."
        />
      ) : isPhone ? (
        <Stack gap="xs" aria-label="Suppressed addresses">
          {query.data.items.map((suppression) => (
            <Paper key={suppression.addressHash} withBorder radius="md" p="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={4} miw={0}>
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {suppression.email ?? 'An erased address'}
                  </Text>
                  {what(suppression)}
                  <Text size="xs" c="dimmed">
                    {formatDateTime(suppression.suppressedAt)}
                  </Text>
                </Stack>
                {canRemove && <RemoveSuppression suppression={suppression} />}
              </Group>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Paper withBorder radius="md">
          <Table verticalSpacing="sm" horizontalSpacing="md" fz="sm" aria-label="Suppressed addresses">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Address</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th>Since</Table.Th>
                {canRemove && <Table.Th aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((suppression) => (
                <Table.Tr key={suppression.addressHash}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {suppression.email ?? 'An erased address'}
                  </Table.Td>
                  <Table.Td>{what(suppression)}</Table.Td>
                  <Table.Td>{formatDateTime(suppression.suppressedAt)}</Table.Td>
                  {canRemove && (
                    <Table.Td ta="right">
                      <RemoveSuppression suppression={suppression} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {query.data && (
        <CursorPager
          pages={pages}
          nextCursor={query.data.nextCursor}
          loading={query.isFetching}
          label="Suppressed addresses"
        />
      )}
    </Stack>
  );
}
