import {
  ActionIcon,
  Avatar,
  Badge,
  Group,
  Menu,
  Text,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { IconLogout, IconMoon, IconSun } from '@tabler/icons-react';
import { useSessionState } from '../auth/session-store';
import { useSignOut } from '../auth/use-sign-in';

export function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const next = scheme === 'dark' ? 'light' : 'dark';
  return (
    <ActionIcon
      variant="subtle"
      color="gray"
      size="lg"
      aria-label={`Use ${next} theme`}
      onClick={() => setColorScheme(next)}
    >
      {scheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
    </ActionIcon>
  );
}

export function UserMenu() {
  const { session } = useSessionState();
  const signOut = useSignOut();
  if (!session) return null;
  const { email, workspaceId, roles } = session.user;
  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={`Account: ${email || 'signed in'}`}>
          <Group gap="xs" wrap="nowrap">
            <Avatar name={email.split('@')[0]} color="initials" size={32} />
            <Text size="sm" fw={500} visibleFrom="sm" maw={180} truncate>
              {email}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Workspace</Menu.Label>
        <Group px="sm" pb="xs" gap="xs" justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600} truncate>
            {workspaceId}
          </Text>
          <Group gap={4}>
            {roles.map((role) => (
              <Badge key={role} size="sm" variant="light">
                {role}
              </Badge>
            ))}
          </Group>
        </Group>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={signOut}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
