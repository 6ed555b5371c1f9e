import { defineRoutes } from '../platform/capability';

/** The OpenAPI document of every capability's routes. */
export const apiDocsRoutes = defineRoutes({
  GetOpenApi: {
    method: 'GET',
    path: '/api/openapi.json',
    roles: 'public',
    summary: 'The OpenAPI document, generated from the zod schemas',
  },
});
