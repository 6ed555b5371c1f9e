import type { CustomFieldValues, FieldDefinition } from '../../../shared/custom-fields/field-definition';
import { DetailItem, DetailList } from '../records/detail-section';
import { formatCalendarDate } from '../ui/format';

function display(definition: FieldDefinition, value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  if (definition.type === 'boolean') return value === true ? 'Yes' : 'No';
  if (definition.type === 'date' && typeof value === 'string') return formatCalendarDate(value);
  if (typeof value === 'number') return value.toLocaleString();
  return String(value);
}

/** The record's custom values, labelled by their definitions; fields without a value show a dash. */
export function CustomFieldList({
  definitions,
  values,
}: {
  definitions: readonly FieldDefinition[];
  values: CustomFieldValues;
}) {
  if (definitions.length === 0) return null;
  return (
    <DetailList>
      {definitions.map((definition) => (
        <DetailItem key={definition.key} label={definition.label}>
          {display(definition, values[definition.key])}
        </DetailItem>
      ))}
    </DetailList>
  );
}
