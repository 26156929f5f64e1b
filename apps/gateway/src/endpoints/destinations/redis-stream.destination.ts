import { Redis } from 'ioredis';
import type { WebhookResponse } from '../delivery/webhook-sender.js';
import {
  BrokerConnections,
  connectionName,
  errorText,
  unreachable,
  withTimeout,
} from './broker-connections.js';
import { assertBrokerHost, redisStreamSettings } from './destination-config.js';
import type { Destination, DestinationMessage, DestinationTarget } from './destination.js';

const CONNECT_TIMEOUT_MS = 5_000;

function client(url: string, connectTimeout: number, reconnect: boolean, name?: string): Redis {
  return new Redis(url, {
    ...(name ? { connectionName: name.replaceAll(' ', '-') } : {}),
    lazyConnect: true,
    connectTimeout,
    // A command while disconnected fails at once (a failed attempt on the retry schedule) instead of
    // waiting in ioredis's queue past the delivery timeout.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: reconnect ? (times) => Math.min(times * 100, 1_000) : () => null,
  });
}

/**
 * Appends to a Redis stream with XADD: the attempt succeeds on its reply, the entry id. The entry's fields
 * are the message's headers (`webhook-*`, `ce-*`, `content-type`, static headers) and `body`, the same
 * bytes an HTTP receiver gets. `maxLen` trims the stream approximately (`MAXLEN ~`), as Redis advises.
 */
export class RedisStreamDestination implements Destination {
  readonly type = 'redis-stream';
  private readonly links: BrokerConnections<Redis>;

  constructor(private readonly allowPrivate: boolean) {
    this.links = new BrokerConnections(
      (url, onLost, endpointId) => this.connect(url, onLost, endpointId),
      async (redis) => void redis.disconnect(),
    );
  }

  async send(
    target: DestinationTarget,
    message: DestinationMessage,
    timeoutMs: number,
  ): Promise<WebhookResponse> {
    const started = performance.now();
    const done = (r: Omit<WebhookResponse, 'durationMs'>): WebhookResponse => ({
      ...r,
      durationMs: Math.round(performance.now() - started),
    });
    const { streamKey, maxLen } = redisStreamSettings(target.settings);
    const fields = [...Object.entries(message.headers).flat(), 'body', message.body];
    try {
      const redis = await withTimeout(this.links.get(target.endpointId, target.url), timeoutMs, 'connect');
      const trim = maxLen ? ['MAXLEN', '~', String(maxLen)] : [];
      const id = await withTimeout(
        redis.xadd(streamKey, ...trim, '*', ...fields) as Promise<string | null>,
        timeoutMs,
        'XADD',
      );
      return done({ ok: true, excerpt: `${streamKey} ${id}` });
    } catch (error) {
      return done({ ok: false, error: errorText(error) });
    }
  }

  async probe(target: DestinationTarget, timeoutMs: number): Promise<void> {
    const redis = client(target.url, timeoutMs, false);
    redis.on('error', () => undefined);
    try {
      await withTimeout(redis.connect(), timeoutMs, 'connect');
      await withTimeout(redis.ping(), timeoutMs, 'PING');
    } catch (error) {
      throw unreachable(target.url, error);
    } finally {
      redis.disconnect();
    }
  }

  close(endpointId: string): Promise<void> {
    return this.links.close(endpointId);
  }

  closeAll(): Promise<void> {
    return this.links.closeAll();
  }

  private async connect(url: string, onLost: () => void, endpointId: string): Promise<Redis> {
    await assertBrokerHost(new URL(url), this.allowPrivate);
    // ioredis reconnects by itself after a drop; the connection is only forgotten once it gives up.
    const redis = client(url, CONNECT_TIMEOUT_MS, true, connectionName(endpointId));
    redis.on('error', () => undefined);
    redis.on('end', onLost);
    try {
      await redis.connect();
      return redis;
    } catch (error) {
      redis.disconnect();
      throw error;
    }
  }
}
