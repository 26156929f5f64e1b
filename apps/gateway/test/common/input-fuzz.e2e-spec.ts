import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { easemobAppBody, startGateway, tencentAppBody, type RunningGateway } from '../support/gateway.js';
import { FIXTURE_SECRET } from '../support/signed-callbacks.js';

/**
 * Seeded fuzzing over the real gateway on a real port: signed callbacks of both vendors and API bodies, with
 * fields swapped for values of the wrong type, strings holding NUL, values nested thousands deep and ids
 * longer than any column. Nothing is down, so nothing may answer 5xx; a refused callback stores nothing.
 */
const SEED = 20_261_206;
const RUNS = 1000;
const TENCENT_TOKEN = 'fixture-callback-token';

let gw: RunningGateway;
let easemobApp: string;
let tencentApp: string;
let endpointId: string;
let apiApp: string;
let serial = 0;

beforeAll(async () => {
  // Sends go to a closed port: the vendor is down, one attempt each.
  gw = await startGateway({ env: { VENDOR_MAX_ATTEMPTS: '1' } });
  easemobApp = (
    await gw.call('POST', '/v1/apps', {
      body: easemobAppBody({
        orgName: 'org',
        appName: 'app',
        callbackSecret: FIXTURE_SECRET,
        baseUrl: 'http://127.0.0.1:9',
      }),
    })
  ).body.id;
  tencentApp = (
    await gw.call('POST', '/v1/apps', {
      body: tencentAppBody({ sdkAppId: 1400000000, callbackToken: TENCENT_TOKEN }),
    })
  ).body.id;
  apiApp = (await gw.call('POST', '/v1/apps', { body: easemobAppBody({ baseUrl: 'http://127.0.0.1:9' }) }))
    .body.id;
  endpointId = (
    await gw.call('POST', `/v1/apps/${easemobApp}/endpoints`, { body: { url: 'http://127.0.0.1:9/hook' } })
  ).body.id;
}, 60_000);
afterAll(async () => {
  await gw.close();
});

/**
 * Deep values travel as a token the request's JSON text expands (`"@deep:5000"`), so that neither the test
 * nor fast-check's reporting recurses thousands deep.
 */
const DEEP = /"@deep:(\d+)"/g;
const deepText = (depth: number) =>
  Array.from({ length: depth }, (_, i) => (i % 2 ? '[' : '{"a":')).join('') +
  '1' +
  Array.from({ length: depth }, (_, i) => (i % 2 ? ']' : '}'))
    .reverse()
    .join('');
const toJson = (value: unknown): string =>
  (JSON.stringify(value) ?? 'null').replace(DEEP, (_, n: string) => deepText(Number(n)));

/** A value of any type, and the nasty ones: NUL, over-long, nested deep. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  fc.integer({ min: 256, max: 3000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 100, max: 6000 }).map((d) => `@deep:${d}`),
  fc.constantFrom(null, true, 0, -1, 1e308, '', [], {}, '\u0000', '1', 'NaN'),
);

/** Replaces (or adds) the value at a dotted path of a JSON object. */
function mutate(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = target[key];
    if (next === null || typeof next !== 'object') target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  target[keys.at(-1)!] = value;
  return copy;
}

async function storedCounts(): Promise<[number, number]> {
  const db = gw.app.get(DataSource);
  const [callbacks] = await db.query(`SELECT count(*) AS n FROM inbound_callbacks`);
  const [events] = await db.query(`SELECT count(*) AS n FROM events`);
  return [Number(callbacks.n), Number(events.n)];
}

/** Sends a callback; asserts no 5xx, and that a refused callback stored nothing. */
async function expectHandled(
  send: () => Promise<{ status: number; text: string }>,
  seen: Set<number>,
): Promise<void> {
  const before = await storedCounts();
  const res = await send();
  seen.add(res.status);
  expect({ status: res.status, text: res.text.slice(0, 300) }).toEqual({
    status: expect.any(Number),
    text: expect.any(String),
  });
  if (res.status >= 500) throw new Error(`answered ${res.status}: ${res.text.slice(0, 300)}`);
  if (res.status >= 300) expect(await storedCounts()).toEqual(before);
}

const easemobBody = (callId: string) => {
  const timestamp = Date.now();
  return {
    callId,
    eventType: 'chat',
    timestamp,
    chat_type: 'chat',
    from: 'u1',
    to: 'u2',
    msg_id: `${timestamp}`,
    payload: { bodies: [{ type: 'txt', msg: 'hi' }], ext: {} },
    appkey: 'org#app',
  };
};

/** Easemob's recipe, computed here: security = md5(callId + secret + timestamp). */
const easemobSign = (body: Record<string, unknown>) => ({
  ...body,
  security: createHash('md5')
    .update(`${String(body.callId ?? '')}${FIXTURE_SECRET}${String(body.timestamp ?? '')}`)
    .digest('hex'),
});

/** Tencent's recipe, computed here: Sign = sha256(token + RequestTime). */
function tencentQuery(extra: Record<string, string> = {}): string {
  const time = Math.floor(Date.now() / 1000);
  return new URLSearchParams({
    SdkAppid: '1400000000',
    CallbackCommand: 'Group.CallbackAfterSendMsg',
    contenttype: 'json',
    ClientIP: '127.0.0.1',
    OptPlatform: 'Android',
    ...extra,
    RequestTime: String(time),
    Sign: createHash('sha256').update(`${TENCENT_TOKEN}${time}`).digest('hex'),
  }).toString();
}

const tencentBody = (n: number) => ({
  CallbackCommand: 'Group.CallbackAfterSendMsg',
  GroupId: '@TGS#2J4SZEAEL',
  Type: 'Public',
  From_Account: 'jared',
  Random: n,
  MsgSeq: n,
  MsgTime: Math.floor(Date.now() / 1000),
  MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } }],
  CloudCustomData: '',
});

const params = { seed: SEED, numRuns: RUNS, endOnFailure: true } as const;

describe('seeded fuzzing: nothing answers 5xx, nothing is stored for a refused callback', () => {
  it('signed Easemob callbacks', async () => {
    const seen = new Set<number>();
    const paths = fc.constantFrom(
      'callId',
      'eventType',
      'timestamp',
      'chat_type',
      'from',
      'to',
      'group_id',
      'msg_id',
      'appkey',
      'payload',
      'payload.bodies',
      'payload.bodies.0',
      'payload.bodies.0.msg',
      'payload.bodies.0.type',
      'payload.ext',
      'payload.ext.k',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(paths, nasty), { minLength: 1, maxLength: 3 }), async (changes) => {
        let body: Record<string, unknown> = easemobBody(`fuzz-${serial++}`);
        for (const [path, value] of changes) body = mutate(body, path, value);
        const signed = easemobSign(body);
        await expectHandled(
          () => gw.call('POST', `/callbacks/easemob/${easemobApp}`, { token: null, rawBody: toJson(signed) }),
          seen,
        );
      }),
      params,
    );
    // Both sides were exercised: some mutations are still storable, others are refused.
    expect([...seen].sort()).toEqual(expect.arrayContaining([200, 400]));
  }, 120_000);

  it('signed Tencent callbacks', async () => {
    const seen = new Set<number>();
    const paths = fc.constantFrom(
      'CallbackCommand',
      'GroupId',
      'Type',
      'From_Account',
      'Random',
      'MsgSeq',
      'MsgTime',
      'MsgBody',
      'MsgBody.0',
      'MsgBody.0.MsgType',
      'MsgBody.0.MsgContent',
      'MsgBody.0.MsgContent.Text',
      'CloudCustomData',
    );
    const query = fc.option(fc.record({ ClientIP: fc.string({ maxLength: 8 }).map((s) => `${s}\u0000`) }), {
      nil: undefined,
      freq: 5,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(paths, nasty), { minLength: 1, maxLength: 3 }),
        query,
        async (changes, extra) => {
          let body: Record<string, unknown> = tencentBody(serial++);
          for (const [path, value] of changes) body = mutate(body, path, value);
          await expectHandled(
            () =>
              gw.call('POST', `/callbacks/tencent/${tencentApp}?${tencentQuery(extra)}`, {
                token: null,
                rawBody: toJson(body),
              }),
            seen,
          );
        },
      ),
      params,
    );
    // Both sides were exercised: some mutations are still storable, others are refused.
    expect([...seen].sort()).toEqual(expect.arrayContaining([200, 400]));
  }, 120_000);

  it('API bodies, path ids and filters', async () => {
    const request = fc.oneof(
      fc
        .tuple(fc.constantFrom('name', 'provider', 'config', 'config.orgName', 'config.clientId'), nasty)
        .map(([path, value]) => ['POST', '/v1/apps', mutate(easemobAppBody(), path, value)] as const),
      fc
        .tuple(fc.constantFrom('url', 'description', 'eventTypes', 'disabled', 'filter'), nasty)
        .map(
          ([path, value]) =>
            [
              'POST',
              `/v1/apps/${easemobApp}/endpoints`,
              mutate({ url: 'http://127.0.0.1:9/x' }, path, value),
            ] as const,
        ),
      fc
        .tuple(fc.constantFrom('description', 'eventTypes', 'disabled'), nasty)
        .map(
          ([path, value]) =>
            ['PATCH', `/v1/apps/${easemobApp}/endpoints/${endpointId}`, mutate({}, path, value)] as const,
        ),
      fc
        .tuple(fc.constantFrom('name', 'config'), nasty)
        .map(([path, value]) => ['PATCH', `/v1/apps/${apiApp}`, mutate({}, path, value)] as const),
      fc
        .tuple(fc.constantFrom('name', 'scopes'), nasty)
        .map(
          ([path, value]) =>
            ['POST', `/v1/apps/${easemobApp}/api-keys`, mutate({ name: 'k' }, path, value)] as const,
        ),
      fc
        .tuple(fc.constantFrom('to', 'content', 'content.text', 'content.type', 'from'), nasty)
        .map(
          ([path, value]) =>
            [
              'POST',
              `/v1/apps/${easemobApp}/messages`,
              mutate(
                { to: { type: 'user', id: 'u2' }, from: 'u1', content: { type: 'text', text: 'hi' } },
                path,
                value,
              ),
            ] as const,
        ),
      fc
        .tuple(
          fc.constantFrom('since', 'until', 'userId', 'conversationId', 'type', 'cursor', 'limit'),
          nasty,
        )
        .map(
          ([name, value]) =>
            [
              'GET',
              `/v1/apps/${easemobApp}/events?${new URLSearchParams({ [name]: typeof value === 'string' ? value : toJson(value) }).toString()}`,
              undefined,
            ] as const,
        ),
      fc.tuple(fc.constantFrom(easemobApp, endpointId), nasty).map(([id, value]) => {
        const text = typeof value === 'string' ? value : toJson(value);
        return [
          'GET',
          `/v1/apps/${encodeURIComponent(`${id}${text}`.slice(0, 4000))}/events`,
          undefined,
        ] as const;
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, async ([method, path, body]) => {
        const res = await gw.call(method, path, body === undefined ? {} : { rawBody: toJson(body) });
        // The one dependency down on purpose: the vendor behind a send.
        const vendorDown = res.status >= 502 && /^vendor_/.test(String(res.body?.error?.code));
        if (res.status >= 500 && !vendorDown)
          throw new Error(
            `${method} ${path.slice(0, 200)} ${toJson(body).slice(0, 300)} answered ${res.status}: ${res.text}`,
          );
        if (res.status >= 400) {
          expect(res.body).toEqual({
            error: expect.objectContaining({
              code: expect.stringMatching(/^[a-z_]+$/),
              message: expect.any(String),
            }),
          });
        }
      }),
      params,
    );
  }, 120_000);
});
