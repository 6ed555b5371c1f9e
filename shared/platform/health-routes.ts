import * as z from 'zod/mini';
import { defineRoutes } from './capability';

export const Health = z.object({ status: z.literal('ok'), time: z.string() });

/** Liveness: public, no data, no AWS client. */
export const healthRoutes = defineRoutes({
  GetHealth: {
    method: 'GET',
    path: '/api/health',
    roles: 'public',
    summary: 'Liveness of the API',
    response: Health,
  },
});
