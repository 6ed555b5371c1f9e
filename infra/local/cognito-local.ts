import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { claimNames } from '../../shared/platform/auth';
import { isRole } from '../../shared/platform/roles';
import type { LocalUser, LocalUsers } from './local-users';

export interface CognitoLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/** A Cognito error as the JSON protocol sends it; the SDK turns `__type` into the exception's name. */
class CognitoFault extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

type Request = Record<string, unknown> & { Username?: string };
const targetPrefix = 'AWSCognitoIdentityProviderService.';

function attributesOf(user: LocalUser) {
  return [
    { Name: 'sub', Value: user.sub },
    { Name: 'email', Value: user.email },
    { Name: 'email_verified', Value: 'true' },
    { Name: claimNames.workspaceId, Value: user.workspaceId },
    ...(user.name ? [{ Name: 'name', Value: user.name }] : []),
  ];
}

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** The Admin* operations the team capability uses, over the shared local user store. */
function operations(users: LocalUsers): Record<string, (request: Request) => unknown> {
  const userOf = (request: Request) => {
    const user = users.find(String(request.Username ?? ''));
    if (!user) throw new CognitoFault('UserNotFoundException', 'User does not exist.');
    return user;
  };
  const groupOf = (request: Request) => {
    const group = String(request.GroupName ?? '');
    if (!isRole(group)) throw new CognitoFault('ResourceNotFoundException', 'Group not found.');
    return group;
  };
  return {
    AdminCreateUser: (request) => {
      const attributes = new Map(
        ((request.UserAttributes ?? []) as { Name: string; Value: string }[]).map((a) => [a.Name, a.Value]),
      );
      const email = String(attributes.get('email') ?? request.Username ?? '').toLowerCase();
      const workspaceId = attributes.get(claimNames.workspaceId);
      if (!email || !workspaceId)
        throw new CognitoFault('InvalidParameterException', 'email and custom:workspaceId are required.');
      const name = attributes.get('name');
      const user = users.create({
        email,
        workspaceId,
        ...(name ? { name } : {}),
        groups: [],
        enabled: true,
        status: 'FORCE_CHANGE_PASSWORD',
        managed: true,
      });
      if (!user)
        throw new CognitoFault('UsernameExistsException', 'An account with the given email already exists.');
      return {
        User: {
          Username: user.sub,
          Attributes: attributesOf(user),
          Enabled: true,
          UserStatus: user.status,
          UserCreateDate: seconds(user.createdAt),
          UserLastModifiedDate: seconds(user.createdAt),
        },
      };
    },
    AdminGetUser: (request) => {
      const user = userOf(request);
      return {
        Username: user.sub,
        UserAttributes: attributesOf(user),
        Enabled: user.enabled,
        UserStatus: user.status,
        UserCreateDate: seconds(user.createdAt),
      };
    },
    AdminListGroupsForUser: (request) => ({
      Groups: userOf(request).groups.map((GroupName) => ({ GroupName })),
    }),
    AdminAddUserToGroup: (request) => {
      const user = userOf(request);
      const group = groupOf(request);
      users.update(user, { groups: [...new Set([...user.groups, group])], managed: true });
      return {};
    },
    AdminRemoveUserFromGroup: (request) => {
      const user = userOf(request);
      const group = groupOf(request);
      users.update(user, { groups: user.groups.filter((held) => held !== group), managed: true });
      return {};
    },
    AdminDisableUser: (request) => {
      users.update(userOf(request), { enabled: false });
      return {};
    },
    AdminEnableUser: (request) => {
      users.update(userOf(request), { enabled: true });
      return {};
    },
    // local tokens cannot be revoked; a deactivated member's requests are refused by its member item
    AdminUserGlobalSignOut: (request) => {
      userOf(request);
      return {};
    },
  };
}

function send(response: ServerResponse, statusCode: number, body: unknown, errorType?: string) {
  response
    .writeHead(statusCode, {
      'content-type': 'application/x-amz-json-1.1',
      ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
    })
    .end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new CognitoFault('InvalidParameterException', 'The request body is not a JSON object.');
  return parsed as Request;
}

/**
 * A stand-in for the Cognito user pool's JSON API (decision 151), on loopback: the same SDK client the team
 * functions use in AWS is pointed at it by COGNITO_ENDPOINT. Only the Admin* operations the CRM calls;
 * anything else answers UnknownOperationException.
 */
export function startCognitoLocal(users: LocalUsers): Promise<CognitoLocal> {
  const handlers = operations(users);
  const server = createServer((request, response) => {
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(targetPrefix)
      ? handlers[target.slice(targetPrefix.length)]
      : undefined;
    readJson(request)
      .then((body) => {
        if (request.method !== 'POST' || !operation)
          throw new CognitoFault('UnknownOperationException', `${target || 'no target'} is not served here.`);
        send(response, 200, operation(body));
      })
      .catch((error: unknown) => {
        const fault =
          error instanceof CognitoFault
            ? error
            : new CognitoFault('InvalidParameterException', (error as Error).message);
        send(response, 400, { __type: fault.type, message: fault.message }, fault.type);
      });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        endpoint: `http://127.0.0.1:${port}`,
        stop: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
