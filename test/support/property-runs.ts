import { createHash } from 'node:crypto';

/**
 * Seed policy of the property tests: each property has a fixed seed derived from its name, so a run is
 * reproducible and a failure can be replayed; FC_SEED overrides every seed, FC_RUNS the number of runs.
 */
export function seedFor(name: string): number {
  const override = process.env.FC_SEED;
  if (override !== undefined && override !== '') return Number(override);
  return createHash('sha256').update(name).digest().readInt32BE(0);
}

export function runsFor(defaultRuns: number): number {
  const override = Number(process.env.FC_RUNS);
  return Number.isInteger(override) && override > 0 ? override : defaultRuns;
}

export function replayHint(name: string, seed: number, project = 'int'): string {
  return `seed ${seed}: replay with FC_SEED=${seed} npx vitest run --project ${project} -t "${name}"`;
}
