import { describe, expect, it } from '@jest/globals';
import type { AxiosInstance } from 'axios';
import { EasemobTokenCache } from './easemob-token.cache.js';

/** An HTTP client answering token requests in turn from `answers` (status, JSON body). */
function tokenServer(answers: [number, Record<string, unknown>][]) {
  const requests: unknown[] = [];
  const http = {
    request: async (config: { data: string }) => {
      requests.push(JSON.parse(config.data));
      const [status, body] = answers.shift() ?? [500, {}];
      return { status, data: JSON.stringify(body), headers: {} };
    },
  } as unknown as AxiosInstance;
  return { http, requests };
}

const token = (value: string, expiresIn = 7200) =>
  [200, { access_token: value, expires_in: expiresIn }] as [number, Record<string, unknown>];

describe('EasemobTokenCache', () => {
  it('asks for a token with the client credentials once, however many callers wait', async () => {
    const { http, requests } = tokenServer([token('t1')]);
    const cache = new EasemobTokenCache(http, 'https://x/org/app/token', 'id', 'secret');
    await expect(Promise.all([cache.get(), cache.get()])).resolves.toEqual(['t1', 't1']);
    expect(requests).toEqual([
      { grant_type: 'client_credentials', client_id: 'id', client_secret: 'secret' },
    ]);
  });

  it('fetches again a minute before the stated expiry', async () => {
    let now = 0;
    const { http } = tokenServer([token('t1', 3600), token('t2', 3600)]);
    const cache = new EasemobTokenCache(http, 'https://x/token', 'id', 'secret', () => now);
    expect(await cache.get()).toBe('t1');
    now = 3_540_000 - 1;
    expect(await cache.get()).toBe('t1');
    now += 1;
    expect(await cache.get()).toBe('t2');
  });

  it('fetches again after the vendor refused the token', async () => {
    const { http } = tokenServer([token('t1'), token('t2')]);
    const cache = new EasemobTokenCache(http, 'https://x/token', 'id', 'secret');
    cache.invalidate(await cache.get());
    expect(await cache.get()).toBe('t2');
  });

  it('reports wrong credentials (400 invalid_grant) as an auth failure, not a retryable one', async () => {
    const { http } = tokenServer([
      [400, { error: 'invalid_grant', error_description: 'client secret wrong' }],
    ]);
    const cache = new EasemobTokenCache(http, 'https://x/token', 'id', 'secret');
    await expect(cache.get()).rejects.toMatchObject({
      code: 'vendor_auth_failed',
      vendorCode: 'invalid_grant',
    });
  });
});
