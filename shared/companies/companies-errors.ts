/** The error codes of companies and what a user is told. */
export const companiesErrors = {
  'company.not_found': 'This company does not exist.',
  'company.version_conflict': 'Someone else changed this company. Reload it and try again.',
  'company.has_too_many_contacts':
    'This company has too many linked contacts to delete at once. Unlink them first.',
} as const satisfies Record<string, string>;
