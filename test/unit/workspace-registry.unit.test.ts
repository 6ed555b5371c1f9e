import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { registerWorkspace } from '../../shared/platform/workspace-registry';
import { PutCommand } from '../../shared/store/document-client';
import type { Store } from '../../shared/store/store';

/** A store that records its puts and answers them as told. */
function storeAnswering(answers: (() => unknown)[], tableName: string) {
  const puts: Record<string, unknown>[] = [];
  const store = {
    tableName,
    client: {
      async send(command: unknown) {
        if (!(command instanceof PutCommand)) throw new Error('only puts expected');
        puts.push(command.input as Record<string, unknown>);
        const answer = answers.shift();
        return answer ? answer() : {};
      },
    },
  } as unknown as Store;
  return { store, puts };
}

describe('registerWorkspace', () => {
  it('puts the registry item once, on condition, and then remembers it in this process', async () => {
    const { store, puts } = storeAnswering([], 'registry-once');
    await Promise.all([registerWorkspace(store, 'acme-1'), registerWorkspace(store, 'acme-1')]);
    await registerWorkspace(store, 'acme-1');
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatchObject({
      TableName: 'registry-once',
      Item: { pk: 'WORKSPACES', sk: 'WORKSPACE#acme-1', entity: 'workspace', workspaceId: 'acme-1' },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('takes an existing registration as done', async () => {
    const exists = () => {
      throw new ConditionalCheckFailedException({ message: 'exists', $metadata: {} });
    };
    const { store, puts } = storeAnswering([exists], 'registry-exists');
    await registerWorkspace(store, 'acme-2');
    await registerWorkspace(store, 'acme-2');
    expect(puts).toHaveLength(1);
  });

  it('forgets a failed registration, so the next call tries again', async () => {
    const throttled = () => {
      throw new Error('throttled');
    };
    const { store, puts } = storeAnswering([throttled], 'registry-retry');
    await expect(registerWorkspace(store, 'acme-3')).rejects.toThrow('throttled');
    await registerWorkspace(store, 'acme-3');
    await registerWorkspace(store, 'acme-3');
    expect(puts).toHaveLength(2);
  });
});
