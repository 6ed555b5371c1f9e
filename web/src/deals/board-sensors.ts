import { KeyboardSensor, PointerSensor } from '@dnd-kit/core';
import type { KeyboardEvent, PointerEvent } from 'react';

/**
 * A card's pointer press drags it, except on its action menu (`data-no-drag`), and only after the pointer
 * moved a few pixels (the sensor's activation distance), so a click still opens the deal.
 */
export class CardPointerSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent }: PointerEvent) =>
        nativeEvent.isPrimary &&
        nativeEvent.button === 0 &&
        !(nativeEvent.target instanceof Element && nativeEvent.target.closest('[data-no-drag]')),
    },
  ];
}

/**
 * Space or Enter on the focused card picks it up (arrows move it, Space/Enter drops, Escape cancels); the
 * same keys on its link or menu button inside do what they say instead.
 */
export class CardKeyboardSensor extends KeyboardSensor {
  static override activators = [
    {
      eventName: 'onKeyDown' as const,
      handler: (
        event: KeyboardEvent,
        options: Parameters<(typeof KeyboardSensor.activators)[number]['handler']>[1],
        context: Parameters<(typeof KeyboardSensor.activators)[number]['handler']>[2],
      ) =>
        event.target === event.currentTarget &&
        (KeyboardSensor.activators[0]?.handler(event, options, context) ?? false),
    },
  ];
}
