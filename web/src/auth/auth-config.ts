import { createContext, use } from 'react';

export interface LocalAuthConfig {
  mode: 'local';
}

export interface CognitoAuthConfig {
  mode: 'cognito';
  /** The hosted UI, e.g. https://seed.auth.eu-west-1.amazoncognito.com */
  domain: string;
  clientId: string;
  redirectUri: string;
  /** Where Cognito's /logout sends the browser back to; defaults to /sign-in on the redirect URI's origin. */
  logoutUri?: string;
}

export type AuthConfig = LocalAuthConfig | CognitoAuthConfig;

function text(record: Record<string, unknown>, name: string): string {
  const value = record[name];
  if (typeof value !== 'string' || value === '') throw new Error(`config.json: auth.${name} is missing.`);
  return value;
}

export function parseAuthConfig(body: unknown): AuthConfig {
  const auth = typeof body === 'object' && body !== null && 'auth' in body ? body.auth : undefined;
  if (typeof auth !== 'object' || auth === null) throw new Error('config.json has no auth section.');
  const record = Object.fromEntries(Object.entries(auth));
  if (record.mode === 'local') return { mode: 'local' };
  if (record.mode !== 'cognito') throw new Error('config.json: auth.mode must be local or cognito.');
  return {
    mode: 'cognito',
    domain: text(record, 'domain').replace(/\/+$/, ''),
    clientId: text(record, 'clientId'),
    redirectUri: text(record, 'redirectUri'),
    ...(typeof record.logoutUri === 'string' ? { logoutUri: record.logoutUri } : {}),
  };
}

/** Which sign-in this deployment uses: the local cloud and the CDK stack each serve their own. */
export async function loadAuthConfig(): Promise<AuthConfig> {
  const response = await fetch('/config.json', {
    headers: { Accept: 'application/json' },
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`config.json answered ${response.status}.`);
  return parseAuthConfig(await response.json());
}

export const AuthConfigContext = createContext<AuthConfig | null>(null);

export function useAuthConfig(): AuthConfig {
  const config = use(AuthConfigContext);
  if (!config) throw new Error('useAuthConfig needs an AuthConfigContext provider.');
  return config;
}
