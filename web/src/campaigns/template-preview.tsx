import { Alert, Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { CompileState } from '../../../shared/email-templates/email-template';
import { messageOf } from '../api/api-error';
import { ListSkeleton } from '../records/list-states';
import { templatePreviewQuery, templateQuery } from './campaign-queries';

const compileLabels: Record<CompileState['status'], { label: string; color: string }> = {
  compiling: { label: 'Compiling', color: 'blue' },
  ready: { label: 'Ready', color: 'green' },
  invalid: { label: 'Has errors', color: 'red' },
};

export function CompileBadge({ compile }: { compile: CompileState }) {
  const { label, color } = compileLabels[compile.status];
  return (
    <Badge variant="light" color={color} tt="none">
      {label}
    </Badge>
  );
}

/**
 * A template as the campaign will send it: its compile status (followed while it compiles), then its
 * subject and HTML merged with the fallbacks, in a sandboxed frame (no scripts, no same origin).
 */
export function TemplatePreview({ templateId }: { templateId: string }) {
  const template = useQuery(templateQuery(templateId));
  const ready =
    template.data?.compile.status === 'ready' && template.data.compile.version === template.data.version;
  const preview = useQuery(templatePreviewQuery(templateId, ready ? template.data?.version : undefined));
  if (template.isPending) return <ListSkeleton rows={2} />;
  if (template.isError) {
    return (
      <Alert color="red" icon={<IconAlertCircle />} role="alert">
        {messageOf(template.error)}
      </Alert>
    );
  }
  const { compile } = template.data;
  return (
    <Stack gap="sm" data-testid="template-preview">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          Template
        </Text>
        <CompileBadge compile={compile} />
      </Group>
      {compile.status === 'compiling' && (
        <Text size="sm" c="dimmed">
          The template was just saved and is being compiled; this takes a moment.
        </Text>
      )}
      {compile.status === 'invalid' && (
        <Alert color="red" icon={<IconAlertCircle />} title="The template does not compile" role="alert">
          <Stack gap={2}>
            {(compile.errors ?? []).map((error) => (
              <Text size="sm" key={`${error.line}-${error.message}`}>
                {error.line ? `Line ${error.line}: ` : ''}
                {error.message}
              </Text>
            ))}
            <Text size="sm">Fix it in the template editor before sending.</Text>
          </Stack>
        </Alert>
      )}
      {ready &&
        (preview.isPending ? (
          <ListSkeleton rows={2} />
        ) : preview.isError ? (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {messageOf(preview.error)}
          </Alert>
        ) : (
          <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
            <Box p="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
              <Text size="xs" c="dimmed">
                Subject (merge fields with their fallbacks)
              </Text>
              <Text size="sm" fw={600} data-testid="preview-subject" style={{ overflowWrap: 'anywhere' }}>
                {preview.data.subject}
              </Text>
            </Box>
            <iframe
              title="Preview of the email"
              sandbox=""
              srcDoc={preview.data.html}
              style={{ width: '100%', height: 420, border: 0, display: 'block', background: 'white' }}
            />
          </Paper>
        ))}
    </Stack>
  );
}
