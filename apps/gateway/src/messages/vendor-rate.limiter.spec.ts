import { afterEach, describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import type { ImProvider } from '@im-gateway/types';
import { GatewaySettingsRef } from '../common/settings.ref.js';
import type { GatewaySettings } from '../config/gateway-settings.js';
import { DEFAULT_GUARD_MS } from './arrival-guard.js';
import { scheduleKey, VendorRateLimiter } from './vendor-rate.limiter.js';

/**
 * The limiter as it runs (the in-memory schedule, its sleeps and the guard it learns), on jest's fake
 * clock: lanes take calls from a backlog, each call travels to a vendor that counts arrivals in a sliding
 * window of one second, and its answer travels back. The trips are drawn per call; the limiter sees only
 * when each answer came.
 */
interface Trial {
  points: number;
  lanes: number;
  calls: number;
  /** The longest one-way trip; each way is drawn between 0 and this (seeded). */
  jitterMs: number;
  seed: number;
}

const settings = new GatewaySettingsRef({ redisUrl: undefined } as unknown as GatewaySettings);

function providerWith(points: number): ImProvider {
  return {
    name: 'sim',
    displayName: 'Sim',
    apiLimits: [{ api: 'x', unit: 'calls', points, perSeconds: 1 }],
  } as unknown as ImProvider;
}

/** A small seeded generator, so a failing trial can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(trial: Trial): Promise<{ arrivals: number[]; limiter: VendorRateLimiter }> {
  const limiter = new VendorRateLimiter(settings);
  const provider = providerWith(trial.points);
  const draw = random(trial.seed);
  const arrivals: number[] = [];
  let taken = 0;
  const lane = async () => {
    while (taken < trial.calls) {
      taken++;
      const paced = await limiter.acquire(provider, 'app', 'x', 1, Date.now() + 3_600_000);
      await sleep(draw() * trial.jitterMs);
      arrivals.push(performance.now());
      await sleep(draw() * trial.jitterMs);
      paced.answered(false);
    }
  };
  let done = false;
  const lanes = Promise.all(Array.from({ length: trial.lanes }, lane)).then(() => (done = true));
  while (!done) await jest.advanceTimersByTimeAsync(5);
  await lanes;
  await limiter.onModuleDestroy();
  return { arrivals, limiter };
}

/** The most arrivals any window of one second holds (the vendor's window, open at its start). */
function busiestSecond(arrivals: number[]): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while (sorted[first]! <= sorted[last]! - 1000) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe('the limiter learns how late its calls arrive', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('never lets a vendor window hold more than the budget while the trips stay within what it saw', async () => {
    jest.useFakeTimers();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          points: fc.constantFrom(20, 100, 200),
          lanes: fc.integer({ min: 1, max: 16 }),
          jitterMs: fc.integer({ min: 0, max: 45 }),
          seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        }),
        async (t) => {
          const { arrivals } = await run({ ...t, calls: t.points * 4 });
          expect(busiestSecond(arrivals)).toBeLessThanOrEqual(t.points);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('uses more of a per-second budget on a near vendor than the fixed guard allowed', async () => {
    jest.useFakeTimers();
    const points = 200;
    const { arrivals, limiter } = await run({ points, lanes: 8, calls: points * 10, jitterMs: 2, seed: 7 });
    const span = (arrivals.at(-1)! - arrivals[0]!) / 1000;
    const used = arrivals.length / (span * points);
    // The fixed 100 ms guard allowed at most 1000 / 1100 = 0.91 of it.
    expect(used).toBeGreaterThan(1000 / (1000 + DEFAULT_GUARD_MS));
    expect(used).toBeGreaterThanOrEqual(0.95);
    expect(used).toBeLessThanOrEqual(1);
    expect(busiestSecond(arrivals)).toBeLessThanOrEqual(points);
    expect(limiter.guards.guardMs(scheduleKey(providerWith(points), 0, 'app'))).toBeLessThan(
      DEFAULT_GUARD_MS,
    );
  });

  it('widens the guard for a far vendor, past the fixed one, and keeps its windows after the first answers', async () => {
    jest.useFakeTimers();
    const points = 100;
    const { arrivals, limiter } = await run({ points, lanes: 8, calls: points * 6, jitterMs: 300, seed: 11 });
    expect(limiter.guards.guardMs(scheduleKey(providerWith(points), 0, 'app'))).toBeGreaterThan(300);
    // Calls booked before any answer came back had only the default guard; those after it, the learned one.
    const start = arrivals[0]!;
    expect(busiestSecond(arrivals.filter((at) => at >= start + 2_000))).toBeLessThanOrEqual(points);
  });
});
