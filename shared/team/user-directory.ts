import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  type AdminCreateUserCommandOutput,
  AdminDisableUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { claimNames } from '../platform/auth';
import { region } from '../platform/aws-clients';
import { ConflictError } from '../platform/errors';
import type { Role } from '../platform/roles';

/**
 * Who may sign in, and with which roles: the user pool in AWS (AdminCreateUser, groups, AdminDisableUser),
 * the local cloud's stand-in of the same API locally (decision 151). Team operations receive it as a port.
 */
export interface UserDirectory {
  /** Creates the user and mails it a temporary password; answers its `sub`, the member id. 409 if the email has an account. */
  createUser(user: {
    workspaceId: string;
    email: string;
    name?: string;
    roles: readonly Role[];
  }): Promise<string>;
  /** Puts the user in exactly `roles` (the groups), given the groups it had. */
  setRoles(memberId: string, roles: readonly Role[], previous: readonly Role[]): Promise<void>;
  /** The user can no longer sign in, and its refresh tokens are revoked. */
  disableUser(memberId: string): Promise<void>;
}

/**
 * The user pool (USER_POOL_ID) through the Cognito SDK; COGNITO_ENDPOINT points it at the local stand-in.
 * A user is created by email (the pool's sign-in alias) and addressed afterwards by its `sub`, which the
 * pool takes as its username.
 */
export function cognitoUserDirectory(env: NodeJS.ProcessEnv = process.env): UserDirectory {
  const userPoolId = env.USER_POOL_ID ?? '';
  let client: CognitoIdentityProviderClient | undefined;
  const cognito = () => {
    client ??= new CognitoIdentityProviderClient({
      region: region(env),
      ...(env.COGNITO_ENDPOINT
        ? { endpoint: env.COGNITO_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    });
    return client;
  };
  const group = (memberId: string, role: Role, add: boolean) =>
    cognito().send(
      add
        ? new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: memberId, GroupName: role })
        : new AdminRemoveUserFromGroupCommand({
            UserPoolId: userPoolId,
            Username: memberId,
            GroupName: role,
          }),
    );
  return {
    async createUser({ workspaceId, email, name, roles }) {
      let created: AdminCreateUserCommandOutput;
      try {
        created = await cognito().send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: email,
            DesiredDeliveryMediums: ['EMAIL'],
            UserAttributes: [
              { Name: 'email', Value: email },
              { Name: 'email_verified', Value: 'true' },
              { Name: claimNames.workspaceId, Value: workspaceId },
              ...(name ? [{ Name: 'name', Value: name }] : []),
            ],
          }),
        );
      } catch (error) {
        if (error instanceof UsernameExistsException || (error as Error).name === 'UsernameExistsException')
          throw new ConflictError('member.email_taken');
        throw error;
      }
      const sub = created.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
      if (!sub) throw new Error('AdminCreateUser answered a user without sub');
      for (const role of roles) await group(sub, role, true);
      return sub;
    },
    async setRoles(memberId, roles, previous) {
      for (const role of roles) if (!previous.includes(role)) await group(memberId, role, true);
      for (const role of previous) if (!roles.includes(role)) await group(memberId, role, false);
    },
    async disableUser(memberId) {
      await cognito().send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: memberId }));
      await cognito().send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: memberId }));
    },
  };
}
