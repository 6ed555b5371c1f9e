import * as z from 'zod/mini';
import { defineEvent } from '../events/domain-event';
import { Company } from './company';

export const CompanyCreated = defineEvent('company.created', 1, { company: Company });
export const CompanyUpdated = defineEvent('company.updated', 1, {
  company: Company,
  changedFields: z.array(z.string()),
});
export const CompanyDeleted = defineEvent('company.deleted', 1, { companyId: z.string() });
