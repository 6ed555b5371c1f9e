/**
 * The claims of a JWT, read without verifying it: the API verifies every token, the app only needs to
 * know who is signed in and until when.
 */
export function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('The token is not a JWT.');
  const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const json = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  const claims: unknown = JSON.parse(json);
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw new Error('The token has no claims.');
  }
  return Object.fromEntries(Object.entries(claims));
}
