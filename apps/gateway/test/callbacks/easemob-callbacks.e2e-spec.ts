import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { easemobAppBody, startGateway, type RunningGateway } from '../support/gateway.js';
import { expectGoldenEvents, providerFixtures } from '../support/provider-fixtures.js';
import { DOC_DATES_ENV } from '../support/signed-callbacks.js';

const SECRET = 'fixture-secret';
const fixtures = providerFixtures('@im-gateway/provider-easemob');
let gw: RunningGateway;

beforeAll(async () => {
  // The vendor-doc examples carry the timestamps their docs printed: this gateway's window is wide enough
  // for them; the time binding itself is tested on a gateway with the default window below.
  gw = await startGateway({ env: DOC_DATES_ENV });
});
afterAll(async () => {
  await gw.close();
});

type Body = Record<string, unknown>;

/** The vendor's recipe, computed here and not with the code under test. */
function sign(body: Body, secret = SECRET): Body {
  const security = createHash('md5')
    .update(`${String(body.callId ?? '')}${secret}${String(body.timestamp ?? '')}`)
    .digest('hex');
  return { ...body, security };
}

function appKeyOf(body: unknown): { orgName: string; appName: string } {
  const appkey = (body as Body).appkey;
  const [orgName = 'org', appName = 'app'] =
    typeof appkey === 'string' && appkey.includes('#') ? appkey.split('#', 2) : [];
  return { orgName, appName };
}

async function createApp(body: unknown, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await gw.call('POST', '/v1/apps', {
    body: easemobAppBody({ ...appKeyOf(body), callbackSecret: SECRET, ...extra }),
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

const post = (appId: string, body: unknown, raw?: string) =>
  gw.call('POST', `/callbacks/easemob/${appId}`, {
    token: null,
    ...(raw !== undefined ? { rawBody: raw } : { body }),
  });
const eventsOf = async (appId: string) =>
  (await gw.call('GET', `/v1/apps/${appId}/events?limit=200`)).body.data as Record<string, unknown>[];

describe('Easemob callbacks through the HTTP route: every vendor-doc fixture', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThan(70));

  it.each(fixtures.map((f) => [f.name, f] as const))(
    '%s is verified, stored and yields exactly its golden events',
    async (_name, fixture) => {
      // Examples printed without a callId (reaction, thread, bare payloads) carry no signature either: they go
      // to an app that accepts unsigned callbacks, exactly as printed.
      const signable = Boolean((fixture.body as Body).callId);
      const appId = await createApp(fixture.body, signable ? {} : { allowUnsignedCallbacks: true });
      const signed = signable ? sign(fixture.body as Body) : (fixture.body as Body);
      const from = new Date().toISOString();
      const res = await post(appId, signed);
      const to = new Date().toISOString();
      expect(res.status).toBe(200);
      expect(res.text.length).toBeLessThanOrEqual(1000);
      if (/^presend/.test(fixture.name)) expect(res.body).toEqual({ valid: true });
      const stored = await eventsOf(appId);
      const golden = fixture.golden.map((g) => ({ ...g, raw: signed }));
      expectGoldenEvents(stored, golden, appId, 'easemob', { from, to });

      // The vendor retries once on failure: the same callback again is acknowledged and stored once.
      const again = await post(appId, signed);
      expect(again.status).toBe(200);
      if (/^presend/.test(fixture.name)) expect(again.body).toEqual({ valid: true });
      expect(await eventsOf(appId)).toHaveLength(stored.length);
    },
  );
});

describe('Easemob callbacks from the attacker side', () => {
  const message = fixtures.find(
    (f) => f.name === 'chat-txt-payload' || (/^chat-txt/.test(f.name) && (f.body as Body).callId),
  )!;
  const base = () => ({
    ...(fixtures.find(
      (f) => (f.body as Body).callId && (f.body as Body).timestamp && /muc-kick-group/.test(f.name),
    )!.body as Body),
  });
  let appId: string;

  beforeAll(async () => {
    expect(message).toBeDefined();
    appId = await createApp(base());
  });

  async function expectRejected(body: unknown, status: number, code: string, raw?: string) {
    const before = (await eventsOf(appId)).length;
    const res = await post(appId, body, raw);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await eventsOf(appId)).toHaveLength(before);
  }

  it('rejects one changed byte in a signed field under the old signature', async () => {
    const signed = sign({ ...base(), callId: 'easemob-demo#test_0000000000000000001' });
    const callId = String(signed.callId);
    await expectRejected({ ...signed, callId: `${callId.slice(0, -1)}2` }, 401, 'callback_signature_invalid');
    await expectRejected(
      { ...signed, timestamp: Number(signed.timestamp) + 1 },
      401,
      'callback_signature_invalid',
    );
  });

  it('rejects a signature made with another app’s secret', async () => {
    await expectRejected(sign(base(), 'another-apps-secret'), 401, 'callback_signature_invalid');
  });

  it('rejects a body without security unless the app allows unsigned callbacks', async () => {
    const { security: _s, ...unsigned } = sign(base());
    await expectRejected(unsigned, 401, 'callback_signature_missing');
    const lenient = await createApp(base(), { allowUnsignedCallbacks: true });
    expect((await post(lenient, unsigned)).status).toBe(200);
    expect(await eventsOf(lenient)).toHaveLength(1);
  });

  it('rejects a callback for another App Key', async () => {
    await expectRejected(sign({ ...base(), appkey: 'other#app' }), 403, 'callback_app_mismatch');
  });

  it('answers 404 for an unknown app and for an app of another provider', async () => {
    const unknown = await post('00000000-0000-7000-8000-000000000000', sign(base()));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    const tencent = (
      await gw.call('POST', '/v1/apps', {
        body: {
          name: 't',
          provider: 'tencent',
          config: { sdkAppId: 1400000001, secretKey: 'k', adminIdentifier: 'admin' },
        },
      })
    ).body.id;
    expect((await post(tencent, sign(base()))).status).toBe(404);
    expect((await gw.call('POST', `/callbacks/wechat/${appId}`, { token: null, body: {} })).status).toBe(404);
  });

  it('answers malformed JSON and non-object bodies with 400', async () => {
    await expectRejected(undefined, 400, 'invalid_json', '{"callId": "x",');
    await expectRejected([1, 2], 400, 'callback_malformed');
    await expectRejected('just a string', 400, 'callback_malformed');
  });

  it('stores valid JSON of an unknown kind as provider.unknown', async () => {
    const res = await post(
      appId,
      sign({ ...base(), callId: 'new-kind-1', chat_type: 'hologram', payload: { beam: true } }),
    );
    expect(res.status).toBe(200);
    const events = await eventsOf(appId);
    expect(events.at(-1)).toMatchObject({
      type: 'provider.unknown',
      dedupeKey: 'new-kind-1',
      data: { vendorType: expect.stringContaining('hologram') },
    });
  });

  it('counts rejected callbacks in the metrics', async () => {
    const metrics = (await gw.call('GET', '/metrics', { token: null })).text;
    expect(metrics).toMatch(
      /imgw_callbacks_total\{provider="easemob",outcome="rejected",code="callback_signature_invalid"\} [1-9]/,
    );
    expect(metrics).toMatch(/imgw_callbacks_total\{provider="easemob",outcome="accepted",code=""\} [1-9]/);
  });

  it('keeps the raw body byte for byte', async () => {
    const raw = JSON.stringify(sign({ ...base(), callId: 'raw-1' }), null, 2);
    expect((await post(appId, undefined, raw)).status).toBe(200);
    const rows: { raw_body: string }[] = await gw.app
      .get(DataSource)
      .query(`SELECT raw_body FROM inbound_callbacks WHERE dedupe_key = 'raw-1'`);
    expect(rows[0]?.raw_body).toBe(raw);
  });
});

describe('Easemob callbacks bound to callId and time (default window, ±10 minutes)', () => {
  let strict: RunningGateway;
  let appId: string;
  const message = (callId: string | undefined, timestamp: number, text = 'hi'): Body => ({
    ...(callId === undefined ? {} : { callId }),
    eventType: 'chat',
    timestamp,
    chat_type: 'chat',
    from: 'u1',
    to: 'u2',
    msg_id: `${timestamp}`,
    payload: { bodies: [{ type: 'txt', msg: text }], ext: {} },
    appkey: 'org#app',
  });
  const postStrict = (body: unknown) =>
    strict.call('POST', `/callbacks/easemob/${appId}`, { token: null, body });
  const stored = async () =>
    ((await strict.call('GET', `/v1/apps/${appId}/events?limit=200`)).body.data as unknown[]).length;

  beforeAll(async () => {
    strict = await startGateway();
    const res = await strict.call('POST', '/v1/apps', {
      body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: SECRET }),
    });
    appId = res.body.id;
  });
  afterAll(async () => {
    await strict.close();
  });

  it('refuses a correctly signed callback stamped in 2001 or in 2150 with 401, storing nothing', async () => {
    for (const timestamp of [Date.UTC(2001, 0, 1), Date.UTC(2150, 0, 1)]) {
      const res = await postStrict(sign(message(`org#app_${timestamp}`, timestamp)));
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('callback_request_expired');
    }
    expect(await stored()).toBe(0);
  });

  it('accepts a callback stamped now, and one stamped 9 minutes ago (a delayed or retried callback)', async () => {
    expect((await postStrict(sign(message('org#app_now', Date.now())))).status).toBe(200);
    expect((await postStrict(sign(message('org#app_late', Date.now() - 540_000)))).status).toBe(200);
    expect(await stored()).toBe(2);
  });

  it('refuses a signed callback without callId, so one captured callback cannot sign other content', async () => {
    const before = await stored();
    const timestamp = Date.now();
    const captured = sign(message(undefined, timestamp, 'hello'));
    const forged = { ...captured, payload: { bodies: [{ type: 'txt', msg: 'send me your password' }] } };
    for (const body of [captured, forged]) {
      const res = await postStrict(body);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('callback_signature_invalid');
    }
    expect(await stored()).toBe(before);
  });
});
