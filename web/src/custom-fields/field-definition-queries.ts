import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import type {
  FieldDefinition,
  FieldDefinitionInput,
  FieldDefinitionPatch,
  FieldEntity,
} from '../../../shared/custom-fields/field-definition';
import { apiRequest } from '../api/api-client';

export const fieldDefinitionKeys = {
  all: ['field-definitions'] as const,
  entity: (entity: FieldEntity) => [...fieldDefinitionKeys.all, entity] as const,
};

const fieldPath = ({ entity, key }: Pick<FieldDefinition, 'entity' | 'key'>) =>
  `/api/settings/fields/${entity}/${encodeURIComponent(key)}`;

/** The custom fields of contacts or companies; they change rarely, so forms reuse them for a minute. */
export const fieldDefinitionsQuery = (entity: FieldEntity) =>
  queryOptions({
    queryKey: fieldDefinitionKeys.entity(entity),
    queryFn: async ({ signal }) =>
      (await apiRequest<{ items: FieldDefinition[] }>('/api/settings/fields', { query: { entity }, signal }))
        .items,
    staleTime: 60_000,
  });

export function useCreateFieldDefinition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof FieldDefinitionInput>) =>
      apiRequest<FieldDefinition>('/api/settings/fields', { method: 'POST', body: input }),
    onSuccess: (definition) =>
      queryClient.invalidateQueries({ queryKey: fieldDefinitionKeys.entity(definition.entity) }),
  });
}

export function useUpdateFieldDefinition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      definition,
      patch,
    }: {
      /** The definition as the form loaded it: its version goes as `If-Match`. */
      definition: Pick<FieldDefinition, 'entity' | 'key' | 'version'>;
      patch: z.input<typeof FieldDefinitionPatch>;
    }) =>
      apiRequest<FieldDefinition>(fieldPath(definition), {
        method: 'PATCH',
        body: patch,
        version: definition.version,
      }),
    onSuccess: (updated) => {
      const queryKey = fieldDefinitionKeys.entity(updated.entity);
      queryClient.setQueryData<FieldDefinition[]>(queryKey, (current) =>
        current?.map((definition) => (definition.key === updated.key ? updated : definition)),
      );
      // the forms of contacts and companies ask with the new label and choices from now on
      return queryClient.invalidateQueries({ queryKey });
    },
  });
}

export function useDeleteFieldDefinition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entity, key }: Pick<FieldDefinition, 'entity' | 'key'>) =>
      apiRequest<void>(fieldPath({ entity, key }), { method: 'DELETE' }),
    onSuccess: (_, { entity }) =>
      queryClient.invalidateQueries({ queryKey: fieldDefinitionKeys.entity(entity) }),
  });
}
