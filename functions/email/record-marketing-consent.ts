import { ConsentConfirmed } from '../../shared/consents/consent-events';
import { recordMarketingConsent } from '../../shared/email/record-marketing-consent';
import { depsFromEnv } from '../../shared/platform/deps';
import { eventHandler } from '../../shared/platform/event-handler-frame';

/** consent.confirmed: the contact may now be mailed, unless it unsubscribed after consenting. */
export const handler = eventHandler({
  contract: ConsentConfirmed,
  name: 'RecordMarketingConsent',
  deps: depsFromEnv(),
  handle: async (detail, { deps, log }) => {
    const subscribed = await recordMarketingConsent(deps, detail.workspaceId, detail);
    log.info(subscribed ? 'contact subscribed to marketing mail' : 'consent not applied: withdrawn since', {
      contactId: detail.contactId,
    });
  },
});
