import { defineRoutes } from '../platform/capability';
import { everyone, salesTeam } from '../platform/roles';
import { IdPath } from '../records/record-fields';
import { Company, CompanyListQuery, CompanyPage } from './company';
import { CompanyInput, CompanyPatch } from './company-input';

/** The routes of companies: what each accepts, answers and who may call it. */
export const companiesRoutes = defineRoutes({
  ListCompanies: {
    method: 'GET',
    path: '/api/companies',
    roles: everyone,
    summary: 'List companies: newest first, by tag or by name prefix',
    query: CompanyListQuery,
    response: CompanyPage,
  },
  CreateCompany: {
    method: 'POST',
    path: '/api/companies',
    roles: salesTeam,
    summary: 'Create a company',
    body: CompanyInput,
    response: Company,
    status: 201,
  },
  GetCompany: {
    method: 'GET',
    path: '/api/companies/{id}',
    roles: everyone,
    summary: 'Read one company',
    params: IdPath,
    response: Company,
  },
  UpdateCompany: {
    method: 'PATCH',
    path: '/api/companies/{id}',
    roles: salesTeam,
    summary: 'Change a company (If-Match version)',
    params: IdPath,
    body: CompanyPatch,
    response: Company,
    ifMatch: true,
  },
  DeleteCompany: {
    method: 'DELETE',
    path: '/api/companies/{id}',
    roles: salesTeam,
    summary: 'Delete a company and unlink its contacts',
    params: IdPath,
    status: 204,
  },
});
