import { cancelCampaign } from '../../shared/campaigns/campaign-operations';
import { campaignsRoutes } from '../../shared/campaigns/campaigns-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const cancelCampaignRoute = implement(campaignsRoutes.CancelCampaign, async ({ auth, params }) => ({
  statusCode: 202,
  body: await cancelCampaign(deps, auth.workspaceId, params.campaignId),
}));
