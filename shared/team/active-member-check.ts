import { ValidationError } from '../platform/errors';
import type { TransactItem } from '../store/transactions';
import { memberKey } from './team-keys';

/** A member id as Cognito gives it (`sub`, a UUID) or the local sign-in (32 hex): no key separators. */
export const memberIdPattern = /^[A-Za-z0-9-]{1,64}$/;

/**
 * The check that a record's owner or assignee is an active member of the workspace, run inside the
 * record's transaction so a member deactivated at the same instant cannot be given new work.
 */
export function activeMemberCheck(tableName: string, workspaceId: string, memberId: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: memberKey(workspaceId, memberId),
      ConditionExpression: 'attribute_exists(pk) AND #status = :active',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':active': 'active' },
    },
  };
}

/** What the caller is told when `field` names someone who is not an active member. */
export function notAnActiveMember(field: string): ValidationError {
  return new ValidationError({ [field]: 'Pick an active member of the workspace.' });
}
