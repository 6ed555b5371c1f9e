import * as z from 'zod/mini';
import { singleLine } from '../platform/single-line-text';
import { RecordId, recordMeta } from '../records/record-fields';
import { MoneyTotal } from './money';

/**
 * Pipelines: the team's own sales process. A workspace has several; each has ordered stages with a name
 * and a win probability (0–100), and every deal ends in one of two outcomes, won or lost, which are not
 * stages. A new workspace gets one default pipeline (defaultPipelineStages).
 */
const stageName = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Give the stage a name.'),
    z.maxLength(60, 'Keep stage names to 60 characters.'),
    singleLine(),
  );
const probability = z
  .number()
  .check(
    z.int('Give the probability as a whole percent.'),
    z.gte(0, 'At least 0 %.'),
    z.lte(100, 'At most 100 %.'),
  );
const pipelineName = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Give the pipeline a name.'),
    z.maxLength(80, 'Keep the name to 80 characters.'),
    singleLine(),
  );

export const maxStages = 20;

export const Stage = z.object({ id: z.string(), name: z.string(), probability: z.int() });
export type Stage = z.output<typeof Stage>;

export const StageInput = z.strictObject({ name: stageName, probability });

const uniqueStageNames = z.refine<{ name: string }[]>(
  (stages) => new Set(stages.map((stage) => stage.name.toLowerCase())).size === stages.length,
  'Stage names must differ.',
);

export const PipelineInput = z.strictObject({
  name: pipelineName,
  stages: z
    .array(StageInput)
    .check(z.minLength(1, 'A pipeline needs a stage.'), z.maxLength(maxStages), uniqueStageNames),
});
export type PipelineInput = z.output<typeof PipelineInput>;

/**
 * A change. `stages` is the whole new ordered list: a stage with an `id` is kept (renamed, re-weighted,
 * moved to its new place), one without is added, a stage left out is removed. Removing a stage that holds
 * open deals answers 409 (`pipeline.stage_not_empty`) unless `moveDealsTo` maps it to a stage of the new
 * list, where its deals go.
 */
export const PipelinePatch = z
  .strictObject({
    name: z.optional(pipelineName),
    stages: z.optional(
      z
        .array(z.strictObject({ id: z.optional(RecordId), name: stageName, probability }))
        .check(z.minLength(1, 'A pipeline needs a stage.'), z.maxLength(maxStages), uniqueStageNames),
    ),
    moveDealsTo: z.optional(
      z.record(RecordId, RecordId).check(z.refine((moves) => Object.keys(moves).length <= maxStages)),
    ),
  })
  .check(z.refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.'));
export type PipelinePatch = z.output<typeof PipelinePatch>;

export const Pipeline = z.object({
  ...recordMeta,
  name: z.string(),
  stages: z.array(Stage),
  /** The workspace's default pipeline: where a deal goes when it names none. */
  isDefault: z.boolean(),
});
export type Pipeline = z.output<typeof Pipeline>;

export const PipelinePath = z.object({ pipelineId: z.string() });
export const PipelineList = z.object({ items: z.array(Pipeline) });

/** What a new workspace starts with. */
export const defaultPipelineStages: PipelineInput['stages'] = [
  { name: 'Qualified', probability: 10 },
  { name: 'Meeting booked', probability: 25 },
  { name: 'Proposal sent', probability: 50 },
  { name: 'Negotiation', probability: 75 },
  { name: 'Contract sent', probability: 90 },
];

/** The reasons a deal may be lost for, kept by an admin; `lostReason` must be one of them. */
export const LostReasons = z.object({ reasons: z.array(z.string()), version: z.int() });
export type LostReasons = z.output<typeof LostReasons>;
export const LostReasonsInput = z.strictObject({
  reasons: z
    .array(
      z
        .string()
        .check(
          z.trim(),
          z.minLength(1, 'A reason cannot be empty.'),
          z.maxLength(80, 'Keep reasons to 80 characters.'),
          singleLine(),
        ),
    )
    .check(
      z.maxLength(50, 'At most 50 reasons.'),
      z.refine((reasons) => new Set(reasons).size === reasons.length, 'Reasons must differ.'),
    ),
});
export const defaultLostReasons = [
  'Price',
  'Chose a competitor',
  'No budget',
  'No decision',
  'Timing',
  'Other',
];

/** A column's totals: how many open deals, their sum and their probability-weighted sum, per currency. */
export const StageTotals = z.object({
  count: z.int(),
  sums: z.array(z.object({ ...MoneyTotal.shape, weighted: z.string() })),
});
export type StageTotals = z.output<typeof StageTotals>;
