import { defineCapability } from './capability';
import { healthRoutes } from './health-routes';

export const healthCapability = defineCapability({
  name: 'health',
  description: 'Liveness of the API',
  routes: healthRoutes,
  api: {
    handler: 'health/health-api',
    access: {},
  },
});
