import { defineCapability } from '../platform/capability';
import { apiDocsRoutes } from './api-docs-routes';

export const apiDocsCapability = defineCapability({
  name: 'api-docs',
  description: 'The OpenAPI document',
  routes: apiDocsRoutes,
  api: {
    handler: 'api-docs/api-docs-api',
    access: {},
  },
});
