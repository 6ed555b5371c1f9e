import ipaddr from 'ipaddr.js';

/**
 * Where a webhook may be sent. Production: `https://` to a public host only. The local cloud sets
 * ALLOW_INSECURE_WEBHOOK_URLS=true so tests can receive on 127.0.0.1; that admits loopback (http or https)
 * and nothing else: private, link-local and other special addresses stay refused (SSRF: a subscription must
 * not make the CRM call into its own network, the Lambda runtime API or a metadata endpoint).
 * Addresses are classified by ipaddr.js (IANA special-purpose ranges), not by a table of our own.
 */
export interface WebhookUrlPolicy {
  allowLoopback: boolean;
}

export const strictUrlPolicy: WebhookUrlPolicy = { allowLoopback: false };

export const maxWebhookUrlLength = 2048;

/** What an address is to the policy: only `public` is always allowed, `loopback` only locally. */
export type AddressClass = 'public' | 'loopback' | 'special' | 'invalid';

/** IPv6 global unicast (RFC 4291, IANA); the rest of the IPv6 space is special-purpose or unassigned. */
const ipv6GlobalUnicast = ipaddr.IPv6.parseCIDR('2000::/3');

/** An IP literal as URLs and resolvers write them: dotted-quad IPv4, or IPv6 (no zone id). */
function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!/^[0-9a-f:.]+$/i.test(text) || !text.includes(':')) return undefined;
  // ipaddr.js reads `::a.b.c.d` as IPv4-mapped; the URL parser writes it as the socket reads it (`::7f00:1`)
  let canonical: string;
  try {
    canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
  return ipaddr.IPv6.isValid(canonical) ? ipaddr.IPv6.parse(canonical) : undefined;
}

/**
 * Classifies an IP literal. An IPv4-mapped address (`::ffff:a.b.c.d`) is the IPv4 address it carries: the
 * socket reaches exactly that. The other IPv6 forms that embed an IPv4 address are refused whatever they
 * embed: IPv4-compatible (`::a.b.c.d`, deprecated, outside 2000::/3), IPv4-translated (`::ffff:0:a.b.c.d`),
 * NAT64 (`64:ff9b::/96`, `64:ff9b:1::/48`), 6to4 (`2002::/16`) and Teredo (`2001::/32`) lead to relays or
 * translators that would forward to the embedded address, and no receiver needs them.
 */
export function classifyAddress(text: string): AddressClass {
  const parsed = parseAddress(text);
  if (!parsed) return 'invalid';
  const address =
    parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress() ? parsed.toIPv4Address() : parsed;
  const range: string = address.range();
  if (range === 'loopback') return 'loopback';
  if (range !== 'unicast') return 'special';
  if (address instanceof ipaddr.IPv6 && !address.match(ipv6GlobalUnicast)) return 'special';
  return 'public';
}

export function isLoopbackAddress(address: string): boolean {
  return classifyAddress(address) === 'loopback';
}

/** Whether the CRM may connect to `address` (an IP literal): public ones, and loopback when the policy allows. */
export function isAllowedAddress(address: string, policy: WebhookUrlPolicy): boolean {
  const kind = classifyAddress(address);
  return kind === 'public' || (kind === 'loopback' && policy.allowLoopback);
}

const isLoopbackName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

/**
 * Names that only resolve inside a network: mDNS `.local` (RFC 6762), `.internal` (ICANN's private-use TLD,
 * also EC2's and GCP's internal names), `.home.arpa` (RFC 8375). Refused when a URL is saved; any other name
 * is judged by the addresses it resolves to when a delivery connects.
 */
const isNetworkOnlyName = (host: string) => /(^|\.)(local|internal|home\.arpa)$/.test(host);

const notPublic = 'Use a public address: private, loopback and link-local addresses are not allowed.';

/**
 * What is wrong with a webhook URL under a policy, as a message for the form field; undefined when it is
 * fine. Host names are checked again when a delivery connects: every address they resolve to must be allowed.
 */
export function webhookUrlProblem(value: string, policy: WebhookUrlPolicy): string | undefined {
  if (value.length > maxWebhookUrlLength) return `Keep the URL to ${maxWebhookUrlLength} characters.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter a full URL starting with https://.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an https:// URL.';
  if (url.username || url.password) return 'Leave credentials out of the URL; check the signature instead.';
  // the URL parser has already turned 0x7f.1, 2130706433 and friends into dotted quads
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  const kind = classifyAddress(host);
  const isIpLiteral = kind !== 'invalid';
  const loopback = isIpLiteral ? kind === 'loopback' : isLoopbackName(host);
  if (loopback && policy.allowLoopback) return undefined;
  if (url.protocol !== 'https:') return 'Use an https:// URL.';
  if (isIpLiteral) return kind === 'public' ? undefined : notPublic;
  if (loopback) return notPublic;
  if (isNetworkOnlyName(host))
    return 'Use a public host name: .local, .internal and .home.arpa names are not allowed.';
  if (!host.includes('.') || host.endsWith('.'))
    return 'Use a fully qualified host name (like hooks.example.com).';
  return undefined;
}
