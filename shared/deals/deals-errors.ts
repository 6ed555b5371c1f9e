/** The error codes of pipelines and deals and what a user is told. */
export const dealsErrors = {
  'deal.not_found': 'This deal does not exist.',
  'deal.version_conflict': 'Someone else changed this deal. Reload it and try again.',
  'deal.stage_not_in_pipeline': 'This stage is not (or no longer) part of the pipeline. Reload the board.',
  'deal.unknown_lost_reason': 'Pick one of the lost reasons your admin keeps.',
  'deal.not_open': 'Only an open deal can be moved between stages. Reopen it first.',
  'deal.busy': 'Many changes reached this deal at once. Try again in a moment.',
  'pipeline.not_found': 'This pipeline does not exist.',
  'pipeline.version_conflict': 'Someone else changed this pipeline. Reload it and try again.',
  'pipeline.stage_not_empty':
    'A stage you removed still holds open deals. Say which stage they move to (moveDealsTo).',
  'pipeline.is_default': 'The default pipeline cannot be deleted.',
  'pipeline.not_empty': 'This pipeline still holds deals. Move or delete them first.',
  'deal.lost_reasons_conflict': 'Someone else changed the lost reasons. Reload them and try again.',
} as const satisfies Record<string, string>;
