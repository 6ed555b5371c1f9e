import { defineRoutes } from '../platform/capability';
import { everyone } from '../platform/roles';
import { Forecast, ForecastQuery } from './forecast';

/** The route of the forecast: what it accepts, answers and who may call it. */
export const forecastRoutes = defineRoutes({
  GetForecast: {
    method: 'GET',
    path: '/api/forecast',
    roles: everyone,
    summary:
      'The weighted pipeline by expected close month (overdue, next 6 months, in timeZone) per owner and pipeline, and over a period (last 90 days) the win rate, sales cycle and time in each stage',
    query: ForecastQuery,
    response: Forecast,
  },
});
