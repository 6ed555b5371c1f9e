import { listRecipients } from '../../shared/campaigns/campaign-operations';
import { campaignsRoutes } from '../../shared/campaigns/campaigns-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';

const deps = depsFromEnv();

export const listCampaignRecipientsRoute = implement(
  campaignsRoutes.ListCampaignRecipients,
  async ({ auth, params, query }) => ({
    body: await listRecipients(deps, auth.workspaceId, params.campaignId, query),
  }),
);
