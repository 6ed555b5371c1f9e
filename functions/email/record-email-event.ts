import type { Context, EventBridgeEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { recordEmailEvent } from '../../shared/email/record-email-event';
import { messageSubjectOf, SesEventDetail } from '../../shared/email/ses-event';
import { eventMetadata } from '../../shared/events/domain-event';
import { depsFromEnv } from '../../shared/platform/deps';
import { eventHandler } from '../../shared/platform/event-handler-frame';
import { logger } from '../../shared/platform/logger';

/**
 * SES's events as the frame takes them: the envelope id is the dedupe key (SES may deliver an event twice),
 * the workspace comes from the message tag `crm_workspace`, and the SES record rides along.
 */
const SesFrameEvent = {
  detailType: 'aws.ses',
  detail: z.object({ ...eventMetadata, ses: SesEventDetail }),
};

const frame = eventHandler({
  contract: SesFrameEvent,
  name: 'RecordEmailEvent',
  deps: depsFromEnv(),
  handle: async (detail, { deps, log }) => {
    const subject = messageSubjectOf(detail.ses);
    if (!subject) return;
    await recordEmailEvent({ ...deps, log }, { eventId: detail.eventId, detail: detail.ses, subject });
  },
});

/** aws.ses on the default bus: mail the CRM sent (tagged with its workspace) is recorded, other mail ignored. */
export async function handler(event: EventBridgeEvent<string, unknown>, lambda?: Context) {
  const parsed = z.safeParse(SesEventDetail, event.detail);
  const subject = parsed.success ? messageSubjectOf(parsed.data) : undefined;
  if (parsed.success && !subject) {
    logger.info('SES event for mail the CRM did not tag', { eventType: parsed.data.eventType });
    return;
  }
  return frame(
    {
      ...event,
      detail: {
        eventId: event.id,
        eventVersion: 1,
        workspaceId: subject?.workspaceId ?? '',
        occurredAt: event.time,
        ses: event.detail,
      },
    },
    lambda,
  );
}
