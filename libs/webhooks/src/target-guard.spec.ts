import { LookupAddress } from 'node:dns';
import { addressAllowed, checkTargetUrl, guardedLookup, literalAddress, TargetRefused } from './target-guard';

/** Addresses a webhook may never reach unless private targets are allowed. */
const REFUSED_V4 = [
  ['0.0.0.0', 'this network'],
  ['0.255.255.255', 'this network'],
  ['10.0.0.1', 'private'],
  ['10.255.255.255', 'private'],
  ['100.64.0.1', 'carrier-grade NAT'],
  ['100.127.255.254', 'carrier-grade NAT'],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['169.254.169.254', 'link-local: the cloud metadata service'],
  ['169.254.0.1', 'link-local'],
  ['172.16.0.1', 'private'],
  ['172.31.255.254', 'private'],
  ['192.0.0.8', 'IETF protocol assignments'],
  ['192.168.0.10', 'private'],
  ['192.168.255.254', 'private'],
  ['198.18.0.1', 'benchmarking'],
  ['198.19.255.254', 'benchmarking'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'broadcast'],
] as const;

const ALLOWED_V4 = [
  ['8.8.8.8', 'public'],
  ['1.1.1.1', 'public'],
  ['93.184.215.14', 'public'],
  ['9.255.255.255', 'just below 10/8'],
  ['11.0.0.0', 'just above 10/8'],
  ['100.63.255.255', 'just below 100.64/10'],
  ['100.128.0.0', 'just above 100.64/10'],
  ['126.255.255.255', 'just below 127/8'],
  ['128.0.0.0', 'just above 127/8'],
  ['169.253.255.255', 'just below 169.254/16'],
  ['169.255.0.0', 'just above 169.254/16'],
  ['172.15.255.255', 'just below 172.16/12'],
  ['172.32.0.0', 'just above 172.16/12'],
  ['192.0.1.1', 'just above 192.0.0/24'],
  ['192.167.255.255', 'just below 192.168/16'],
  ['192.169.0.0', 'just above 192.168/16'],
  ['198.17.255.255', 'just below 198.18/15'],
  ['198.20.0.0', 'just above 198.18/15'],
  ['223.255.255.255', 'just below multicast'],
] as const;

const REFUSED_V6 = [
  ['::', 'unspecified'],
  ['::1', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback, written out'],
  ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
  ['::ffff:7f00:1', 'IPv4-mapped loopback, in hex'],
  ['::ffff:10.0.0.1', 'IPv4-mapped private'],
  ['::ffff:169.254.169.254', 'IPv4-mapped metadata service'],
  ['::ffff:8.8.8.8', 'IPv4-mapped, even public: IPv4 written as IPv6'],
  ['fc00::1', 'unique local'],
  ['fd12:3456:789a::1', 'unique local'],
  ['fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'unique local, last'],
  ['fe80::1', 'link-local'],
  ['febf:ffff::1', 'link-local, last /10'],
  ['ff02::1', 'multicast'],
  ['ff0e::1', 'multicast'],
  ['fec0::1', 'site-local (deprecated, still routed privately)'],
  ['feff:ffff::1', 'site-local, last'],
  ['::2', 'IPv4-compatible (::0.0.0.2)'],
  ['::a00:1', 'IPv4-compatible private'],
  ['64:ff9b::a00:5', 'NAT64 of 10.0.0.5'],
  ['64:ff9b:1::a00:5', 'local-use NAT64'],
  ['2002:a00:1::1', '6to4 of 10.0.0.1'],
  ['2001:0:4136:e378::1', 'Teredo'],
] as const;

const ALLOWED_V6 = [
  ['2001:4860:4860::8888', 'public'],
  ['2606:4700:4700::1111', 'public'],
  ['2a00:1450:4001:80b::200e', 'public'],
  ['fbff:ffff::1', 'just below fc00::/7'],
] as const;

describe('addressAllowed', () => {
  it.each(REFUSED_V4)('refuses %s (%s)', (address) => expect(addressAllowed(address, false)).toBe(false));
  it.each(ALLOWED_V4)('allows %s (%s)', (address) => expect(addressAllowed(address, false)).toBe(true));
  it.each(REFUSED_V6)('refuses %s (%s)', (address) => expect(addressAllowed(address, false)).toBe(false));
  it.each(ALLOWED_V6)('allows %s (%s)', (address) => expect(addressAllowed(address, false)).toBe(true));

  it('allows every address when private targets are allowed', () => {
    for (const [address] of [...REFUSED_V4, ...REFUSED_V6, ...ALLOWED_V4, ...ALLOWED_V6]) expect(addressAllowed(address, true)).toBe(true);
  });

  it('refuses what is not an IP address at all', () => {
    for (const value of ['', 'localhost', 'ehr.example.com', '127.0.0.1.nip.io', '[::1]', '999.1.1.1', '1.2.3', '::ffff:999.0.0.1']) expect(addressAllowed(value, false)).toBe(false);
  });
});

describe('literalAddress', () => {
  it("gives a URL's host as an address when it is one, brackets off; null for a name", () => {
    expect(literalAddress(new URL('https://127.0.0.1/hooks'))).toBe('127.0.0.1');
    expect(literalAddress(new URL('https://[::1]:8443/hooks'))).toBe('::1');
    expect(literalAddress(new URL('https://[::ffff:127.0.0.1]/'))).toBe('::ffff:7f00:1');
    // The URL parser has already read the odd IPv4 spellings as the address they are.
    expect(literalAddress(new URL('https://2130706433/'))).toBe('127.0.0.1');
    expect(literalAddress(new URL('https://0x7f.1/'))).toBe('127.0.0.1');
    expect(literalAddress(new URL('https://ehr.example.com/'))).toBeNull();
    expect(literalAddress(new URL('https://localhost/'))).toBeNull();
  });
});

describe('checkTargetUrl', () => {
  const strict = { production: false, allowPrivate: false };
  const refusedWith = (raw: string, rules: { production: boolean; allowPrivate: boolean }) => {
    try {
      checkTargetUrl(raw, rules);
    } catch (error) {
      expect(error).toBeInstanceOf(TargetRefused);
      return (error as Error).message;
    }
    throw new Error(`${raw} was accepted`);
  };

  it.each([
    ['http://ehr.example.com/hooks', /https/],
    ['ftp://ehr.example.com/hooks', /https/],
    ['file:///etc/passwd', /https/],
    ['javascript:alert(1)', /https/],
    ['not a url', /absolute URL/],
    ['ehr.example.com/hooks', /absolute URL/],
    ['', /absolute URL/],
    ['https://user:pass@ehr.example.com/hooks', /user name or password/],
    ['https://user@ehr.example.com/hooks', /user name or password/],
    ['https://127.0.0.1/hooks', /private, loopback or link-local/],
    ['https://127.1/hooks', /private, loopback or link-local/],
    ['https://2130706433/hooks', /private, loopback or link-local/],
    ['https://[::1]/hooks', /private, loopback or link-local/],
    ['https://[::ffff:127.0.0.1]/hooks', /private, loopback or link-local/],
    ['https://[fe80::1]/hooks', /private, loopback or link-local/],
    ['https://169.254.169.254/latest/meta-data', /private, loopback or link-local/],
    ['https://10.1.2.3/hooks', /private, loopback or link-local/],
    ['https://localhost/hooks', /private, loopback or link-local/],
    ['https://LOCALHOST:8443/hooks', /private, loopback or link-local/],
    ['https://ehr.localhost/hooks', /private, loopback or link-local/],
    ['https://localhost./hooks', /private, loopback or link-local/],
  ])('refuses %s', (raw, message) => {
    expect(refusedWith(raw, strict)).toMatch(message);
  });

  it('accepts an https URL on a public name, normalised', () => {
    expect(checkTargetUrl('https://ehr.example.com/hooks', strict).toString()).toBe('https://ehr.example.com/hooks');
    expect(checkTargetUrl('https://EHR.Example.com:8443/a/b?c=d', strict).toString()).toBe('https://ehr.example.com:8443/a/b?c=d');
  });

  it('accepts an https URL on a public IPv6 address', () => {
    expect(checkTargetUrl('https://[2001:4860:4860::8888]/hooks', strict).hostname).toBe('[2001:4860:4860::8888]');
  });

  it('accepts an https URL on a public IPv4 address', () => {
    expect(checkTargetUrl('https://8.8.8.8/hooks', strict).hostname).toBe('8.8.8.8');
    expect(checkTargetUrl('https://93.184.215.14:8443/hooks', strict).hostname).toBe('93.184.215.14');
  });

  it('allows private targets, and plain http, only with WEBHOOK_ALLOW_PRIVATE_TARGETS outside production', () => {
    const development = { production: false, allowPrivate: true };
    expect(checkTargetUrl('http://127.0.0.1:4000/hooks', development).toString()).toBe('http://127.0.0.1:4000/hooks');
    expect(checkTargetUrl('https://localhost/hooks', development).hostname).toBe('localhost');
    expect(checkTargetUrl('https://[::1]/hooks', development).hostname).toBe('[::1]');
    // Production never sends over plain http, whatever the flag; https to a private address it allows with the flag.
    const production = { production: true, allowPrivate: true };
    expect(refusedWith('http://127.0.0.1:4000/hooks', production)).toMatch(/https/);
    expect(refusedWith('http://ehr.example.com/hooks', production)).toMatch(/https/);
    expect(checkTargetUrl('https://10.1.2.3/hooks', production).hostname).toBe('10.1.2.3');
    expect(refusedWith('https://10.1.2.3/hooks', { production: true, allowPrivate: false })).toMatch(/private/);
    // Credentials and other schemes are refused even when private targets are allowed.
    expect(refusedWith('http://user:pass@127.0.0.1/hooks', development)).toMatch(/user name or password/);
    expect(refusedWith('ftp://127.0.0.1/hooks', development)).toMatch(/https/);
  });
});

describe('guardedLookup on addresses (no DNS needed)', () => {
  type Answer = { error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number };
  const lookup = (allowPrivate: boolean, hostname: string, options: { all?: boolean; family?: number } = {}) =>
    new Promise<Answer>((resolve) => guardedLookup(allowPrivate)(hostname, options, (error, address, family) => resolve({ error, address, family })));

  it('refuses a refused address with a TargetRefused naming it', async () => {
    const { error } = await lookup(false, '10.0.0.1');
    expect(error).toBeInstanceOf(TargetRefused);
    expect(error?.message).toBe('10.0.0.1 resolves to a private, loopback or link-local address');
    expect((await lookup(false, '::1')).error).toBeInstanceOf(TargetRefused);
    expect((await lookup(false, '169.254.169.254', { all: true })).error).toBeInstanceOf(TargetRefused);
  });

  it('answers an allowed IPv6 address as dns.lookup would: the address and its family, or all of them when asked', async () => {
    expect(await lookup(false, '2001:4860:4860::8888')).toEqual({ error: null, address: '2001:4860:4860::8888', family: 6 });
    expect(await lookup(false, '2001:4860:4860::8888', { all: true })).toEqual({ error: null, address: [{ address: '2001:4860:4860::8888', family: 6 }], family: undefined });
  });

  it('answers an allowed IPv4 address as dns.lookup would: the address and its family, or all of them when asked', async () => {
    expect(await lookup(false, '8.8.8.8')).toEqual({ error: null, address: '8.8.8.8', family: 4 });
    expect(await lookup(false, '8.8.8.8', { all: true })).toEqual({ error: null, address: [{ address: '8.8.8.8', family: 4 }], family: undefined });
  });

  it('lets anything through when private targets are allowed', async () => {
    expect(await lookup(true, '127.0.0.1')).toEqual({ error: null, address: '127.0.0.1', family: 4 });
  });
});
