import {
  Alert,
  Button,
  Group,
  List,
  Menu,
  Paper,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBraces, IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { EmailTemplate } from '../../../shared/email-templates/email-template';
import { emailTemplatesRoutes } from '../../../shared/email-templates/email-templates-routes';
import { ApiError } from '../api/api-error';
import { useCan } from '../auth/permissions';
import { ContactPicker } from '../contacts/contact-picker';
import { ConfirmDelete } from '../records/confirm-delete';
import { LoadError } from '../records/list-states';
import { BackLink } from '../ui/back-link';
import { PageHeader } from '../ui/page-header';
import { PageLoader } from '../ui/page-loader';
import { useToast } from '../ui/toaster';
import { type BrowserCompile, compileInBrowser } from './browser-compile';
import { CompileStatusBadge } from './compile-status-badge';
import { mjmlStarter } from './mjml-starter';
import {
  mergeFieldsQuery,
  templatePreviewQuery,
  templateQuery,
  useCreateTemplate,
  useDeleteTemplate,
  useSendTestEmail,
  useUpdateTemplate,
} from './template-queries';

interface Draft {
  name: string;
  subject: string;
  preheader: string;
  mjml: string;
}
type Part = 'subject' | 'preheader' | 'mjml';

const newDraft: Draft = {
  name: 'Monthly newsletter',
  subject: 'News for you, {{ contact.firstName | default: "friend" }}',
  preheader: '',
  mjml: mjmlStarter,
};

const draftOf = (template: EmailTemplate): Draft => ({
  name: template.name,
  subject: template.subject,
  preheader: template.preheader ?? '',
  mjml: template.mjml,
});

/** `/email/templates/new` and `/email/templates/:templateId`: the editor, new or loaded. */
export function EmailTemplateEditorPage() {
  const { templateId } = useParams();
  if (!templateId || templateId === 'new') return <TemplateEditor key="new" />;
  return <LoadedTemplateEditor key={templateId} templateId={templateId} />;
}

function LoadedTemplateEditor({ templateId }: { templateId: string }) {
  const query = useQuery(templateQuery(templateId));
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  return <TemplateEditor template={query.data} />;
}

/** Where a save's errors point: `mjml:12:7` → "MJML, line 12, column 7". */
const partLabels: Record<string, string> = { subject: 'Subject', preheader: 'Preheader', mjml: 'MJML' };

function TemplateEditor({ template }: { template?: EmailTemplate }) {
  const navigate = useNavigate();
  const toast = useToast();
  const canEdit = useCan(emailTemplatesRoutes.UpdateEmailTemplate);
  const [draft, setDraft] = useState<Draft>(template ? draftOf(template) : newDraft);
  const saved = template ? draftOf(template) : undefined;
  const dirty = !saved || (Object.keys(draft) as (keyof Draft)[]).some((key) => draft[key] !== saved[key]);
  const create = useCreateTemplate();
  const update = useUpdateTemplate(template?.id ?? '');
  const remove = useDeleteTemplate(template?.id ?? '');
  const saving = create.isPending || update.isPending;
  const saveError = create.error ?? update.error;

  const fields = useRef<Record<Part, HTMLInputElement | HTMLTextAreaElement | null>>({
    subject: null,
    preheader: null,
    mjml: null,
  });
  const [lastFocused, setLastFocused] = useState<Part>('mjml');

  const set = (key: keyof Draft) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setDraft((current) => ({ ...current, [key]: value }));
  };

  /** Puts `{{ path }}` where the cursor is in the field last used (the MJML by default). */
  function insertMergeField(path: string) {
    const element = fields.current[lastFocused];
    const tag = `{{ ${path} }}`;
    const value = draft[lastFocused];
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    setDraft((current) => ({ ...current, [lastFocused]: value.slice(0, start) + tag + value.slice(end) }));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + tag.length, start + tag.length);
    });
  }

  function save() {
    const body = {
      name: draft.name,
      subject: draft.subject,
      mjml: draft.mjml,
    };
    if (!template) {
      create.mutate(
        { ...body, ...(draft.preheader.trim() ? { preheader: draft.preheader } : {}) },
        {
          onSuccess: (created) => {
            toast('Template saved');
            navigate(`/email/templates/${created.id}`, { replace: true });
          },
        },
      );
      return;
    }
    update.mutate(
      {
        version: template.version,
        patch: { ...body, preheader: draft.preheader.trim() ? draft.preheader : null },
      },
      { onSuccess: () => toast('Template saved') },
    );
  }

  const fieldErrors = saveError instanceof ApiError ? saveError.fields : {};
  const mergeErrors = Object.entries(fieldErrors).filter(([key]) => key.includes(':'));
  const inputError = (name: string) => fieldErrors[name];

  return (
    <Stack gap="lg" maw={1400}>
      <BackLink to="/email/templates">Email templates</BackLink>
      <PageHeader
        title={template ? template.name : 'New template'}
        description={
          template ? (
            <Group gap="xs">
              <CompileStatusBadge compile={template.compile} />
              {dirty && <Text size="sm">Unsaved changes</Text>}
            </Group>
          ) : (
            'Write the email in MJML; it is compiled to HTML for every mail client when you save.'
          )
        }
        actions={
          <>
            {canEdit && (
              <Button
                leftSection={<IconDeviceFloppy size={16} />}
                onClick={save}
                loading={saving}
                disabled={!dirty}
              >
                Save
              </Button>
            )}
            {template && canEdit && (
              <ConfirmDelete
                what="template"
                name={template.name}
                consequence={<Text size="sm">Campaigns already scheduled keep their own copy.</Text>}
                onConfirm={() =>
                  remove.mutate(undefined, {
                    onSuccess: () => {
                      toast(`${template.name} deleted`);
                      navigate('/email/templates', { replace: true });
                    },
                  })
                }
                pending={remove.isPending}
                error={remove.error}
              />
            )}
          </>
        }
      />
      {saveError && (
        <Alert color="red" title={saveError.message}>
          {mergeErrors.length > 0 && (
            <List size="sm" aria-label="Merge field errors">
              {mergeErrors.map(([key, message]) => (
                <List.Item key={key}>
                  {partLabels[key.split(':')[0] ?? ''] ?? key}: {message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {template?.compile.status === 'invalid' && template.compile.version === template.version && (
        <Alert color="red" title="The saved MJML has errors">
          <List size="sm" aria-label="Compile errors">
            {(template.compile.errors ?? []).map((error) => (
              <List.Item key={`${error.line}:${error.message}`}>
                {error.line ? `Line ${error.line}: ` : ''}
                {error.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="sm" miw={0}>
          <TextInput
            label="Name"
            value={draft.name}
            onChange={set('name')}
            error={inputError('name')}
            readOnly={!canEdit}
            required
          />
          <TextInput
            label="Subject"
            value={draft.subject}
            onChange={set('subject')}
            onFocus={() => setLastFocused('subject')}
            ref={(element) => {
              fields.current.subject = element;
            }}
            error={inputError('subject')}
            readOnly={!canEdit}
            required
          />
          <TextInput
            label="Preheader"
            description="The preview text inbox lists show after the subject."
            value={draft.preheader}
            onChange={set('preheader')}
            onFocus={() => setLastFocused('preheader')}
            ref={(element) => {
              fields.current.preheader = element;
            }}
            error={inputError('preheader')}
            readOnly={!canEdit}
          />
          <Group justify="space-between" align="flex-end" wrap="nowrap">
            <Text size="sm" fw={500} component="label" htmlFor="template-mjml">
              MJML
            </Text>
            {canEdit && <MergeFieldMenu onPick={insertMergeField} />}
          </Group>
          <Textarea
            id="template-mjml"
            aria-label="MJML"
            value={draft.mjml}
            onChange={set('mjml')}
            onFocus={() => setLastFocused('mjml')}
            ref={(element) => {
              fields.current.mjml = element;
            }}
            error={inputError('mjml')}
            readOnly={!canEdit}
            autosize
            minRows={16}
            maxRows={40}
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          />
        </Stack>
        <Tabs defaultValue="live" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="live">Live preview</Tabs.Tab>
            <Tabs.Tab value="contact" disabled={!template}>
              As a contact
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="live" pt="sm">
            <LivePreview mjml={draft.mjml} />
          </Tabs.Panel>
          {template && (
            <Tabs.Panel value="contact" pt="sm">
              <ContactPreview template={template} dirty={dirty} />
            </Tabs.Panel>
          )}
        </Tabs>
      </SimpleGrid>
    </Stack>
  );
}

function MergeFieldMenu({ onPick }: { onPick(path: string): void }) {
  const catalog = useQuery(mergeFieldsQuery());
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="light" size="xs" leftSection={<IconBraces size={14} />}>
          Insert merge field
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={360} style={{ overflowY: 'auto' }}>
        {catalog.isError && <Menu.Label>Could not load the merge fields</Menu.Label>}
        {(catalog.data?.fields ?? []).map((field) => (
          <Menu.Item key={field.path} onClick={() => onPick(field.path)}>
            <Text size="sm">{field.label}</Text>
            <Text size="xs" c="dimmed" ff="monospace">
              {field.path}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** An email's HTML in a sandboxed frame: no script runs and no link navigates the app. */
function EmailFrame({ html, title }: { html: string; title: string }) {
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <iframe
        title={title}
        sandbox=""
        srcDoc={html}
        style={{ width: '100%', height: 640, border: 0, display: 'block', background: '#fff' }}
      />
    </Paper>
  );
}

/** The MJML compiled in the browser as it is typed (mjml-browser is loaded on this page only). */
function LivePreview({ mjml }: { mjml: string }) {
  const [source] = useDebouncedValue(mjml, 400);
  const [result, setResult] = useState<BrowserCompile | undefined>();
  useEffect(() => {
    let current = true;
    compileInBrowser(source).then((compiled) => {
      if (current) setResult(compiled);
    });
    return () => {
      current = false;
    };
  }, [source]);
  if (!result) return <Text c="dimmed">Compiling…</Text>;
  return (
    <Stack gap="xs">
      {result.errors.length > 0 && (
        <Alert color="orange" title="MJML errors">
          <List size="sm" aria-label="Live MJML errors">
            {result.errors.map((error) => (
              <List.Item key={`${error.line}:${error.message}`}>
                {error.line ? `Line ${error.line}: ` : ''}
                {error.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <EmailFrame html={result.html} title="Live preview" />
    </Stack>
  );
}

/** The server's compiled HTML merged for a contact, and a test send of it to the signed-in member. */
function ContactPreview({ template, dirty }: { template: EmailTemplate; dirty: boolean }) {
  const toast = useToast();
  const [contactId, setContactId] = useState<string | null>(null);
  const ready = template.compile.status === 'ready' && template.compile.version === template.version;
  const preview = useQuery({
    ...templatePreviewQuery(template.id, template.version, contactId),
    enabled: ready,
  });
  const testSend = useSendTestEmail(template.id);
  const canSend = useCan(emailTemplatesRoutes.SendTestEmail);
  return (
    <Stack gap="sm">
      <ContactPicker
        label="Preview as"
        placeholder="Search contacts (empty: fallbacks)"
        value={contactId}
        onChange={setContactId}
        clearable
      />
      {dirty && <Text size="sm">Save to see your latest changes here.</Text>}
      {!ready ? (
        <Text c="dimmed">
          {template.compile.status === 'compiling'
            ? 'The server is compiling this version…'
            : 'Fix the errors and save.'}
        </Text>
      ) : preview.isError ? (
        <LoadError error={preview.error} onRetry={() => preview.refetch()} />
      ) : preview.data ? (
        <>
          <Text size="sm">
            <Text span c="dimmed">
              Subject:{' '}
            </Text>
            <span data-testid="preview-subject">{preview.data.subject}</span>
          </Text>
          <EmailFrame html={preview.data.html} title="Preview as a contact" />
        </>
      ) : (
        <Text c="dimmed">Loading the preview…</Text>
      )}
      {canSend && (
        <Group>
          <Button
            variant="light"
            leftSection={<IconSend size={16} />}
            disabled={!ready}
            loading={testSend.isPending}
            onClick={() =>
              testSend.mutate(contactId, { onSuccess: (sent) => toast(`Test email sent to ${sent.to}`) })
            }
          >
            Send a test to me
          </Button>
          {testSend.error && (
            <Text size="sm" c="red">
              {testSend.error.message}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
