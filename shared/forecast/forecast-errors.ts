/** The error codes of the forecast and what a user is told. */
export const forecastErrors = {
  'forecast.pipeline_not_found': 'This pipeline does not exist.',
} as const satisfies Record<string, string>;
