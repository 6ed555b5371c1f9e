/** The error codes of custom-fields and what a user is told. */
export const customFieldsErrors = {
  'field.not_found': 'This custom field does not exist.',
  'field.exists': 'A custom field with this key already exists.',
  'field.built_in': 'Records have this field built in. Choose another key or label.',
  'field.version_conflict': 'Someone else changed this custom field. Reload it and try again.',
} as const satisfies Record<string, string>;
