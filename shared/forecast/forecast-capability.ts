import { defineCapability } from '../platform/capability';
import { forecastErrors } from './forecast-errors';
import { forecastRoutes } from './forecast-routes';

/**
 * The forecast reads what the deals capability writes, through its keys (deals-keys.ts), and writes
 * nothing: no keys, events or personal data of its own.
 */
export const forecastCapability = defineCapability({
  name: 'forecast',
  description: 'The sales forecast: weighted pipeline by close month, win rates, cycle length, time in stage',
  routes: forecastRoutes,
  api: {
    handler: 'forecast/forecast-api',
    access: {
      table: 'read',
    },
  },
  errors: forecastErrors,
});
