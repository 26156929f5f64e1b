import { Redis } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A BullMQ key prefix of this test file's own, so runs in parallel and leftovers never meet. */
export const testQueuePrefix = (name: string): string => `imgw-${name}-${process.pid}-${Date.now()}`;

/** Deletes every Redis key under `prefix` (what the gateways of a test left behind). */
export async function dropRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
}
