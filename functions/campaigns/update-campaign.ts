import { updateCampaign } from '../../shared/campaigns/campaign-operations';
import { campaignsRoutes } from '../../shared/campaigns/campaigns-routes';
import { depsFromEnv } from '../../shared/platform/deps';
import { implement } from '../../shared/platform/http-handler';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

const deps = depsFromEnv();

export const updateCampaignRoute = implement(
  campaignsRoutes.UpdateCampaign,
  async ({ auth, params, body, headers }) => {
    const campaign = await updateCampaign(
      deps,
      auth.workspaceId,
      params.campaignId,
      body,
      versionFromIfMatch(headers['if-match']),
    );
    return { body: campaign, headers: { etag: etagOf(campaign.version) } };
  },
);
