import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';
import { claimNames } from '../../shared/platform/auth';
import type { LocalTokenRequest } from '../../shared/platform/local-token-request';

const algorithm = 'ES256';
export const localIssuer = 'seed-crm-local';
export const localAudience = 'seed-crm-web';
const lifetimeSeconds = 8 * 60 * 60;

type Key = CryptoKey | Uint8Array;

/** The `sub` the local user pool gives an email in a workspace (Cognito's is a UUID): stable across restarts. */
export function localSubjectOf(workspaceId: string, email: string): string {
  return createHash('sha256').update(`${workspaceId}:${email}`).digest('hex').slice(0, 32);
}

/**
 * Stands in for Cognito and API Gateway's JWT authorizer in the local cloud: issues ID-token-shaped JWTs
 * (same claim names as Cognito) and verifies them the way the authorizer does (signature, iss, aud, exp).
 * The key pair is kept in the data dir so tokens survive a restart.
 */
export interface LocalAuth {
  issue(request: LocalTokenRequest, lifetime?: number): Promise<{ token: string; expiresAt: string }>;
  verify(token: string): Promise<Record<string, unknown>>;
}

async function loadOrCreateKeys(dataDir: string | undefined): Promise<{ privateKey: Key; publicKey: Key }> {
  const file = dataDir ? join(dataDir, 'local-auth-key.json') : undefined;
  if (file && existsSync(file)) {
    const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
    const { d: _private, ...publicJwk } = jwk;
    return { privateKey: await importJWK(jwk, algorithm), publicKey: await importJWK(publicJwk, algorithm) };
  }
  const { privateKey, publicKey } = await generateKeyPair(algorithm, { extractable: true });
  if (file) writeFileSync(file, JSON.stringify(await exportJWK(privateKey)), { mode: 0o600 });
  return { privateKey, publicKey };
}

export async function createLocalAuth(dataDir?: string): Promise<LocalAuth> {
  const { privateKey, publicKey } = await loadOrCreateKeys(dataDir);
  const verified = new Map<string, Record<string, unknown>>();
  return {
    async issue(request, lifetime = lifetimeSeconds) {
      const now = Math.floor(Date.now() / 1000);
      const subject = localSubjectOf(request.workspaceId, request.email);
      const token = await new SignJWT({
        [claimNames.workspaceId]: request.workspaceId,
        [claimNames.groups]: request.roles,
        [claimNames.email]: request.email,
        token_use: 'id',
      })
        .setProtectedHeader({ alg: algorithm, typ: 'JWT' })
        .setSubject(subject)
        .setIssuer(localIssuer)
        .setAudience(localAudience)
        .setIssuedAt(now)
        .setExpirationTime(now + lifetime)
        .sign(privateKey);
      return { token, expiresAt: new Date((now + lifetime) * 1000).toISOString() };
    },
    async verify(token) {
      const cached = verified.get(token);
      if (cached && Number(cached.exp) * 1000 > Date.now()) return cached;
      const { payload } = await jwtVerify(token, publicKey, {
        issuer: localIssuer,
        audience: localAudience,
        algorithms: [algorithm],
      });
      // an ES256 check costs about as much as a DynamoDB Local read; a signed token does not change
      if (verified.size >= 1000) verified.clear();
      verified.set(token, payload as Record<string, unknown>);
      return payload as Record<string, unknown>;
    },
  };
}
