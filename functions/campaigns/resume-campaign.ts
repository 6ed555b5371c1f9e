import { resumeCampaign } from '../../shared/campaigns/campaign-operations';
import { campaignsRoutes } from '../../shared/campaigns/campaigns-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const resumeCampaignRoute = implement(campaignsRoutes.ResumeCampaign, async ({ auth, params }) => ({
  statusCode: 202,
  body: await resumeCampaign(deps, auth.workspaceId, params.campaignId),
}));
