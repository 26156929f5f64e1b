import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { easemobAppBody, startGateway, type RunningGateway } from '../support/gateway.js';
import { dropRedisPrefix, REDIS_URL, testQueuePrefix } from '../support/redis-prefix.js';

// The admin token sets up two apps and keys (four calls) within its own budget.
const LIMIT = 5;

async function newAppKey(gw: RunningGateway, name: string): Promise<string> {
  const app = await gw.call('POST', '/v1/apps', { body: easemobAppBody({ appName: name }) });
  const key = await gw.call('POST', `/v1/apps/${app.body.id}/api-keys`, { body: { name } });
  return key.body.key as string;
}

function describeRateLimit(store: 'memory' | 'redis'): void {
  describe(`inbound rate limit per API key (${store} counters)`, () => {
    const prefix = testQueuePrefix('rate-limit');
    let gw: RunningGateway;
    let first: string;
    let second: string;

    beforeAll(async () => {
      gw = await startGateway({
        env: {
          API_RATE_LIMIT_MAX: String(LIMIT),
          API_RATE_LIMIT_WINDOW_SECONDS: '60',
          ...(store === 'redis' ? { REDIS_URL, DELIVERY_QUEUE_PREFIX: prefix } : {}),
        },
      });
      first = await newAppKey(gw, 'first');
      second = await newAppKey(gw, 'second');
    });
    afterAll(async () => {
      await gw.close();
      if (store === 'redis') await dropRedisPrefix(prefix);
    });

    it('refuses the request past the limit with 429 rate_limited and the standard headers', async () => {
      for (let i = 0; i < LIMIT; i++) {
        const ok = await gw.call('GET', '/v1/providers', { token: first });
        expect(ok.status).toBe(200);
        expect(ok.headers.get('ratelimit-limit')).toBe(String(LIMIT));
        expect(ok.headers.get('ratelimit-remaining')).toBe(String(LIMIT - i - 1));
        expect(ok.headers.get('ratelimit-reset')).toMatch(/^\d+$/);
      }
      const refused = await gw.call('GET', '/v1/providers', { token: first });
      expect(refused.status).toBe(429);
      expect(refused.body).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
      expect(refused.headers.get('ratelimit-remaining')).toBe('0');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('leaves another API key its own budget', async () => {
      expect((await gw.call('GET', '/v1/providers', { token: second })).status).toBe(200);
    });

    it('never limits health, metrics or vendor callbacks', async () => {
      for (let i = 0; i < LIMIT + 2; i++) {
        const headers = { authorization: `Bearer ${first}` };
        expect((await gw.call('GET', '/health/live', { token: null, headers })).status).toBe(200);
        expect((await gw.call('GET', '/metrics', { token: null, headers })).status).toBe(200);
        const callback = await gw.call('POST', '/callbacks/easemob/no-such-app', {
          token: null,
          headers,
          body: {},
        });
        expect(callback.status).not.toBe(429);
        expect(callback.headers.get('ratelimit-limit')).toBeNull();
      }
    });
  });
}

describeRateLimit('memory');
describeRateLimit('redis');
