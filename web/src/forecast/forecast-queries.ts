import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Forecast } from '../../../shared/forecast/forecast';
import { apiRequest } from '../api/api-client';
import { browserTimeZone } from '../tasks/task-queries';

export interface ForecastParams {
  pipelineId?: string;
  ownerId?: string;
  from?: string;
  to?: string;
}

/** The forecast in the user's time zone: its months, "overdue" and the period are the user's days. */
export const forecastQuery = (params: ForecastParams) =>
  queryOptions({
    queryKey: ['forecast', params] as const,
    queryFn: ({ signal }) =>
      apiRequest<Forecast>('/api/forecast', { query: { ...params, timeZone: browserTimeZone() }, signal }),
    placeholderData: keepPreviousData,
  });
