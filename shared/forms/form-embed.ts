import { listFieldDefinitions } from '../custom-fields/field-definitions-store';
import type { Store } from '../store/store';
import { apiBaseUrlOf } from './api-base-url';
import { embedSnippet } from './embed-snippet';
import type { FormEmbed } from './form';
import { getForm } from './forms-store';

/**
 * The snippet of a form for its settings page. Its form action is the API's address as this request
 * reached it (PUBLIC_API_URL, else X-Forwarded-Host/-Proto, else Host): the admin asking sees where
 * their pages will post.
 */
export async function getFormEmbed(
  store: Store,
  workspaceId: string,
  formId: string,
  headers: Record<string, string | undefined>,
): Promise<FormEmbed> {
  const form = await getForm(store, workspaceId, formId);
  const definitions = await listFieldDefinitions(store, workspaceId, 'contact');
  return embedSnippet(form, definitions, apiBaseUrlOf(headers, { trustForwardedHost: true }));
}
