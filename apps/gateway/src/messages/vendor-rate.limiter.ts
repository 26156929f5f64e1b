import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { VendorRequestError, type ImProvider } from '@im-gateway/types';
import { GatewaySettingsRef } from '../common/settings.ref.js';
import { ArrivalGuards } from './arrival-guard.js';
import { budgetOf, MemoryPacer, RedisPacer, type PaceBudget, type Pacer } from './vendor-pacer.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A granted call, to report back once it is answered: its round trip teaches the arrival guard. */
export interface PacedCall {
  /** The longest guard of the call's schedules once it left, in ms (0 for an API without a limit). */
  guardMs: number;
  /** `vendorLimited`: the vendor refused the call for its rate, in spite of the schedule. */
  answered(vendorLimited: boolean): void;
}

const UNPACED: PacedCall = { guardMs: 0, answered: () => undefined };

/** The schedule of one app on one of a provider's limits (`apiLimits[index]`). */
export function scheduleKey(provider: ImProvider, index: number, appId: string): string {
  return `${provider.name}:${index}:${appId}`;
}

/**
 * Paces each app's calls to each vendor API to the vendor's documented budget (`ImProvider.apiLimits`),
 * so a burst waits its turn instead of earning vendor 429s (see `Pacer`). The
 * schedule lives in Redis when `REDIS_URL` is set, so every gateway replica shares one budget (a schedule
 * in memory stands in while Redis is down), and in memory otherwise. A vendor 429 that still happens is
 * retried by the caller. How late a call may reach the vendor is learned per schedule (`ArrivalGuards`).
 */
@Injectable()
export class VendorRateLimiter implements OnModuleDestroy {
  private readonly redis: Redis | undefined;
  private readonly shared: Pacer | undefined;
  private readonly local = new MemoryPacer();
  readonly guards = new ArrivalGuards();

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
  ): Promise<PacedCall> {
    const booked: { key: string; at: number }[] = [];
    for (const [index, limit] of provider.apiLimits.entries()) {
      if (limit.api !== api) continue;
      // A call counted in messages books its weight, but never more than the whole budget.
      const tokens = limit.unit === 'calls' ? 1 : Math.min(Math.max(1, weight), limit.points);
      const key = scheduleKey(provider, index, appId);
      for (;;) {
        const budget = budgetOf(limit, this.guards.guardMs(key));
        const maxWait = Math.max(0, deadline - Date.now());
        // The booked moment is reckoned from before the booking's own round trip: lateness errs long.
        const asked = performance.now();
        const wait = await this.reserve(key, budget, Math.min(tokens, budget.points), maxWait);
        if (wait === null)
          throw new VendorRequestError(
            'vendor_rate_limited',
            `The app's ${provider.displayName} budget for ${api} (${limit.points} ${limit.unit} per ${limit.perSeconds} s) is used up; try again shortly.`,
            'gateway_rate_limit',
            limit.perSeconds * 1000,
          );
        const at = asked + wait;
        if (wait <= 0) {
          booked.push({ key, at });
          break;
        }
        await sleep(wait);
        // A process that stalled (CPU starvation, a long GC) wakes every overdue call at once: together they
        // would reach the vendor closer than their bookings, beyond what the guard covers. Such a call
        // books again, and its lateness widens the guard for the calls after it.
        const late = performance.now() - at;
        if (late <= this.guards.latenessAllowedMs(key, budget.guardMs)) {
          booked.push({ key, at });
          break;
        }
        this.guards.recordLateness(key, late);
      }
    }
    if (booked.length === 0) return UNPACED;
    // Lateness counts to the moment the call leaves: after its last limit, which may have waited too.
    const left = performance.now();
    for (const { key, at } of booked) this.guards.recordLateness(key, left - at);
    return {
      guardMs: Math.max(...booked.map(({ key }) => this.guards.guardMs(key))),
      answered: (vendorLimited) => {
        const trip = performance.now() - left;
        for (const { key } of booked)
          if (vendorLimited) this.guards.recordVendorLimit(key);
          else this.guards.recordTrip(key, trip);
      },
    };
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
