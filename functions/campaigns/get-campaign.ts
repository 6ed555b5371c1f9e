import { getCampaign } from '../../shared/campaigns/campaign-operations';
import { campaignsRoutes } from '../../shared/campaigns/campaigns-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const getCampaignRoute = implement(campaignsRoutes.GetCampaign, async ({ auth, params }) => {
  const campaign = await getCampaign(deps, auth.workspaceId, params.campaignId);
  return { body: campaign, headers: { etag: etagOf(campaign.version) } };
});
