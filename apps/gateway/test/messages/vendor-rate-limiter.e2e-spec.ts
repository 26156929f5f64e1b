import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import type { EasemobEmulator } from '@im-gateway/emulator';
import type { VendorApiLimit } from '@im-gateway/types';
import fc from 'fast-check';
import { budgetOf, MemoryPacer, RedisPacer } from '../../src/messages/vendor-pacer.js';
import { startGateway, type RunningGateway } from '../support/gateway.js';
import { describeWith } from '../support/required-services.js';
import { easemobApp } from './send-support.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const limit = (points: number, perSeconds: number): VendorApiLimit => ({
  api: 'x',
  unit: 'calls',
  points,
  perSeconds,
});

/** Books each call as soon as the pacer allows; the clock moves to each call's arrival. */
function simulate(l: VendorApiLimit, calls: { at: number; tokens: number }[]) {
  let now = 0;
  const pacer = new MemoryPacer(() => now);
  const starts: { at: number; tokens: number }[] = [];
  for (const call of calls) {
    now = Math.max(now, call.at);
    const wait = pacer.reserveNow('k', budgetOf(l), call.tokens, Infinity)!;
    starts.push({ at: now + wait, tokens: call.tokens });
  }
  return starts;
}

/** The most tokens any sliding window of `ms` holds. */
function busiestWindow(starts: { at: number; tokens: number }[], ms: number): number {
  let most = 0;
  for (const first of starts) {
    const inside = starts.filter((s) => s.at >= first.at && s.at < first.at + ms);
    most = Math.max(
      most,
      inside.reduce((sum, s) => sum + s.tokens, 0),
    );
  }
  return most;
}

describe('the pacer: evenly spaced calls within a sliding vendor window', () => {
  it('never books more than the budget within any sliding window, whatever the arrivals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom(1, 60),
        fc.array(
          fc.record({ at: fc.integer({ min: 0, max: 5_000 }), tokens: fc.integer({ min: 1, max: 5 }) }),
          {
            maxLength: 300,
          },
        ),
        (points, perSeconds, arrivals) => {
          const l = limit(points, perSeconds);
          const calls = arrivals
            .map((a) => ({ at: a.at, tokens: Math.min(a.tokens, points) }))
            .sort((a, b) => a.at - b.at);
          expect(busiestWindow(simulate(l, calls), perSeconds * 1000)).toBeLessThanOrEqual(points);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([[limit(100, 1)], [limit(200, 1)], [limit(20, 1)], [limit(6000, 60)], [limit(10, 60)]])(
    'a steady stream uses at least 90 %% of %j',
    (l) => {
      const windows = 10;
      const calls = Array.from({ length: l.points * windows }, () => ({ at: 0, tokens: 1 }));
      const starts = simulate(l, calls);
      const span = l.perSeconds * 1000 * windows;
      const used = starts.filter((s) => s.at < span).length / (l.points * windows);
      expect(used).toBeGreaterThanOrEqual(0.9);
      expect(used).toBeLessThanOrEqual(1);
    },
  );

  it('refuses, booking nothing, a call whose slot is later than it may wait', () => {
    const now = 0;
    const pacer = new MemoryPacer(() => now);
    // Window only (no spacing): two at once, then each waits for the window to turn.
    const budget = { points: 2, windowMs: 1000, spacingMs: 0, burst: 0, guardMs: 0 };
    expect(pacer.reserveNow('k', budget, 2, 0)).toBe(0);
    expect(pacer.reserveNow('k', budget, 1, 999)).toBeNull();
    expect(pacer.reserveNow('k', budget, 1, 1000)).toBe(1000);
    expect(pacer.reserveNow('k', budget, 1, 1000)).toBe(1000);
    expect(pacer.reserveNow('k', budget, 1, 5000)).toBe(2000);
  });

  it('books with a longer guard of an earlier booking while that call can still arrive late, and not after', () => {
    let now = 0;
    const pacer = new MemoryPacer(() => now);
    // One vendor window of one second; the first calls may arrive 500 ms late, the later ones not.
    const far = { points: 2, windowMs: 1500, spacingMs: 0, burst: 0, guardMs: 500 };
    const near = { points: 2, windowMs: 1000, spacingMs: 0, burst: 0, guardMs: 0 };
    expect(pacer.reserveNow('k', far, 2, 10_000)).toBe(0);
    expect(pacer.reserveNow('k', near, 1, 10_000)).toBe(1500);
    now = 4000;
    expect(pacer.reserveNow('k', near, 1, 10_000)).toBe(0);
    expect(pacer.reserveNow('k', near, 1, 10_000)).toBe(0);
    expect(pacer.reserveNow('k', near, 1, 10_000)).toBe(1000);
  });

  it('spaces a backlog evenly after the burst', () => {
    const now = 0;
    const pacer = new MemoryPacer(() => now);
    const budget = budgetOf(limit(20, 1)); // 20 per 1.1 second (the default arrival guard), one early
    const waits = Array.from({ length: 6 }, () => pacer.reserveNow('k', budget, 1, 10_000)!);
    expect(waits.map(Math.round)).toEqual([0, 0, 55, 110, 165, 220]);
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

  it('books one schedule for all replicas: two pacers on one Redis share one budget', async () => {
    const clients = [new Redis(REDIS_URL), new Redis(REDIS_URL)];
    try {
      const key = `test:${Date.now()}:${Math.random()}`;
      const [a, b] = clients.map((c) => new RedisPacer(c, 'imgw:vendor:'));
      const budget = { points: 4, windowMs: 200, spacingMs: 50, burst: 0, guardMs: 0 };
      const waits = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 ? a! : b!).reserve(key, budget, 1, 10_000)),
      );
      // One every 50 ms, whichever replica booked it (less the time between the bookings).
      const sorted = (waits as number[]).sort((x, y) => x - y);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThan(40);
      expect(sorted[39]!).toBeGreaterThan(1_800);
      expect(await a!.reserve(key, budget, 1, 0)).toBeNull();
    } finally {
      await Promise.all(clients.map((c) => c.quit()));
    }
  });

  it("books with another replica's longer guard while its calls can still arrive, and not after", async () => {
    const clients = [new Redis(REDIS_URL), new Redis(REDIS_URL)];
    try {
      const key = `test:${Date.now()}:${Math.random()}`;
      const [far, near] = clients.map((c) => new RedisPacer(c, 'imgw:vendor:'));
      // One vendor window of 200 ms: one replica's calls may arrive 100 ms late, the other's not.
      const farBudget = { points: 2, windowMs: 300, spacingMs: 0, burst: 0, guardMs: 100 };
      const nearBudget = { points: 2, windowMs: 200, spacingMs: 0, burst: 0, guardMs: 0 };
      expect(await far!.reserve(key, farBudget, 2, 10_000)).toBe(0);
      // The far replica's window holds its two calls: the near one's call waits for it to turn.
      const held = (await near!.reserve(key, nearBudget, 1, 10_000))!;
      expect(held).toBeGreaterThan(250);
      expect(held).toBeLessThanOrEqual(300);
      // Once no call booked with the longer guard can share a window with a new one, the near guard rules.
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(await near!.reserve(key, nearBudget, 2, 10_000)).toBe(0);
      const own = (await near!.reserve(key, nearBudget, 1, 10_000))!;
      expect(own).toBeGreaterThan(150);
      expect(own).toBeLessThanOrEqual(200);
    } finally {
      await Promise.all(clients.map((c) => c.quit()));
    }
  });

  it('sends 25 concurrent chat-room messages without a vendor 429', async () => {
    const body = { from: 'a', to: { type: 'chatroom', ids: ['r1'] }, content: { type: 'text', text: 'x' } };
    const results = await Promise.all(
      Array.from({ length: 25 }, () => gw.call('POST', `/v1/apps/${appId}/messages`, { body })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(25).fill(201));
    expect(lines.filter((l) => / → 429/.test(l))).toEqual([]);
    // The guard was learned from those calls' round trips (16 answers are enough): at least its floor of
    // 40 ms, and under the fixed 100 ms it replaced on this near network unless a trip took over 85 ms.
    const metrics = (await gw.call('GET', '/metrics', { token: null })).text;
    const guard = /imgw_vendor_arrival_guard_seconds\{provider="easemob",api="[^"]+"\} ([\d.e-]+)/.exec(
      metrics,
    );
    expect(Number(guard?.[1])).toBeGreaterThanOrEqual(0.04);
    expect(Number(guard?.[1])).toBeLessThanOrEqual(1);
    // The counters are in Redis (shared by replicas), keyed by the app.
    const redis = new Redis(REDIS_URL);
    try {
      expect((await redis.keys(`imgw:vendor:{easemob:*${appId}}:log`)).length).toBeGreaterThan(0);
    } finally {
      await redis.quit();
    }
  });
});
