import { Alert, Anchor, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { emailRoutes } from '../../../shared/email/email-routes';
import { type EmailSettings, EmailSettingsInput } from '../../../shared/email/email-settings';
import { useCan } from '../auth/permissions';
import { DetailError, DetailSkeleton } from '../records/detail-states';
import { focusFirstError, formErrorsOf, formLevel } from '../records/form-errors';
import { FormAlert } from '../records/form-footer';
import { showSaveError } from '../records/form-problem';
import { browserTimeZone } from '../tasks/task-queries';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import { emailSettingsQuery, usePutEmailSettings } from './email-settings-queries';

interface SettingsValues {
  fromName: string;
  fromAddress: string;
  replyTo: string;
  postalAddress: string;
  timeZone: string;
}

const fieldNames = ['fromName', 'fromAddress', 'replyTo', 'postalAddress', 'timeZone'];
const known = (path: string) => fieldNames.includes(path);

function valuesOf(settings: EmailSettings | null): SettingsValues {
  return {
    fromName: settings?.fromName ?? '',
    fromAddress: settings?.fromAddress ?? '',
    replyTo: settings?.replyTo ?? '',
    postalAddress: settings?.postalAddress ?? '',
    timeZone: settings?.timeZone ?? browserTimeZone(),
  };
}

const inputOf = (values: SettingsValues) => ({
  fromName: values.fromName,
  fromAddress: values.fromAddress,
  replyTo: values.replyTo.trim() || undefined,
  postalAddress: values.postalAddress,
  timeZone: values.timeZone,
});

/** The IANA zones the browser knows, the current one first if it is missing (an old browser). */
function useTimeZones(current: string): string[] {
  return useMemo(() => {
    const zones = Intl.supportedValuesOf('timeZone');
    return zones.includes(current) ? zones : [current, ...zones];
  }, [current]);
}

function SettingsForm({ settings, canEdit }: { settings: EmailSettings | null; canEdit: boolean }) {
  const toast = useToast();
  const put = usePutEmailSettings();
  const form = useForm<SettingsValues>({
    initialValues: valuesOf(settings),
    validate: (values) => {
      const parsed = EmailSettingsInput.safeParse(inputOf(values));
      return parsed.success ? {} : formErrorsOf(parsed.error, undefined, known);
    },
  });
  const zones = useTimeZones(form.values.timeZone);
  const submit = form.onSubmit(
    async (values) => {
      try {
        await put.mutateAsync(inputOf(values));
        toast('Email settings saved');
      } catch (error) {
        showSaveError(form, error, known);
      }
    },
    (errors) => focusFirstError(form, errors),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Email settings">
      <Stack gap="md">
        <FormAlert message={form.errors[formLevel]} />
        <TextInput
          label="From name"
          description="Who the mail comes from, as inboxes show it."
          required
          disabled={!canEdit}
          {...form.getInputProps('fromName')}
        />
        <TextInput
          label="From address"
          description={
            settings?.sendingDomain
              ? `An address on ${settings.sendingDomain}, the deployment's verified sending domain.`
              : "An address on the deployment's verified sending domain."
          }
          type="email"
          required
          disabled={!canEdit}
          {...form.getInputProps('fromAddress')}
        />
        <TextInput
          label="Reply-to address"
          description="Where replies go, if not to the from address."
          type="email"
          disabled={!canEdit}
          {...form.getInputProps('replyTo')}
        />
        <Textarea
          label="Postal address"
          description="Every marketing email must show one (CAN-SPAM and the bulk-sender rules)."
          required
          autosize
          minRows={2}
          disabled={!canEdit}
          {...form.getInputProps('postalAddress')}
        />
        <Select
          label="Time zone"
          description="Campaign schedules and reports are in this zone."
          required
          searchable
          allowDeselect={false}
          data={zones}
          disabled={!canEdit}
          limit={100}
          {...form.getInputProps('timeZone')}
        />
        {canEdit && (
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              Save settings
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/**
 * How the workspace sends marketing email: sender, reply-to, the postal address every message shows, and
 * the time zone of schedules and reports; the deployment's SES send rate, shared by every campaign, is
 * shown but set in the deployment. Admins edit; everyone reads.
 */
export function EmailSettingsPage() {
  const query = useQuery(emailSettingsQuery());
  const canEdit = useCan(emailRoutes.PutEmailSettings);
  if (query.isPending) return <DetailSkeleton />;
  if (query.isError) {
    return (
      <DetailError
        error={query.error}
        what="email settings"
        backTo="/contacts"
        onRetry={() => query.refetch()}
      />
    );
  }
  const settings = query.data;
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader
        title="Email settings"
        description="How the workspace sends marketing email. Campaigns cannot be scheduled until these are set."
      />
      {!canEdit && (
        <Text size="sm" c="dimmed">
          Only an admin can change the email settings.
        </Text>
      )}
      {!settings && (
        <Alert color="yellow" icon={<IconInfoCircle />} title="Not set up yet">
          {canEdit
            ? 'Fill these in to send campaigns.'
            : 'An admin must set these up before campaigns can be sent.'}
        </Alert>
      )}
      <SettingsForm key={settings?.version ?? 'new'} settings={settings} canEdit={canEdit} />
      <Paper withBorder radius="md" p="md" component="section" aria-label="Send rate">
        <Text size="sm" fw={600}>
          Send rate
        </Text>
        <Text size="sm" data-testid="send-rate">
          {settings
            ? `${settings.maxSendRate} messages a second, shared by every campaign of the deployment.`
            : 'Shown once the settings are saved.'}
        </Text>
        <Text size="xs" c="dimmed">
          The SES quota of the deployment (CDK context sesMaxSendRate); it is not changed here.
        </Text>
      </Paper>
      <Group justify="space-between">
        <Anchor component={Link} to="/settings/email/suppressions" size="sm">
          Suppression list
        </Anchor>
        {settings && (
          <Text size="xs" c="dimmed">
            Last changed {formatDateTime(settings.updatedAt)}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
