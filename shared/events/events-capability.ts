import { defineCapability } from '../platform/capability';
import { eventsKeys } from './events-keys';
import { outboxPersonalData } from './outbox-personal-data';

export const eventsCapability = defineCapability({
  name: 'events',
  description: 'Domain events: the outbox published to EventBridge',
  background: [
    {
      name: 'PublishOutboxEvents',
      handler: 'events/publish-outbox-events',
      description: 'Publish the domain events of new outbox items to EventBridge',
      trigger: {
        kind: 'stream',
        filter: {
          eventName: ['INSERT'],
          dynamodb: {
            NewImage: {
              sk: {
                S: ['OUTBOX'],
              },
            },
          },
        },
        batchSize: 100,
      },
      access: {
        eventBus: 'publish',
      },
    },
  ],
  personalData: outboxPersonalData,
  keys: eventsKeys,
});
