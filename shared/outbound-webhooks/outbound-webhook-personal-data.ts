import type { PersonalDataDeclaration } from '../privacy/personal-data';

/** What outbound webhooks keep of a person: deliveries of events that carried it (keys.outboundDelivery). */
export const outboundWebhookPersonalData = [
  {
    itemType: 'outboundDelivery',
    description: 'A delivery of a CRM event about the person to a subscription, with the exact body sent',
    attributes: ['body'],
    erasure: 'delete',
    location: { kind: 'linked', link: 'OUTBOUND_DELIVERY' },
  },
] as const satisfies readonly PersonalDataDeclaration[];
