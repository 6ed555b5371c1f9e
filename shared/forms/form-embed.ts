import { listFieldDefinitions } from '../custom-fields/field-definitions-store';
import type { Store } from '../store/store';
import { requirePublicApiUrl } from './api-base-url';
import { embedSnippet } from './embed-snippet';
import type { FormEmbed } from './form';
import { getForm } from './forms-store';

/**
 * The snippet of a form for its settings page. Its form action is the API's configured public address
 * (PUBLIC_API_URL), never one taken from the request.
 */
export async function getFormEmbed(
  store: Store,
  workspaceId: string,
  formId: string,
  publicApiUrl: string | undefined,
): Promise<FormEmbed> {
  const form = await getForm(store, workspaceId, formId);
  const definitions = await listFieldDefinitions(store, workspaceId, 'contact');
  return embedSnippet(form, definitions, requirePublicApiUrl(publicApiUrl));
}
