import { Stack, Text } from '@mantine/core';
import {
  IconAdjustmentsHorizontal,
  IconBuildingSkyscraper,
  IconBuildingStore,
  IconChartBar,
  IconChecklist,
  IconClockHour4,
  IconForms,
  IconInbox,
  IconLayoutKanban,
  IconListDetails,
  IconMail,
  IconMailCode,
  IconMailCog,
  IconTicket,
  IconTimeline,
  IconUsers,
  IconUsersGroup,
  IconWebhook,
} from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import type { NavGate } from './gated-nav-item';
import { type NavArea, NavItem } from './nav-item';

// who may call what comes from the routes' contracts, which stay out of the first load: gated links follow them
const GatedNavItem = lazy(() =>
  import('./gated-nav-item').then((module) => ({ default: module.GatedNavItem })),
);

const iconProps = { size: 18, stroke: 1.6 };

const areas: NavArea[] = [
  { to: '/contacts', label: 'Contacts', icon: <IconUsers {...iconProps} /> },
  { to: '/companies', label: 'Companies', icon: <IconBuildingSkyscraper {...iconProps} /> },
  { to: '/deals', label: 'Deals', icon: <IconLayoutKanban {...iconProps} /> },
  { to: '/tasks', label: 'Tasks', icon: <IconChecklist {...iconProps} /> },
  { to: '/lists', label: 'Lists', icon: <IconListDetails {...iconProps} /> },
  { to: '/tickets', label: 'Tickets', icon: <IconTicket {...iconProps} /> },
  { to: '/forecast', label: 'Forecast', icon: <IconChartBar {...iconProps} /> },
];

/** Email marketing: campaigns, and the templates they send. */
const email: NavArea[] = [
  { to: '/email/campaigns', label: 'Campaigns', icon: <IconMail {...iconProps} /> },
  { to: '/email/templates', label: 'Templates', icon: <IconMailCode {...iconProps} /> },
];

const settings: (NavArea & { needs?: NavGate })[] = [
  { to: '/settings/team', label: 'Team', icon: <IconUsersGroup {...iconProps} /> },
  { to: '/settings/email', label: 'Email', icon: <IconMailCog {...iconProps} /> },
  { to: '/settings/pipelines', label: 'Pipelines', icon: <IconTimeline {...iconProps} /> },
  { to: '/settings/fields', label: 'Custom fields', icon: <IconAdjustmentsHorizontal {...iconProps} /> },
  { to: '/settings/forms', label: 'Forms', icon: <IconForms {...iconProps} /> },
  { to: '/settings/shops', label: 'Shop connections', icon: <IconBuildingStore {...iconProps} /> },
  { to: '/settings/webhooks', label: 'Webhooks', icon: <IconWebhook {...iconProps} /> },
  { to: '/settings/ticket-sla', label: 'Ticket SLA', icon: <IconClockHour4 {...iconProps} /> },
  {
    to: '/settings/incoming-webhooks',
    label: 'Incoming webhooks',
    icon: <IconInbox {...iconProps} />,
    needs: 'ListWebhookDeliveries',
  },
];

export function MainNav({ onNavigate }: { onNavigate(): void }) {
  return (
    <Stack component="nav" aria-label="Main" gap={4}>
      {areas.map((area) => (
        <NavItem key={area.to} {...area} onNavigate={onNavigate} />
      ))}
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="lg" pb={4}>
        Email
      </Text>
      {email.map((area) => (
        <NavItem key={area.to} {...area} onNavigate={onNavigate} />
      ))}
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="lg" pb={4}>
        Settings
      </Text>
      {settings.map(({ needs, ...area }) =>
        needs ? (
          <Suspense key={area.to} fallback={null}>
            <GatedNavItem {...area} needs={needs} onNavigate={onNavigate} />
          </Suspense>
        ) : (
          <NavItem key={area.to} {...area} onNavigate={onNavigate} />
        ),
      )}
    </Stack>
  );
}
