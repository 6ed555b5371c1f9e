import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { documentClientOf } from '../../shared/store/document-client';

/**
 * A real client against a DynamoDB Local that notes the name of every command it sends: empty `sent`, run
 * an operation, read what it cost. For the read-cost tests and the benchmarks.
 */
export function countingStore(endpoint: string, tableName: string) {
  const dynamodb = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const sent: string[] = [];
  dynamodb.middlewareStack.add(
    (next, context) => (args) => {
      sent.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
  return { store: { client: documentClientOf(dynamodb), tableName }, sent };
}
