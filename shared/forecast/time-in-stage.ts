import { divideRounded } from './decimal';
import type { StageTime } from './forecast';
import type { ForecastPeriod } from './forecast-calendar';
import type { PipelineFacts, StageExitFacts } from './forecast-facts';

/**
 * The average time in each stage of a pipeline (docs/metrics.md): over the stage exits of the period (a
 * deal left the stage for another, or was won or lost from it), the mean of the time spent in the stage,
 * in whole milliseconds rounded half up. Every current stage is listed in its order (no exit: null); a
 * stage removed since still shows its exits after them, by id, with no name. Pure.
 */
export function timeInStagesOf(
  pipeline: PipelineFacts,
  exits: readonly StageExitFacts[],
  period: Pick<ForecastPeriod, 'start' | 'end'>,
): StageTime[] {
  const spent = new Map<string, { exits: number; totalMs: bigint }>();
  for (const exit of exits) {
    if (exit.pipelineId !== pipeline.id || !exit.fromStageId || exit.timeInStageMs === undefined) continue;
    if (exit.at < period.start || exit.at >= period.end) continue;
    const before = spent.get(exit.fromStageId) ?? { exits: 0, totalMs: 0n };
    spent.set(exit.fromStageId, {
      exits: before.exits + 1,
      totalMs: before.totalMs + BigInt(Math.round(exit.timeInStageMs)),
    });
  }
  const timeOf = (stageId: string, name: string | null): StageTime => {
    const sum = spent.get(stageId);
    return {
      stageId,
      name,
      removed: name === null,
      exits: sum?.exits ?? 0,
      averageMs: sum ? Number(divideRounded(sum.totalMs, BigInt(sum.exits))) : null,
    };
  };
  const current = new Set(pipeline.stages.map((stage) => stage.id));
  const removed = [...spent.keys()].filter((stageId) => !current.has(stageId)).sort();
  return [
    ...pipeline.stages.map((stage) => timeOf(stage.id, stage.name)),
    ...removed.map((stageId) => timeOf(stageId, null)),
  ];
}
