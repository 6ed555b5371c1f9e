import { z } from 'zod';
import type { HttpFunctionName } from '../../functions/manifest';
import { Company, CompanyInput, CompanyListQuery, CompanyPage, CompanyPatch } from '../companies/company';
import { Contact, ContactInput, ContactListQuery, ContactPage, ContactPatch } from '../contacts/contact';
import {
  FieldDefinition,
  FieldDefinitionInput,
  FieldDefinitionPatch,
  FieldDefinitionPath,
  FieldDefinitionQuery,
} from '../custom-fields/field-definition';
import { IdPath } from '../records/record-fields';

export interface RouteSchemas {
  body?: z.ZodType;
  query?: z.ZodType;
  path?: z.ZodType;
  response?: z.ZodType;
  /** Success status: 200 unless said. */
  status?: 200 | 201 | 204;
  /** PATCH routes take the version the client saw in If-Match. */
  ifMatch?: true;
}

export const Health = z.object({ status: z.literal('ok'), time: z.string() });

/**
 * What each route accepts and returns. Handlers validate with these, the OpenAPI document is generated
 * from them, and the property tests derive their bad inputs from them: one source of truth.
 */
export const routeSchemas = {
  GetHealth: { response: Health },
  GetOpenApi: {},
  ListContacts: { query: ContactListQuery, response: ContactPage },
  CreateContact: { body: ContactInput, response: Contact, status: 201 },
  GetContact: { path: IdPath, response: Contact },
  UpdateContact: { path: IdPath, body: ContactPatch, response: Contact, ifMatch: true },
  DeleteContact: { path: IdPath, status: 204 },
  ListCompanies: { query: CompanyListQuery, response: CompanyPage },
  CreateCompany: { body: CompanyInput, response: Company, status: 201 },
  GetCompany: { path: IdPath, response: Company },
  UpdateCompany: { path: IdPath, body: CompanyPatch, response: Company, ifMatch: true },
  DeleteCompany: { path: IdPath, status: 204 },
  ListFieldDefinitions: {
    query: FieldDefinitionQuery,
    response: z.object({ items: z.array(FieldDefinition) }),
  },
  CreateFieldDefinition: { body: FieldDefinitionInput, response: FieldDefinition, status: 201 },
  UpdateFieldDefinition: {
    path: FieldDefinitionPath,
    body: FieldDefinitionPatch,
    response: FieldDefinition,
    ifMatch: true,
  },
  DeleteFieldDefinition: { path: FieldDefinitionPath, status: 204 },
  // --- webhooks: intake and shops ---
  // --- webhooks: forms ---
  // --- outbound webhooks ---
} as const satisfies Record<HttpFunctionName, RouteSchemas>;
