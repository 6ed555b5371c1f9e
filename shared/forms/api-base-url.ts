/**
 * The API's public base URL, for the addresses the API hands out (the embed snippet's form action, the link
 * in a confirmation email), from configuration only: `PUBLIC_API_URL`, which the CDK stack sets to its own
 * address (or the context value `publicApiUrl`) and the local cloud to its server's. Never from a request:
 * any caller chooses its `Host` and `X-Forwarded-Host`, and a link built from them would carry a valid
 * token to the caller's site.
 */
export function publicApiUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.PUBLIC_API_URL?.trim();
  if (!configured) return undefined;
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new Error(`PUBLIC_API_URL is not a URL: ${configured}`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash)
    throw new Error(`PUBLIC_API_URL must be http(s)://host[:port][/path]: ${configured}`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** A deployment without PUBLIC_API_URL cannot hand out addresses: a server fault (500), never a guess. */
export function requirePublicApiUrl(configured: string | undefined): string {
  if (!configured)
    throw new Error(
      'PUBLIC_API_URL is not set: the stack and the local cloud set it, so this deployment is incomplete',
    );
  return configured;
}
