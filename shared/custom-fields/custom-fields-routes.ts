import * as z from 'zod/mini';
import { defineRoutes } from '../platform/capability';
import { admins, everyone } from '../platform/roles';
import {
  FieldDefinition,
  FieldDefinitionInput,
  FieldDefinitionPatch,
  FieldDefinitionPath,
  FieldDefinitionQuery,
} from './field-definition';

/** The routes of custom-fields: what each accepts, answers and who may call it. */
export const customFieldsRoutes = defineRoutes({
  ListFieldDefinitions: {
    method: 'GET',
    path: '/api/settings/fields',
    roles: everyone,
    summary: 'List the custom field definitions of the workspace',
    query: FieldDefinitionQuery,
    response: z.object({ items: z.array(FieldDefinition) }),
  },
  CreateFieldDefinition: {
    method: 'POST',
    path: '/api/settings/fields',
    roles: admins,
    summary: 'Define a custom field for contacts or companies',
    body: FieldDefinitionInput,
    response: FieldDefinition,
    status: 201,
  },
  UpdateFieldDefinition: {
    method: 'PATCH',
    path: '/api/settings/fields/{entity}/{key}',
    roles: admins,
    summary: 'Change a custom field definition (If-Match version)',
    params: FieldDefinitionPath,
    body: FieldDefinitionPatch,
    response: FieldDefinition,
    ifMatch: true,
  },
  DeleteFieldDefinition: {
    method: 'DELETE',
    path: '/api/settings/fields/{entity}/{key}',
    roles: admins,
    summary: 'Remove a custom field definition',
    params: FieldDefinitionPath,
    status: 204,
  },
});
