import { Badge, Button, Grid, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { FieldDefinition } from '../../../shared/custom-fields/field-definition';
import type { Form } from '../../../shared/forms/form';
import { formsRoutes } from '../../../shared/forms/forms-routes';
import { useCan } from '../auth/permissions';
import { fieldDefinitionsQuery } from '../custom-fields/field-definition-queries';
import { lists } from '../lists/list-queries';
import { ConfirmDelete } from '../records/confirm-delete';
import { DetailItem, DetailList, DetailSection } from '../records/detail-section';
import { DetailError, DetailSkeleton } from '../records/detail-states';
import { LoadError } from '../records/list-states';
import { TagBadges } from '../records/tag-badges';
import { BackLink } from '../ui/back-link';
import { CodeBlock } from '../ui/code-block';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { CopyableValue } from '../ui/secret-value';
import { useToast } from '../ui/toaster';
import { formEmbedQuery, formPage, forms } from './form-queries';
import { targetLabel } from './form-settings-values';

function EmbedSection({ formId }: { formId: string }) {
  const embed = useQuery(formEmbedQuery(formId));
  return (
    <DetailSection title="Embed on your website">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Paste this HTML where the form should appear. It is a plain form that works without JavaScript;
          style it with your site's CSS.
        </Text>
        {embed.isPending ? (
          <Stack gap="sm" aria-busy="true" aria-label="Loading the snippet">
            <Skeleton height={36} />
            <Skeleton height={160} />
          </Stack>
        ) : embed.isError ? (
          <LoadError error={embed.error} onRetry={() => embed.refetch()} />
        ) : (
          <>
            <CodeBlock title="HTML snippet" code={embed.data.html} />
            <CopyableValue
              label="Public submit URL"
              description="Scripts may post JSON or urlencoded fields here."
              value={embed.data.action}
            />
          </>
        )}
      </Stack>
    </DetailSection>
  );
}

function FieldMapping({ form, definitions }: { form: Form; definitions: readonly FieldDefinition[] }) {
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table verticalSpacing="xs" aria-label="Field mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Input name</Table.Th>
            <Table.Th>Fills</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {form.fields.map((field) => (
            <Table.Tr key={field.name}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" ff="monospace">
                    {field.name}
                  </Text>
                  {field.required && (
                    <Badge size="xs" variant="light">
                      Required
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{targetLabel(field.target, definitions)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function FormSettingsDetails({ form }: { form: Form }) {
  const allLists = useQuery({ ...lists.listQuery(), enabled: form.lists.length > 0 });
  const listNames = form.lists.map(
    (id) => allLists.data?.find((list) => list.id === id)?.name ?? (allLists.data ? 'A deleted list' : '…'),
  );
  return (
    <DetailList>
      <DetailItem label="Tags">{form.tags.length > 0 && <TagBadges tags={form.tags} max={25} />}</DetailItem>
      <DetailItem label="Lists">{listNames.length > 0 && listNames.join(', ')}</DetailItem>
      <DetailItem label="Consent">
        {form.consent && (
          <Stack gap={4}>
            <Text size="sm">{form.consent.text}</Text>
            <Group gap={4}>
              {form.consent.doubleOptIn && (
                <Badge size="sm" variant="light" tt="none">
                  Double opt-in
                </Badge>
              )}
              {form.consent.required && (
                <Badge size="sm" variant="light" color="gray" tt="none">
                  Required
                </Badge>
              )}
            </Group>
          </Stack>
        )}
      </DetailItem>
      <DetailItem label="After posting">{form.successRedirectUrl ?? 'A small thank-you page'}</DetailItem>
      <DetailItem label="Allowed origins">
        {form.allowedOrigins.length > 0 ? form.allowedOrigins.join(', ') : 'Any site'}
      </DetailItem>
      <DetailItem label="Honeypot">
        <Text size="sm" ff="monospace">
          {form.honeypotField}
        </Text>
      </DetailItem>
    </DetailList>
  );
}

export function FormDetailPage() {
  const { formId = '' } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const query = useQuery(forms.detailQuery(formId));
  const definitions = useQuery(fieldDefinitionsQuery('contact'));
  const remove = forms.useDelete(formId);
  const canEdit = useCan(formsRoutes.UpdateForm);
  const canDelete = useCan(formsRoutes.DeleteForm);

  if (query.isPending) return <DetailSkeleton />;
  if (query.isError) {
    return (
      <DetailError error={query.error} what="form" backTo="/settings/forms" onRetry={() => query.refetch()} />
    );
  }
  const form = query.data;
  const deleteForm = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        toast(`${form.name} deleted`);
        navigate('/settings/forms', { replace: true });
      },
    });

  return (
    <Stack gap="lg">
      <BackLink to="/settings/forms">Forms</BackLink>
      <PageHeader
        title={form.name}
        description={`${form.fields.length} ${form.fields.length === 1 ? 'field' : 'fields'}`}
        actions={
          <>
            {canEdit && (
              <Button component={Link} to={formPage(form.id, 'edit')} leftSection={<IconPencil size={16} />}>
                Edit
              </Button>
            )}
            {canDelete && (
              <ConfirmDelete
                what="form"
                name={form.name}
                consequence={
                  <Text size="sm">
                    Pages that still post it get an error. Contacts it made, and their consents, stay.
                  </Text>
                }
                onConfirm={deleteForm}
                pending={remove.isPending}
                error={remove.error}
              />
            )}
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <EmbedSection formId={form.id} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <DetailSection title="Fields">
              <FieldMapping form={form} definitions={definitions.data ?? []} />
            </DetailSection>
            <DetailSection title="Settings">
              <FormSettingsDetails form={form} />
            </DetailSection>
            <Text size="xs" c="dimmed">
              Created {formatDateTime(form.createdAt)} · Updated {formatDateTime(form.updatedAt)}
            </Text>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
