import { dealsKeys, noCloseDateSentinel } from '../deals/deals-keys';
import type { Deps } from '../platform/deps';
import { NotFoundError, ValidationError } from '../platform/errors';
import { queryAllOfIndex, queryIndexRange } from '../store/queries';
import { crmTable } from '../store/table';
import type { Forecast, ForecastQuery } from './forecast';
import { horizonOf, periodOf, periodProblem } from './forecast-calendar';
import type { ClosedDealFacts, OpenDealFacts, PipelineFacts, StageExitFacts } from './forecast-facts';
import { historyOf } from './pipeline-figures';
import { weightedPipelineOf } from './weighted-pipeline';

type Item = Record<string, unknown>;

const openDealAttributes = [
  'id',
  'amount',
  'currency',
  'expectedCloseDate',
  'ownerId',
  'pipelineId',
  'stageId',
];
const closedDealAttributes = ['id', 'pipelineId', 'ownerId', 'status', 'createdAt', 'closedAt'];
const stageExitAttributes = ['dealId', 'pipelineId', 'fromStageId', 'at', 'timeInStageMs'];

/**
 * The forecast of a workspace (docs/metrics.md), read from the deals' index items (decision 160) and
 * computed by pure functions. Primary course:
 * 1. the period checked once its defaults are in (400); the pipelines (one Query of byCollection
 *    `PIPELINES`); an unknown `pipelineId` is 404;
 * 2. in parallel: the open deals expected before the end of the horizon (byName `DEALS#OPEN` below the
 *    7th month's first day), the undated ones (from the `~` sentinel), the deals won and lost in the
 *    period (byName `DEALS#WON|LOST` by close time), and each pipeline's stage exits in the period
 *    (byCollection `PIPELINE#p#STAGE_EXITS`): every Query paged to its end, projecting what the figures read;
 * 3. narrowed to the pipeline and owner asked for (stage exits know no owner: they are the pipeline's);
 * 4. the figures.
 */
export async function readForecast(
  { store, clock }: Deps,
  workspaceId: string,
  query: ForecastQuery,
): Promise<Forecast> {
  const timeZone = query.timeZone ?? 'UTC';
  const now = clock();
  const horizon = horizonOf(timeZone, now);
  const period = periodOf(timeZone, now, query);
  const problem = periodProblem(period);
  if (problem) throw new ValidationError({ [problem.field]: problem.message });
  const { byCollection, byName } = crmTable.indexes;

  const allPipelines = (
    await queryAllOfIndex(store, byCollection, dealsKeys.pipelinesPartition(workspaceId), {
      attributes: ['id', 'name', 'stages'],
    })
  ).map((item) => item as unknown as PipelineFacts);
  if (query.pipelineId && !allPipelines.some((pipeline) => pipeline.id === query.pipelineId))
    throw new NotFoundError('forecast.pipeline_not_found');
  const pipelines = allPipelines.filter((pipeline) => !query.pipelineId || pipeline.id === query.pipelineId);

  const closedBetween: [string, string] = [period.start, period.end];
  const [dated, undated, won, lost, exits] = await Promise.all([
    queryIndexRange(
      store,
      byName,
      dealsKeys.dealsByStatusPartition(workspaceId, 'OPEN'),
      { before: horizon.end },
      openDealAttributes,
    ),
    queryIndexRange(
      store,
      byName,
      dealsKeys.dealsByStatusPartition(workspaceId, 'OPEN'),
      { atOrAfter: noCloseDateSentinel },
      openDealAttributes,
    ),
    queryIndexRange(
      store,
      byName,
      dealsKeys.dealsByStatusPartition(workspaceId, 'WON'),
      { between: closedBetween },
      closedDealAttributes,
    ),
    queryIndexRange(
      store,
      byName,
      dealsKeys.dealsByStatusPartition(workspaceId, 'LOST'),
      { between: closedBetween },
      closedDealAttributes,
    ),
    Promise.all(
      pipelines.map((pipeline) =>
        queryIndexRange(
          store,
          byCollection,
          dealsKeys.stageExitsPartition(workspaceId, pipeline.id),
          { between: closedBetween },
          stageExitAttributes,
        ),
      ),
    ),
  ]);

  const asked = (deal: { pipelineId: string; ownerId: string }) =>
    (!query.pipelineId || deal.pipelineId === query.pipelineId) &&
    (!query.ownerId || deal.ownerId === query.ownerId);
  const openDeals = [...dated, ...undated].map(openDealOf).filter(asked);
  const closedDeals = [...won, ...lost].map((item) => item as unknown as ClosedDealFacts).filter(asked);
  const stageExits = exits.flat().map((item) => item as unknown as StageExitFacts);

  return {
    timeZone,
    today: horizon.today,
    months: horizon.months,
    period: { from: period.from, to: period.to },
    weighted: weightedPipelineOf(openDeals, pipelines, horizon),
    history: historyOf(pipelines, closedDeals, stageExits, period),
    pipelines: allPipelines.map(({ id, name }) => ({ id, name })),
  };
}

/** An open deal's facts; its amount is a decimal string (a DynamoDB number read exactly, if ever one). */
function openDealOf(item: Item): OpenDealFacts {
  return { ...(item as unknown as OpenDealFacts), amount: String(item.amount) };
}
