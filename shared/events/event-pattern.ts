/**
 * The EventBridge event-pattern language and the two event-driven function triggers, as plain types.
 * Capabilities declare their background triggers with them, the CDK stack hands the same objects to `events.Rule`
 * (`eventPattern` / `Schedule.expression(...)`), and the local bus matches and schedules with them.
 * Types only: nothing here may pull in aws-cdk-lib or runtime code.
 */

/** A JSON scalar compared exactly and type-strictly: `"5"` does not match `5`, `"false"` not `false`. */
export type EventPatternScalar = string | number | boolean | null;

export interface IgnoreCase {
  readonly 'equals-ignore-case': string;
}

/** `["=", 5]`, `[">", 0]`, `["<=", 10]` or a range: a lower bound first, then an upper bound. */
export type NumericComparison =
  | readonly ['=' | '>' | '>=' | '<' | '<=', number]
  | readonly ['>' | '>=', number, '<' | '<=', number];

export type AnythingBut =
  | string
  | number
  | readonly string[]
  | readonly number[]
  | { readonly prefix: string | readonly string[] }
  | { readonly suffix: string | readonly string[] }
  | { readonly 'equals-ignore-case': string | readonly string[] }
  | { readonly wildcard: string | readonly string[] };

/** The content-filter operators, one per object: `[{ "prefix": "seed." }]`. */
export type EventPatternOperator =
  | { readonly prefix: string | IgnoreCase }
  | { readonly suffix: string | IgnoreCase }
  | { readonly 'equals-ignore-case': string }
  | { readonly 'anything-but': AnythingBut }
  | { readonly numeric: NumericComparison }
  | { readonly exists: boolean }
  | { readonly cidr: string }
  | { readonly wildcard: string };

export type EventPatternMatcher = EventPatternScalar | EventPatternOperator;

/** A leaf is always an array; the field matches when any of its matchers does. */
export type EventPatternLeaf = readonly EventPatternMatcher[];

/**
 * An event pattern: fields are ANDed, nested objects follow the event's nesting, and `$or` takes two or
 * more sub-patterns of which one must match.
 */
export interface EventPattern {
  readonly $or?: readonly EventPattern[];
  readonly [field: string]: EventPatternLeaf | EventPattern | readonly EventPattern[] | undefined;
}

/** EventBridge schedule expressions, always UTC: `cron(0 3 * * ? *)`, `rate(5 minutes)`. */
export type ScheduleExpression = `cron(${string})` | `rate(${string})`;

/** Run the function for every event on the application bus that matches `pattern`. */
export interface EventTrigger {
  readonly kind: 'event';
  readonly pattern: EventPattern;
  /**
   * `default`: the account's default bus instead of the CRM's, for AWS service events (SES publishes its
   * sending events only there, decision 170).
   */
  readonly bus?: 'default';
}

/** Run the function on a schedule (an EventBridge scheduled rule; the event's `detail` is `{}`). */
export interface ScheduleTrigger {
  readonly kind: 'schedule';
  readonly expression: ScheduleExpression;
}

export type EventDrivenTrigger = EventTrigger | ScheduleTrigger;
