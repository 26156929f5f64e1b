import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { VendorRequestError, type ImProvider } from '@im-gateway/types';
import { GatewaySettingsRef } from '../common/settings.ref.js';
import {
  ARRIVAL_GUARD_MS,
  budgetOf,
  MemoryPacer,
  RedisPacer,
  type PaceBudget,
  type Pacer,
} from './vendor-pacer.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How late a paced call may wake and still go: half the arrival guard (`ARRIVAL_GUARD_MS`), leaving the
 * other half to the trip to the vendor.
 */
export const LATE_WAKE_MS = ARRIVAL_GUARD_MS / 2;

/**
 * Paces each app's calls to each vendor API to the vendor's documented budget (`ImProvider.apiLimits`),
 * so a burst waits its turn instead of earning vendor 429s (see `Pacer`). The
 * schedule lives in Redis when `REDIS_URL` is set, so every gateway replica shares one budget (a schedule
 * in memory stands in while Redis is down), and in memory otherwise. A vendor 429 that still happens is
 * retried by the caller.
 */
@Injectable()
export class VendorRateLimiter implements OnModuleDestroy {
  private readonly redis: Redis | undefined;
  private readonly shared: Pacer | undefined;
  private readonly local = new MemoryPacer();

  constructor(settings: GatewaySettingsRef) {
    const url = settings.value.redisUrl;
    // Without an offline queue a Redis outage fails fast into the in-memory schedule.
    this.redis = url ? new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : undefined;
    this.redis?.on('error', () => undefined);
    this.shared = this.redis ? new RedisPacer(this.redis, 'imgw:vendor:') : undefined;
  }

  async onModuleDestroy(): Promise<void> {
    // quit() refuses while the connection is still being made (no offline queue): then cut it.
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }

  /** Waits until `appId` may make one call of `weight` messages to `api`, or throws by `deadline`. */
  async acquire(
    provider: ImProvider,
    appId: string,
    api: string,
    weight: number,
    deadline: number,
  ): Promise<void> {
    for (const [index, limit] of provider.apiLimits.entries()) {
      if (limit.api !== api) continue;
      // A call counted in messages books its weight, but never more than the whole budget.
      const tokens = limit.unit === 'calls' ? 1 : Math.min(Math.max(1, weight), limit.points);
      const key = `${provider.name}:${index}:${appId}`;
      const budget = budgetOf(limit);
      for (;;) {
        const maxWait = Math.max(0, deadline - Date.now());
        const wait = await this.reserve(key, budget, Math.min(tokens, budget.points), maxWait);
        if (wait === null)
          throw new VendorRequestError(
            'vendor_rate_limited',
            `The app's ${provider.displayName} budget for ${api} (${limit.points} ${limit.unit} per ${limit.perSeconds} s) is used up; try again shortly.`,
            'gateway_rate_limit',
            limit.perSeconds * 1000,
          );
        if (wait <= 0) break;
        const asleep = performance.now();
        await sleep(wait);
        // A process that stalled (CPU starvation, a long GC) wakes every overdue call at once: together they
        // would reach the vendor closer than their bookings, beyond what the arrival guard absorbs. Such a
        // call books again; the slot it missed stays booked, which only errs on the safe side.
        if (performance.now() - asleep - wait <= LATE_WAKE_MS) break;
      }
    }
  }

  private async reserve(
    key: string,
    budget: PaceBudget,
    tokens: number,
    maxWait: number,
  ): Promise<number | null> {
    if (this.shared)
      try {
        return await this.shared.reserve(key, budget, tokens, maxWait);
      } catch {
        // Redis is down: this replica paces alone until it is back.
      }
    return this.local.reserve(key, budget, tokens, maxWait);
  }
}
