import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { GatewaySettingsRef } from '../common/settings.ref.js';

/**
 * Pings the Redis of `REDIS_URL` for readiness; `configured` is false without one. Its own connection,
 * without an offline queue, so a Redis outage answers at once instead of waiting for a reconnect.
 */
@Injectable()
export class RedisPing implements OnModuleDestroy {
  private readonly redis: Redis | undefined;

  constructor(settings: GatewaySettingsRef) {
    const url = settings.value.redisUrl;
    this.redis = url
      ? new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 1000 })
      : undefined;
    this.redis?.on('error', () => undefined);
  }

  get configured(): boolean {
    return this.redis !== undefined;
  }

  /** Resolves true when Redis answers PONG within `timeoutMs`. */
  async ping(timeoutMs: number): Promise<boolean> {
    if (!this.redis) return false;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      const answer = this.redis.ping().then(
        (pong) => pong === 'PONG',
        () => false,
      );
      return await Promise.race([answer, expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}
