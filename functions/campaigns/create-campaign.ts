import { createCampaign } from '../../shared/campaigns/campaign-operations';
import { campaignsRoutes } from '../../shared/campaigns/campaigns-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const createCampaignRoute = implement(campaignsRoutes.CreateCampaign, async ({ auth, body }) => {
  const campaign = await createCampaign(deps, auth.workspaceId, body);
  return { statusCode: 201, body: campaign, headers: { etag: etagOf(campaign.version) } };
});
