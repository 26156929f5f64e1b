import { randomBytes } from 'node:crypto';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { Redis } from 'ioredis';
import { connect, StorageType, type ConsumerMessages, type NatsConnection } from 'nats';
import { sleep } from './webhook-receiver.js';
import { SERVICES } from './required-services.js';

/** One message as a consumer got it: its headers (properties, NATS headers, stream fields) and body. */
export interface ConsumedMessage {
  headers: Record<string, string>;
  body: string;
}

/**
 * A consumer on a real broker, using the broker's official client, with a destination of its own (an
 * exchange, a stream, a stream key) that it creates on start and removes on stop.
 */
export abstract class BrokerConsumer {
  readonly received: ConsumedMessage[] = [];
  protected readonly tag = randomBytes(4).toString('hex');
  abstract readonly type: 'rabbitmq' | 'nats' | 'redis-stream';
  /** The broker as the gateway's tests reach it directly. */
  abstract readonly brokerUrl: string;
  abstract start(): Promise<this>;
  abstract stop(): Promise<void>;
  /** The endpoint body for this consumer's destination, the broker reached at `url`. */
  abstract endpoint(url: string): { type: string; url: string; destination: Record<string, unknown> };

  async waitFor(count: number, timeoutMs = 30_000): Promise<ConsumedMessage[]> {
    const started = Date.now();
    while (this.received.length < count) {
      if (Date.now() - started > timeoutMs)
        throw new Error(`${this.type}: ${this.received.length} of ${count} messages after ${timeoutMs} ms`);
      await sleep(50);
    }
    return this.received;
  }
}

export class RabbitmqConsumer extends BrokerConsumer {
  readonly type = 'rabbitmq';
  readonly brokerUrl = SERVICES.rabbitmq.url;
  readonly exchange = `imgw-test-${this.tag}`;
  private connection?: ChannelModel;
  private channel?: Channel;
  private readonly extraExchanges: string[] = [];

  async start(): Promise<this> {
    this.connection = await amqp.connect(this.brokerUrl);
    this.channel = await this.connection.createChannel();
    await this.channel.assertExchange(this.exchange, 'topic', { durable: false, autoDelete: true });
    const { queue } = await this.channel.assertQueue('', { exclusive: true });
    await this.channel.bindQueue(queue, this.exchange, '#');
    await this.channel.consume(queue, (m) => {
      if (!m) return;
      const headers: Record<string, string> = { 'content-type': String(m.properties.contentType) };
      for (const [k, v] of Object.entries(m.properties.headers ?? {})) headers[k] = String(v);
      headers['x-routing-key'] = m.fields.routingKey;
      this.received.push({ headers, body: m.content.toString('utf8') });
      this.channel!.ack(m);
    });
    return this;
  }

  /** Another exchange on the same connection, removed with it (auto-delete is not enough: nothing binds it). */
  async declareExchange(name: string): Promise<void> {
    await this.channel!.assertExchange(name, 'topic', { durable: false, autoDelete: false });
    this.extraExchanges.push(name);
  }

  async stop(): Promise<void> {
    for (const name of this.extraExchanges) await this.channel?.deleteExchange(name).catch(() => undefined);
    await this.connection?.close().catch(() => undefined);
  }

  endpoint(url: string) {
    return {
      type: 'rabbitmq',
      url,
      destination: {
        exchange: this.exchange,
        routingKey: '{appId}.{conversationType}.{conversationId}.{type}',
      },
    };
  }
}

export class NatsConsumer extends BrokerConsumer {
  readonly type = 'nats';
  readonly brokerUrl = SERVICES.nats.url;
  readonly stream = `IMGWTEST_${this.tag}`;
  readonly subjectRoot = `imgwtest.${this.tag}`;
  private connection?: NatsConnection;
  private messages?: ConsumerMessages;

  async start(): Promise<this> {
    const u = new URL(this.brokerUrl);
    this.connection = await connect({ servers: `${u.hostname}:${u.port || 4222}` });
    const jsm = await this.connection.jetstreamManager();
    await jsm.streams.add({
      name: this.stream,
      subjects: [`${this.subjectRoot}.>`],
      storage: StorageType.Memory,
    });
    const consumer = await this.connection.jetstream().consumers.get(this.stream);
    this.messages = await consumer.consume();
    void (async () => {
      for await (const m of this.messages!) {
        const headers: Record<string, string> = { 'x-subject': m.subject };
        for (const k of m.headers?.keys() ?? []) headers[k.toLowerCase()] = m.headers!.get(k);
        this.received.push({ headers, body: m.string() });
      }
    })();
    return this;
  }

  async stop(): Promise<void> {
    await this.messages?.close();
    if (!this.connection) return;
    const jsm = await this.connection.jetstreamManager();
    await jsm.streams.delete(this.stream).catch(() => undefined);
    await this.connection.close();
  }

  endpoint(url: string) {
    return {
      type: 'nats',
      url,
      destination: { subject: `${this.subjectRoot}.{appId}.{conversationId}.{type}`, stream: this.stream },
    };
  }
}

export class RedisStreamConsumer extends BrokerConsumer {
  readonly type = 'redis-stream';
  readonly brokerUrl = SERVICES.redis.url;
  readonly streamKey = `imgw-test:${this.tag}`;
  private redis?: Redis;
  private running = false;
  private loop?: Promise<void>;

  async start(): Promise<this> {
    this.redis = new Redis(this.brokerUrl);
    this.running = true;
    this.loop = (async () => {
      let last = '0';
      while (this.running) {
        const answer = await this.redis!.xread('COUNT', 500, 'BLOCK', 200, 'STREAMS', this.streamKey, last);
        for (const [, entries] of answer ?? [])
          for (const [id, fields] of entries) {
            last = id;
            const headers: Record<string, string> = {};
            for (let i = 0; i < fields.length; i += 2) headers[fields[i]!] = fields[i + 1]!;
            const { body, ...rest } = headers;
            this.received.push({ headers: rest, body: body! });
          }
      }
    })();
    return this;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop?.catch(() => undefined);
    await this.redis?.del(this.streamKey);
    await this.redis?.quit();
  }

  endpoint(url: string) {
    return { type: 'redis-stream', url, destination: { streamKey: this.streamKey, maxLen: 100_000 } };
  }
}

export const BROKER_CONSUMERS = {
  rabbitmq: () => new RabbitmqConsumer(),
  nats: () => new NatsConsumer(),
  'redis-stream': () => new RedisStreamConsumer(),
};
