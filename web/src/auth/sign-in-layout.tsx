import { Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconPlant2 } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import classes from './sign-in-layout.module.css';

export function SignInLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center component="main" className={classes.page} p="md">
      <Paper withBorder shadow="md" radius="lg" p={{ base: 'lg', sm: 'xl' }} className={classes.card}>
        <Stack gap="lg">
          <Group gap="xs">
            <ThemeIcon size="lg" radius="md" variant="filled" aria-hidden>
              <IconPlant2 size={20} />
            </ThemeIcon>
            <Text fw={700} size="lg">
              Seed CRM
            </Text>
          </Group>
          <Title order={1} size="h2">
            {title}
          </Title>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
