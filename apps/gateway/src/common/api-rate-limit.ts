import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { ImGatewayError } from '@im-gateway/types';

export interface ApiRateLimitOptions {
  /** Requests per window and API key; 0 turns the limit off. */
  max: number;
  windowMs: number;
  /** Counters live here when set, so every replica counts against one budget. */
  redisUrl: string | undefined;
  keyPrefix: string;
}

/** Only the REST API is limited: vendor callbacks, health and metrics never are. */
const isLimited = (request: FastifyRequest): boolean => request.url.startsWith('/v1/');

/**
 * The caller's key: a digest of its bearer token (each API key and the admin token has its own budget),
 * or its address when it sends none. The digest keeps tokens out of Redis.
 */
function callerKey(request: FastifyRequest): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1]
    ? `key:${createHash('sha256').update(match[1]).digest('base64url').slice(0, 32)}`
    : `ip:${request.ip}`;
}

/**
 * Registers the inbound rate limit on the REST API, per API key, with the IETF `RateLimit-*` headers and
 * `Retry-After` on a 429 `rate_limited`. Must run before the routes are registered. While Redis is
 * unreachable requests pass unlimited: the limit protects the gateway, it should not take it down.
 */
export async function registerApiRateLimit(
  fastify: FastifyInstance,
  options: ApiRateLimitOptions,
): Promise<void> {
  if (options.max === 0) return;
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 1000,
      })
    : undefined;
  redis?.on('error', () => undefined);
  await fastify.register(rateLimit, {
    global: true,
    max: options.max,
    timeWindow: options.windowMs,
    enableDraftSpec: true,
    keyGenerator: callerKey,
    allowList: (request) => !isLimited(request),
    ...(redis ? { redis, nameSpace: `${options.keyPrefix}:rate-limit:`, skipOnError: true } : {}),
    errorResponseBuilder: (_request, context) =>
      new ImGatewayError('rate_limited', `Too many requests for this API key; retry after ${context.after}.`),
  });
  if (redis)
    fastify.addHook('onClose', async () => void (await redis.quit().catch(() => redis.disconnect())));
}
