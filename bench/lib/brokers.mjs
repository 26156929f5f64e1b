// The brokers of the `destinations` scenario: a destination of the bench's own on each (an exchange and
// queue, a JetStream stream, a stream key), a consumer with the broker's official client that records
// arrival times, a baseline publisher with the same client, and their removal.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import amqp from 'amqplib';
import { Redis } from 'ioredis';
import { connect, StorageType } from 'nats';
import { onCleanup } from './processes.mjs';
import { REDIS_URL } from './settings.mjs';

export const RABBITMQ_URL = process.env.BENCH_RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
export const NATS_URL = process.env.BENCH_NATS_URL ?? 'nats://127.0.0.1:4222';

/** Messages in flight at once in the baseline: the gateway's default DELIVERY_CONCURRENCY. */
const IN_FLIGHT = 32;

/** Publishes `items` with `publishOne`, `IN_FLIGHT` at a time; resolves with messages/s. */
async function closedLoop(items, publishOne) {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await publishOne(items[i]);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return items.length / ((performance.now() - started) / 1000);
}

/** Arrivals as the consumer saw them: { count, times (ms), messages [{ headers, body }] }. */
function recorder() {
  const r = { times: [], messages: [] };
  r.add = (headers, body) => {
    r.times.push(performance.now());
    r.messages.push({ headers, body });
  };
  r.reset = () => {
    r.times.length = 0;
    r.messages.length = 0;
  };
  return r;
}

async function rabbitmq() {
  const tag = randomBytes(4).toString('hex');
  const connection = await amqp.connect(RABBITMQ_URL);
  const channel = await connection.createChannel();
  const exchange = `imgw-bench-${tag}`;
  await channel.assertExchange(exchange, 'topic', { durable: false, autoDelete: true });
  const { queue } = await channel.assertQueue('', { exclusive: true });
  await channel.bindQueue(queue, exchange, '#');
  const seen = recorder();
  await channel.prefetch(1000);
  await channel.consume(queue, (m) => {
    seen.add({ ...m.properties.headers, 'content-type': m.properties.contentType }, m.content);
    channel.ack(m);
  });
  const baselineExchange = `${exchange}-baseline`;
  await channel.assertExchange(baselineExchange, 'topic', { durable: false, autoDelete: true });
  const { queue: baselineQueue } = await channel.assertQueue('', { exclusive: true });
  await channel.bindQueue(baselineQueue, baselineExchange, '#');
  await channel.consume(baselineQueue, (m) => channel.ack(m));
  const stop = () => connection.close().catch(() => undefined);
  onCleanup(stop);
  return {
    seen,
    endpoint: {
      type: 'rabbitmq',
      url: RABBITMQ_URL,
      destination: { exchange, routingKey: '{appId}.{type}' },
    },
    async baseline(messages) {
      const publisher = await amqp.connect(RABBITMQ_URL);
      const confirm = await publisher.createConfirmChannel();
      try {
        return await closedLoop(messages, ({ headers, body }) => {
          const { 'content-type': contentType, ...rest } = headers;
          return new Promise((resolve, reject) =>
            confirm.publish(
              baselineExchange,
              'bench.message',
              body,
              {
                persistent: true,
                mandatory: true,
                contentType,
                messageId: rest['webhook-id'],
                headers: rest,
              },
              (e) => (e ? reject(e) : resolve()),
            ),
          );
        });
      } finally {
        await publisher.close();
      }
    },
    stop,
  };
}

async function nats() {
  const tag = randomBytes(4).toString('hex');
  const u = new URL(NATS_URL);
  const connection = await connect({ servers: `${u.hostname}:${u.port || 4222}` });
  const jsm = await connection.jetstreamManager();
  const stream = `IMGWBENCH_${tag}`;
  const baselineStream = `${stream}_BASELINE`;
  // File storage, as a production stream would have; memory would flatter both sides alike.
  await jsm.streams.add({ name: stream, subjects: [`imgwbench.${tag}.>`], storage: StorageType.File });
  await jsm.streams.add({
    name: baselineStream,
    subjects: [`imgwbenchbase.${tag}.>`],
    storage: StorageType.File,
  });
  const seen = recorder();
  const consumer = await connection.jetstream().consumers.get(stream);
  const messages = await consumer.consume({ max_messages: 1000 });
  void (async () => {
    for await (const m of messages) {
      const headers = {};
      for (const k of m.headers?.keys() ?? []) headers[k.toLowerCase()] = m.headers.get(k);
      seen.add(headers, m.data);
    }
  })();
  const stop = async () => {
    await messages.close().catch(() => undefined);
    for (const s of [stream, baselineStream]) await jsm.streams.delete(s).catch(() => undefined);
    await connection.close().catch(() => undefined);
  };
  onCleanup(stop);
  return {
    seen,
    endpoint: {
      type: 'nats',
      url: NATS_URL,
      destination: { subject: `imgwbench.${tag}.{appId}.{type}`, stream },
    },
    async baseline(items) {
      const { headers: natsHeaders } = await import('nats');
      const js = connection.jetstream();
      return closedLoop(items, async ({ headers, body }) => {
        const h = natsHeaders();
        for (const [k, v] of Object.entries(headers)) h.set(k, String(v));
        await js.publish(`imgwbenchbase.${tag}.message`, body, {
          msgID: headers['webhook-id'],
          headers: h,
          expect: { streamName: baselineStream },
        });
      });
    },
    stop,
  };
}

async function redisStream() {
  const key = `imgw-bench:${randomBytes(4).toString('hex')}`;
  const reader = new Redis(REDIS_URL);
  const seen = recorder();
  let running = true;
  const loop = (async () => {
    let last = '0';
    while (running) {
      const answer = await reader.xread('COUNT', 1000, 'BLOCK', 100, 'STREAMS', key, last);
      for (const [, entries] of answer ?? [])
        for (const [id, fields] of entries) {
          last = id;
          const headers = {};
          for (let i = 0; i < fields.length; i += 2) headers[fields[i]] = fields[i + 1];
          seen.add(headers, headers.body);
        }
    }
  })();
  const stop = async () => {
    running = false;
    await loop.catch(() => undefined);
    await reader.del(key, `${key}:baseline`).catch(() => undefined);
    reader.disconnect();
  };
  onCleanup(stop);
  return {
    seen,
    endpoint: { type: 'redis-stream', url: REDIS_URL, destination: { streamKey: key, maxLen: 1_000_000 } },
    async baseline(items) {
      const writer = new Redis(REDIS_URL);
      try {
        return await closedLoop(items, ({ headers }) =>
          writer.xadd(`${key}:baseline`, 'MAXLEN', '~', '1000000', '*', ...Object.entries(headers).flat()),
        );
      } finally {
        writer.disconnect();
      }
    },
    stop,
  };
}

/** The destination types the scenario measures, each with its broker set-up. */
export const BROKERS = { rabbitmq, nats, 'redis-stream': redisStream };
