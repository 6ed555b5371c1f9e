import type { Form } from './form';
import { parseFormId } from './form-id';
import { formsKeys } from './forms-keys';

/** A form as stored: what the API shows plus the secret that signs its confirmation links. */
export type FormDefinition = Form & { secret: string };

export function formItem(form: FormDefinition): Record<string, unknown> {
  const ref = parseFormId(form.id);
  if (!ref) throw new Error(`not a form id: ${form.id}`);
  return { ...formsKeys.form(ref.workspaceId, ref.id), entity: 'form', ...form };
}

export function formFromItem(item: Record<string, unknown>): FormDefinition {
  const { pk: _pk, sk: _sk, entity: _entity, ...form } = item;
  // forms saved before lists existed have none
  return { lists: [], ...form } as unknown as FormDefinition;
}

/** What the API returns: never the signing secret. */
export function publicForm(form: FormDefinition): Form {
  const { secret: _secret, ...shown } = form;
  return shown;
}
