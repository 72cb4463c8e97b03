import { isAllowedAddress, isPublicAddress } from './address-policy';
import { bareHost, parseTarget } from './outbound-url';

describe('isPublicAddress', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'this network'],
    ['10.1.2.3', 'private'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.254', 'CGNAT'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.1.1', 'link-local'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.0.0.8', 'IETF protocol assignments'],
    ['192.0.2.10', 'documentation'],
    ['192.88.99.1', '6to4 relay'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'benchmarking'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['168.63.129.16', 'Azure host endpoint'],
    ['100.100.100.200', 'Alibaba metadata'],
    ['::', 'IPv6 unspecified'],
    ['::1', 'IPv6 loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['::8.8.8.8', 'IPv4-compatible (deprecated)'],
    ['64:ff9b::7f00:1', 'NAT64 of loopback'],
    ['64:ff9b::10.0.0.1', 'NAT64 of private'],
    ['64:ff9b:1::8.8.8.8', 'local-use NAT64'],
    ['2002:7f00:1::', '6to4 of loopback'],
    ['2002:c0a8:101::1', '6to4 of 192.168.1.1'],
    ['2001::1', 'Teredo'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['fc00::1', 'unique local'],
    ['fd00:ec2::254', 'AWS metadata (IPv6)'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local with zone'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['100::1', 'discard-only'],
    ['::ffff:0:7f00:1', 'IPv4-translated'],
    ['localhost', 'not an address'],
    ['', 'empty'],
  ])('refuses %s (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.215.14',
    '100.63.255.255', // just below CGNAT
    '100.128.0.0', // just above CGNAT
    '172.15.255.255',
    '172.32.0.0',
    '169.253.255.255',
    '223.255.255.255',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808', // NAT64 of 8.8.8.8
    '2002:808:808::1', // 6to4 of 8.8.8.8
  ])('allows %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('isAllowedAddress', () => {
  it('allows private and loopback targets only when told to, and cloud metadata never', () => {
    for (const address of ['127.0.0.1', '::1', '10.0.0.1', '192.168.1.1', 'fd12::1']) {
      expect(isAllowedAddress(address, false)).toBe(false);
      expect(isAllowedAddress(address, true)).toBe(true);
    }
    for (const address of ['169.254.169.254', '::ffff:169.254.169.254', 'fd00:ec2::254', 'nonsense']) {
      expect(isAllowedAddress(address, true)).toBe(false);
    }
    expect(isAllowedAddress('8.8.8.8', false)).toBe(true);
  });
});

describe('parseTarget', () => {
  const host = (raw: string) => {
    const target = parseTarget(raw, { httpsOnly: false });
    return typeof target === 'string' ? target : target.host;
  };

  it('reads obfuscated IPv4 forms as WHATWG URL (and undici) do, so the address check sees them', () => {
    for (const raw of [
      'http://2130706433/',
      'http://0177.0.0.1/',
      'http://0x7f.0.0.1/',
      'http://0x7f000001/',
      'http://127.1/',
      'http://127.0.0.1./',
    ]) {
      expect(host(raw)).toBe('127.0.0.1');
      expect(isPublicAddress(host(raw))).toBe(false);
    }
    expect(host('http://[::ffff:127.0.0.1]:8080/')).toBe('::ffff:7f00:1');
    expect(host('http://[::1]/')).toBe('::1');
    expect(host('http://[0:0:0:0:0:0:0:0]/')).toBe('::');
    for (const raw of ['http://[::ffff:127.0.0.1]/', 'http://[::1]/', 'http://0.0.0.0/', 'http://[::]/']) {
      expect(isPublicAddress(host(raw))).toBe(false);
    }
    expect(bareHost('[2001:db8::1]')).toBe('2001:db8::1');
  });

  it('refuses other schemes, credentials, and plain http where https is required', () => {
    expect(host('ftp://example.org/')).toBe('must be an http or https URL');
    expect(host('file:///etc/passwd')).toBe('must be an http or https URL');
    expect(host('gopher://127.0.0.1:6379/_INFO')).toBe('must be an http or https URL');
    expect(host('https://user:secret@example.org/')).toBe('must not contain credentials');
    expect(host('not a url')).toBe('must be a valid URL');
    expect(parseTarget('http://example.org/', { httpsOnly: true })).toBe('must be an https URL');
    expect(parseTarget('https://example.org/', { httpsOnly: true })).toEqual(
      expect.objectContaining({ host: 'example.org' }),
    );
  });
});
