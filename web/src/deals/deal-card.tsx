import { Anchor, Group, Menu, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconArrowsRightLeft, IconCalendar, IconDots, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { memo, useRef } from 'react';
import { Link } from 'react-router';
import { contactDisplayName } from '../../../shared/contacts/contact-display-name';
import type { Deal } from '../../../shared/deals/deal';
import type { Stage } from '../../../shared/deals/pipeline';
import { batchedContactQuery } from '../contacts/contact-queries';
import { MemberName } from '../team/member-name';
import { formatCalendarDate } from '../ui/format';
import { formatMoney } from './money-format';

/** The card's primary contact: the cards rendered together read theirs in one request (`?ids=`). */
function ContactName({ contactId }: { contactId: string }) {
  const contact = useQuery({ ...batchedContactQuery(contactId), staleTime: 300_000 });
  return <>{contact.data ? contactDisplayName(contact.data) || 'Contact' : '…'}</>;
}

export interface DealCardProps {
  deal: Deal;
  /** The pipeline's stages, for "Move to stage…" (the phone's way to move, and the keyboard's other way). */
  stages: readonly Stage[];
  onMoveTo?(deal: Deal, stageId: string): void;
}

/**
 * One card of the board: name, amount, owner, expected close date and primary contact. Memoised on its deal
 * (the board keeps an unchanged card's object), so a drag renders only the cards it changes. Each render is
 * counted on the element (`data-renders`): the browser test and the benchmark read it.
 */
export const DealCard = memo(function DealCard({ deal, stages, onMoveTo }: DealCardProps) {
  const renders = useRef(0);
  renders.current += 1;
  return (
    <Paper
      withBorder
      radius="sm"
      p="xs"
      shadow="xs"
      data-deal-card={deal.id}
      data-renders={renders.current}
      aria-label={deal.name}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
          <Anchor
            component={Link}
            to={`/deals/${deal.id}`}
            size="sm"
            fw={600}
            lineClamp={2}
            style={{ overflowWrap: 'anywhere' }}
            // a click opens the deal; a press that moves the pointer drags the card instead
            draggable={false}
          >
            {deal.name}
          </Anchor>
          {onMoveTo && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={`Actions for ${deal.name}`} p={2} data-no-drag>
                  <IconDots size={16} />
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>Move to stage…</Menu.Label>
                {stages.map((stage) => (
                  <Menu.Item
                    key={stage.id}
                    disabled={stage.id === deal.stageId}
                    leftSection={<IconArrowsRightLeft size={14} />}
                    onClick={() => onMoveTo(deal, stage.id)}
                  >
                    {stage.name}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        <Text size="sm" fw={500}>
          {formatMoney(deal.amount, deal.currency)}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Text size="xs" c="dimmed">
            <MemberName memberId={deal.ownerId} />
          </Text>
          {deal.expectedCloseDate && (
            <Group gap={2} wrap="nowrap">
              <IconCalendar size={12} aria-hidden />
              <Text size="xs" c="dimmed">
                {formatCalendarDate(deal.expectedCloseDate)}
              </Text>
            </Group>
          )}
        </Group>
        {deal.primaryContactId && (
          <Group gap={4} wrap="nowrap">
            <IconUser size={12} aria-hidden />
            <Text size="xs" c="dimmed" truncate>
              <ContactName contactId={deal.primaryContactId} />
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
});
