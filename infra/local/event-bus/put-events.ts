/**
 * EventBridge's PutEvents request checks, as the service answers them (AWS JSON 1.1): request-level
 * faults are a `ValidationException` for the whole call; a bad entry fails alone with an `ErrorCode`
 * while the others are accepted.
 */

/** A fault the AWS JSON protocol reports as HTTP 400 with `{"__type", "message"}`. */
export class AwsServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
    this.name = type;
  }
}

export interface AcceptedEntry {
  source: string;
  detailType: string;
  detail: Record<string, unknown>;
  resources: string[];
  time: Date | undefined;
  eventBusName: string;
}

export type EntryResult =
  | { accepted: AcceptedEntry }
  | { rejected: { ErrorCode: string; ErrorMessage: string } };

export const maxEntriesPerRequest = 10;
/**
 * EventBridge's limit on the entries of one request, computed as in "Calculating PutEvents event entry
 * size". AWS raised it from 256 KB to 1 MB in January 2026; the local bus keeps the stricter 256 KB by
 * default so that whatever passes here passes in AWS.
 */
export const defaultMaxRequestBytes = 256 * 1024;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const utf8Bytes = (text: unknown) => (typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : 0);

function entrySize(entry: Record<string, unknown>): number {
  const resources = Array.isArray(entry.Resources) ? entry.Resources : [];
  return (
    (entry.Time !== undefined ? 14 : 0) +
    utf8Bytes(entry.Source) +
    utf8Bytes(entry.DetailType) +
    utf8Bytes(entry.Detail) +
    resources.reduce((sum: number, resource) => sum + utf8Bytes(resource), 0)
  );
}

/** `arn:aws:events:eu-central-1:123456789012:event-bus/seed-crm` and `seed-crm` name the same bus. */
export function eventBusNameOf(nameOrArn: unknown): string {
  if (typeof nameOrArn !== 'string' || nameOrArn === '') return 'default';
  const arn = /^arn:[^:]+:events:[^:]*:[^:]*:event-bus\/(.+)$/.exec(nameOrArn);
  return arn ? (arn[1] as string) : nameOrArn;
}

function timeOf(value: unknown): Date | undefined {
  // the SDK sends epoch seconds (with a fraction); ISO strings are taken too
  const time =
    typeof value === 'number'
      ? new Date(value * 1000)
      : typeof value === 'string'
        ? new Date(value)
        : undefined;
  return time && !Number.isNaN(time.getTime()) ? time : undefined;
}

const invalidArgument = (parameter: string) => ({
  rejected: {
    ErrorCode: 'InvalidArgument',
    ErrorMessage: `Parameter ${parameter} is not valid. Reason: ${parameter} is a required argument.`,
  },
});

function checkEntry(entry: unknown): EntryResult {
  if (!isRecord(entry)) return invalidArgument('Source');
  const { Source: source, DetailType: detailType, Detail: detailText } = entry;
  if (typeof source !== 'string' || source === '') return invalidArgument('Source');
  if (typeof detailType !== 'string' || detailType === '') return invalidArgument('DetailType');
  if (typeof detailText !== 'string' || detailText === '') return invalidArgument('Detail');
  // only AWS services publish aws.* events; the local cloud simulates those with publishServiceEvent
  if (source.startsWith('aws.')) {
    return {
      rejected: {
        ErrorCode: 'NotAuthorizedForSourceException',
        ErrorMessage: 'Not authorized for the source.',
      },
    };
  }
  let detail: unknown;
  try {
    detail = JSON.parse(detailText);
  } catch {
    detail = undefined;
  }
  if (!isRecord(detail)) {
    return { rejected: { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' } };
  }
  const resources = Array.isArray(entry.Resources)
    ? entry.Resources.filter((resource): resource is string => typeof resource === 'string')
    : [];
  return {
    accepted: {
      source,
      detailType,
      detail,
      resources,
      time: timeOf(entry.Time),
      eventBusName: eventBusNameOf(entry.EventBusName),
    },
  };
}

/** Checks a PutEvents body; throws `AwsServiceError` for the whole request, or returns one result per entry. */
export function checkPutEventsRequest(
  body: unknown,
  maxRequestBytes = defaultMaxRequestBytes,
): EntryResult[] {
  const entries = isRecord(body) ? body.Entries : undefined;
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new AwsServiceError(
      'ValidationException',
      "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  }
  if (entries.length > maxEntriesPerRequest) {
    throw new AwsServiceError(
      'ValidationException',
      `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length less than or equal to ${maxEntriesPerRequest}`,
    );
  }
  const size = entries.reduce((sum: number, entry) => sum + (isRecord(entry) ? entrySize(entry) : 0), 0);
  if (size > maxRequestBytes) {
    throw new AwsServiceError(
      'ValidationException',
      'Total size of the entries in the request is over the limit.',
    );
  }
  return entries.map(checkEntry);
}
