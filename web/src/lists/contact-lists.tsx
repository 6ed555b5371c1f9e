import { Anchor, Badge, CloseButton, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Contact } from '../../../shared/contacts/contact';
import { contactDisplayName } from '../../../shared/contacts/contact-display-name';
import { listsRoutes } from '../../../shared/lists/lists-routes';
import { messageOf } from '../api/api-error';
import { useCan } from '../auth/permissions';
import { DetailSection } from '../records/detail-section';
import { LoadError } from '../records/list-states';
import { useToast } from '../ui/toaster';
import { contactListsQuery, lists, useAddListMember, useRemoveListMember } from './list-queries';

/** The lists a contact is on, with "add to a list" and a remove button per list for those who may. */
export function ContactLists({ contact }: { contact: Contact }) {
  const toast = useToast();
  const name = contactDisplayName(contact);
  const canAdd = useCan(listsRoutes.AddListMember);
  const canRemove = useCan(listsRoutes.RemoveListMember);
  const joined = useQuery(contactListsQuery(contact.id));
  const all = useQuery({ ...lists.listQuery(), enabled: canAdd });
  const add = useAddListMember();
  const remove = useRemoveListMember();
  const [picked, setPicked] = useState<string | null>(null);
  const joinedIds = new Set(joined.data?.items.map((item) => item.list.id));
  const choices = (all.data ?? [])
    .filter((list) => !joinedIds.has(list.id))
    .map((list) => ({ value: list.id, label: list.name }));

  const join = (listId: string | null) => {
    setPicked(listId);
    if (!listId) return;
    const listName = choices.find((choice) => choice.value === listId)?.label ?? 'the list';
    add.mutate(
      { listId, contactId: contact.id },
      {
        onSuccess: () => toast(`${name} joined ${listName}`),
        onSettled: () => setPicked(null),
      },
    );
  };

  return (
    <DetailSection title="Lists">
      <Stack gap="sm">
        {joined.isError ? (
          <LoadError error={joined.error} onRetry={() => joined.refetch()} />
        ) : joined.data && joined.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            Not on any list.
          </Text>
        ) : (
          <Group gap="xs" aria-busy={joined.isPending}>
            {joined.data?.items.map(({ list }) => (
              <Badge
                key={list.id}
                size="lg"
                variant="light"
                tt="none"
                rightSection={
                  canRemove && (
                    <CloseButton
                      size="xs"
                      aria-label={`Take ${name} off ${list.name}`}
                      disabled={remove.isPending}
                      onClick={() =>
                        remove.mutate(
                          { listId: list.id, contactId: contact.id },
                          { onSuccess: () => toast(`${name} left ${list.name}`) },
                        )
                      }
                    />
                  )
                }
              >
                <Anchor component={Link} to={`/lists/${list.id}`} size="sm" inherit>
                  {list.name}
                </Anchor>
              </Badge>
            ))}
          </Group>
        )}
        {canAdd && choices.length > 0 && (
          <Select
            label="Add to a list"
            placeholder="Choose a list"
            data={choices}
            value={picked}
            onChange={join}
            disabled={add.isPending}
            searchable
          />
        )}
        {(add.error || remove.error) && (
          <Text size="sm" c="red" role="alert">
            {messageOf(add.error ?? remove.error)}
          </Text>
        )}
      </Stack>
    </DetailSection>
  );
}
