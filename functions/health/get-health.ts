import { routeSchemas } from '../../shared/api/route-schemas';
import { apiHandler } from '../../shared/platform/http-handler';

export const handler = apiHandler(routeSchemas.GetHealth, () => ({
  body: { status: 'ok', time: new Date().toISOString() },
}));
