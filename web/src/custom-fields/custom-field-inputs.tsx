import { Group, NumberInput, Radio, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import type { FieldDefinition, FieldType } from '../../../shared/custom-fields/field-definition';

type GetInputProps = (path: string) => GetInputPropsReturnType;

/** The input each field type needs; a new type in the shared schema fails to compile until it has one. */
const inputs: Record<FieldType, (definition: FieldDefinition, getInputProps: GetInputProps) => ReactNode> = {
  text: (definition, getInputProps) => (
    <TextInput
      label={definition.label}
      required={definition.required}
      {...getInputProps(pathOf(definition))}
    />
  ),
  number: (definition, getInputProps) => (
    <NumberInput
      label={definition.label}
      required={definition.required}
      {...getInputProps(pathOf(definition))}
    />
  ),
  date: (definition, getInputProps) => (
    <TextInput
      type="date"
      label={definition.label}
      required={definition.required}
      {...getInputProps(pathOf(definition))}
    />
  ),
  select: (definition, getInputProps) => (
    <Select
      label={definition.label}
      required={definition.required}
      data={definition.options ?? []}
      clearable={!definition.required}
      placeholder="Choose…"
      {...getInputProps(pathOf(definition))}
    />
  ),
  // yes, no, or no answer: a value left alone is not a "no"
  boolean: (definition, getInputProps) => (
    <Radio.Group
      label={definition.label}
      required={definition.required}
      {...getInputProps(pathOf(definition))}
    >
      <Group gap="md" mt={6} mih={36} align="center">
        <Radio value="yes" label="Yes" />
        <Radio value="no" label="No" />
        {!definition.required && <Radio value="" label="Not set" />}
      </Group>
    </Radio.Group>
  ),
};

function pathOf(definition: FieldDefinition): string {
  return `customFields.${definition.key}`;
}

/** One input per custom field, of the kind its type needs, under `customFields.<key>`. */
export function CustomFieldInputs({
  definitions,
  getInputProps,
}: {
  definitions: readonly FieldDefinition[];
  getInputProps: GetInputProps;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      {definitions.map((definition) => (
        <div key={definition.key}>{inputs[definition.type](definition, getInputProps)}</div>
      ))}
    </SimpleGrid>
  );
}
