import { NavLink, Stack, Text } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconBuildingSkyscraper, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';

const areas = [
  { to: '/contacts', label: 'Contacts', icon: <IconUsers size={18} stroke={1.6} /> },
  { to: '/companies', label: 'Companies', icon: <IconBuildingSkyscraper size={18} stroke={1.6} /> },
];

const settings = [
  {
    to: '/settings/fields',
    label: 'Custom fields',
    icon: <IconAdjustmentsHorizontal size={18} stroke={1.6} />,
  },
];

function NavItem({
  to,
  label,
  icon,
  onNavigate,
}: {
  to: string;
  label: string;
  icon: ReactNode;
  onNavigate(): void;
}) {
  const { pathname } = useLocation();
  const active = pathname === to || pathname.startsWith(`${to}/`);
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      leftSection={icon}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      variant="light"
    />
  );
}

/** Only the areas that work today; later issues add theirs here. */
export function MainNav({ onNavigate }: { onNavigate(): void }) {
  return (
    <Stack component="nav" aria-label="Main" gap={4}>
      {areas.map((area) => (
        <NavItem key={area.to} {...area} onNavigate={onNavigate} />
      ))}
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="lg" pb={4}>
        Settings
      </Text>
      {settings.map((area) => (
        <NavItem key={area.to} {...area} onNavigate={onNavigate} />
      ))}
    </Stack>
  );
}
