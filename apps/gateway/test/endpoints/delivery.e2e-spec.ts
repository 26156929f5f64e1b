import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { HTTP } from 'cloudevents';
import { Webhook } from 'standardwebhooks';
import { easemobAppBody, startGateway, type RunningGateway } from '../support/gateway.js';
import {
  DOC_DATES_ENV,
  easemobTextCallback,
  FIXTURE_SECRET,
  signedEasemobFixtures,
} from '../support/signed-callbacks.js';
import { sleep, WebhookReceiver } from '../support/webhook-receiver.js';

let gw: RunningGateway;
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  gw = await startGateway({
    env: {
      DELIVERY_RETRY_SCHEDULE: '0,0.3,0.3,0.3,0.3',
      DELIVERY_TIMEOUT_MS: '400',
      WEBHOOK_SECRET_OVERLAP_SECONDS: '2',
      ...DOC_DATES_ENV, // the vendor-doc callbacks carry the docs' dates
    },
  });
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.stop()));
});
afterAll(async () => {
  await gw.close();
});

async function receiver(
  behaviour?: ConstructorParameters<typeof WebhookReceiver>[0],
): Promise<WebhookReceiver> {
  const r = await new WebhookReceiver(behaviour).start();
  receivers.push(r);
  return r;
}

async function appWithEndpoint(url: string, endpoint: Record<string, unknown> = {}) {
  const appId = (
    await gw.call('POST', '/v1/apps', {
      body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: FIXTURE_SECRET }),
    })
  ).body.id as string;
  const created = await gw.call('POST', `/v1/apps/${appId}/endpoints`, { body: { url, ...endpoint } });
  expect(created.status).toBe(201);
  return { appId, endpointId: created.body.id as string, secret: created.body.secret as string };
}

const postCallback = (appId: string, body: unknown) =>
  gw.call('POST', `/callbacks/easemob/${appId}`, { token: null, body });

async function deliveries(appId: string, endpointId: string, query = '') {
  return (await gw.call('GET', `/v1/apps/${appId}/endpoints/${endpointId}/deliveries?limit=200${query}`)).body
    .data as { id: string; status: string; attempts: number }[];
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met: ${JSON.stringify(v)}`);
    await sleep(50);
  }
}

describe('webhook-out delivery', () => {
  it('delivers every event of a batch of vendor-doc callbacks exactly once, as signed CloudEvents that the official receiver libraries accept', async () => {
    const r = await receiver();
    const { appId, secret } = await appWithEndpoint(r.url);
    const seeds = signedEasemobFixtures();
    for (const { body } of seeds) expect((await postCallback(appId, body)).status).toBe(200);
    const events = (await gw.call('GET', `/v1/apps/${appId}/events?limit=200`)).body.data as {
      id: string;
      type: string;
    }[];
    expect(events.length).toBeGreaterThanOrEqual(seeds.length);

    const got = await r.waitFor(events.length);
    await sleep(300); // nothing more arrives
    expect(r.received).toHaveLength(events.length);

    const wh = new Webhook(secret);
    const ids = got.map((hook) => {
      expect(hook.headers['content-type']).toBe('application/cloudevents+json');
      const verified = wh.verify(hook.body, hook.headers) as { id: string };
      const ce = HTTP.toEvent({ headers: hook.headers, body: hook.body });
      const event = Array.isArray(ce) ? ce[0]! : ce;
      expect(event.specversion).toBe('1.0');
      expect(event.source).toBe(`/apps/${appId}`);
      expect(event.id).toBe(hook.headers['webhook-id']);
      expect(verified.id).toBe(event.id);
      expect((event as unknown as { improvider: string }).improvider).toBe('easemob');
      return event.id;
    });
    expect(ids.sort()).toEqual(events.map((e) => e.id).sort());
  });

  it('retries through 5xx answers, timeouts and refused connections, then succeeds; every attempt is logged', async () => {
    const r = await receiver((_req, i) =>
      i === 0 ? { status: 500 } : i === 1 ? { status: 200, delayMs: 1000 } : { status: 200 },
    );
    const port = r.port;
    await r.stop(); // first attempt: connection refused
    const { appId, endpointId } = await appWithEndpoint(`http://127.0.0.1:${port}/hook`);
    expect((await postCallback(appId, easemobTextCallback('retry-1'))).status).toBe(200);
    await until(
      () => deliveries(appId, endpointId),
      (d) => d[0]?.attempts === 1,
    );
    await r.start(port);
    const [delivery] = await until(
      () => deliveries(appId, endpointId),
      (d) => d[0]?.status === 'delivered',
    );
    expect(delivery!.attempts).toBe(4);
    const detail = (
      await gw.call('GET', `/v1/apps/${appId}/endpoints/${endpointId}/deliveries/${delivery!.id}`)
    ).body;
    const log = detail.attemptLog as { statusCode: number | null; error: string | null }[];
    expect(log).toHaveLength(4);
    expect(log[0]).toMatchObject({ statusCode: null, error: expect.stringContaining('ECONNREFUSED') });
    expect(log[1]).toMatchObject({ statusCode: 500 });
    expect(log[2]).toMatchObject({ statusCode: null, error: expect.stringMatching(/timed out/) });
    expect(log[3]).toMatchObject({ statusCode: 200, error: null });
  });

  it('fails a delivery when the schedule is spent, and the recovery API delivers it', async () => {
    let healthy = false;
    const r = await receiver(() => ({ status: healthy ? 200 : 503 }));
    const { appId, endpointId } = await appWithEndpoint(r.url);
    await postCallback(appId, easemobTextCallback('fail-1'));
    await postCallback(appId, easemobTextCallback('fail-2'));
    const failed = await until(
      () => deliveries(appId, endpointId, '&status=failed'),
      (d) => d.length === 2,
    );
    expect(failed.every((d) => d.attempts === 5)).toBe(true);
    const endpoint = (await gw.call('GET', `/v1/apps/${appId}/endpoints/${endpointId}`)).body;
    expect(endpoint.failingSince).toEqual(expect.any(String));

    healthy = true;
    const retried = await gw.call(
      'POST',
      `/v1/apps/${appId}/endpoints/${endpointId}/deliveries/${failed[0]!.id}/retry`,
    );
    expect(retried.status).toBe(200);
    await until(
      () => deliveries(appId, endpointId, '&status=delivered'),
      (d) => d.length === 1,
    );
    const recovered = await gw.call('POST', `/v1/apps/${appId}/endpoints/${endpointId}/recover`, {
      body: { since: '2000-01-01T00:00:00Z' },
    });
    expect(recovered.body).toEqual({ requeued: 1 });
    await until(
      () => deliveries(appId, endpointId, '&status=delivered'),
      (d) => d.length === 2,
    );
    expect((await gw.call('GET', `/v1/apps/${appId}/endpoints/${endpointId}`)).body.failingSince).toBeNull();
  });

  it('redelivers one event to its endpoints on request', async () => {
    const r = await receiver();
    const { appId } = await appWithEndpoint(r.url);
    await postCallback(appId, easemobTextCallback('again-1'));
    await r.waitFor(1);
    const [event] = (await gw.call('GET', `/v1/apps/${appId}/events`)).body.data as { id: string }[];
    const res = await gw.call('POST', `/v1/apps/${appId}/events/${event!.id}/redeliver`);
    expect(res.body).toEqual({ requeued: 1 });
    const got = await r.waitFor(2);
    expect(got[1]!.headers['webhook-id']).toBe(event!.id);
  });

  it('disables the endpoint on 410 Gone and honours Retry-After', async () => {
    const gone = await receiver(() => ({ status: 410 }));
    const a = await appWithEndpoint(gone.url);
    await postCallback(a.appId, easemobTextCallback('gone-1'));
    const endpoint = await until(
      async () => (await gw.call('GET', `/v1/apps/${a.appId}/endpoints/${a.endpointId}`)).body,
      (e) => e.disabled === true,
    );
    expect(endpoint.disabledReason).toMatch(/410/);
    expect(gone.received).toHaveLength(1);

    const busy = await receiver((_req, i) =>
      i === 0 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 },
    );
    const b = await appWithEndpoint(busy.url);
    await postCallback(b.appId, easemobTextCallback('busy-1'));
    const got = await busy.waitFor(2);
    expect(got[1]!.receivedAt - got[0]!.receivedAt).toBeGreaterThanOrEqual(950);
  });

  it('only delivers the event types an endpoint subscribes to', async () => {
    const r = await receiver();
    const { appId } = await appWithEndpoint(r.url, { eventTypes: ['user.*'] });
    await postCallback(appId, easemobTextCallback('filtered-1'));
    const presence = {
      callId: 'presence-1',
      reason: 'login',
      os: 'ios',
      appkey: 'org#app',
      user: 'org#app_u1@easemob.com/ios_1',
      timestamp: Date.now(),
      status: 'online',
    };
    await postCallback(appId, {
      ...presence,
      security: (await import('node:crypto'))
        .createHash('md5')
        .update(`presence-1${FIXTURE_SECRET}${presence.timestamp}`)
        .digest('hex'),
    });
    await r.waitFor(1);
    await sleep(300);
    expect(r.received).toHaveLength(1);
    expect(JSON.parse(r.received[0]!.body).type).toBe('user.online');
  });

  it('signs with both secrets during a rotation and with the new one only afterwards', async () => {
    const r = await receiver();
    const { appId, endpointId, secret: oldSecret } = await appWithEndpoint(r.url);
    const rotated = await gw.call('POST', `/v1/apps/${appId}/endpoints/${endpointId}/secret/rotate`);
    const newSecret = rotated.body.secret as string;
    expect(newSecret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(newSecret).not.toBe(oldSecret);
    expect((await gw.call('GET', `/v1/apps/${appId}/endpoints/${endpointId}/secret`)).body.secret).toBe(
      newSecret,
    );

    await postCallback(appId, easemobTextCallback('rotate-1'));
    const [during] = await r.waitFor(1);
    expect(during!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(() => new Webhook(oldSecret).verify(during!.body, during!.headers)).not.toThrow();
    expect(() => new Webhook(newSecret).verify(during!.body, during!.headers)).not.toThrow();

    await sleep(2100); // the overlap of this gateway is 2 s
    await postCallback(appId, easemobTextCallback('rotate-2'));
    const after = (await r.waitFor(2))[1]!;
    expect(after.headers['webhook-signature']!.split(' ')).toHaveLength(1);
    expect(() => new Webhook(newSecret).verify(after.body, after.headers)).not.toThrow();
    expect(() => new Webhook(oldSecret).verify(after.body, after.headers)).toThrow();
  });

  it('delivers each conversation in order to a slow receiver with ordering: conversation, conversations in parallel', async () => {
    const r = await receiver(() => ({ status: 200, delayMs: 40 }));
    const { appId } = await appWithEndpoint(r.url, { ordering: 'conversation' });
    const base = Date.now();
    const sent: Record<string, number[]> = { g1: [], g2: [], g3: [] };
    // Posted in an interleaved order; occurredAt (the vendor timestamp) defines the order per conversation.
    for (let i = 0; i < 6; i++) {
      for (const group of Object.keys(sent)) {
        const ts = base + i * 10;
        sent[group]!.push(ts);
        expect(
          (
            await postCallback(
              appId,
              easemobTextCallback(`${group}-${i}`, { group, timestamp: ts, from: 'u1' }),
            )
          ).status,
        ).toBe(200);
      }
    }
    const got = await r.waitFor(18);
    const seen: Record<string, number[]> = { g1: [], g2: [], g3: [] };
    for (const hook of got) {
      const ce = JSON.parse(hook.body) as { subject: string; time: string };
      seen[ce.subject.split('/')[1]!]!.push(Date.parse(ce.time));
    }
    expect(seen).toEqual(sent);
    expect(r.maxInFlight).toBeGreaterThan(1);
    expect(r.maxInFlight).toBeLessThanOrEqual(3);
  });
});
