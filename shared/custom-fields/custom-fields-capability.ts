import { defineCapability } from '../platform/capability';
import { customFieldsErrors } from './custom-fields-errors';
import { customFieldsKeys } from './custom-fields-keys';
import { customFieldsRoutes } from './custom-fields-routes';

export const customFieldsCapability = defineCapability({
  name: 'custom-fields',
  description: 'Custom field definitions of contacts and companies',
  routes: customFieldsRoutes,
  api: {
    handler: 'custom-fields/custom-fields-api',
    access: {
      table: 'readWrite',
    },
  },
  errors: customFieldsErrors,
  keys: customFieldsKeys,
});
