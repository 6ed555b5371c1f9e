import type { Pipeline } from './pipeline';

/** A stage's name by pipeline and stage id, from the pipelines a change read (its id if it is gone). */
export function stageNamesOf(pipelines: readonly Pipeline[]) {
  const names = new Map(
    pipelines.flatMap((pipeline) =>
      pipeline.stages.map((stage) => [`${pipeline.id}/${stage.id}`, stage.name] as const),
    ),
  );
  return (pipelineId: string, stageId: string) => names.get(`${pipelineId}/${stageId}`) ?? stageId;
}
