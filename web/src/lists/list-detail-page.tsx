import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { listsRoutes } from '../../../shared/lists/lists-routes';
import { useCan } from '../auth/permissions';
import { ConfirmDelete } from '../records/confirm-delete';
import { DetailError, DetailSkeleton } from '../records/detail-states';
import { BackLink } from '../ui/back-link';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toaster';
import { EditListButton } from './list-form';
import { ListMembers } from './list-members';
import { lists } from './list-queries';

export function ListDetailPage() {
  const { listId = '' } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const query = useQuery(lists.detailQuery(listId));
  const remove = lists.useDelete(listId);
  const canEdit = useCan(listsRoutes.UpdateList);
  const canDelete = useCan(listsRoutes.DeleteList);

  if (query.isPending) return <DetailSkeleton />;
  if (query.isError) {
    return <DetailError error={query.error} what="list" backTo="/lists" onRetry={() => query.refetch()} />;
  }
  const list = query.data;
  const members = `${list.memberCount} ${list.memberCount === 1 ? 'member' : 'members'}`;

  return (
    <Stack gap="lg" maw={1080}>
      <BackLink to="/lists">Lists</BackLink>
      <PageHeader
        title={list.name}
        description={list.description ? `${members} · ${list.description}` : members}
        actions={
          <>
            {canEdit && <EditListButton list={list} />}
            {canDelete && (
              <ConfirmDelete
                what="list"
                name={list.name}
                consequence={
                  <Text size="sm">
                    Its {members} stay in the CRM; forms that add people to it stop doing so.
                  </Text>
                }
                onConfirm={() =>
                  remove.mutate(undefined, {
                    onSuccess: () => {
                      toast(`${list.name} deleted`);
                      navigate('/lists', { replace: true });
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
      <ListMembers list={list} />
      <Text size="xs" c="dimmed">
        Created {formatDateTime(list.createdAt)} · Updated {formatDateTime(list.updatedAt)}
      </Text>
    </Stack>
  );
}
