import { scheduleCampaign } from '../../shared/campaigns/campaign-operations';
import { campaignsRoutes } from '../../shared/campaigns/campaigns-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const scheduleCampaignRoute = implement(
  campaignsRoutes.ScheduleCampaign,
  async ({ auth, params, body }) => ({
    statusCode: 202,
    body: await scheduleCampaign(deps, auth.workspaceId, params.campaignId, body),
  }),
);
