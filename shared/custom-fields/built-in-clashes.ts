import type { FieldErrors } from '../platform/errors';
import { builtInFieldNamed } from '../records/built-in-fields';
import type { FieldEntity } from './field-definition';

/**
 * A custom field may not repeat a built-in field of its entity by key or by label (a second "Industry"
 * on companies): per input, the built-in field it repeats. Empty when there is no clash.
 */
export function builtInFieldClashes(
  entity: FieldEntity,
  names: { key?: string; label?: string },
): FieldErrors {
  const clashes: FieldErrors = {};
  for (const path of ['label', 'key'] as const) {
    const name = names[path];
    const builtIn = name === undefined ? undefined : builtInFieldNamed(entity, name);
    if (builtIn) {
      clashes[path] = `${builtIn.label} is a built-in ${entity} field. Choose another ${path}.`;
    }
  }
  return clashes;
}
