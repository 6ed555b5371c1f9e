import type { Context, EventBridgeEvent } from 'aws-lambda';
import { CampaignRunRequested } from '../../shared/campaigns/campaign-events';
import { runCampaign } from '../../shared/campaigns/run-campaign';
import { mailerFromEnv } from '../../shared/email/mailer';
import { sendingConfigFromEnv } from '../../shared/email/sending-config';
import { depsFromEnv } from '../../shared/platform/deps';
import { eventHandler } from '../../shared/platform/event-handler-frame';

const deps = {
  ...depsFromEnv(),
  mailer: mailerFromEnv(),
  sending: sendingConfigFromEnv(),
  publicApiUrl: process.env.PUBLIC_API_URL ?? '',
};

// the frame does not hand the invocation's time to the consumer: kept per invocation (one at a time)
let deadline = 0;

const frame = eventHandler({
  contract: CampaignRunRequested,
  name: 'RunCampaign',
  deps,
  handle: (detail, { deps }) => runCampaign(deps, detail, { timeLeftMs: () => deadline - Date.now() }),
});

/** campaign.run_requested: prepare and send the campaign until done, paused, or out of time (then hand over). */
export const handler = (
  event: EventBridgeEvent<string, unknown>,
  lambda?: Pick<Context, 'getRemainingTimeInMillis'>,
) => {
  deadline = Date.now() + (lambda?.getRemainingTimeInMillis() ?? 15 * 60_000);
  return frame(event, lambda);
};
