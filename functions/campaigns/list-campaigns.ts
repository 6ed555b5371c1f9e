import { listCampaigns } from '../../shared/campaigns/campaign-operations';
import { campaignsRoutes } from '../../shared/campaigns/campaigns-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listCampaignsRoute = implement(campaignsRoutes.ListCampaigns, async ({ auth, query }) => ({
  body: await listCampaigns(deps, auth.workspaceId, query),
}));
