import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Transactor } from '@im-gateway/persistence';
import { easemobAppBody, startGateway, type RunningGateway } from '../support/gateway.js';
import { easemobTextCallback, FIXTURE_SECRET } from '../support/signed-callbacks.js';
import { sleep, WebhookReceiver } from '../support/webhook-receiver.js';

let gw: RunningGateway;
const servers: { stop(): Promise<void> }[] = [];

beforeAll(async () => {
  gw = await startGateway({
    env: { DELIVERY_RETRY_SCHEDULE: '0,0.2,0.2', DELIVERY_TIMEOUT_MS: '1000' },
  });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await gw.close();
});

/** A receiver that answers 200 with the given raw bytes. */
async function bytesReceiver(body: Buffer): Promise<string> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

async function appWithEndpoint(url: string, endpoint: Record<string, unknown> = {}) {
  const appId = (
    await gw.call('POST', '/v1/apps', {
      body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: FIXTURE_SECRET }),
    })
  ).body.id as string;
  const created = await gw.call('POST', `/v1/apps/${appId}/endpoints`, { body: { url, ...endpoint } });
  expect(created.status).toBe(201);
  return { appId, endpointId: created.body.id as string };
}

async function settled(appId: string, endpointId: string, timeoutMs = 10_000) {
  const started = Date.now();
  for (;;) {
    const list = (await gw.call('GET', `/v1/apps/${appId}/endpoints/${endpointId}/deliveries`)).body.data as {
      id: string;
      status: string;
      attempts: number;
    }[];
    if (list.length > 0 && list.every((d) => d.status === 'delivered' || d.status === 'failed')) return list;
    if (Date.now() - started > timeoutMs) throw new Error(`deliveries not settled: ${JSON.stringify(list)}`);
    await sleep(50);
  }
}

describe('an answer the database cannot store as text', () => {
  it.each([
    ['"OK" in UTF-16LE', Buffer.from('OK', 'utf16le')],
    ['gzip bytes', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03])],
  ])('records a 2xx answered with %s as delivered, once, with a storable excerpt', async (_, bytes) => {
    const url = await bytesReceiver(bytes);
    const { appId, endpointId } = await appWithEndpoint(url);
    const cb = await gw.call('POST', `/callbacks/easemob/${appId}`, {
      token: null,
      body: easemobTextCallback(`nul-${bytes.length}`),
    });
    expect(cb.status).toBe(200);
    const [delivery] = await settled(appId, endpointId);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1 });
    const detail = await gw.call(
      'GET',
      `/v1/apps/${appId}/endpoints/${endpointId}/deliveries/${delivery!.id}`,
    );
    expect(detail.body.attemptLog).toHaveLength(1);
    expect(detail.body.attemptLog[0]).toMatchObject({ statusCode: 200 });
    expect(detail.body.attemptLog[0].responseExcerpt).not.toContain('\u0000');
  });
});

describe('static header values', () => {
  const bad = ['商店', 'ok 🙂', 'a\u0000b', 'a\u0001b', 'a\rb'];

  it.each(bad)('refuses %j at creation and at update with 400', async (value) => {
    const r = await new WebhookReceiver().start();
    servers.push(r);
    const appId = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id as string;
    const created = await gw.call('POST', `/v1/apps/${appId}/endpoints`, {
      body: { url: r.url, headers: { 'x-shop': value } },
    });
    expect(created.status).toBe(400);
    expect(created.body.error.code).toBe('validation_failed');

    const ok = await gw.call('POST', `/v1/apps/${appId}/endpoints`, { body: { url: r.url } });
    expect(ok.status).toBe(201);
    const patched = await gw.call('PATCH', `/v1/apps/${appId}/endpoints/${ok.body.id}`, {
      body: { headers: { 'x-shop': value } },
    });
    expect(patched.status).toBe(400);
    expect(patched.body.error.code).toBe('validation_failed');
  });

  it('accepts the visible ASCII and Latin-1 values Node sends', async () => {
    const r = await new WebhookReceiver().start();
    servers.push(r);
    const appId = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id as string;
    const created = await gw.call('POST', `/v1/apps/${appId}/endpoints`, {
      body: { url: r.url, headers: { authorization: 'Bearer a.b-c_d~e+f/g=', 'x-name': 'caf\u00e9\tbar' } },
    });
    expect(created.status).toBe(201);
  });

  it('ends a delivery whose stored header cannot be sent as failed attempts, never stuck in delivering', async () => {
    const r = await new WebhookReceiver().start();
    servers.push(r);
    const { appId, endpointId } = await appWithEndpoint(r.url);
    // A header stored before values were checked at creation.
    await gw.app
      .get(Transactor)
      .query('UPDATE endpoints SET headers = $1 WHERE id = $2', [
        JSON.stringify({ 'x-shop': '商店' }),
        endpointId,
      ]);
    await sleep(1_100); // the endpoint cache expires
    const cb = await gw.call('POST', `/callbacks/easemob/${appId}`, {
      token: null,
      body: easemobTextCallback('bad-header'),
    });
    expect(cb.status).toBe(200);
    const [delivery] = await settled(appId, endpointId);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 3 });
    expect(r.received).toHaveLength(0);
    const detail = await gw.call(
      'GET',
      `/v1/apps/${appId}/endpoints/${endpointId}/deliveries/${delivery!.id}`,
    );
    expect(detail.body.attemptLog).toHaveLength(3);
    expect(detail.body.attemptLog[0].error).toMatch(/header/i);
  });
});
