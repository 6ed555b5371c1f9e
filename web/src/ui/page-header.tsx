import { Box, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function PageHeader({
  title,
  description,
  actions,
  leading,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  leading?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
      <Group gap="md" wrap="nowrap" miw={0}>
        {leading}
        <Stack gap={2} miw={0}>
          <Title order={1} size="h2" lineClamp={2}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" size="sm" component="div">
              {description}
            </Text>
          )}
        </Stack>
      </Group>
      {actions && (
        <Box>
          <Group gap="xs">{actions}</Group>
        </Box>
      )}
    </Group>
  );
}
