import { DynamoDBClient, type ServiceInputTypes, type ServiceOutputTypes } from '@aws-sdk/client-dynamodb';
import * as library from '@aws-sdk/lib-dynamodb';
import type { DeserializeMiddleware } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { ExactNumber } from '../../shared/store/attribute-values';
import * as store from '../../shared/store/document-client';

/** A raw SDK answer: what DynamoDB sends back, in attribute values. */
type Answer = Record<string, unknown>;

/**
 * Our document client over a DynamoDBClient whose `send` notes the SDK command and answers `answer`: no
 * network, the real SDK command objects.
 */
function ours(answer: Answer) {
  const sent: { name: string; input: unknown }[] = [];
  const dynamodb = {
    send: async (command: { constructor: { name: string }; input: unknown }) => {
      sent.push({ name: command.constructor.name, input: command.input });
      return { ...answer, $metadata: {} };
    },
  } as unknown as DynamoDBClient;
  return { client: store.documentClientOf(dynamodb), sent };
}

/**
 * lib-dynamodb, the oracle, over a real DynamoDBClient stopped just below its unmarshalling: it notes the
 * marshalled input and answers `answer` as if DynamoDB had, so its unmarshalling runs on it.
 */
function libraryClient(answer: Answer) {
  const sent: { name: string; input: unknown }[] = [];
  const dynamodb = new DynamoDBClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'unit', secretAccessKey: 'unit' },
  });
  const client = library.DynamoDBDocumentClient.from(dynamodb, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  const answerAsDynamoDB: DeserializeMiddleware<ServiceInputTypes, ServiceOutputTypes> =
    (_next, context) => async (args) => {
      sent.push({ name: String(context.commandName), input: args.input });
      return { output: { ...answer, $metadata: {} }, response: {} } as never;
    };
  client.middlewareStack.addRelativeTo(answerAsDynamoDB, {
    name: 'answerAsDynamoDB',
    relation: 'after',
    toMiddleware: 'DocumentUnmarshall',
  });
  return { client, sent };
}

const key = { pk: 'WS#acme#DEAL#1', sk: 'DEAL' };
const item = {
  ...key,
  name: 'Big order',
  amount: '1200.50',
  version: 3,
  tags: ['vip', undefined, 'q3'],
  owner: { id: 'member-1', note: undefined },
  closed: false,
  lostReason: null,
};
const rawItem = {
  pk: { S: key.pk },
  sk: { S: 'DEAL' },
  name: { S: 'Big order' },
  version: { N: '3' },
  tags: { L: [{ S: 'vip' }] },
  nested: { M: { n: { N: '1.5' }, set: { SS: ['a'] } } },
};
const rawKey = { pk: { S: key.pk }, sk: { S: 'DEAL' } };
const values = { ':v': 3, ':now': '2026-01-01T00:00:00.000Z', ':gone': undefined, ':list': ['a'] };

const updateInput = (sum: unknown) => ({
  TableName: 't',
  Key: key,
  UpdateExpression: 'SET version = :v, updatedAt = :now ADD #sum :sum',
  ExpressionAttributeNames: { '#sum': 'sum#S1#EUR' },
  ExpressionAttributeValues: { ...values, ':sum': sum },
  ReturnValues: 'ALL_NEW',
});

/**
 * Each command with the input both clients are given (lib-dynamodb's own where it differs: its NumberValue
 * for our ExactNumber) and what DynamoDB answers it.
 */
const cases = [
  {
    name: 'GetItem',
    commands: [store.GetCommand, library.GetCommand],
    input: { TableName: 't', Key: key, ConsistentRead: true },
    answer: { Item: rawItem, ConsumedCapacity: { TableName: 't', CapacityUnits: 1 } },
  },
  {
    name: 'PutItem',
    commands: [store.PutCommand, library.PutCommand],
    input: {
      TableName: 't',
      Item: item,
      ConditionExpression: 'attribute_not_exists(pk) OR version < :v',
      ExpressionAttributeValues: values,
      ReturnValues: 'ALL_OLD',
    },
    answer: { Attributes: rawItem },
  },
  {
    name: 'UpdateItem',
    commands: [store.UpdateCommand, library.UpdateCommand],
    input: updateInput(new ExactNumber('-12345678901234567.25')),
    libraryInput: updateInput(library.NumberValue.from('-12345678901234567.25')),
    answer: { Attributes: rawItem },
  },
  {
    name: 'DeleteItem',
    commands: [store.DeleteCommand, library.DeleteCommand],
    input: {
      TableName: 't',
      Key: key,
      ConditionExpression: 'version = :v',
      ExpressionAttributeValues: { ':v': 3 },
    },
    answer: {},
  },
  {
    name: 'Query',
    commands: [store.QueryCommand, library.QueryCommand],
    input: {
      TableName: 't',
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': 'WS#acme#DEALS' },
      ExclusiveStartKey: key,
      Limit: 2,
    },
    answer: { Items: [rawItem, rawKey], Count: 2, ScannedCount: 2, LastEvaluatedKey: rawKey },
  },
  {
    name: 'Scan',
    commands: [store.ScanCommand, library.ScanCommand],
    input: {
      TableName: 't',
      FilterExpression: '#entity IN (:e0)',
      ExpressionAttributeNames: { '#entity': 'entity' },
      ExpressionAttributeValues: { ':e0': 'deal' },
    },
    answer: { Items: [rawItem], Count: 1 },
  },
  {
    name: 'BatchGetItem',
    commands: [store.BatchGetCommand, library.BatchGetCommand],
    input: { RequestItems: { t: { Keys: [key, { pk: 'p', sk: 's' }], ConsistentRead: true } } },
    answer: { Responses: { t: [rawItem] }, UnprocessedKeys: { t: { Keys: [rawKey], ConsistentRead: true } } },
  },
  {
    name: 'BatchWriteItem',
    commands: [store.BatchWriteCommand, library.BatchWriteCommand],
    input: { RequestItems: { t: [{ PutRequest: { Item: item } }, { DeleteRequest: { Key: key } }] } },
    answer: {
      UnprocessedItems: { t: [{ PutRequest: { Item: rawItem } }, { DeleteRequest: { Key: rawKey } }] },
    },
  },
  {
    name: 'TransactWriteItems',
    commands: [store.TransactWriteCommand, library.TransactWriteCommand],
    input: {
      TransactItems: [
        {
          ConditionCheck: {
            TableName: 't',
            Key: key,
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: { ':v': 3 },
          },
        },
        { Put: { TableName: 't', Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Delete: { TableName: 't', Key: key } },
        {
          Update: {
            TableName: 't',
            Key: key,
            UpdateExpression: 'SET a = :a',
            ExpressionAttributeValues: { ':a': [1, undefined] },
          },
        },
      ],
    },
    answer: {},
  },
] as const;

type Command = new (input: never) => object;

/** Undefined members dropped: one side may name an absent output with undefined, the other leave it out. */
const defined = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (_key, member) => (typeof member === 'bigint' ? `${member}n` : member)));

describe('the document client, against @aws-sdk/lib-dynamodb', () => {
  it.each(cases)(
    'sends $name with the input lib-dynamodb sends, and reads its output as it does',
    async (command) => {
      const mine = ours(command.answer);
      const theirs = libraryClient(command.answer);
      const [Ours, Library] = command.commands as readonly [Command, Command];
      const libraryInput = 'libraryInput' in command ? command.libraryInput : command.input;
      const ourOutput = await mine.client.send(
        new Ours(command.input as never) as store.DocumentCommand<object, unknown>,
      );
      const libraryOutput = await theirs.client.send(new Library(libraryInput as never) as never);
      expect(mine.sent.map((sent) => sent.name)).toEqual([`${command.name}Command`]);
      expect(theirs.sent.map((sent) => sent.name)).toEqual([`${command.name}Command`]);
      expect(defined(mine.sent[0]?.input)).toEqual(defined(theirs.sent[0]?.input));
      const { $metadata: _ours, ...ourRest } = ourOutput as { $metadata: unknown };
      const { $metadata: _theirs, ...libraryRest } = libraryOutput as { $metadata: unknown };
      expect(defined(ourRest)).toEqual(defined(libraryRest));
    },
  );

  it('reads an item with the attributes named exact as ExactNumber', async () => {
    const { client } = ours({
      Item: { ...rawKey, 'sum#S1#EUR': { N: '98765432109876543210.5' }, version: { N: '2' } },
    });
    const { Item } = await client.send(
      new store.GetCommand({ TableName: 't', Key: key }, { exactNumbers: (name) => name.startsWith('sum#') }),
    );
    expect(Item).toEqual({ ...key, 'sum#S1#EUR': new ExactNumber('98765432109876543210.5'), version: 2 });
  });
});
