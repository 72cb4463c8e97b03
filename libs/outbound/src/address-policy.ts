import { BlockList, isIP } from 'node:net';

// Which addresses an outbound request may connect to. Public unicast only: everything special-purpose
// (IANA IPv4/IPv6 special registries) is refused, and an IPv6 address that carries an IPv4 address
// (mapped, compatible, NAT64, 6to4) is judged by the IPv4 address it stands for.

const subnets = (type: 'ipv4' | 'ipv6', list: [string, number][]) => {
  const blocks = new BlockList();
  for (const [network, prefix] of list) blocks.addSubnet(network, prefix, type);
  return blocks;
};

const V4_SPECIAL = subnets('ipv4', [
  ['0.0.0.0', 8], // "this network", incl. the unspecified 0.0.0.0 (reaches localhost on Linux)
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, incl. cloud metadata 169.254.169.254
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. broadcast 255.255.255.255
]);

// Only global unicast (2000::/3) is routable on the internet; inside it, these are not.
const V6_GLOBAL_UNICAST = subnets('ipv6', [['2000::', 3]]);
const V6_SPECIAL = subnets('ipv6', [
  ['2001::', 23], // IETF protocol assignments, incl. Teredo 2001::/32 and benchmarking 2001:2::/48
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation (RFC 9637)
]);

// Reachable (or meaningful) from inside a cloud host even when private addresses are allowed.
const METADATA = new BlockList();
for (const address of ['169.254.169.254', '169.254.170.2', '100.100.100.200', '168.63.129.16']) {
  METADATA.addAddress(address, 'ipv4');
}
METADATA.addAddress('fd00:ec2::254', 'ipv6');

// The eight 16-bit groups of a valid IPv6 address (an embedded dotted quad becomes the last two).
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number);
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const fill = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...fill, ...right];
}

const quadOf = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;

// The IPv4 address that an IPv6 address stands for, if it embeds one.
function embeddedIpv4(address: string): string | null {
  const g = ipv6Groups(address);
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && g[5] === 0xffff) return quadOf(g[6], g[7]); // ::ffff:a.b.c.d (mapped)
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return quadOf(g[6], g[7]); // NAT64 64:ff9b::/96
  if (g[0] === 0x2002) return quadOf(g[1], g[2]); // 6to4 2002:a.b.c.d::/48
  return null;
}

// A normalised form for matching: IPv4 for an IPv6 address that embeds one, else the address.
function canonical(raw: string): { address: string; type: 'ipv4' | 'ipv6' } | null {
  const address = raw.replace(/%.*$/, ''); // an IPv6 zone (fe80::1%eth0) does not change the class
  const version = isIP(address);
  if (version === 4) return { address, type: 'ipv4' };
  if (version !== 6) return null;
  const v4 = embeddedIpv4(address);
  return v4 === null ? { address, type: 'ipv6' } : { address: v4, type: 'ipv4' };
}

// Whether the address is a public unicast address of the internet.
export function isPublicAddress(address: string): boolean {
  const ip = canonical(address);
  if (ip === null || METADATA.check(ip.address, ip.type)) return false;
  if (ip.type === 'ipv4') return !V4_SPECIAL.check(ip.address, 'ipv4');
  // Outside 2000::/3, so refused: ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d among others.
  return V6_GLOBAL_UNICAST.check(ip.address, 'ipv6') && !V6_SPECIAL.check(ip.address, 'ipv6');
}

// The rule of the guarded client: public addresses; with `allowPrivate` (development, tests' local
// receivers) any address but the cloud metadata services.
export function isAllowedAddress(address: string, allowPrivate: boolean): boolean {
  if (!allowPrivate) return isPublicAddress(address);
  const ip = canonical(address);
  return ip !== null && !METADATA.check(ip.address, ip.type);
}
