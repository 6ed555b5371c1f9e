import { defineCapability } from '../platform/capability';
import { CampaignCompleted, CampaignRunRequested, CampaignStarted } from './campaign-events';
import { campaignsErrors } from './campaigns-errors';
import { campaignsKeys } from './campaigns-keys';
import { campaignsPersonalData } from './campaigns-personal-data';
import { campaignsRoutes } from './campaigns-routes';

export const campaignsCapability = defineCapability({
  name: 'campaigns',
  description: 'Email campaigns: a template sent once to each contact of an audience, now or at a local time',
  routes: campaignsRoutes,
  api: {
    handler: 'campaigns/campaigns-api',
    access: {
      table: 'readWrite',
    },
  },
  background: [
    {
      name: 'RunCampaign',
      handler: 'campaigns/run-campaign',
      description:
        "Prepare a campaign's recipients and send to each exactly once (lease, claim, SES, record), handing over before the timeout",
      trigger: {
        kind: 'event',
        pattern: {
          source: ['crm'],
          'detail-type': ['campaign.run_requested'],
        },
      },
      access: {
        table: 'readWrite',
        ses: 'send',
      },
      timeoutSeconds: 900,
      memoryMb: 512,
      publicApiUrl: true,
    },
    {
      name: 'CampaignClock',
      handler: 'campaigns/campaign-clock',
      description: 'Start due campaigns, put in-doubt sends back to queued, ask stalled runs again',
      trigger: {
        kind: 'schedule',
        expression: 'rate(1 minute)',
      },
      access: {
        table: 'readWrite',
      },
      timeoutSeconds: 60,
    },
  ],
  events: [CampaignStarted, CampaignCompleted, CampaignRunRequested],
  errors: campaignsErrors,
  personalData: campaignsPersonalData,
  keys: campaignsKeys,
});
