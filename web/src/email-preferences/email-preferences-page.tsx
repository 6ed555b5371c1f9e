import { Alert, Button, Center, Checkbox, Container, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { PreferencePage } from '../../../shared/email/email-settings';
import { apiRequest } from '../api/api-client';

const pagePath = (token: string) => `/api/email/preferences/${encodeURIComponent(token)}`;

interface Choice {
  unsubscribeFromAll: boolean;
  lists: Record<string, boolean>;
}

const choiceOf = (page: PreferencePage): Choice => ({
  unsubscribeFromAll: page.unsubscribedFromAll,
  lists: Object.fromEntries(page.lists.map((list) => [list.listId, list.subscribed])),
});

/**
 * The public email preference page (decision 170) behind the link in every marketing message: no sign-in,
 * the signed token in the address names the contact. Lists can be left and rejoined, or everything
 * unsubscribed; the answer confirms what was saved.
 */
export function EmailPreferencesPage() {
  const { token = '' } = useParams();
  // the mail's own "Unsubscribe" link: the page asks to confirm with one button (a GET changes nothing)
  const [searchParams] = useSearchParams();
  const askedToUnsubscribe = searchParams.get('unsubscribe') === '1';
  const queryClient = useQueryClient();
  const page = useQuery({
    queryKey: ['email-preferences', token],
    queryFn: ({ signal }) => apiRequest<PreferencePage>(pagePath(token), { signal }),
    retry: false,
  });
  const [choice, setChoice] = useState<Choice | undefined>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (page.data && !choice) setChoice(choiceOf(page.data));
  }, [page.data, choice]);

  const save = useMutation({
    mutationFn: (next: Choice) =>
      apiRequest<PreferencePage>(pagePath(token), {
        method: 'PUT',
        body: {
          unsubscribeFromAll: next.unsubscribeFromAll,
          lists: Object.entries(next.lists).map(([listId, subscribed]) => ({ listId, subscribed })),
        },
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['email-preferences', token], updated);
      setChoice(choiceOf(updated));
      setSaved(true);
    },
  });

  if (page.isPending)
    return (
      <Center h="100vh">
        <Loader aria-label="Loading your preferences" />
      </Center>
    );
  if (page.isError || !page.data || !choice)
    return (
      <Container size="xs" py="xl">
        <Alert color="red" title="This link does not work">
          The link may be incomplete. Open it again from the email you received.
        </Alert>
      </Container>
    );

  const data = page.data;
  const submit = (next: Choice) => {
    setSaved(false);
    save.mutate(next);
  };
  return (
    <Container size="xs" py="xl" px="md">
      <Paper withBorder p="lg" radius="md">
        <Stack gap="md">
          <div>
            <Title order={1} size="h3">
              Email preferences
            </Title>
            <Text c="dimmed" size="sm">
              {data.workspaceName ? `${data.workspaceName} · ` : ''}
              {data.maskedEmail}
            </Text>
          </div>
          {saved && (
            <Alert color="green" title="Saved" role="status">
              {choice.unsubscribeFromAll
                ? 'You are unsubscribed from all marketing email.'
                : 'Your preferences are saved.'}
            </Alert>
          )}
          {save.isError && (
            <Alert color="red" title="Not saved">
              Your preferences could not be saved. Please try again.
            </Alert>
          )}
          {askedToUnsubscribe && !saved && !choice.unsubscribeFromAll && (
            <Alert color="red" variant="light" title="Unsubscribe from all marketing email?" role="region">
              <Stack gap="sm">
                <Text size="sm">
                  {data.workspaceName || 'The sender'} will send no more marketing email to {data.maskedEmail}
                  . You can subscribe again on this page at any time.
                </Text>
                <Button
                  color="red"
                  data-autofocus
                  onClick={() => submit({ ...choice, unsubscribeFromAll: true })}
                  loading={save.isPending}
                >
                  Unsubscribe
                </Button>
              </Stack>
            </Alert>
          )}
          {data.lists.length > 0 && (
            <Stack gap="xs">
              <Text fw={600}>Lists</Text>
              {data.lists.map((list) => (
                <Checkbox
                  key={list.listId}
                  label={list.name}
                  checked={choice.lists[list.listId] ?? false}
                  disabled={choice.unsubscribeFromAll}
                  onChange={(event) =>
                    setChoice({
                      ...choice,
                      lists: { ...choice.lists, [list.listId]: event.currentTarget.checked },
                    })
                  }
                />
              ))}
              <Button
                variant="light"
                onClick={() => submit(choice)}
                loading={save.isPending}
                disabled={choice.unsubscribeFromAll}
              >
                Save preferences
              </Button>
            </Stack>
          )}
          {choice.unsubscribeFromAll ? (
            <Button
              variant="default"
              onClick={() => submit({ ...choice, unsubscribeFromAll: false })}
              loading={save.isPending}
            >
              Subscribe again
            </Button>
          ) : (
            <Button
              color="red"
              onClick={() => submit({ ...choice, unsubscribeFromAll: true })}
              loading={save.isPending}
            >
              Unsubscribe from everything
            </Button>
          )}
        </Stack>
      </Paper>
    </Container>
  );
}
