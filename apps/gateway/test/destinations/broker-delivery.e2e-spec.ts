import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals';
import { HTTP } from 'cloudevents';
import { Redis } from 'ioredis';
import { Transactor } from '@im-gateway/persistence';
import { Webhook } from 'standardwebhooks';
import {
  BROKER_CONSUMERS,
  type NatsConsumer,
  type RabbitmqConsumer,
  type BrokerConsumer,
  type ConsumedMessage,
} from '../support/broker-consumers.js';
import { easemobAppBody, startGateway, type RunningGateway } from '../support/gateway.js';
import { describeWith, SERVICES } from '../support/required-services.js';
import { easemobTextCallback, FIXTURE_SECRET } from '../support/signed-callbacks.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { sleep } from '../support/webhook-receiver.js';

// Each broker as this machine runs it, consumed with its official client (amqplib, nats, ioredis).
const describeWithBrokers = await describeWith(['redis', 'rabbitmq', 'nats']);

const CONVERSATIONS = 10;
// A thousand callbacks and their deliveries take seconds alone, longer beside a full parallel test run.
const SLOW_MS = 120_000;
let gw: RunningGateway;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  gw = await startGateway({
    env: {
      // Twenty quick retries: a cut of about a second is retried through, never exhausted.
      DELIVERY_RETRY_SCHEDULE: Array.from({ length: 20 }, (_, i) => (i === 0 ? '0' : '0.2')).join(','),
      DELIVERY_TIMEOUT_MS: '1000',
      DELIVERY_CONCURRENCY: '32',
    },
  });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await gw.close();
});

async function consumer(type: keyof typeof BROKER_CONSUMERS): Promise<BrokerConsumer> {
  const c = await BROKER_CONSUMERS[type]().start();
  cleanups.push(() => c.stop());
  return c;
}

async function endpointFor(body: Record<string, unknown>) {
  const appId = (
    await gw.call('POST', '/v1/apps', {
      body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: FIXTURE_SECRET }),
    })
  ).body.id as string;
  const created = await gw.call('POST', `/v1/apps/${appId}/endpoints`, {
    body: { ...body, ordering: 'conversation' },
  });
  expect(created.status).toBe(201);
  return { appId, endpointId: created.body.id as string, secret: created.body.secret as string };
}

/**
 * Posts `count` callbacks over 10 group conversations, one poster per conversation (10 at a time); returns
 * each conversation's times. A conversation's next callback goes once the gateway has answered the one
 * before: two of one conversation in flight together may be stored in either order, and the gateway orders
 * a conversation by what it has stored, not by events it has not seen yet.
 */
async function postEvents(appId: string, count: number, tag: string): Promise<Record<string, number[]>> {
  const base = Date.now() - 60_000;
  const sent: Record<string, number[]> = {};
  const poster = async (conversation: number) => {
    for (let i = conversation; i < count; i += CONVERSATIONS) {
      const group = `g${conversation}`;
      const ts = base + i; // distinct times: the order of each conversation is known in advance
      (sent[group] ??= []).push(ts);
      const r = await gw.call('POST', `/callbacks/easemob/${appId}`, {
        token: null,
        body: easemobTextCallback(`${tag}-${i}`, { group, timestamp: ts }),
      });
      expect(r.status).toBe(200);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONVERSATIONS, count) }, (_, k) => poster(k)));
  for (const times of Object.values(sent)) times.sort((a, b) => a - b);
  return sent;
}

/** The first arrival of each event id, in arrival order. */
function firstArrivals(messages: ConsumedMessage[]): ConsumedMessage[] {
  const seen = new Set<string>();
  return messages.filter((m) => {
    const id = m.headers['webhook-id']!;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function timesByConversation(messages: ConsumedMessage[]): Record<string, number[]> {
  const seen: Record<string, number[]> = {};
  for (const m of messages) {
    const ce = JSON.parse(m.body) as { subject: string; time: string };
    (seen[ce.subject.split('/')[1]!] ??= []).push(Date.parse(ce.time));
  }
  return seen;
}

async function waitForIds(c: BrokerConsumer, count: number, timeoutMs = 60_000) {
  const started = Date.now();
  while (firstArrivals(c.received).length < count) {
    if (Date.now() - started > timeoutMs)
      throw new Error(
        `${c.type}: ${firstArrivals(c.received).length} of ${count} events after ${timeoutMs} ms`,
      );
    await sleep(100);
  }
}

for (const type of Object.keys(BROKER_CONSUMERS) as (keyof typeof BROKER_CONSUMERS)[]) {
  describeWithBrokers(`${type} destination`, () => {
    it(
      'delivers 1,000 events exactly once, signed, as CloudEvents, in order per conversation',
      async () => {
        const c = await consumer(type);
        const { appId, endpointId, secret } = await endpointFor(c.endpoint(c.brokerUrl));
        const sent = await postEvents(appId, 1_000, `once-${type}`);
        await c.waitFor(1_000, 90_000);
        await sleep(500); // nothing more may come
        expect(c.received).toHaveLength(1_000);
        expect(new Set(c.received.map((m) => m.headers['webhook-id'])).size).toBe(1_000);
        expect(timesByConversation(c.received)).toEqual(sent);

        const wh = new Webhook(secret);
        for (const m of c.received) {
          const { 'webhook-id': id, 'webhook-timestamp': ts, 'webhook-signature': sig } = m.headers;
          expect(() =>
            wh.verify(m.body, { 'webhook-id': id!, 'webhook-timestamp': ts!, 'webhook-signature': sig! }),
          ).not.toThrow();
          const ce = HTTP.toEvent({ headers: { 'content-type': m.headers['content-type'] }, body: m.body });
          const event = Array.isArray(ce) ? ce[0]! : ce;
          expect(event.id).toBe(id);
          // The binary-mode attributes say the same as the document.
          expect(m.headers).toMatchObject({
            'ce-specversion': '1.0',
            'ce-id': event.id,
            'ce-type': event.type,
            'ce-source': event.source,
            'ce-subject': event.subject,
          });
        }
        if (type === 'rabbitmq')
          expect(c.received[0]!.headers['x-routing-key']).toMatch(/\.group\.g\d\.message\.sent$/);
        if (type === 'nats') expect(c.received[0]!.headers['x-subject']).toMatch(/\.g\d\.message\.sent$/);

        const page = await gw.call('GET', `/v1/apps/${appId}/endpoints/${endpointId}/deliveries?limit=5`);
        const detail = await gw.call(
          'GET',
          `/v1/apps/${appId}/endpoints/${endpointId}/deliveries/${page.body.data[0].id}`,
        );
        expect(detail.body).toMatchObject({ status: 'delivered', attempts: 1 });
        expect(detail.body.attemptLog[0].responseExcerpt).toBeTruthy();
      },
      SLOW_MS,
    );

    it(
      'retries 1,000 events through a cut connection to the broker: nothing lost, order per conversation kept',
      async () => {
        const c = await consumer(type);
        const broker = new URL(c.brokerUrl);
        const proxy = new TcpProxy(broker.hostname, Number(broker.port));
        await proxy.start();
        cleanups.push(() => proxy.cut());
        const viaProxy = new URL(c.brokerUrl);
        viaProxy.port = String(proxy.port);
        const { appId, endpointId } = await endpointFor(c.endpoint(viaProxy.toString()));

        const posting = postEvents(appId, 1_000, `cut-${type}`);
        await c.waitFor(50);
        await proxy.cut();
        await sleep(1_200);
        await proxy.restore();
        const sent = await posting;
        await waitForIds(c, 1_000, 90_000);

        const first = firstArrivals(c.received);
        expect(first).toHaveLength(1_000);
        expect(timesByConversation(first)).toEqual(sent);
        const failed = await gw.call(
          'GET',
          `/v1/apps/${appId}/endpoints/${endpointId}/deliveries?status=failed&limit=5`,
        );
        expect(failed.body.data).toEqual([]);
        // The cut was retried through: some delivery took more than one attempt.
        let retried = 0;
        let cursor: string | null = null;
        do {
          const page: { body: { data: { attempts: number }[]; nextCursor: string | null } } = await gw.call(
            'GET',
            `/v1/apps/${appId}/endpoints/${endpointId}/deliveries?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
          );
          retried += page.body.data.filter((d) => d.attempts > 1).length;
          cursor = page.body.nextCursor;
        } while (cursor);
        expect(retried).toBeGreaterThan(0);
      },
      SLOW_MS,
    );

    it('disables an endpoint whose broker has been unreachable for too long, like an HTTP endpoint', async () => {
      const c = await consumer(type);
      const broker = new URL(c.brokerUrl);
      const proxy = new TcpProxy(broker.hostname, Number(broker.port));
      await proxy.start();
      cleanups.push(() => proxy.cut());
      const viaProxy = new URL(c.brokerUrl);
      viaProxy.port = String(proxy.port);
      const { appId, endpointId } = await endpointFor(c.endpoint(viaProxy.toString()));
      await proxy.cut();
      // Failing since long before ENDPOINT_DISABLE_AFTER_HOURS (5 days): the next failed attempt disables it.
      await gw.app
        .get(Transactor)
        .query('UPDATE endpoints SET failing_since = $1 WHERE id = $2', [
          '2000-01-01T00:00:00.000Z',
          endpointId,
        ]);
      await sleep(1_100); // the endpoint cache expires
      await gw.call('POST', `/callbacks/easemob/${appId}`, {
        token: null,
        body: easemobTextCallback(`disable-${type}`, { group: 'g0' }),
      });
      const started = Date.now();
      let endpoint: { disabled: boolean; disabledReason: string | null };
      do {
        await sleep(100);
        endpoint = (await gw.call('GET', `/v1/apps/${appId}/endpoints/${endpointId}`)).body;
      } while (!endpoint.disabled && Date.now() - started < 10_000);
      expect(endpoint).toMatchObject({
        disabled: true,
        disabledReason: expect.stringMatching(/failed since 2000/),
      });
      expect(c.received).toHaveLength(0);
    });
  });
}

describeWithBrokers('connections to a broker', () => {
  /** The gateway's Redis connections by name (each names the endpoint it serves). */
  async function gatewayClients(): Promise<string[]> {
    const redis = new Redis(SERVICES.redis.url);
    try {
      const list = (await redis.client('LIST')) as string;
      return [...list.matchAll(/ name=(im-gateway-endpoint-\S+)/g)].map((m) => m[1]!);
    } finally {
      redis.disconnect();
    }
  }

  /** Whether the named connection is gone within two seconds (the server sees a close a moment later). */
  async function closed(name: string): Promise<boolean> {
    for (const started = Date.now(); Date.now() - started < 2_000; await sleep(50))
      if (!(await gatewayClients()).includes(name)) return true;
    return false;
  }

  it('reuses one connection per endpoint, and closes it when the endpoint is disabled or deleted', async () => {
    const c = await consumer('redis-stream');
    const { appId, endpointId } = await endpointFor(c.endpoint(c.brokerUrl));
    const name = `im-gateway-endpoint-${endpointId}`;
    await postEvents(appId, 50, 'reuse');
    await c.waitFor(50);
    expect((await gatewayClients()).filter((n) => n === name)).toHaveLength(1);

    const paused = await gw.call('PATCH', `/v1/apps/${appId}/endpoints/${endpointId}`, {
      body: { disabled: true },
    });
    expect(paused.status).toBe(200);
    expect(await closed(name)).toBe(true);

    await gw.call('PATCH', `/v1/apps/${appId}/endpoints/${endpointId}`, { body: { disabled: false } });
    await sleep(1_100); // the fan-out cache expires
    await postEvents(appId, 5, 'resumed');
    await c.waitFor(55);
    expect(await gatewayClients()).toContain(name);
    expect((await gw.call('DELETE', `/v1/apps/${appId}/endpoints/${endpointId}`)).status).toBe(204);
    expect(await closed(name)).toBe(true);
  });
});

describeWithBrokers('a message the broker would not keep', () => {
  async function firstAttempt(appId: string, endpointId: string) {
    await gw.call('POST', `/callbacks/easemob/${appId}`, {
      token: null,
      body: easemobTextCallback(`unkept-${endpointId}`, { group: 'g0' }),
    });
    // Retries come every 0.2 s here, so a delivery is taken again ('delivering') soon after each failure:
    // read it between two attempts, when its state is settled.
    for (const started = Date.now(); Date.now() - started < 10_000; await sleep(100)) {
      const [d] = (await gw.call('GET', `/v1/apps/${appId}/endpoints/${endpointId}/deliveries`)).body.data;
      if (!(d?.attempts > 0)) continue;
      const detail = (await gw.call('GET', `/v1/apps/${appId}/endpoints/${endpointId}/deliveries/${d.id}`))
        .body;
      if (detail.status !== 'delivering') return detail;
    }
    throw new Error('no attempt');
  }

  it('RabbitMQ: routed to no queue is a failed attempt, not a confirmed message lost', async () => {
    const c = (await consumer('rabbitmq')) as RabbitmqConsumer;
    // The consumer's queue is bound to `#`; a second exchange of its own has no queue at all.
    const lonely = `${c.exchange}-unbound`;
    await c.declareExchange(lonely);
    const { appId, endpointId } = await endpointFor({
      ...c.endpoint(c.brokerUrl),
      destination: { exchange: lonely },
    });
    const delivery = await firstAttempt(appId, endpointId);
    expect(delivery.attemptLog[0].error).toMatch(
      /unroutable: no queue is bound to .*-unbound for message\.sent/,
    );
    expect(delivery.status).toBe('pending');
  });

  it('NATS: a subject outside the named stream is a failed attempt', async () => {
    const c = (await consumer('nats')) as NatsConsumer;
    const { appId, endpointId } = await endpointFor({
      ...c.endpoint(c.brokerUrl),
      destination: { stream: c.stream, subject: 'imgw-elsewhere.{type}' },
    });
    const delivery = await firstAttempt(appId, endpointId);
    expect(delivery.attemptLog[0].error).toBeTruthy();
    expect(delivery.status).toBe('pending');
    expect(c.received).toHaveLength(0);
  });
});
