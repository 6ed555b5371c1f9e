import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;

export interface StreamPoller {
  /** Resolves when every record written so far has been handed to the handler (for tests). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * Lambda's event source mapping for the table's stream, on DynamoDB Local: reads every shard from where
 * this run started, hands batches to the handler and, as with `ReportBatchItemFailures`, retries from the
 * first failed record (backing off) until it succeeds.
 */
export async function startStreamPoller(options: {
  endpoint: string;
  tableName: string;
  handler: StreamHandler;
  batchSize?: number;
  intervalMs?: number;
  log?: (line: string) => void;
}): Promise<StreamPoller> {
  const { endpoint, tableName, handler } = options;
  const interval = options.intervalMs ?? 200;
  const dynamo = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials });
  const streams = new DynamoDBStreamsClient({ endpoint, region: 'us-east-1', credentials });
  const table = await dynamo.send(new DescribeTableCommand({ TableName: tableName }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${tableName} has no stream`);

  /** Iterator per shard; shards seen at start are read from their latest record onwards. */
  const iterators = new Map<string, string | undefined>();
  const pending = new Map<string, _Record[]>();
  let stopped = false;
  let idle: Promise<unknown> = Promise.resolve();
  let failures = 0;

  async function discoverShards(initial: boolean): Promise<void> {
    const description = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of description.StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || iterators.has(shard.ShardId)) continue;
      const open = !shard.SequenceNumberRange?.EndingSequenceNumber;
      const iterator = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          // at start, what is already in the stream was handled by an earlier run (or never will be)
          ShardIteratorType: initial && open ? 'LATEST' : 'TRIM_HORIZON',
        }),
      );
      iterators.set(shard.ShardId, iterator.ShardIterator);
    }
  }

  function toLambdaRecord(record: _Record): DynamoDBRecord {
    return {
      eventID: record.eventID,
      eventName: record.eventName as DynamoDBRecord['eventName'],
      eventVersion: record.eventVersion,
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      eventSourceARN: streamArn,
      dynamodb: record.dynamodb as DynamoDBRecord['dynamodb'],
    };
  }

  async function deliver(shardId: string, records: _Record[]): Promise<boolean> {
    const batchSize = options.batchSize ?? 100;
    let queue = records;
    while (queue.length) {
      const batch = queue.slice(0, batchSize);
      let failedFrom = -1;
      try {
        const result = await handler({ Records: batch.map(toLambdaRecord) });
        const first = result?.batchItemFailures?.[0]?.itemIdentifier;
        if (first) failedFrom = batch.findIndex((record) => record.dynamodb?.SequenceNumber === first);
      } catch (error) {
        options.log?.(`stream handler failed: ${(error as Error).message}`);
        failedFrom = 0;
      }
      if (failedFrom >= 0) {
        pending.set(shardId, queue.slice(failedFrom));
        return false;
      }
      queue = queue.slice(batch.length);
    }
    pending.delete(shardId);
    return true;
  }

  async function pollOnce(): Promise<void> {
    await discoverShards(false);
    for (const [shardId, iterator] of iterators) {
      const retry = pending.get(shardId);
      if (retry && !(await deliver(shardId, retry))) continue;
      if (!iterator) continue;
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      iterators.set(shardId, page.NextShardIterator);
      if (page.Records?.length && !(await deliver(shardId, page.Records))) failures++;
    }
    if (![...pending.values()].some((records) => records.length)) failures = 0;
  }

  // one poll at a time: two polls holding the same shard iterator would deliver its records twice
  let queue: Promise<void> = Promise.resolve();
  const serialPoll = (): Promise<void> => {
    queue = queue.then(pollOnce, pollOnce);
    return queue;
  };

  await discoverShards(true);
  let timer: NodeJS.Timeout | undefined;
  const loop = () => {
    if (stopped) return;
    idle = serialPoll()
      .catch((error: unknown) => options.log?.(`stream poll failed: ${(error as Error).message}`))
      .finally(() => {
        if (stopped) return;
        // back off while a batch keeps failing, as the event source mapping does
        timer = setTimeout(loop, Math.min(interval * 2 ** failures, 10_000));
        timer.unref();
      });
  };
  loop();

  return {
    async drain() {
      await idle;
      await serialPoll();
      await serialPoll();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await idle;
      dynamo.destroy();
      streams.destroy();
    },
  };
}
