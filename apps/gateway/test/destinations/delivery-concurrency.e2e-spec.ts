import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals';
import { RedisStreamConsumer } from '../support/broker-consumers.js';
import { easemobAppBody, startGateway, type RunningGateway } from '../support/gateway.js';
import { describeWith } from '../support/required-services.js';
import { easemobTextCallback, FIXTURE_SECRET } from '../support/signed-callbacks.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { sleep, WebhookReceiver } from '../support/webhook-receiver.js';

// Attempts in flight are counted per kind of destination: DELIVERY_CONCURRENCY for HTTP receivers (sockets
// to a user's server), DELIVERY_BROKER_CONCURRENCY for broker publishes awaiting their confirmation.
const describeWithRedis = await describeWith(['redis']);

const HTTP_LIMIT = 2;
const BROKER_LIMIT = 24;
let gw: RunningGateway;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  gw = await startGateway({
    env: {
      DELIVERY_CONCURRENCY: String(HTTP_LIMIT),
      DELIVERY_BROKER_CONCURRENCY: String(BROKER_LIMIT),
      DELIVERY_TIMEOUT_MS: '20000',
    },
  });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await gw.close();
});

async function appWithEndpoint(endpoint: Record<string, unknown>): Promise<string> {
  const appId = (
    await gw.call('POST', '/v1/apps', {
      body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: FIXTURE_SECRET }),
    })
  ).body.id as string;
  expect((await gw.call('POST', `/v1/apps/${appId}/endpoints`, { body: endpoint })).status).toBe(201);
  return appId;
}

async function post(appId: string, count: number, tag: string): Promise<void> {
  for (let i = 0; i < count; i++) {
    const r = await gw.call('POST', `/callbacks/easemob/${appId}`, {
      token: null,
      body: easemobTextCallback(`${tag}-${i}`, { group: `g${i % 7}` }),
    });
    expect(r.status).toBe(200);
  }
}

describeWithRedis('delivery concurrency per kind of destination', () => {
  it('holds a slow HTTP receiver to DELIVERY_CONCURRENCY requests at once', async () => {
    const receiver = await new WebhookReceiver(() => ({ status: 200, delayMs: 300 })).start();
    cleanups.push(() => receiver.stop());
    const appId = await appWithEndpoint({ url: receiver.url });
    await post(appId, 10, 'http');
    await receiver.waitFor(10, 30_000);
    // The queue runs HTTP_LIMIT + BROKER_LIMIT attempts: without the HTTP limit all ten would be in flight.
    expect(receiver.maxInFlight).toBe(HTTP_LIMIT);
  });

  it('has DELIVERY_BROKER_CONCURRENCY publishes awaiting the broker at once, not DELIVERY_CONCURRENCY', async () => {
    const consumer = await new RedisStreamConsumer().start();
    cleanups.push(() => consumer.stop());
    const broker = new URL(consumer.brokerUrl);
    const proxy = new TcpProxy(broker.hostname, Number(broker.port));
    await proxy.start();
    cleanups.push(() => proxy.cut());
    const viaProxy = new URL(consumer.brokerUrl);
    viaProxy.port = String(proxy.port);
    const appId = await appWithEndpoint(consumer.endpoint(viaProxy.toString()));

    // Redis applies every XADD it gets, while its replies wait in the proxy: what the stream holds then is
    // what the gateway published without a confirmation.
    await post(appId, 1, 'warm'); // the connection is open and its first reply read
    await consumer.waitFor(1);
    proxy.holdReplies();
    await post(appId, 60, 'broker');
    await consumer.waitFor(1 + BROKER_LIMIT, 20_000);
    await sleep(500); // nothing more may come while no reply is read
    expect(consumer.received).toHaveLength(1 + BROKER_LIMIT);

    proxy.releaseReplies();
    await consumer.waitFor(61, 30_000);
    await sleep(300);
    expect(new Set(consumer.received.map((m) => m.headers['webhook-id'])).size).toBe(61);
    expect(consumer.received).toHaveLength(61);
  });
});
