import { healthRoutes } from '../../shared/platform/health-routes';
import { implement } from '../../shared/platform/http-handler';

export const getHealthRoute = implement(healthRoutes.GetHealth, () => ({
  body: { status: 'ok', time: new Date().toISOString() },
}));
