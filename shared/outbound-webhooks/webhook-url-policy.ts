/**
 * Where a webhook may be sent. Production: `https://` to a public host only. The local cloud sets
 * ALLOW_INSECURE_WEBHOOK_URLS=true so tests can receive on 127.0.0.1; that admits loopback (http or https)
 * and nothing else: private, link-local and other special addresses stay refused (SSRF: a subscription must
 * not make the CRM call into its own network, the Lambda runtime API or a metadata endpoint).
 */
export interface WebhookUrlPolicy {
  allowLoopback: boolean;
}

export const strictUrlPolicy: WebhookUrlPolicy = { allowLoopback: false };

export const maxWebhookUrlLength = 2048;

type Version = 4 | 6;
interface IpAddress {
  version: Version;
  value: bigint;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(Number(part));
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  let rest = text.split('%')[0] ?? '';
  // a dotted IPv4 tail (::ffff:10.0.0.1) becomes two hex groups
  const lastColon = rest.lastIndexOf(':');
  if (rest.includes('.')) {
    const tail = parseIpv4(rest.slice(lastColon + 1));
    if (tail === undefined) return undefined;
    rest = `${rest.slice(0, lastColon + 1)}${(tail >> 16n).toString(16)}:${(tail & 0xffffn).toString(16)}`;
  }
  const halves = rest.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array.from({ length: halves.length === 2 ? missing : 0 }, () => '0'), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return undefined;
  return groups.reduce((value, group) => (value << 16n) | BigInt(`0x${group}`), 0n);
}

/** An IP literal (as URLs and DNS give them), IPv4-mapped IPv6 read as the IPv4 it carries; else undefined. */
function parseIp(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { version: 4, value: v4 };
  const v6 = text.includes(':') ? parseIpv6(text) : undefined;
  if (v6 === undefined) return undefined;
  return v6 >> 32n === 0xffffn ? { version: 4, value: v6 & 0xffffffffn } : { version: 6, value: v6 };
}

type Block = readonly [Version, string, number];

const loopbackBlocks: readonly Block[] = [
  [4, '127.0.0.0', 8],
  [6, '::1', 128],
];

/** Addresses that are not the public internet (IANA special-purpose registries), loopback excluded. */
const specialBlocks: readonly Block[] = [
  [4, '0.0.0.0', 8],
  [4, '10.0.0.0', 8],
  [4, '100.64.0.0', 10],
  [4, '169.254.0.0', 16],
  [4, '172.16.0.0', 12],
  [4, '192.0.0.0', 24],
  [4, '192.0.2.0', 24],
  [4, '192.88.99.0', 24],
  [4, '192.168.0.0', 16],
  [4, '198.18.0.0', 15],
  [4, '198.51.100.0', 24],
  [4, '203.0.113.0', 24],
  [4, '224.0.0.0', 4],
  [4, '240.0.0.0', 4],
  [6, '::', 128],
  [6, '64:ff9b::', 96],
  [6, '64:ff9b:1::', 48],
  [6, '100::', 64],
  [6, '2001::', 23],
  [6, '2001:db8::', 32],
  [6, '2002::', 16],
  [6, 'fc00::', 7],
  [6, 'fe80::', 10],
  [6, 'fec0::', 10],
  [6, 'ff00::', 8],
];

function inBlocks(address: IpAddress, blocks: readonly Block[]): boolean {
  return blocks.some(([version, network, bits]) => {
    if (version !== address.version) return false;
    const shift = BigInt((version === 4 ? 32 : 128) - bits);
    return (parseIp(network) as IpAddress).value >> shift === address.value >> shift;
  });
}

export function isLoopbackAddress(address: string): boolean {
  const ip = parseIp(address);
  return ip !== undefined && inBlocks(ip, loopbackBlocks);
}

/** Whether the CRM may connect to `address` (an IP literal): public ones, and loopback when the policy allows. */
export function isAllowedAddress(address: string, policy: WebhookUrlPolicy): boolean {
  const ip = parseIp(address);
  if (!ip) return false;
  if (inBlocks(ip, loopbackBlocks)) return policy.allowLoopback;
  return !inBlocks(ip, specialBlocks);
}

const isLocalhostName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

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
  const isIpLiteral = parseIp(host) !== undefined;
  const local = isIpLiteral ? isLoopbackAddress(host) : isLocalhostName(host);
  if (local && policy.allowLoopback) return undefined;
  if (url.protocol !== 'https:') return 'Use an https:// URL.';
  if (isIpLiteral) {
    return isAllowedAddress(host, policy)
      ? undefined
      : 'Use a public address: private, loopback and link-local addresses are not allowed.';
  }
  if (local) return 'Use a public address: private, loopback and link-local addresses are not allowed.';
  if (!host.includes('.') || host.endsWith('.'))
    return 'Use a fully qualified host name (like hooks.example.com).';
  return undefined;
}
