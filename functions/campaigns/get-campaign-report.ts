import { campaignReport } from '../../shared/campaigns/campaign-operations';
import { campaignsRoutes } from '../../shared/campaigns/campaigns-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const getCampaignReportRoute = implement(
  campaignsRoutes.GetCampaignReport,
  async ({ auth, params }) => ({
    body: await campaignReport(deps, auth.workspaceId, params.campaignId),
  }),
);
