import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './api-client';

interface Versioned {
  id: string;
  version: number;
}

/**
 * The queries and changes of a settings resource the API serves as `GET base` → `{items}`,
 * `POST base`, `GET|PATCH|DELETE base/{id}` (PATCH with If-Match) and `POST base/{id}/<action>`:
 * forms, shop connections, webhook subscriptions and lists. Every change refreshes the list and the record.
 * `Detail` is what `GET base/{id}` and the changes answer, when it says more than a list item (a list's
 * member count): a change's reply is put in the record's cache as it is, so it must be the whole record.
 */
export function settingsResource<Item extends Versioned, Input, Patch, Detail extends Item = Item>(
  name: string,
  basePath: string,
) {
  const keys = {
    all: [name] as const,
    list: () => [name, 'list'] as const,
    detail: (id: string) => [name, 'detail', id] as const,
  };
  const pathOf = (id: string) => `${basePath}/${encodeURIComponent(id)}`;

  const listQuery = () =>
    queryOptions({
      queryKey: keys.list(),
      queryFn: async ({ signal }) => (await apiRequest<{ items: Item[] }>(basePath, { signal })).items,
    });

  const detailQuery = (id: string) =>
    queryOptions({
      queryKey: keys.detail(id),
      queryFn: ({ signal }) => apiRequest<Detail>(pathOf(id), { signal }),
    });

  function useStored() {
    const queryClient = useQueryClient();
    return (item: Detail) => {
      queryClient.setQueryData(keys.detail(item.id), item);
      return queryClient.invalidateQueries({ queryKey: keys.list() });
    };
  }

  function useCreate() {
    const stored = useStored();
    return useMutation({
      mutationFn: (input: Input) => apiRequest<Detail>(basePath, { method: 'POST', body: input }),
      onSuccess: stored,
    });
  }

  function useUpdate(id: string) {
    const stored = useStored();
    return useMutation({
      /** `version` is the one the change is based on, sent as If-Match. */
      mutationFn: ({ version, patch }: { version: number; patch: Patch }) =>
        apiRequest<Detail>(pathOf(id), { method: 'PATCH', body: patch, version }),
      onSuccess: stored,
    });
  }

  /** Sends what changed (nothing when nothing did), based on the version the form was loaded with. */
  function useSaveChanges(record: Item) {
    const update = useUpdate(record.id);
    return async (patch: Patch & object): Promise<Detail | undefined> =>
      Object.keys(patch).length > 0 ? update.mutateAsync({ version: record.version, patch }) : undefined;
  }

  /** Loads the latest version (after a version conflict). */
  function useReload(id: string) {
    const queryClient = useQueryClient();
    return () => void queryClient.refetchQueries({ queryKey: keys.detail(id) });
  }

  /** A POST to `base/{id}/<action>` (rotate-secret) that answers the changed record. */
  function useAction(id: string, action: string) {
    const stored = useStored();
    return useMutation({
      mutationFn: () => apiRequest<Detail>(`${pathOf(id)}/${action}`, { method: 'POST', body: {} }),
      onSuccess: stored,
    });
  }

  function useDelete(id: string) {
    const queryClient = useQueryClient();
    return useMutation({
      mutationFn: () => apiRequest<void>(pathOf(id), { method: 'DELETE' }),
      onSuccess: () => {
        // the page showing it is leaving; a later visit refetches and finds it gone
        void queryClient.invalidateQueries({ queryKey: keys.detail(id), refetchType: 'none' });
        return queryClient.invalidateQueries({ queryKey: keys.list() });
      },
    });
  }

  return {
    keys,
    pathOf,
    listQuery,
    detailQuery,
    useCreate,
    useUpdate,
    useSaveChanges,
    useReload,
    useAction,
    useDelete,
  };
}
