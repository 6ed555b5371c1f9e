import { forecastErrors } from '../../shared/forecast/forecast-errors';
import { forecastRoutes } from '../../shared/forecast/forecast-routes';
import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { getForecastRoute } from './get-forecast';

/** The forecast API function: its one route, one Lambda. */
export const handler = apiRouter(
  forecastRoutes,
  { GetForecast: getForecastRoute },
  { onWorkspace: registerWorkspacesIn(storeFromEnv()), errors: [forecastErrors] },
);
