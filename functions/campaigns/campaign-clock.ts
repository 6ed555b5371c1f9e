import { campaignClockInWorkspace } from '../../shared/campaigns/campaign-clock';
import { depsFromEnv } from '../../shared/platform/deps';
import { workspaceJob } from '../../shared/platform/job-frame';

/** Every minute: start due campaigns, put in-doubt sends back to queued, ask stalled runs again. */
export const handler = workspaceJob({
  name: 'CampaignClock',
  deps: depsFromEnv(),
  runForWorkspace: (deps, workspaceId) => campaignClockInWorkspace(deps, workspaceId),
});
