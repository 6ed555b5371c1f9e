/**
 * The base URL the API was reached at, for the addresses the API hands out (the embed snippet's form
 * action, the link in a confirmation email). `PUBLIC_API_URL` wins when the deployment sets it (a custom
 * domain); otherwise the request's Host, and X-Forwarded-Host only where it is trusted.
 */
const hostPattern = /^[A-Za-z0-9.-]+(?::\d{1,5})?$/;
const localHost = /^(?:localhost|127\.\d+\.\d+\.\d+|\[::1\])(?::\d+)?$/;

function first(value: string | undefined): string | undefined {
  return value?.split(',')[0]?.trim() || undefined;
}

export interface BaseUrlOptions {
  /**
   * Read X-Forwarded-Host/-Proto (a proxy's view of the public address). Any client can send these, so
   * only where the result is shown to the caller itself (the embed snippet an admin asks for), never in
   * mail sent to someone else.
   */
  trustForwardedHost?: boolean;
  env?: NodeJS.ProcessEnv;
}

export function apiBaseUrlOf(
  headers: Record<string, string | undefined>,
  options: BaseUrlOptions = {},
): string {
  const configured = (options.env ?? process.env).PUBLIC_API_URL;
  if (configured) return configured.replace(/\/+$/, '');
  const forwarded = options.trustForwardedHost ? first(headers['x-forwarded-host']) : undefined;
  const candidate = forwarded ?? first(headers.host) ?? 'localhost';
  const host = hostPattern.test(candidate) ? candidate : 'localhost';
  const proto = first(headers['x-forwarded-proto'])?.toLowerCase();
  const scheme = proto === 'http' || proto === 'https' ? proto : localHost.test(host) ? 'http' : 'https';
  return `${scheme}://${host}`;
}
