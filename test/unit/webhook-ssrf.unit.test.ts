import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import {
  type HostResolver,
  httpWebhookSender,
  pinnedLookup,
} from '../../shared/outbound-webhooks/send-webhook';
import { WebhookSubscriptionPatch } from '../../shared/outbound-webhooks/webhook-subscription';
import {
  classifyAddress,
  isAllowedAddress,
  strictUrlPolicy,
  webhookUrlProblem,
} from '../../shared/outbound-webhooks/webhook-url-policy';

/**
 * SSRF (issue 14, item 4): which addresses a webhook may reach, and that a delivery connects only to the
 * addresses it checked. No network: the resolver is a fake, and a refused address is never connected to.
 */
const local = { allowLoopback: true };

const hex = (ipv4: string) => ipv4.split('.').map((octet) => Number(octet).toString(16).padStart(2, '0'));
const groups = (ipv4: string) => {
  const [a, b, c, d] = hex(ipv4);
  return [`${a}${b}`, `${c}${d}`];
};
const inverted = (ipv4: string) =>
  groups(ipv4).map((group) => (0xffff ^ Number.parseInt(group, 16)).toString(16).padStart(4, '0'));

/** Every IPv6 spelling of an IPv4 address: mapped (the one judged as the IPv4 itself), then the refused ones. */
function ipv6Forms(ipv4: string): { mapped: string[]; embedding: Array<[string, string]> } {
  const [high, low] = groups(ipv4);
  return {
    mapped: [`::ffff:${ipv4}`, `::ffff:${high}:${low}`, `0:0:0:0:0:ffff:${high}:${low}`],
    embedding: [
      ['IPv4-compatible', `::${ipv4}`],
      ['IPv4-compatible, hex', `::${high}:${low}`],
      ['IPv4-translated', `::ffff:0:${ipv4}`],
      ['IPv4-translated, hex', `::ffff:0:${high}:${low}`],
      ['NAT64', `64:ff9b::${ipv4}`],
      ['NAT64 local-use', `64:ff9b:1::${high}:${low}`],
      ['6to4', `2002:${high}:${low}::1`],
      ['Teredo', `2001:0:4136:e378:8000:63bf:${inverted(ipv4).join(':')}`],
    ],
  };
}

const refusedIpv4: Array<[string, string]> = [
  ['loopback', '127.0.0.1'],
  ['loopback, elsewhere in 127/8', '127.1.2.3'],
  ['unspecified', '0.0.0.0'],
  ['this network', '0.1.2.3'],
  ['private 10/8', '10.0.0.1'],
  ['private 172.16/12', '172.16.0.1'],
  ['private 192.168/16', '192.168.1.1'],
  ['carrier-grade NAT', '100.64.0.1'],
  ['link-local', '169.254.0.1'],
  ['cloud metadata', '169.254.169.254'],
  ['IETF protocol assignments', '192.0.0.1'],
  ['documentation', '192.0.2.1'],
  ['documentation 2', '198.51.100.1'],
  ['documentation 3', '203.0.113.1'],
  ['benchmarking', '198.18.0.1'],
  ['6to4 relay anycast', '192.88.99.1'],
  ['multicast', '224.0.0.1'],
  ['reserved', '240.0.0.1'],
  ['broadcast', '255.255.255.255'],
];

const refusedIpv6: Array<[string, string]> = [
  ['the issue: IPv4-compatible loopback', '::7f00:1'],
  ['the issue: IPv4-compatible loopback, dotted', '::127.0.0.1'],
  ['the issue: IPv4-translated loopback', '::ffff:0:7f00:1'],
  ['the issue: IPv4-compatible metadata', '::a9fe:a9fe'],
  ['unspecified', '::'],
  ['loopback', '::1'],
  ['loopback, long form', '0:0:0:0:0:0:0:1'],
  ['link-local', 'fe80::1'],
  ['link-local with a zone', 'FE80::1%eth0'],
  ['IPv4-compatible public, dotted (ipaddr.js alone reads it as IPv4-mapped)', '::93.184.216.34'],
  ['unique local', 'fd12:3456::1'],
  ['unique local fc00::/8', 'fc00::1'],
  ['EC2 metadata over IPv6', 'fd00:ec2::254'],
  ['site-local (deprecated)', 'fec0::1'],
  ['multicast', 'ff02::1'],
  ['discard', '100::1'],
  ['documentation', '2001:db8::1'],
  ['documentation 3fff::/20', '3fff::1'],
  ['benchmarking', '2001:2::1'],
  ['ORCHIDv2', '2001:20::1'],
  ['IETF protocol assignments', '2001:1::1'],
  ['segment routing', '5f00::1'],
  ['unassigned, outside 2000::/3', '4000::1'],
];

const publicAddresses = [
  '93.184.216.34',
  '8.8.8.8',
  '1.1.1.1',
  '2606:2800:220:1:248:1893:25c8:1946',
  '2a00:1450:4001:81c::200e',
];

describe('address classes (ipaddr.js)', () => {
  it.each(refusedIpv4)('refuses %s (%s) and every IPv6 form of it', (_what, ipv4) => {
    const { mapped, embedding } = ipv6Forms(ipv4);
    for (const address of [ipv4, ...mapped, ...embedding.map(([, form]) => form)]) {
      expect(isAllowedAddress(address, strictUrlPolicy), address).toBe(false);
    }
    // the local flag opens loopback only, and only as IPv4 or IPv4-mapped
    const opened = ipv4.startsWith('127.') ? [ipv4, ...mapped] : [];
    for (const address of [ipv4, ...mapped, ...embedding.map(([, form]) => form)]) {
      expect(isAllowedAddress(address, local), address).toBe(opened.includes(address));
    }
  });

  it.each(refusedIpv6)('refuses %s (%s)', (_what, address) => {
    expect(classifyAddress(address)).not.toBe('public');
    expect(isAllowedAddress(address, strictUrlPolicy)).toBe(false);
    expect(isAllowedAddress(address, local)).toBe(['::1', '0:0:0:0:0:0:0:1'].includes(address));
  });

  it('admits public unicast, and a public IPv4 address written IPv4-mapped', () => {
    for (const address of [...publicAddresses, ...ipv6Forms('93.184.216.34').mapped]) {
      expect(classifyAddress(address), address).toBe('public');
    }
  });

  it('refuses the relayed and translated forms even of a public IPv4 address', () => {
    // they reach the address through a relay or translator, which no receiver needs
    for (const [what, address] of ipv6Forms('93.184.216.34').embedding) {
      expect(classifyAddress(address), `${what} ${address}`).toBe('special');
    }
  });

  it('reads only real IP literals: no short or numeric IPv4 forms, no junk', () => {
    for (const junk of [
      '127.1',
      '2130706433',
      '0x7f.1',
      '10.0.0',
      '1::2::3',
      '12345::',
      ':::',
      '::ffff:300.1.1.1',
      'hooks.example.com',
      '',
    ]) {
      expect(classifyAddress(junk), junk).toBe('invalid');
      expect(isAllowedAddress(junk, local), junk).toBe(false);
    }
  });
});

describe('webhook URLs (saved subscriptions)', () => {
  it.each([
    'https://[::7f00:1]/',
    'https://[::127.0.0.1]/',
    'https://[::ffff:0:7f00:1]/',
    'https://[::a9fe:a9fe]/',
    'https://[::ffff:0:a9fe:a9fe]/latest/meta-data/',
    'https://[64:ff9b::a9fe:a9fe]/',
    'https://[2002:a9fe:a9fe::]/',
    'https://[fd00:ec2::254]/',
    'https://198.18.0.1/',
  ])('refuses %s, locally too', (url) => {
    expect(webhookUrlProblem(url, strictUrlPolicy)).toMatch(/public address/);
    expect(webhookUrlProblem(url, local)).toMatch(/public address/);
  });

  it.each([
    'https://metadata.google.internal/computeMetadata/v1/',
    'https://ip-10-0-0-1.ec2.internal/',
    'https://printer.local/',
    'https://router.home.arpa/',
  ])('refuses %s, a name that only resolves inside a network', (url) => {
    expect(webhookUrlProblem(url, strictUrlPolicy)).toMatch(/public host name/);
    expect(webhookUrlProblem(url, local)).toMatch(/public host name/);
  });

  it('accepts public names that merely look local', () => {
    for (const url of [
      'https://internal.example.com/',
      'https://local.example.com/',
      'https://[::ffff:5db8:d822]/',
    ]) {
      expect(webhookUrlProblem(url, strictUrlPolicy), url).toBeUndefined();
    }
  });

  it('refuses them on an update too, as an error on the url field', () => {
    const refused = WebhookSubscriptionPatch.safeParse({ url: 'https://[::7f00:1]/' });
    expect(refused.error?.issues.map((issue) => issue.path)).toEqual([['url']]);
  });
});

/** A resolver that answers from a table and counts how often it was asked. */
function fakeResolver(answers: Record<string, Array<LookupAddress[] | Error>>) {
  const asked: string[] = [];
  const resolve: HostResolver = async (hostname) => {
    const queue = answers[hostname] ?? [new Error(`unexpected lookup of ${hostname}`)];
    const answer = queue[Math.min(asked.filter((name) => name === hostname).length, queue.length - 1)];
    asked.push(hostname);
    if (answer instanceof Error) throw answer;
    return answer as LookupAddress[];
  };
  return { resolve, asked };
}

const v4 = (address: string): LookupAddress => ({ address, family: 4 });
const v6 = (address: string): LookupAddress => ({ address, family: 6 });
const post = { headers: {}, body: '{}' };

describe('delivery: resolve once, check every address, connect to what was checked', () => {
  it.each([
    ['a private address', [v4('10.0.0.8')]],
    ['the metadata address', [v4('169.254.169.254')]],
    ['loopback', [v4('127.0.0.1')]],
    ['IPv4-mapped loopback', [v6('::ffff:127.0.0.1')]],
    ['IPv4-compatible loopback', [v6('::7f00:1')]],
    ['EC2 metadata over IPv6', [v6('fd00:ec2::254')]],
    ['a public and a private address', [v4('93.184.216.34'), v4('10.0.0.8')]],
    ['nothing', []],
  ])('does not send to a name that resolves to %s', async (_what, addresses) => {
    const { resolve, asked } = fakeResolver({ 'hooks.example.com': [addresses] });
    const send = httpWebhookSender({ policy: strictUrlPolicy, resolve });
    const result = await send({ url: 'https://hooks.example.com/crm', ...post });
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Not sent: hooks\.example\.com /),
    });
    expect(result.statusCode).toBeUndefined();
    // the log says why, not what our resolver saw
    expect(result.error).not.toMatch(/10\.0\.0\.8|169\.254|127\.0\.0\.1|::/);
    expect(asked).toEqual(['hooks.example.com']);
  });

  it('does not send to a refused IP literal, and asks no resolver', async () => {
    const { resolve, asked } = fakeResolver({});
    const send = httpWebhookSender({ policy: strictUrlPolicy, resolve });
    const result = await send({ url: 'https://[::ffff:0:a9fe:a9fe]/', ...post });
    expect(result).toMatchObject({ ok: false, durationMs: 0, error: expect.stringMatching(/^Not sent/) });
    expect(asked).toEqual([]);
  });

  it('reports a name that does not resolve, and a resolver that does not answer in time', async () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND hooks.example.com'), {
      code: 'ENOTFOUND',
    });
    const { resolve } = fakeResolver({ 'hooks.example.com': [notFound] });
    const failed = await httpWebhookSender({ policy: strictUrlPolicy, resolve })({
      url: 'https://hooks.example.com/',
      ...post,
    });
    expect(failed).toMatchObject({ ok: false, error: expect.stringContaining('ENOTFOUND') });

    const silent: HostResolver = () => new Promise(() => undefined);
    const slow = await httpWebhookSender({ policy: strictUrlPolicy, resolve: silent, timeoutMs: 20 })({
      url: 'https://hooks.example.com/',
      ...post,
    });
    expect(slow).toMatchObject({ ok: false, error: 'No answer within 0.02 s.' });
  });
});

describe('pinnedLookup', () => {
  const checked = [v4('93.184.216.34'), v6('2606:2800:220:1:248:1893:25c8:1946')];
  const ask = (options: { family?: number; all?: boolean }) =>
    new Promise<{ error: unknown; address: unknown; family?: number }>((done) =>
      pinnedLookup(checked)('hooks.example.com', options, (error, address, family) =>
        done({ error, address, family }),
      ),
    );

  it('answers with the checked addresses only, by family, one or all as the socket asks', async () => {
    expect(await ask({})).toEqual({ error: null, address: '93.184.216.34', family: 4 });
    expect(await ask({ family: 6 })).toEqual({ error: null, address: checked[1]?.address, family: 6 });
    expect(await ask({ all: true })).toEqual({ error: null, address: checked, family: undefined });
  });

  it('fails rather than resolve again when no checked address has the family asked for', async () => {
    const onlyV4 = await new Promise<unknown>((done) =>
      pinnedLookup([v4('93.184.216.34')])('hooks.example.com', { family: 6 }, (error) => done(error)),
    );
    expect(onlyV4).toMatchObject({ code: 'ENOTFOUND' });
  });
});
