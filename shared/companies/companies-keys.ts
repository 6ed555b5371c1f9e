import { ws } from '../store/key-parts';

/**
 * The companies capability: the contacts linked to a company.
 * Built here and nowhere else (keys.ts gathers them); golden tests pin the strings.
 */
export const companiesKeys = {
  /** GSI byParent: the contacts linked to a company. */
  companyContact: (workspaceId: string, companyId: string, contactId: string) => ({
    gsi3pk: `${ws(workspaceId)}#COMPANY#${companyId}#CONTACTS`,
    gsi3sk: contactId,
  }),
  companyContactsPartition: (workspaceId: string, companyId: string) =>
    `${ws(workspaceId)}#COMPANY#${companyId}#CONTACTS`,
};
