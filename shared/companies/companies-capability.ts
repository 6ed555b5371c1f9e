import { defineCapability } from '../platform/capability';
import { companiesErrors } from './companies-errors';
import { companiesKeys } from './companies-keys';
import { companiesRoutes } from './companies-routes';
import { CompanyCreated, CompanyDeleted, CompanyUpdated } from './company-events';

export const companiesCapability = defineCapability({
  name: 'companies',
  description: 'Companies and the contacts that work there',
  routes: companiesRoutes,
  api: {
    handler: 'companies/companies-api',
    access: {
      table: 'readWrite',
    },
  },
  events: [CompanyCreated, CompanyUpdated, CompanyDeleted],
  errors: companiesErrors,
  keys: companiesKeys,
});
