import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import type { EasemobEmulator } from '@im-gateway/emulator';
import type { VendorApiLimit } from '@im-gateway/types';
import { windowsFor } from '../../src/messages/vendor-rate.limiter.js';
import { startGateway, type RunningGateway } from '../support/gateway.js';
import { describeWith } from '../support/required-services.js';
import { easemobApp } from './send-support.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('windowsFor: fixed windows that respect a sliding vendor window', () => {
  const limit = (points: number, perSeconds: number): VendorApiLimit => ({
    api: 'x',
    unit: 'calls',
    points,
    perSeconds,
  });

  it.each([
    [limit(20, 1), false, { points: 3, duration: 0.2 }],
    [limit(20, 1), true, { points: 10, duration: 1 }],
    [limit(6000, 60), true, { points: 1000, duration: 12 }],
    [limit(10, 60), false, { points: 1, duration: 12 }],
  ])('%j (whole seconds: %s) → %j', (input, whole, expected) => {
    expect(windowsFor(input, whole)).toEqual(expected);
  });

  it('never grants more than the budget within any sliding window', () => {
    for (const l of [limit(20, 1), limit(100, 1), limit(6000, 60), limit(10, 60), limit(20, 1)])
      for (const whole of [false, true]) {
        const w = windowsFor(l, whole);
        const overlapped = Math.ceil(l.perSeconds / w.duration) + 1;
        expect(w.points * overlapped).toBeLessThanOrEqual(l.points);
      }
  });
});

const describeWithRedis = await describeWith(['redis']);

describeWithRedis('the shared (Redis) limiter paces a burst across the budget', () => {
  let gw: RunningGateway;
  let emulator: EasemobEmulator;
  let appId: string;
  const lines: string[] = [];

  beforeAll(async () => {
    gw = await startGateway({ env: { REDIS_URL } });
    ({ emulator, appId } = await easemobApp(gw, { log: (line) => lines.push(line) }));
  });
  afterAll(async () => {
    await emulator.close();
    await gw.close();
  });

  it('sends 25 concurrent chat-room messages without a vendor 429', async () => {
    const body = { from: 'a', to: { type: 'chatroom', ids: ['r1'] }, content: { type: 'text', text: 'x' } };
    const results = await Promise.all(
      Array.from({ length: 25 }, () => gw.call('POST', `/v1/apps/${appId}/messages`, { body })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(25).fill(201));
    expect(lines.filter((l) => / → 429/.test(l))).toEqual([]);
    // The counters are in Redis (shared by replicas), keyed by the app.
    const redis = new Redis(REDIS_URL);
    try {
      expect((await redis.keys(`imgw:vendor:easemob:*${appId}`)).length).toBeGreaterThan(0);
    } finally {
      await redis.quit();
    }
  });
});
