import { countCampaignAudience } from '../../shared/campaigns/campaign-operations';
import { campaignsRoutes } from '../../shared/campaigns/campaigns-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const countAudienceRoute = implement(campaignsRoutes.CountAudience, async ({ auth, body }) => ({
  body: await countCampaignAudience(deps, auth.workspaceId, body.audience),
}));
