import { ConflictError, NotFoundError, ValidationError } from '../platform/errors';
import { GetCommand, UpdateCommand } from '../store/document-client';
import type { Store } from '../store/store';
import { emailKeys } from './email-keys';
import type { EmailSettings, EmailSettingsInput } from './email-settings';
import { type SendingConfig, sendingConfigFromEnv } from './sending-config';
import { newLinkSecret } from './unsubscribe-token';

/** The settings as senders use them: what the API shows, plus the secret that signs unsubscribe links. */
export type SenderSettings = EmailSettings & { linkSecret: string };

export interface EmailSettingsDeps {
  store: Store;
  /** The deployment's sending domain and rate; read from the environment when not given. */
  sending?: SendingConfig;
}

function settingsOf(item: Record<string, unknown>, sending: SendingConfig): SenderSettings {
  return {
    fromName: String(item.fromName),
    fromAddress: String(item.fromAddress),
    ...(typeof item.replyTo === 'string' ? { replyTo: item.replyTo } : {}),
    postalAddress: String(item.postalAddress),
    timeZone: String(item.timeZone),
    ...(sending.sendingDomain ? { sendingDomain: sending.sendingDomain } : {}),
    maxSendRate: sending.maxSendRate,
    version: Number(item.version),
    updatedAt: String(item.updatedAt),
    linkSecret: String(item.linkSecret),
  };
}

/** The settings as the API shows them: never the link secret. */
export function publicEmailSettings({ linkSecret: _secret, ...settings }: SenderSettings): EmailSettings {
  return settings;
}

/** The workspace's email settings with its link secret (one GetItem), or undefined before an admin set them. */
export async function getEmailSettings(
  deps: EmailSettingsDeps,
  workspaceId: string,
): Promise<SenderSettings | undefined> {
  const result = await deps.store.client.send(
    new GetCommand({
      TableName: deps.store.tableName,
      Key: emailKeys.settings(workspaceId),
      ConsistentRead: true,
    }),
  );
  return result.Item ? settingsOf(result.Item, deps.sending ?? sendingConfigFromEnv()) : undefined;
}

/** The settings a sender needs, or 409 `email.settings_missing` (a campaign cannot be scheduled without them). */
export async function requireEmailSettings(
  deps: EmailSettingsDeps,
  workspaceId: string,
): Promise<SenderSettings> {
  const settings = await getEmailSettings(deps, workspaceId);
  if (!settings) throw new ConflictError('email.settings_missing');
  return settings;
}

/** GET /api/settings/email: 404 until an admin sets them. */
export async function readEmailSettings(
  deps: EmailSettingsDeps,
  workspaceId: string,
): Promise<EmailSettings> {
  const settings = await getEmailSettings(deps, workspaceId);
  if (!settings) throw new NotFoundError('email.settings_not_found');
  return publicEmailSettings(settings);
}

/** The part of an address after its last `@`, lower-cased. */
const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * Sets the settings (PUT: the whole of them). The link secret is made on the first PUT, in the same
 * UpdateItem (`if_not_exists`), so two first PUTs at once still agree on one secret and a later PUT never
 * changes it: every link ever sent keeps working.
 */
export async function putEmailSettings(
  deps: EmailSettingsDeps & { clock: () => Date },
  workspaceId: string,
  input: EmailSettingsInput,
): Promise<EmailSettings> {
  const sending = deps.sending ?? sendingConfigFromEnv();
  if (sending.sendingDomain && domainOf(input.fromAddress) !== sending.sendingDomain)
    throw new ValidationError({ fromAddress: `Send from an address @${sending.sendingDomain}.` });
  const now = deps.clock().toISOString();
  const fields: Record<string, unknown> = {
    entity: 'emailSettings',
    fromName: input.fromName,
    fromAddress: input.fromAddress,
    postalAddress: input.postalAddress,
    timeZone: input.timeZone,
    updatedAt: now,
    ...(input.replyTo ? { replyTo: input.replyTo } : {}),
  };
  const names = Object.keys(fields);
  const result = await deps.store.client.send(
    new UpdateCommand({
      TableName: deps.store.tableName,
      Key: emailKeys.settings(workspaceId),
      UpdateExpression: [
        `SET ${names.map((_, at) => `#f${at} = :f${at}`).join(', ')},`,
        '#secret = if_not_exists(#secret, :secret) ADD #version :one',
        input.replyTo ? '' : 'REMOVE #replyTo',
      ].join(' '),
      ExpressionAttributeNames: {
        ...Object.fromEntries(names.map((name, at) => [`#f${at}`, name])),
        '#secret': 'linkSecret',
        '#version': 'version',
        ...(input.replyTo ? {} : { '#replyTo': 'replyTo' }),
      },
      ExpressionAttributeValues: {
        ...Object.fromEntries(names.map((name, at) => [`:f${at}`, fields[name]])),
        ':secret': newLinkSecret(),
        ':one': 1,
      },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return publicEmailSettings(settingsOf(result.Attributes ?? {}, sending));
}
