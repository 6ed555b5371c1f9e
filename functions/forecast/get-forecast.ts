import { forecastRoutes } from '../../shared/forecast/forecast-routes';
import { readForecast } from '../../shared/forecast/read-forecast';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const getForecastRoute = implement(forecastRoutes.GetForecast, async ({ auth, query }) => ({
  body: await readForecast(deps, auth.workspaceId, query),
}));
