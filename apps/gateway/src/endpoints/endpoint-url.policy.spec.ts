import { describe, expect, it } from '@jest/globals';
import { assertEndpointUrl, isPublicAddress } from './endpoint-url.policy.js';

describe('isPublicAddress', () => {
  it.each([
    ['93.184.216.34', true],
    ['2606:2800:220:1:248:1893:25c8:1946', true],
    ['127.0.0.1', false],
    ['127.8.9.10', false],
    ['10.0.0.1', false],
    ['172.16.5.4', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['255.255.255.255', false],
    ['224.0.0.1', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd00:ec2::254', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.1.2.3', false],
    // IPv4-compatible IPv6 (::/96, deprecated by RFC 4291): some stacks route it to the IPv4 address.
    ['::127.0.0.1', false],
    ['::7f00:1', false],
    ['::a9fe:a9fe', false],
    ['::a00:1', false],
    ['::808:808', false],
    // Outside 2000::/3, the only block IANA allocates for global unicast: no public host lives there.
    ['4000::1', false],
    ['::1:0:0:1', false],
    ['64:ff9b::a9fe:a9fe', false],
    ['2002:a9fe:a9fe::1', false],
    ['not-an-ip', false],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('assertEndpointUrl', () => {
  const resolveTo = (addresses: string[]) => async () => addresses;

  it('accepts a public https URL', async () => {
    await expect(
      assertEndpointUrl('https://hooks.example.com/im', false, resolveTo(['93.184.216.34'])),
    ).resolves.toBeInstanceOf(URL);
  });

  it.each([
    ['http://127.0.0.1/hook'],
    ['http://169.254.169.254/latest/meta-data/'],
    ['http://10.0.0.1/'],
    ['http://[::1]:8080/'],
    ['http://[::ffff:127.0.0.1]/'],
  ])('refuses %s', async (url) => {
    await expect(assertEndpointUrl(url, false, resolveTo([]))).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it('refuses a hostname that resolves to loopback, or to any private address among public ones', async () => {
    await expect(
      assertEndpointUrl('http://localhost:3000/', false, resolveTo(['127.0.0.1'])),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      assertEndpointUrl('http://mixed.example.com/', false, resolveTo(['93.184.216.34', '10.1.1.1'])),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('refuses other schemes, credentials in the URL and hosts that do not resolve', async () => {
    await expect(
      assertEndpointUrl('ftp://example.com/', false, resolveTo(['93.184.216.34'])),
    ).rejects.toThrow('http or https');
    await expect(
      assertEndpointUrl('https://user:pw@example.com/', false, resolveTo(['93.184.216.34'])),
    ).rejects.toThrow('credentials');
    await expect(
      assertEndpointUrl('https://nowhere.invalid/', false, async () =>
        Promise.reject(new Error('ENOTFOUND')),
      ),
    ).rejects.toThrow('does not resolve');
    await expect(assertEndpointUrl('not a url', false)).rejects.toThrow('absolute');
  });

  it('names the setting that allows private receivers when it refuses one', async () => {
    await expect(assertEndpointUrl('http://127.0.0.1:9000/hook', false)).rejects.toThrow(
      /private.*ENDPOINTS_ALLOW_PRIVATE=true/,
    );
  });

  it('allows private addresses when configured to', async () => {
    await expect(assertEndpointUrl('http://127.0.0.1:9000/', true)).resolves.toBeInstanceOf(URL);
  });
});
