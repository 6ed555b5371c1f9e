import type { Clock } from './clock';
import type { ScheduleRule } from './event-rules';
import { nextRun, parseSchedule } from './schedule-expression';

export interface Scheduler {
  /** When each rule fires next (undefined: never again), for logs and tests. */
  nextRuns(): ReadonlyMap<string, Date | undefined>;
  stop(): void;
}

/**
 * Fires each scheduled rule on its cron or rate, from the clock's "now". A run missed while the process
 * was asleep is skipped rather than caught up, as EventBridge does not replay missed schedules either.
 */
export function startScheduler(
  rules: readonly ScheduleRule[],
  clock: Clock,
  fire: (rule: ScheduleRule, time: Date) => void,
): Scheduler {
  const cancels = new Map<string, () => void>();
  const upcoming = new Map<string, Date | undefined>();
  let stopped = false;

  for (const rule of rules) {
    const schedule = parseSchedule(rule.schedule);
    const arm = (after: Date) => {
      let due = nextRun(schedule, after);
      while (due && due.getTime() < clock.now()) due = nextRun(schedule, due);
      upcoming.set(rule.name, due);
      if (!due || stopped) return;
      const at = due;
      cancels.set(
        rule.name,
        clock.setTimer(() => {
          if (stopped) return;
          fire(rule, at);
          arm(at);
        }, at.getTime() - clock.now()),
      );
    };
    arm(new Date(clock.now()));
  }

  return {
    nextRuns: () => new Map(upcoming),
    stop() {
      stopped = true;
      for (const cancel of cancels.values()) cancel();
      cancels.clear();
    },
  };
}
