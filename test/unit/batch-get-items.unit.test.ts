import { describe, expect, it } from 'vitest';
import type { BatchGetCommand } from '../../shared/store/document-client';
import { batchGetItems } from '../../shared/store/queries';

type Key = { pk: string; sk: string };
const key = (id: string): Key => ({ pk: `WS#w#CONTACT#${id}`, sk: 'CONTACT' });

/** A client whose BatchGets answer `processed` keys per call (the rest come back unprocessed, as when throttled). */
function throttlingStore(processedPerCall: number[]) {
  const asked: Key[][] = [];
  const store = {
    tableName: 'crm',
    client: {
      send: async (command: BatchGetCommand) => {
        const keys = command.input.RequestItems?.crm?.Keys as Key[];
        asked.push(keys);
        const processed = processedPerCall.shift() ?? keys.length;
        const left = keys.slice(processed);
        return {
          Responses: { crm: keys.slice(0, processed).map((item) => ({ ...item, id: item.pk })) },
          ...(left.length ? { UnprocessedKeys: { crm: { Keys: left } } } : {}),
        };
      },
    } as never,
  };
  return { store, asked };
}

describe('batchGetItems', () => {
  it('asks again for the keys DynamoDB left unprocessed until every key is answered', async () => {
    const { store, asked } = throttlingStore([1, 0, 1]);
    const keys = ['A', 'B', 'C'].map(key);
    const found = await batchGetItems(store, keys);
    expect(found.map((item) => item.pk).sort()).toEqual(keys.map((item) => item.pk).sort());
    expect(asked.map((request) => request.length)).toEqual([3, 2, 2, 1]);
  });

  it('fails rather than report keys as missing when they stay unprocessed', async () => {
    const { store, asked } = throttlingStore(Array.from({ length: 20 }, () => 0));
    await expect(batchGetItems(store, [key('A')])).rejects.toThrow(/unprocessed/);
    expect(asked).toHaveLength(8);
  });
});
