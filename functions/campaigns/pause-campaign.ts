import { pauseCampaign } from '../../shared/campaigns/campaign-operations';
import { campaignsRoutes } from '../../shared/campaigns/campaigns-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const pauseCampaignRoute = implement(campaignsRoutes.PauseCampaign, async ({ auth, params }) => ({
  statusCode: 202,
  body: await pauseCampaign(deps, auth.workspaceId, params.campaignId),
}));
