import {
  type AttributeValue,
  BatchGetItemCommand,
  type BatchGetItemCommandInput,
  type BatchGetItemCommandOutput,
  BatchWriteItemCommand,
  type BatchWriteItemCommandInput,
  type BatchWriteItemCommandOutput,
  type ConditionCheck,
  type Delete,
  DeleteItemCommand,
  type DeleteItemCommandInput,
  type DeleteItemCommandOutput,
  type DynamoDBClient,
  GetItemCommand,
  type GetItemCommandInput,
  type GetItemCommandOutput,
  type KeysAndAttributes,
  type Put,
  PutItemCommand,
  type PutItemCommandInput,
  type PutItemCommandOutput,
  QueryCommand as SdkQueryCommand,
  type QueryCommandInput as SdkQueryCommandInput,
  type QueryCommandOutput as SdkQueryCommandOutput,
  ScanCommand as SdkScanCommand,
  type ScanCommandInput as SdkScanCommandInput,
  type ScanCommandOutput as SdkScanCommandOutput,
  type TransactWriteItem,
  TransactWriteItemsCommand,
  type TransactWriteItemsCommandInput,
  type TransactWriteItemsCommandOutput,
  type Update,
  UpdateItemCommand,
  type UpdateItemCommandInput,
  type UpdateItemCommandOutput,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { fromAttributeMap, type Item, type ReadOptions, toAttributeMap } from './attribute-values';

/**
 * The store's document client (decision 162): the commands the code uses, with the same plain-value inputs
 * and outputs as `@aws-sdk/lib-dynamodb`'s, each sent as the `@aws-sdk/client-dynamodb` command it stands
 * for through the real `DynamoDBClient`. A module imports only the commands it sends, so a bundle holds
 * only those.
 */

/** A command: plain values in and out, sent as the SDK command it stands for. */
export abstract class DocumentCommand<Input extends object, Output> {
  constructor(readonly input: Input) {}

  /** Sends the SDK command with the input's items as attribute values, and reads the output's items back. */
  abstract sendThrough(client: DynamoDBClient): Promise<Output>;
}

/** The port the store gives the domain operations: it sends document commands. */
export interface DocumentClient {
  send<Output>(command: DocumentCommand<object, Output>): Promise<Output>;
}

export function documentClientOf(dynamodb: DynamoDBClient): DocumentClient {
  return { send: (command) => command.sendThrough(dynamodb) };
}

/** An SDK shape with the named attribute-value maps as plain items. */
type Plain<T, Required extends keyof T, Optional extends keyof T = never> = Omit<T, Required | Optional> & {
  [K in Required]: Item;
} & { [K in Optional]?: Item };

const mapOf = (item: Item | undefined) => (item ? toAttributeMap(item) : undefined);
/** An input with its expression values (a condition's, an update's, a query's) as attribute values. */
const withValues = <Input extends { ExpressionAttributeValues?: Item }>(input: Input) => ({
  ...input,
  ExpressionAttributeValues: mapOf(input.ExpressionAttributeValues),
});
const itemOf = (map: Record<string, AttributeValue> | undefined, options?: ReadOptions) =>
  map ? fromAttributeMap(map, options) : undefined;
const itemsOf = (maps: Record<string, AttributeValue>[]) => maps.map((map) => fromAttributeMap(map));
const mapValues = <From, To>(record: Record<string, From>, convert: (value: From) => To) =>
  Object.fromEntries(Object.entries(record).map(([name, value]) => [name, convert(value)]));

export type GetCommandInput = Plain<GetItemCommandInput, 'Key'>;
export type GetCommandOutput = Plain<GetItemCommandOutput, never, 'Item'>;

export class GetCommand extends DocumentCommand<GetCommandInput, GetCommandOutput> {
  /** `read` says how to read the item (counters as exact numbers). */
  constructor(
    input: GetCommandInput,
    private readonly read: ReadOptions = {},
  ) {
    super(input);
  }

  async sendThrough(client: DynamoDBClient): Promise<GetCommandOutput> {
    const { Item, ...output } = await client.send(
      new GetItemCommand({ ...this.input, Key: toAttributeMap(this.input.Key) }),
    );
    return { ...output, Item: itemOf(Item, this.read) };
  }
}

export type PutCommandInput = Plain<PutItemCommandInput, 'Item', 'ExpressionAttributeValues'>;
export type PutCommandOutput = Plain<PutItemCommandOutput, never, 'Attributes'>;

export class PutCommand extends DocumentCommand<PutCommandInput, PutCommandOutput> {
  async sendThrough(client: DynamoDBClient): Promise<PutCommandOutput> {
    const { Attributes, ...output } = await client.send(
      new PutItemCommand({
        ...withValues(this.input),
        Item: toAttributeMap(this.input.Item),
      }),
    );
    return { ...output, Attributes: itemOf(Attributes) };
  }
}

export type UpdateCommandInput = Plain<UpdateItemCommandInput, 'Key', 'ExpressionAttributeValues'>;
export type UpdateCommandOutput = Plain<UpdateItemCommandOutput, never, 'Attributes'>;

export class UpdateCommand extends DocumentCommand<UpdateCommandInput, UpdateCommandOutput> {
  async sendThrough(client: DynamoDBClient): Promise<UpdateCommandOutput> {
    const { Attributes, ...output } = await client.send(
      new UpdateItemCommand({
        ...withValues(this.input),
        Key: toAttributeMap(this.input.Key),
      }),
    );
    return { ...output, Attributes: itemOf(Attributes) };
  }
}

export type DeleteCommandInput = Plain<DeleteItemCommandInput, 'Key', 'ExpressionAttributeValues'>;
export type DeleteCommandOutput = Plain<DeleteItemCommandOutput, never, 'Attributes'>;

export class DeleteCommand extends DocumentCommand<DeleteCommandInput, DeleteCommandOutput> {
  async sendThrough(client: DynamoDBClient): Promise<DeleteCommandOutput> {
    const { Attributes, ...output } = await client.send(
      new DeleteItemCommand({
        ...withValues(this.input),
        Key: toAttributeMap(this.input.Key),
      }),
    );
    return { ...output, Attributes: itemOf(Attributes) };
  }
}

/** A page of a Query or Scan: its items and where the next page starts. */
type PageOutput<T> = Omit<T, 'Items' | 'LastEvaluatedKey'> & { Items?: Item[]; LastEvaluatedKey?: Item };

export type QueryCommandInput = Plain<
  SdkQueryCommandInput,
  never,
  'ExpressionAttributeValues' | 'ExclusiveStartKey'
>;
export type QueryCommandOutput = PageOutput<SdkQueryCommandOutput>;

export class QueryCommand extends DocumentCommand<QueryCommandInput, QueryCommandOutput> {
  async sendThrough(client: DynamoDBClient): Promise<QueryCommandOutput> {
    const { Items, LastEvaluatedKey, ...output } = await client.send(
      new SdkQueryCommand({
        ...withValues(this.input),
        ExclusiveStartKey: mapOf(this.input.ExclusiveStartKey),
      }),
    );
    return { ...output, Items: Items && itemsOf(Items), LastEvaluatedKey: itemOf(LastEvaluatedKey) };
  }
}

export type ScanCommandInput = Plain<
  SdkScanCommandInput,
  never,
  'ExpressionAttributeValues' | 'ExclusiveStartKey'
>;
export type ScanCommandOutput = PageOutput<SdkScanCommandOutput>;

export class ScanCommand extends DocumentCommand<ScanCommandInput, ScanCommandOutput> {
  async sendThrough(client: DynamoDBClient): Promise<ScanCommandOutput> {
    const { Items, LastEvaluatedKey, ...output } = await client.send(
      new SdkScanCommand({
        ...withValues(this.input),
        ExclusiveStartKey: mapOf(this.input.ExclusiveStartKey),
      }),
    );
    return { ...output, Items: Items && itemsOf(Items), LastEvaluatedKey: itemOf(LastEvaluatedKey) };
  }
}

/** The keys to read from one table in a BatchGet (and those DynamoDB left unprocessed). */
export type BatchKeys = Omit<KeysAndAttributes, 'Keys'> & { Keys: Item[] };
export type BatchGetCommandInput = Omit<BatchGetItemCommandInput, 'RequestItems'> & {
  RequestItems: Record<string, BatchKeys>;
};
export type BatchGetCommandOutput = Omit<BatchGetItemCommandOutput, 'Responses' | 'UnprocessedKeys'> & {
  Responses?: Record<string, Item[]>;
  UnprocessedKeys?: Record<string, BatchKeys>;
};

export class BatchGetCommand extends DocumentCommand<BatchGetCommandInput, BatchGetCommandOutput> {
  async sendThrough(client: DynamoDBClient): Promise<BatchGetCommandOutput> {
    const { Responses, UnprocessedKeys, ...output } = await client.send(
      new BatchGetItemCommand({
        ...this.input,
        RequestItems: mapValues(this.input.RequestItems, (keys) => ({
          ...keys,
          Keys: keys.Keys.map(toAttributeMap),
        })),
      }),
    );
    return {
      ...output,
      Responses: Responses && mapValues(Responses, itemsOf),
      UnprocessedKeys:
        UnprocessedKeys &&
        mapValues(UnprocessedKeys, (keys) => ({ ...keys, Keys: itemsOf(keys.Keys ?? []) })),
    };
  }
}

/** One put or delete of a BatchWrite. */
export interface BatchWriteRequest {
  PutRequest?: { Item: Item };
  DeleteRequest?: { Key: Item };
}
export type BatchWriteCommandInput = Omit<BatchWriteItemCommandInput, 'RequestItems'> & {
  RequestItems: Record<string, BatchWriteRequest[]>;
};
export type BatchWriteCommandOutput = Omit<BatchWriteItemCommandOutput, 'UnprocessedItems'> & {
  UnprocessedItems?: Record<string, BatchWriteRequest[]>;
};

const writeRequest = ({ PutRequest, DeleteRequest }: BatchWriteRequest): WriteRequest => ({
  ...(PutRequest && { PutRequest: { Item: toAttributeMap(PutRequest.Item) } }),
  ...(DeleteRequest && { DeleteRequest: { Key: toAttributeMap(DeleteRequest.Key) } }),
});

const plainWriteRequest = ({ PutRequest, DeleteRequest }: WriteRequest): BatchWriteRequest => ({
  ...(PutRequest?.Item && { PutRequest: { Item: fromAttributeMap(PutRequest.Item) } }),
  ...(DeleteRequest?.Key && { DeleteRequest: { Key: fromAttributeMap(DeleteRequest.Key) } }),
});

export class BatchWriteCommand extends DocumentCommand<BatchWriteCommandInput, BatchWriteCommandOutput> {
  async sendThrough(client: DynamoDBClient): Promise<BatchWriteCommandOutput> {
    const { UnprocessedItems, ...output } = await client.send(
      new BatchWriteItemCommand({
        ...this.input,
        RequestItems: mapValues(this.input.RequestItems, (requests) => requests.map(writeRequest)),
      }),
    );
    return {
      ...output,
      UnprocessedItems:
        UnprocessedItems && mapValues(UnprocessedItems, (requests) => requests.map(plainWriteRequest)),
    };
  }
}

/** One write of a transaction, its key, item and expression values as plain values. */
export interface TransactItem {
  ConditionCheck?: Plain<ConditionCheck, 'Key', 'ExpressionAttributeValues'>;
  Put?: Plain<Put, 'Item', 'ExpressionAttributeValues'>;
  Delete?: Plain<Delete, 'Key', 'ExpressionAttributeValues'>;
  Update?: Plain<Update, 'Key', 'ExpressionAttributeValues'>;
}
export type TransactWriteCommandInput = Omit<TransactWriteItemsCommandInput, 'TransactItems'> & {
  TransactItems: TransactItem[];
};

const transactWriteItem = ({ ConditionCheck, Put, Delete, Update }: TransactItem): TransactWriteItem => ({
  ...(ConditionCheck && {
    ConditionCheck: { ...withValues(ConditionCheck), Key: toAttributeMap(ConditionCheck.Key) },
  }),
  ...(Put && {
    Put: { ...withValues(Put), Item: toAttributeMap(Put.Item) },
  }),
  ...(Delete && {
    Delete: { ...withValues(Delete), Key: toAttributeMap(Delete.Key) },
  }),
  ...(Update && {
    Update: { ...withValues(Update), Key: toAttributeMap(Update.Key) },
  }),
});

/** A transaction of writes; a cancelled one throws the SDK's TransactionCanceledException (see transactions.ts). */
export class TransactWriteCommand extends DocumentCommand<
  TransactWriteCommandInput,
  TransactWriteItemsCommandOutput
> {
  sendThrough(client: DynamoDBClient): Promise<TransactWriteItemsCommandOutput> {
    return client.send(
      new TransactWriteItemsCommand({
        ...this.input,
        TransactItems: this.input.TransactItems.map(transactWriteItem),
      }),
    );
  }
}
