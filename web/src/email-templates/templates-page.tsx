import { Button, Stack, Text } from '@mantine/core';
import { IconMailCode, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type * as z from 'zod/mini';
import type { EmailTemplateSummary } from '../../../shared/email-templates/email-template';
import { emailTemplatesRoutes } from '../../../shared/email-templates/email-templates-routes';
import { useCan } from '../auth/permissions';
import { ListEmpty, ListSkeleton, LoadError } from '../records/list-states';
import { type SettingsColumn, SettingsList } from '../records/settings-list';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { CompileStatusBadge } from './compile-status-badge';
import { templatesQuery } from './template-queries';

type Summary = z.output<typeof EmailTemplateSummary>;

const columns: SettingsColumn<Summary>[] = [
  { header: 'Status', cell: (template) => <CompileStatusBadge compile={template.compile} /> },
  {
    header: 'Changed',
    cell: (template) => (
      <Text size="sm" c="dimmed">
        {formatDateTime(template.updatedAt)}
      </Text>
    ),
  },
];

export function EmailTemplatesPage() {
  const query = useQuery(templatesQuery());
  const canCreate = useCan(emailTemplatesRoutes.CreateEmailTemplate);
  const newTemplate = canCreate && (
    <Button component={Link} to="/email/templates/new" leftSection={<IconPlus size={16} />}>
      New template
    </Button>
  );
  return (
    <Stack gap="lg" maw={1080}>
      <PageHeader
        title="Email templates"
        description="Campaign emails written in MJML, with merge fields such as {{ contact.firstName }}."
        actions={newTemplate}
      />
      {query.isPending ? (
        <ListSkeleton rows={3} />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <ListEmpty
          icon={<IconMailCode />}
          title="No templates yet"
          description={
            canCreate
              ? 'Start from the starter template: a greeting with the contact’s name and a button.'
              : 'An admin or marketer of your workspace can create them.'
          }
          action={newTemplate}
        />
      ) : (
        <SettingsList
          items={query.data.items}
          label="Email templates"
          keyOf={(template) => template.id}
          titleOf={(template) => template.name}
          subtitleOf={(template) => template.subject}
          linkOf={(template) => `/email/templates/${template.id}`}
          columns={columns}
          minWidth={560}
        />
      )}
    </Stack>
  );
}
