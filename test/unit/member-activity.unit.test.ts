import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import type { AuthContext } from '../../shared/platform/auth';
import {
  forgetMemberActivity,
  MemberDeactivatedError,
  memberActivityIntervalMs,
  recordMemberActivity,
} from '../../shared/platform/member-activity';
import type { DocumentClient, UpdateCommand } from '../../shared/store/document-client';
import type { Store } from '../../shared/store/store';

/** A store whose client records the commands it is sent, and answers with `answer`. */
function recordingStore(tableName: string, answer: () => unknown = () => ({})) {
  const sent: UpdateCommand[] = [];
  const client = {
    send: async (command: UpdateCommand) => {
      sent.push(command);
      const result = answer();
      if (result instanceof Error) throw result;
      return result;
    },
  } as unknown as DocumentClient;
  return { store: { client, tableName } satisfies Store, sent };
}

const auth: AuthContext = {
  workspaceId: 'acme',
  userId: 'member-1',
  email: 'ann@example.com',
  roles: ['sales'],
};
const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

describe("the caller's member item", () => {
  it('is one conditional UpdateItem from the claims: created if absent, active, roles from the token', async () => {
    const { store, sent } = recordingStore('activity-1');
    await recordMemberActivity(store, auth, at(0));
    expect(sent).toHaveLength(1);
    const input = sent[0]?.input;
    expect(input?.Key).toEqual({ pk: 'WS#acme#SETTINGS', sk: 'MEMBER#member-1' });
    expect(input?.ConditionExpression).toBe('attribute_not_exists(pk) OR #status <> :deactivated');
    expect(input?.ExpressionAttributeValues).toMatchObject({
      ':roles': ['sales'],
      ':email': 'ann@example.com',
      ':active': 'active',
      ':now': at(0).toISOString(),
    });
  });

  it('is written at most once a minute per member in a process, and again once forgotten', async () => {
    const { store, sent } = recordingStore('activity-2');
    await recordMemberActivity(store, auth, at(0));
    await recordMemberActivity(store, auth, at(memberActivityIntervalMs - 1));
    expect(sent).toHaveLength(1);
    await recordMemberActivity(store, { ...auth, userId: 'member-2' }, at(1));
    expect(sent).toHaveLength(2);
    await recordMemberActivity(store, auth, at(memberActivityIntervalMs));
    expect(sent).toHaveLength(3);
    forgetMemberActivity(store, 'acme', 'member-1');
    await recordMemberActivity(store, auth, at(memberActivityIntervalMs + 1));
    expect(sent).toHaveLength(4);
  });

  it('refuses a deactivated member with 403 auth.member_deactivated, and checks again on its next request', async () => {
    const refused = new ConditionalCheckFailedException({ message: 'refused', $metadata: {} });
    const { store, sent } = recordingStore('activity-3', () => refused);
    const attempt = recordMemberActivity(store, auth, at(0));
    await expect(attempt).rejects.toBeInstanceOf(MemberDeactivatedError);
    await expect(recordMemberActivity(store, auth, at(1))).rejects.toMatchObject({
      statusCode: 403,
      code: 'auth.member_deactivated',
    });
    expect(sent).toHaveLength(2);
  });

  it('lets a store failure through (a 500), and tries again on the next request', async () => {
    let fail = true;
    const { store, sent } = recordingStore('activity-4', () => (fail ? new Error('throttled') : {}));
    await expect(recordMemberActivity(store, auth, at(0))).rejects.toThrow('throttled');
    fail = false;
    await recordMemberActivity(store, auth, at(1));
    expect(sent).toHaveLength(2);
  });
});
