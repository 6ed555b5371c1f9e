import { queryOptions } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import type { Form, FormEmbed, FormInput, FormPatch } from '../../../shared/forms/form';
import { apiRequest } from '../api/api-client';
import { settingsResource } from '../api/resource-queries';
import { recordPath } from '../records/record-path';

export const forms = settingsResource<Form, z.input<typeof FormInput>, z.input<typeof FormPatch>>(
  'forms',
  '/api/settings/forms',
);

/** A form's page in the app (`edit` for its edit page). */
export const formPage = (id: string, action?: 'edit') => recordPath('/settings/forms', id, action);

/** The snippet follows the form: it is refetched whenever the form is (same key prefix). */
export const formEmbedQuery = (id: string) =>
  queryOptions({
    queryKey: [...forms.keys.detail(id), 'embed'] as const,
    queryFn: ({ signal }) => apiRequest<FormEmbed>(`${forms.pathOf(id)}/embed`, { signal }),
  });
