import { defineCapability } from '../platform/capability';
import { ListJoined, ListLeft } from './list-events';
import { listPersonalData } from './list-personal-data';
import { listsErrors } from './lists-errors';
import { listsKeys } from './lists-keys';
import { listsRoutes } from './lists-routes';

export const listsCapability = defineCapability({
  name: 'lists',
  description: 'Lists and their members',
  routes: listsRoutes,
  api: {
    handler: 'lists/lists-api',
    access: {
      table: 'readWrite',
    },
  },
  events: [ListJoined, ListLeft],
  errors: listsErrors,
  personalData: listPersonalData,
  keys: listsKeys,
});
