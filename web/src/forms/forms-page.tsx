import { Badge, Text } from '@mantine/core';
import { IconForms } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { Form } from '../../../shared/forms/form';
import { formsRoutes } from '../../../shared/forms/forms-routes';
import { useCan } from '../auth/permissions';
import { type SettingsColumn, SettingsListPage } from '../records/settings-list';
import { TagBadges } from '../records/tag-badges';
import { formatDate } from '../ui/format';
import { formPage, forms } from './form-queries';

const columns: SettingsColumn<Form>[] = [
  {
    header: 'Fields',
    cell: (form) => (
      <Text size="sm" truncate>
        {form.fields.map((field) => field.name).join(', ')}
      </Text>
    ),
  },
  { header: 'Tags', cell: (form) => <TagBadges tags={form.tags} /> },
  {
    header: 'Consent',
    cell: (form) =>
      form.consent ? (
        <Badge variant="light" color={form.consent.doubleOptIn ? 'teal' : 'gray'} tt="none">
          {form.consent.doubleOptIn ? 'Double opt-in' : 'Checkbox'}
        </Badge>
      ) : (
        <Text size="sm" c="dimmed">
          None
        </Text>
      ),
  },
  {
    header: 'Updated',
    cell: (form) => (
      <Text size="sm" c="dimmed">
        {formatDate(form.updatedAt)}
      </Text>
    ),
  },
];

export function FormsPage() {
  const canCreate = useCan(formsRoutes.CreateForm);
  return (
    <SettingsListPage
      title="Forms"
      description="Sign-up and contact forms for your website: each post becomes a contact."
      query={useQuery(forms.listQuery())}
      create={canCreate ? { label: 'New form', to: '/settings/forms/new' } : undefined}
      empty={{
        icon: <IconForms />,
        title: 'No forms yet',
        description: 'Create a form, paste its snippet into a page, and every post becomes a contact.',
        readOnlyDescription: 'An admin or marketer of your workspace can create them.',
      }}
      label="Forms"
      keyOf={(form) => form.id}
      titleOf={(form) => form.name}
      linkOf={(form) => formPage(form.id)}
      columns={columns}
    />
  );
}
