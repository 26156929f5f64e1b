import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGateway, tencentAppBody, type RunningGateway } from '../support/gateway.js';
import { expectGoldenEvents, providerFixtures } from '../support/provider-fixtures.js';

const TOKEN = 'fixture-callback-token';
const fixtures = providerFixtures('@im-gateway/provider-tencent');
let gw: RunningGateway;

beforeAll(async () => {
  gw = await startGateway();
});
afterAll(async () => {
  await gw.close();
});

/** The vendor's recipe, computed here: Sign = sha256(token + RequestTime). */
function signedQuery(
  query: Record<string, string>,
  token = TOKEN,
  requestTime = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return {
    ...query,
    RequestTime: String(requestTime),
    Sign: createHash('sha256').update(`${token}${requestTime}`).digest('hex'),
  };
}

/** An app with the callback token, or (`null`) one that explicitly accepts unsigned callbacks. */
async function createApp(sdkAppId: number, token: string | null = TOKEN): Promise<string> {
  const res = await gw.call('POST', '/v1/apps', {
    body: tencentAppBody(
      token === null
        ? { sdkAppId, callbackToken: undefined, allowUnsignedCallbacks: true }
        : { sdkAppId, callbackToken: token },
    ),
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

const post = (appId: string, query: Record<string, string>, body: unknown, raw?: string) =>
  gw.call('POST', `/callbacks/tencent/${appId}?${new URLSearchParams(query).toString()}`, {
    token: null,
    ...(raw !== undefined ? { rawBody: raw } : { body }),
  });
const eventsOf = async (appId: string) =>
  (await gw.call('GET', `/v1/apps/${appId}/events?limit=200`)).body.data as Record<string, unknown>[];
const OK = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };

describe('Tencent callbacks through the HTTP route: every vendor-doc fixture and both seeds', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThanOrEqual(22));

  it.each(fixtures.map((f) => [f.name, f] as const))(
    '%s is verified, stored and yields exactly its golden events',
    async (_name, fixture) => {
      const appId = await createApp(Number(fixture.query.SdkAppid));
      // Whole seconds: an event without a vendor time takes RequestTime, which has no milliseconds.
      const from = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
      const res = await post(appId, signedQuery(fixture.query), fixture.body);
      const to = new Date().toISOString();
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject(OK);
      expectGoldenEvents(await eventsOf(appId), fixture.golden, appId, 'tencent', { from, to });

      // A replayed callback is acknowledged and stored once.
      const again = await post(appId, signedQuery(fixture.query), fixture.body);
      expect(again.status).toBe(200);
      expect(await eventsOf(appId)).toHaveLength(fixture.golden.length);
    },
  );
});

describe('Tencent callbacks from the attacker side', () => {
  const seed = fixtures.find((f) => f.name === 'Group.CallbackAfterSendMsg')!;
  let appId: string;

  beforeAll(async () => {
    appId = await createApp(Number(seed.query.SdkAppid));
  });

  async function expectRejected(query: Record<string, string>, body: unknown, status: number, raw?: string) {
    const before = (await eventsOf(appId)).length;
    const res = await post(appId, query, body, raw);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: expect.any(Number),
      ErrorInfo: expect.any(String),
    });
    expect(res.body.ErrorCode).not.toBe(0);
    expect(await eventsOf(appId)).toHaveLength(before);
    return res;
  }

  it('rejects a wrong SdkAppid', async () => {
    await expectRejected(signedQuery({ ...seed.query, SdkAppid: '1400000999' }), seed.body, 403);
  });

  it('rejects a wrong Sign, a Sign made with another token, and a missing Sign', async () => {
    const q = signedQuery(seed.query);
    await expectRejected(
      { ...q, Sign: q.Sign!.replace(/.$/, (c) => (c === '0' ? '1' : '0')) },
      seed.body,
      401,
    );
    await expectRejected(signedQuery(seed.query, 'another-apps-token'), seed.body, 401);
    const { Sign: _s, ...unsigned } = q;
    await expectRejected(unsigned, seed.body, 401);
  });

  it('rejects a stale or future RequestTime even with a matching Sign', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectRejected(signedQuery(seed.query, TOKEN, now - 3600), seed.body, 401);
    await expectRejected(signedQuery(seed.query, TOKEN, now + 3600), seed.body, 401);
  });

  it.each(['SdkAppid', 'CallbackCommand', 'Sign', 'RequestTime'])(
    'rejects %s given twice with 400, before any authentication, and stores nothing',
    async (name) => {
      const q = signedQuery(seed.query);
      const params = new URLSearchParams(q);
      params.append(name, q[name]!);
      const before = (await eventsOf(appId)).length;
      const res = await gw.call('POST', `/callbacks/tencent/${appId}?${params.toString()}`, {
        token: null,
        body: seed.body,
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ ActionStatus: 'FAIL' });
      expect(res.body.ErrorCode).not.toBe(0);
      expect(await eventsOf(appId)).toHaveLength(before);
    },
  );

  it('rejects a malformed body and a body that is not an object', async () => {
    await expectRejected(signedQuery(seed.query), undefined, 400, '{"GroupId": ');
    await expectRejected(signedQuery(seed.query), [1, 2, 3], 400);
  });

  it('stores a replayed callback once', async () => {
    const q = signedQuery(seed.query);
    expect((await post(appId, q, seed.body)).status).toBe(200);
    const count = (await eventsOf(appId)).length;
    expect((await post(appId, q, seed.body)).body).toEqual(OK);
    expect(await eventsOf(appId)).toHaveLength(count);
  });

  it('refuses to create an app without callbackToken unless it sets allowUnsignedCallbacks: true', async () => {
    const bare = await gw.call('POST', '/v1/apps', {
      body: tencentAppBody({ sdkAppId: Number(seed.query.SdkAppid), callbackToken: undefined }),
    });
    expect(bare.status).toBe(400);
    expect(JSON.stringify(bare.body.error.details)).toContain('config.callbackToken');
    const open = await gw.call('POST', '/v1/apps', {
      body: tencentAppBody({
        sdkAppId: Number(seed.query.SdkAppid),
        callbackToken: undefined,
        allowUnsignedCallbacks: true,
      }),
    });
    expect(open.status).toBe(201);
    expect(open.body.config).toMatchObject({ allowUnsignedCallbacks: true });
    expect((await gw.call('GET', `/v1/apps/${open.body.id}`)).body.config).toMatchObject({
      allowUnsignedCallbacks: true,
    });
  });

  it('accepts unsigned callbacks for an app that allows them explicitly, and puts ClientIP and OptPlatform in data', async () => {
    const open = await createApp(Number(seed.query.SdkAppid), null);
    expect(
      (await post(open, { ...seed.query, ClientIP: '203.0.113.7', OptPlatform: 'iOS' }, seed.body)).status,
    ).toBe(200);
    const [event] = await eventsOf(open);
    expect(event?.data).toMatchObject({ clientIp: '203.0.113.7', optPlatform: 'iOS' });
  });

  it('stores an unknown command as provider.unknown and answers OK', async () => {
    const res = await post(
      appId,
      signedQuery({ ...seed.query, CallbackCommand: 'Group.CallbackSomethingNew' }),
      { CallbackCommand: 'Group.CallbackSomethingNew', GroupId: 'g1' },
    );
    expect(res.body).toEqual(OK);
    expect((await eventsOf(appId)).at(-1)).toMatchObject({
      type: 'provider.unknown',
      data: { vendorType: 'Group.CallbackSomethingNew' },
    });
  });

  it('answers an unknown app with the failure form', async () => {
    const res = await post('00000000-0000-7000-8000-000000000000', signedQuery(seed.query), seed.body);
    expect(res.status).toBe(404);
    expect(res.body.ActionStatus).toBe('FAIL');
  });
});
