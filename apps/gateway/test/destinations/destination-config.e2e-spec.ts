import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NatsConsumer, RabbitmqConsumer } from '../support/broker-consumers.js';
import { easemobAppBody, startGateway, type RunningGateway } from '../support/gateway.js';
import { describeWith, SERVICES } from '../support/required-services.js';

const describeWithBrokers = await describeWith(['redis', 'rabbitmq', 'nats']);

let gw: RunningGateway;
let strict: RunningGateway;
let appId: string;
let strictAppId: string;
let closedPort: number;

beforeAll(async () => {
  gw = await startGateway();
  strict = await startGateway({ env: { ENDPOINTS_ALLOW_PRIVATE: 'false' } });
  appId = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
  strictAppId = (await strict.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
  // A port that was just free: nothing listens there.
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closedPort = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await gw.close();
  await strict.close();
});

const create = (body: Record<string, unknown>, on = gw, app = appId) =>
  on.call('POST', `/v1/apps/${app}/endpoints`, { body });

describe('bad broker destinations are refused with 400 and a code', () => {
  it.each([
    ['an unknown type', { type: 'kafka', url: 'kafka://127.0.0.1:9092' }, 'validation_failed', /type/],
    [
      'a scheme of another type',
      { type: 'rabbitmq', url: 'redis://127.0.0.1:6379', destination: { exchange: 'x' } },
      'invalid_destination',
      /amqp:\/\/ or amqps:\/\//,
    ],
    [
      'an http URL for NATS',
      { type: 'nats', url: 'https://127.0.0.1:4222', destination: { stream: 'S' } },
      'invalid_destination',
      /nats:\/\/ or tls:\/\//,
    ],
    [
      'an unknown placeholder',
      { type: 'nats', url: 'nats://127.0.0.1:4222', destination: { stream: 'S', subject: 'im.{tenant}' } },
      'invalid_destination',
      /unknown placeholder \{tenant\}/,
    ],
    [
      'a wildcard in a routing key',
      { type: 'rabbitmq', url: 'amqp://127.0.0.1', destination: { exchange: 'x', routingKey: 'im.#' } },
      'invalid_destination',
      /routingKey/,
    ],
    [
      'no stream key',
      { type: 'redis-stream', url: 'redis://127.0.0.1:6379', destination: {} },
      'invalid_destination',
      /streamKey is required/,
    ],
    [
      'a host that does not resolve',
      { type: 'redis-stream', url: 'redis://no-such-host.invalid:6379', destination: { streamKey: 'k' } },
      'invalid_destination',
      /does not resolve/,
    ],
    [
      'broker settings on an http endpoint',
      { url: 'http://127.0.0.1:9/hook', destination: { exchange: 'x' } },
      'invalid_destination',
      /no destination settings/,
    ],
  ])('%s', async (_, body, code, message) => {
    const r = await create(body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message).toMatch(message);
  });

  it.each([
    ['rabbitmq', { exchange: 'x' }, 'amqp'],
    ['nats', { stream: 'S' }, 'nats'],
    ['redis-stream', { streamKey: 'k' }, 'redis'],
  ])('a %s host nothing listens on: destination_unreachable', async (type, destination, scheme) => {
    const r = await create({ type, url: `${scheme}://127.0.0.1:${closedPort}`, destination });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('destination_unreachable');
    expect(r.body.error.message).toContain(`127.0.0.1:${closedPort}`);
  });

  it.each([
    ['rabbitmq', 'amqp://127.0.0.1:5672', { exchange: 'x' }],
    ['nats', 'nats://localhost:4222', { stream: 'S' }],
    ['redis-stream', 'redis://[::1]:6379', { streamKey: 'k' }],
  ])(
    'a private %s address without ENDPOINTS_ALLOW_PRIVATE: private_address',
    async (type, url, destination) => {
      const r = await create({ type, url, destination }, strict, strictAppId);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('private_address');
      expect(r.body.error.message).toMatch(/ENDPOINTS_ALLOW_PRIVATE/);
    },
  );
});

describeWithBrokers('broker destinations on running brokers', () => {
  it('refuses an exchange or a stream the broker does not have', async () => {
    const rabbit = await create({
      type: 'rabbitmq',
      url: SERVICES.rabbitmq.url,
      destination: { exchange: 'imgw-no-such-exchange' },
    });
    expect(rabbit.status).toBe(400);
    expect(rabbit.body.error).toMatchObject({ code: 'invalid_destination' });
    expect(rabbit.body.error.message).toMatch(/imgw-no-such-exchange/);
    const nats = await create({
      type: 'nats',
      url: SERVICES.nats.url,
      destination: { stream: 'IMGW_NO_SUCH' },
    });
    expect(nats.status).toBe(400);
    expect(nats.body.error).toMatchObject({ code: 'invalid_destination' });
    expect(nats.body.error.message).toMatch(/IMGW_NO_SUCH/);
  });

  it('refuses wrong broker credentials as unreachable', async () => {
    const r = await create({
      type: 'rabbitmq',
      url: 'amqp://guest:wrong-password@127.0.0.1:5672',
      destination: { exchange: 'amq.topic' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('destination_unreachable');
    expect(r.text).not.toContain('wrong-password');
  });

  it('seals credentials in the URL: never returned, still used to deliver', async () => {
    const rabbit = await new RabbitmqConsumer().start();
    const nats = await new NatsConsumer().start();
    try {
      const created = await create({
        ...rabbit.endpoint('amqp://guest:guest@127.0.0.1:5672'),
        description: 'sealed',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        type: 'rabbitmq',
        url: 'amqp://guest:[redacted]@127.0.0.1:5672',
        destination: { exchange: rabbit.exchange },
      });
      const id = created.body.id as string;
      for (const path of [`/v1/apps/${appId}/endpoints/${id}`, `/v1/apps/${appId}/endpoints`]) {
        const r = await gw.call('GET', path);
        expect(r.text).not.toContain('guest:guest');
        expect(r.text).toContain('guest:[redacted]@');
      }
      // Another destination setting changed alone keeps the sealed URL.
      const patched = await gw.call('PATCH', `/v1/apps/${appId}/endpoints/${id}`, {
        body: { destination: { exchange: rabbit.exchange, routingKey: 'x.{type}' } },
      });
      expect(patched.status).toBe(200);
      expect(patched.body.url).toBe('amqp://guest:[redacted]@127.0.0.1:5672');

      // A callback reaches the consumer through the sealed URL.
      const { easemobTextCallback, FIXTURE_SECRET } = await import('../support/signed-callbacks.js');
      const app = (
        await gw.call('POST', '/v1/apps', {
          body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: FIXTURE_SECRET }),
        })
      ).body.id as string;
      const ep = await gw.call('POST', `/v1/apps/${app}/endpoints`, {
        body: rabbit.endpoint('amqp://guest:guest@127.0.0.1:5672'),
      });
      expect(ep.status).toBe(201);
      await gw.call('POST', `/callbacks/easemob/${app}`, {
        token: null,
        body: easemobTextCallback('sealed-1'),
      });
      const [m] = await rabbit.waitFor(1);
      expect(m!.headers['ce-source']).toBe(`/apps/${app}`);

      // A NATS endpoint patched to an unknown stream is refused and keeps its settings.
      const natsEp = await create(nats.endpoint(nats.brokerUrl));
      expect(natsEp.status).toBe(201);
      const bad = await gw.call('PATCH', `/v1/apps/${appId}/endpoints/${natsEp.body.id}`, {
        body: { destination: { stream: 'IMGW_NO_SUCH', subject: 'x.{type}' } },
      });
      expect(bad.status).toBe(400);
      expect(
        (await gw.call('GET', `/v1/apps/${appId}/endpoints/${natsEp.body.id}`)).body.destination,
      ).toMatchObject({ stream: nats.stream });
    } finally {
      await rabbit.stop();
      await nats.stop();
    }
  });
});
