import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterQueue,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { VendorRequestError, type ImProvider, type VendorApiLimit } from '@im-gateway/types';
import { GatewaySettingsRef } from '../common/settings.ref.js';

/** Waiting callers per app and API before new ones are refused at once. */
const MAX_QUEUE = 1_000;
/** Fixed windows per vendor window, where the store allows it (see `windowsFor`). */
const SUB_WINDOWS = 5;

/**
 * The fixed windows that keep every *sliding* vendor window within its budget. A sliding window of
 * `perSeconds` overlaps at most k + 1 of our fixed windows of `perSeconds / k`, so each may grant
 * `points / (k + 1)`. Redis counters expire in whole seconds, so there k is at most `perSeconds`.
 */
export function windowsFor(
  limit: VendorApiLimit,
  wholeSeconds: boolean,
): { points: number; duration: number } {
  const k = wholeSeconds ? Math.max(1, Math.min(SUB_WINDOWS, Math.floor(limit.perSeconds))) : SUB_WINDOWS;
  const duration = wholeSeconds ? Math.floor(limit.perSeconds / k) : limit.perSeconds / k;
  return { points: Math.max(1, Math.floor(limit.points / (k + 1))), duration };
}

/** `promise`'s outcome, or false once `ms` have passed (the timer does not outlive the race). */
async function within(promise: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Paces each app's calls to each vendor API to the vendor's documented budget (`ImProvider.apiLimits`),
 * so a burst waits in a queue instead of earning vendor 429s. Counters live in Redis when `REDIS_URL` is
 * set, so every gateway replica shares one budget (an in-memory limiter stands in while Redis is down),
 * and in memory otherwise. The vendors count in sliding windows, so the budget is granted in smaller
 * fixed windows (`windowsFor`); a vendor 429 that still happens is retried by the caller.
 */
@Injectable()
export class VendorRateLimiter implements OnModuleDestroy {
  private readonly queues = new Map<string, { queue: RateLimiterQueue; points: number }>();
  private readonly redis: Redis | undefined;

  constructor(settings: GatewaySettingsRef) {
    const url = settings.value.redisUrl;
    // Without an offline queue a Redis outage fails fast into the in-memory insurance limiter.
    this.redis = url ? new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : undefined;
    this.redis?.on('error', () => undefined);
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
      const queue = this.queue(`${provider.name}:${index}`, limit);
      const tokens = Math.min(limit.unit === 'calls' ? 1 : Math.max(1, weight), queue.points);
      const granted = queue.queue.removeTokens(tokens, appId, Math.ceil(deadline / 1000)).then(
        () => true,
        () => false,
      );
      const ok = await within(granted, Math.max(0, deadline - Date.now()));
      if (!ok)
        throw new VendorRequestError(
          'vendor_rate_limited',
          `The app's ${provider.displayName} budget for ${api} (${limit.points} ${limit.unit} per ${limit.perSeconds} s) is used up; try again shortly.`,
          'gateway_rate_limit',
          limit.perSeconds * 1000,
        );
    }
  }

  private queue(key: string, limit: VendorApiLimit): { queue: RateLimiterQueue; points: number } {
    let entry = this.queues.get(key);
    if (!entry) {
      const keyPrefix = `imgw:vendor:${key}`;
      const memory = new RateLimiterMemory({ ...windowsFor(limit, false), keyPrefix });
      const limiter: RateLimiterAbstract = this.redis
        ? new RateLimiterRedis({
            ...windowsFor(limit, true),
            keyPrefix,
            storeClient: this.redis,
            insuranceLimiter: memory,
          })
        : memory;
      entry = { queue: new RateLimiterQueue(limiter, { maxQueueSize: MAX_QUEUE }), points: limiter.points };
      this.queues.set(key, entry);
    }
    return entry;
  }
}
