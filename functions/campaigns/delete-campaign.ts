import { deleteCampaign } from '../../shared/campaigns/campaign-operations';
import { campaignsRoutes } from '../../shared/campaigns/campaigns-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const deleteCampaignRoute = implement(campaignsRoutes.DeleteCampaign, async ({ auth, params }) => {
  await deleteCampaign(deps, auth.workspaceId, params.campaignId);
  return { statusCode: 204 };
});
