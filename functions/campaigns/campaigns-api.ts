import { campaignsErrors } from '../../shared/campaigns/campaigns-errors';
import { campaignsRoutes } from '../../shared/campaigns/campaigns-routes';
import { emailErrors } from '../../shared/email/email-errors';
import { listsErrors } from '../../shared/lists/lists-errors';
import { apiRouter } from '../../shared/platform/http-handler';
import { registerWorkspacesIn } from '../../shared/platform/workspace-registry';
import { storeFromEnv } from '../../shared/store/store';
import { cancelCampaignRoute } from './cancel-campaign';
import { countAudienceRoute } from './count-audience';
import { createCampaignRoute } from './create-campaign';
import { deleteCampaignRoute } from './delete-campaign';
import { getCampaignRoute } from './get-campaign';
import { getCampaignReportRoute } from './get-campaign-report';
import { listCampaignRecipientsRoute } from './list-campaign-recipients';
import { listCampaignsRoute } from './list-campaigns';
import { pauseCampaignRoute } from './pause-campaign';
import { resumeCampaignRoute } from './resume-campaign';
import { scheduleCampaignRoute } from './schedule-campaign';
import { updateCampaignRoute } from './update-campaign';

/** The campaigns API function: every route of the capability, one Lambda. */
export const handler = apiRouter(
  campaignsRoutes,
  {
    ListCampaigns: listCampaignsRoute,
    CreateCampaign: createCampaignRoute,
    GetCampaign: getCampaignRoute,
    UpdateCampaign: updateCampaignRoute,
    DeleteCampaign: deleteCampaignRoute,
    CountAudience: countAudienceRoute,
    ScheduleCampaign: scheduleCampaignRoute,
    PauseCampaign: pauseCampaignRoute,
    ResumeCampaign: resumeCampaignRoute,
    CancelCampaign: cancelCampaignRoute,
    ListCampaignRecipients: listCampaignRecipientsRoute,
    GetCampaignReport: getCampaignReportRoute,
  },
  { onWorkspace: registerWorkspacesIn(storeFromEnv()), errors: [campaignsErrors, emailErrors, listsErrors] },
);
