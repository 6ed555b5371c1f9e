import type { Forecast, PipelineFigures } from './forecast';
import type { ForecastPeriod } from './forecast-calendar';
import type { ClosedDealFacts, PipelineFacts, StageExitFacts } from './forecast-facts';
import { salesCycleOf } from './sales-cycle';
import { timeInStagesOf } from './time-in-stage';
import { winRateOf } from './win-rate';

/**
 * The historical figures per pipeline (win rate, sales cycle, time in each stage) and over all of the
 * given pipelines. A closed deal counts for the pipeline it closed in. Pure.
 */
export function historyOf(
  pipelines: readonly PipelineFacts[],
  closed: readonly ClosedDealFacts[],
  exits: readonly StageExitFacts[],
  period: Pick<ForecastPeriod, 'start' | 'end'>,
): Forecast['history'] {
  const byPipeline: PipelineFigures[] = pipelines.map((pipeline) => {
    const mine = closed.filter((deal) => deal.pipelineId === pipeline.id);
    return {
      pipelineId: pipeline.id,
      name: pipeline.name,
      winRate: winRateOf(mine, period),
      salesCycle: salesCycleOf(mine, period),
      stages: timeInStagesOf(pipeline, exits, period),
    };
  });
  const ids = new Set(pipelines.map((pipeline) => pipeline.id));
  const inPipelines = closed.filter((deal) => ids.has(deal.pipelineId));
  return {
    overall: { winRate: winRateOf(inPipelines, period), salesCycle: salesCycleOf(inPipelines, period) },
    byPipeline,
  };
}
