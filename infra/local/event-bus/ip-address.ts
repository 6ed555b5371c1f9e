import { isIPv4, isIPv6 } from 'node:net';

export interface IpAddress {
  version: 4 | 6;
  value: bigint;
}

export interface CidrBlock {
  version: 4 | 6;
  network: bigint;
  maskBits: number;
}

// the shapes event-ruler treats as IP literals; anything else (a host name, "1.2.3") stays a plain string
const ipv4Shape = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const ipv6Shape = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;

function ipv4Value(text: string): bigint {
  return text.split('.').reduce((sum, octet) => (sum << 8n) | BigInt(Number(octet)), 0n);
}

function ipv6Value(text: string): bigint {
  const [head = '', tail] = text.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right].reduce((sum, group) => (sum << 16n) | BigInt(`0x${group}`), 0n);
}

/** An IPv4 or IPv6 address literal, or undefined. IPv4-mapped IPv6 addresses count as IPv4, as in Java. */
export function parseIpAddress(text: string): IpAddress | undefined {
  if (ipv4Shape.test(text) && isIPv4(text)) return { version: 4, value: ipv4Value(text) };
  if (ipv6Shape.test(text) && isIPv6(text)) {
    const value = ipv6Value(text);
    return value >> 32n === 0xffffn ? { version: 4, value: value & 0xffffffffn } : { version: 6, value };
  }
  return undefined;
}

/** Parses `10.0.0.0/24` or `2001:db8::/32`; throws with event-ruler's reasons when malformed. */
export function parseCidr(text: string): CidrBlock {
  const parts = text.split('/');
  if (parts.length !== 2) throw new Error("malformed CIDR, one '/' required");
  const [address = '', bits = ''] = parts;
  if (!/^[0-9]+$/.test(bits)) throw new Error('malformed CIDR, mask bits must be a non-negative integer');
  const ip = parseIpAddress(address);
  if (!ip) throw new Error(`invalid IP address: ${address}`);
  const maskBits = Number(bits);
  // event-ruler's limits: a full-length mask is written as the plain address instead
  if (ip.version === 4 && maskBits > 31) throw new Error('IPv4 mask bits must be < 32');
  if (ip.version === 6 && maskBits > 127) throw new Error('IPv6 mask bits must be < 128');
  return { version: ip.version, network: ip.value, maskBits };
}

export function cidrContains(block: CidrBlock, ip: IpAddress): boolean {
  if (block.version !== ip.version) return false;
  const hostBits = BigInt((block.version === 4 ? 32 : 128) - block.maskBits);
  return block.network >> hostBits === ip.value >> hostBits;
}
