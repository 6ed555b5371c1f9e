import { healthRoutes } from '../../shared/platform/health-routes';
import { apiRouter } from '../../shared/platform/http-handler';
import { getHealthRoute } from './get-health';

/** The health API function: every route of the capability, one Lambda. */
export const handler = apiRouter(healthRoutes, {
  GetHealth: getHealthRoute,
});
