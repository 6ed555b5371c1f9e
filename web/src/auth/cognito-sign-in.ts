import type { CognitoAuthConfig } from './auth-config';
import { type Session, sessionFromToken } from './session';

/** What the authorize redirect must find again on the callback, kept in this tab only. */
interface PendingSignIn {
  state: string;
  verifier: string;
  returnTo: string;
}

const pendingKey = 'seed-crm.pending-sign-in';

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function randomToken(byteLength: number): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteLength)));
}

async function codeChallengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** Authorization code flow with PKCE (S256): off to the hosted UI, back on the redirect URI. */
export async function startCognitoSignIn(config: CognitoAuthConfig, returnTo: string): Promise<void> {
  const pending: PendingSignIn = { state: randomToken(16), verifier: randomToken(48), returnTo };
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
  const url = new URL(`${config.domain}/oauth2/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: 'openid email',
    state: pending.state,
    code_challenge: await codeChallengeOf(pending.verifier),
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.href);
}

function takePendingSignIn(): PendingSignIn | undefined {
  const raw = sessionStorage.getItem(pendingKey);
  sessionStorage.removeItem(pendingKey);
  try {
    const pending: unknown = JSON.parse(raw ?? 'null');
    if (typeof pending !== 'object' || pending === null) return undefined;
    const { state, verifier, returnTo } = Object.fromEntries(Object.entries(pending));
    if (typeof state !== 'string' || typeof verifier !== 'string' || typeof returnTo !== 'string')
      return undefined;
    return { state, verifier, returnTo };
  } catch {
    return undefined;
  }
}

/** The callback: checks `state`, trades the code (with the PKCE verifier) for tokens, keeps the ID token. */
export async function completeCognitoSignIn(
  config: CognitoAuthConfig,
  callbackUrl: URL,
): Promise<{ session: Session; returnTo: string }> {
  const params = callbackUrl.searchParams;
  const failure = params.get('error_description') ?? params.get('error');
  if (failure) throw new Error(`Sign-in was not completed: ${failure}`);
  const pending = takePendingSignIn();
  const code = params.get('code');
  if (!pending || !code || params.get('state') !== pending.state) {
    throw new Error('This sign-in link is not valid any more. Start again.');
  }
  const response = await fetch(`${config.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code,
      redirect_uri: config.redirectUri,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error('The sign-in service refused the sign-in. Start again.');
  const tokens: unknown = await response.json();
  const idToken =
    typeof tokens === 'object' && tokens !== null && 'id_token' in tokens ? tokens.id_token : undefined;
  if (typeof idToken !== 'string') throw new Error('The sign-in service sent no ID token.');
  return { session: sessionFromToken(idToken), returnTo: pending.returnTo };
}

/** Ends the hosted UI's own session too, so the next sign-in asks again. */
export function cognitoLogoutUrl(config: CognitoAuthConfig): string {
  const logoutUri = config.logoutUri ?? new URL('/sign-in', config.redirectUri).href;
  const url = new URL(`${config.domain}/logout`);
  url.search = new URLSearchParams({ client_id: config.clientId, logout_uri: logoutUri }).toString();
  return url.href;
}
