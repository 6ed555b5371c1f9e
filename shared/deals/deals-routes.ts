import { dealRoutes } from './deal-routes';
import { pipelineRoutes } from './pipeline-routes';

/**
 * Every route of the deals capability, for the web app. Lambda code imports the routes its function serves
 * (`pipelineRoutes`, `dealRoutes`): a bundle then holds the schemas of its own routes only.
 */
export const dealsRoutes = { ...pipelineRoutes, ...dealRoutes };
