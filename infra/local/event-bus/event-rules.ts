import type {
  EventDrivenTrigger,
  EventPattern,
  EventTrigger,
  ScheduleExpression,
  ScheduleTrigger,
} from '../../../shared/events/event-pattern';

/** An EventBridge rule on the local bus: it sends matching events to one function of the registry. */
export interface EventPatternRule {
  name: string;
  functionName: string;
  eventPattern: EventPattern;
  /** Only events put on this bus (name or ARN); omitted, the rule sees every bus. */
  eventBusName?: string;
}

/** A scheduled rule: the function runs on the schedule with a `Scheduled Event` from `aws.events`. */
export interface ScheduleRule {
  name: string;
  functionName: string;
  schedule: ScheduleExpression;
}

export type LocalEventRule = EventPatternRule | ScheduleRule;

export const isScheduleRule = (rule: LocalEventRule): rule is ScheduleRule => 'schedule' in rule;

const isEventTrigger = (trigger: { kind: string }): trigger is EventTrigger => trigger.kind === 'event';
const isScheduleTrigger = (trigger: { kind: string }): trigger is ScheduleTrigger =>
  trigger.kind === 'schedule';

/**
 * The rules of the registry's event- and schedule-triggered functions, named `<Function>Rule` and
 * `<Function>Schedule`; HTTP functions have none. A trigger on the `default` bus (AWS service events: SES)
 * listens there only; the others listen on `appBus` (the CRM's bus) when given, else on every bus.
 */
export function rulesFromFunctions(
  functions: readonly { name: string; trigger: EventDrivenTrigger | { kind: string } }[],
  options: { appBus?: string } = {},
): LocalEventRule[] {
  return functions.flatMap((fn): LocalEventRule[] => {
    if (isEventTrigger(fn.trigger)) {
      const bus = fn.trigger.bus === 'default' ? 'default' : options.appBus;
      return [
        {
          name: `${fn.name}Rule`,
          functionName: fn.name,
          eventPattern: fn.trigger.pattern,
          ...(bus ? { eventBusName: bus } : {}),
        },
      ];
    }
    if (isScheduleTrigger(fn.trigger)) {
      return [{ name: `${fn.name}Schedule`, functionName: fn.name, schedule: fn.trigger.expression }];
    }
    return [];
  });
}
