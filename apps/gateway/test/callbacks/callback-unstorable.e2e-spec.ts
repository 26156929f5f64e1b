import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { easemobAppBody, startGateway, tencentAppBody, type RunningGateway } from '../support/gateway.js';
import { easemobTextCallback, FIXTURE_SECRET } from '../support/signed-callbacks.js';

const TENCENT_TOKEN = 'fixture-callback-token';
let gw: RunningGateway;
let easemobApp: string;
let tencentApp: string;

beforeAll(async () => {
  gw = await startGateway();
  easemobApp = (
    await gw.call('POST', '/v1/apps', {
      body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: FIXTURE_SECRET }),
    })
  ).body.id;
  tencentApp = (
    await gw.call('POST', '/v1/apps', {
      body: tencentAppBody({ sdkAppId: 1400000000, callbackToken: TENCENT_TOKEN }),
    })
  ).body.id;
});
afterAll(async () => {
  await gw.close();
});

async function storedCounts(): Promise<[number, number]> {
  const db = gw.app.get(DataSource);
  const [callbacks] = await db.query(`SELECT count(*) AS n FROM inbound_callbacks`);
  const [events] = await db.query(`SELECT count(*) AS n FROM events`);
  return [Number(callbacks.n), Number(events.n)];
}

/** Tencent's recipe, computed here: Sign = sha256(token + RequestTime). */
function tencentQuery(): string {
  const time = Math.floor(Date.now() / 1000);
  return new URLSearchParams({
    SdkAppid: '1400000000',
    CallbackCommand: 'Group.CallbackAfterSendMsg',
    contenttype: 'json',
    ClientIP: '127.0.0.1',
    OptPlatform: 'Android',
    RequestTime: String(time),
    Sign: createHash('sha256').update(`${TENCENT_TOKEN}${time}`).digest('hex'),
  }).toString();
}

const tencentMessage = (over: Record<string, unknown> = {}) => ({
  CallbackCommand: 'Group.CallbackAfterSendMsg',
  GroupId: '@TGS#2J4SZEAEL',
  Type: 'Public',
  From_Account: 'jared',
  Random: Math.floor(Math.random() * 1e9),
  MsgSeq: Math.floor(Math.random() * 1e9),
  MsgTime: Math.floor(Date.now() / 1000),
  MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } }],
  ...over,
});

const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** A callback that can never be stored is refused with a 4xx; nothing is stored and nothing counts as an outage. */
async function expectRefusedUnstored(send: () => Promise<{ status: number; text: string }>) {
  const before = await storedCounts();
  const res = await send();
  expect({ status: res.status, text: res.text }).toEqual({
    status: expect.any(Number),
    text: expect.not.stringMatching(/"ok"|ActionStatus":"OK/i),
  });
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(await storedCounts()).toEqual(before);
}

describe('a callback that can never be stored is refused, not answered as an outage', () => {
  const easemob = (body: unknown, raw?: string) =>
    gw.call('POST', `/callbacks/easemob/${easemobApp}`, {
      token: null,
      ...(raw !== undefined ? { rawBody: raw } : { body }),
    });
  const tencent = (body: unknown, raw?: string, query = tencentQuery()) =>
    gw.call('POST', `/callbacks/tencent/${tencentApp}?${query}`, {
      token: null,
      ...(raw !== undefined ? { rawBody: raw } : { body }),
    });

  it('stores an ordinary signed callback of each vendor (the baseline)', async () => {
    const before = await storedCounts();
    expect((await easemob(easemobTextCallback(`ok-${Date.now()}`, { from: 'u1', to: 'u2' }))).status).toBe(
      200,
    );
    expect((await tencent(tencentMessage())).status).toBe(200);
    const after = await storedCounts();
    expect(after[0]).toBe(before[0] + 2);
  });

  it.each(['text/plain', 'text/plain; charset=utf-8', 'application/json; charset=utf-8'])(
    'judges a callback sent as %s by its content, and stores it',
    async (type) => {
      const before = await storedCounts();
      const easemobRes = await gw.call('POST', `/callbacks/easemob/${easemobApp}`, {
        token: null,
        rawBody: JSON.stringify(easemobTextCallback(`typed-${type}-${Date.now()}`)),
        headers: { 'content-type': type },
      });
      expect(easemobRes.status).toBe(200);
      const tencentRes = await gw.call('POST', `/callbacks/tencent/${tencentApp}?${tencentQuery()}`, {
        token: null,
        rawBody: JSON.stringify(tencentMessage()),
        headers: { 'content-type': type },
      });
      expect(tencentRes.status).toBe(200);
      expect((await storedCounts())[0]).toBe(before[0] + 2);
    },
  );

  it('Easemob: a signed body nested 5,000 deep', async () => {
    const signed = JSON.stringify(easemobTextCallback(`deep-${Date.now()}`));
    const raw = signed.replace('"ext":{}', `"ext":${deep(5000)}`);
    await expectRefusedUnstored(() => easemob(undefined, raw));
  });

  it('Tencent: a signed body nested 5,000 deep', async () => {
    const raw = JSON.stringify(tencentMessage()).replace('"Text":"hi"', `"Text":${deep(5000)}`);
    await expectRefusedUnstored(() => tencent(undefined, raw));
  });

  it.each([
    ['a message text', { text: 'a\u0000b' }],
    ['the sender', { from: 'u\u00001' }],
    ['the recipient', { to: 'u\u00002' }],
  ])('Easemob: a NUL in %s', async (_what, opts) => {
    await expectRefusedUnstored(() =>
      easemob(easemobTextCallback(`nul-${Date.now()}-${Math.random()}`, opts)),
    );
  });

  it('Easemob: a NUL in the callId, which is signed', async () => {
    await expectRefusedUnstored(() => easemob(easemobTextCallback(`nul\u0000${Date.now()}`)));
  });

  it.each([
    ['a message text', { MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'a\u0000b' } }] }],
    ['the group id', { GroupId: '@TGS#\u0000' }],
  ])('Tencent: a NUL in %s', async (_what, over) => {
    await expectRefusedUnstored(() => tencent(tencentMessage(over)));
  });

  it('Tencent: a NUL in a query parameter', async () => {
    await expectRefusedUnstored(() =>
      tencent(tencentMessage(), undefined, `${tencentQuery()}&OptPlatform=a%00b`),
    );
  });

  it.each([
    ['callId', (n: number) => easemobTextCallback('c'.repeat(n))],
    ['sender', (n: number) => easemobTextCallback(`long-from-${Date.now()}`, { from: 'u'.repeat(n) })],
    ['group', (n: number) => easemobTextCallback(`long-group-${Date.now()}`, { group: 'g'.repeat(n) })],
  ])('Easemob: a %s longer than the gateway keeps', async (_what, make) => {
    await expectRefusedUnstored(() => easemob(make(300)));
  });

  it.each([
    ['sender', { From_Account: 'u'.repeat(300) }],
    ['group id', { GroupId: 'g'.repeat(300) }],
  ])('Tencent: a %s longer than the gateway keeps', async (_what, over) => {
    await expectRefusedUnstored(() => tencent(tencentMessage(over)));
  });

  it('never counted any of them as a database outage', async () => {
    const metrics = (await gw.call('GET', '/metrics', { token: null })).text;
    expect(metrics).not.toMatch(/imgw_callbacks_total\{[^}]*outcome="unavailable"[^}]*\} [1-9]/);
  });
});
