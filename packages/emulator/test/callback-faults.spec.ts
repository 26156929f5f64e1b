import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import {
  startEasemobEmulator,
  startTencentEmulator,
  type EasemobEmulator,
  type TencentEmulator,
} from '../src/index.js';
import {
  EASEMOB_APP,
  easemobToken,
  post,
  startReceiver,
  TENCENT_APP,
  tencentQuery,
  text,
  type Receiver,
} from './helpers.js';

let easemob: EasemobEmulator;
let tencent: TencentEmulator;
/** The post-event callback URL of both vendors' apps: a real HTTP server. */
let receiver: Receiver;
/** The before-callback URL (Easemob pre-send rule, Tencent before-callbacks). */
let before: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  before = await startReceiver();
  // Tencent before-callbacks carry a CallbackCommand; the Easemob pre-send rule is answered `valid`.
  before.respond = (r) =>
    typeof r.json['CallbackCommand'] === 'string'
      ? { body: '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}' }
      : { body: JSON.stringify({ valid: true }) };
  easemob = await startEasemobEmulator({
    apps: [
      { ...EASEMOB_APP, callbackUrl: receiver.url, callbackSecret: 's' },
      { ...EASEMOB_APP, appName: 'presend', callbackUrl: receiver.url, presendUrl: before.url },
    ],
    rateLimits: false,
  });
  tencent = await startTencentEmulator({
    apps: [
      { ...TENCENT_APP, callbackUrl: receiver.url },
      {
        ...SECOND_TENCENT_APP,
        callbackUrl: before.url,
        beforeCallbacks: ['C2C.CallbackBeforeSendMsg'],
      },
    ],
    rateLimits: false,
  });
});
afterEach(async () => {
  await easemob.callbacksSettled();
  await tencent.callbacksSettled();
  easemob.reset();
  tencent.reset();
  receiver.received.length = 0;
  before.received.length = 0;
});
afterAll(async () => {
  await easemob.close();
  await tencent.close();
  await receiver.close();
  await before.close();
});

const clientMessage = (i: number) =>
  easemob.sendAsClient('org1#app1', {
    from: 'a',
    to: `u${i}`,
    chat_type: 'chat',
    body: { type: 'txt', msg: `m${i}` },
  });

/** Sends `count` Easemob client messages and answers, per message in order, whether its callback was lost. */
async function easemobLosses(count: number): Promise<boolean[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await clientMessage(i)).msg_id);
  await easemob.callbacksSettled();
  const lost = new Set(easemob.callbackFaults.dropped().map((d) => (d.body as { msg_id: string }).msg_id));
  return ids.map((id) => lost.has(id));
}

const SECOND_TENCENT_APP = { sdkAppId: 1400000002, secretKey: 'second-app-key' };
const tencentSend = (body: Record<string, unknown>, app = TENCENT_APP) =>
  post(`${tencent.url}/v4/openim/sendmsg?${tencentQuery({}, app)}`, body).then((r) => r.json);
const tencentGroupSend = (body: Record<string, unknown>) =>
  post(`${tencent.url}/v4/group_open_http_svc/send_group_msg?${tencentQuery()}`, body).then((r) => r.json);

describe('callback fault: dropRate', () => {
  it('loses close to dropRate of 1,000 callbacks, the same ones for the same seed, others for another seed', async () => {
    easemob.callbackFaults.set({ dropRate: 0.3, seed: 42 });
    const first = await easemobLosses(1000);
    easemob.reset();
    easemob.callbackFaults.set({ dropRate: 0.3, seed: 42 });
    const again = await easemobLosses(1000);
    easemob.reset();
    easemob.callbackFaults.set({ dropRate: 0.3, seed: 7 });
    const other = await easemobLosses(1000);

    const share = first.filter(Boolean).length / 1000;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(other.filter(Boolean).length / 1000).toBeGreaterThan(0.25);
    expect(other.filter(Boolean).length / 1000).toBeLessThan(0.35);
  });

  it('lists as dropped exactly the callbacks a real receiver never got, and attempts exactly the others', async () => {
    tencent.callbackFaults.set({ dropRate: 0.5, seed: 3 });
    const keys: string[] = [];
    for (let i = 0; i < 60; i++)
      keys.push(
        (await tencentSend({ From_Account: 'a', To_Account: `b${i}`, MsgRandom: i, MsgBody: text(`m${i}`) }))[
          'MsgKey'
        ],
      );
    await tencent.callbacksSettled();
    const arrived = receiver.received.map((r) => r.json['MsgKey'] as string);
    const dropped = tencent.callbackFaults.dropped();
    const lost = dropped.map((d) => (d.body as { MsgKey: string }).MsgKey);
    expect(lost.length).toBeGreaterThan(10);
    expect(arrived.length).toBeGreaterThan(10);
    expect(new Set([...arrived, ...lost])).toEqual(new Set(keys));
    expect(arrived.filter((k) => lost.includes(k))).toEqual([]);
    expect(tencent.callbacks().map((a) => (a.body as { MsgKey: string }).MsgKey)).toEqual(arrived);
    expect(dropped[0]).toMatchObject({
      vendor: 'tencent',
      app: String(TENCENT_APP.sdkAppId),
      kind: 'C2C.CallbackAfterSendMsg',
      reason: 'dropRate',
      body: { CallbackCommand: 'C2C.CallbackAfterSendMsg' },
    });
    expect(dropped[0]?.url).toContain(receiver.url);
  });
});

describe('callback fault: paused', () => {
  it('loses every callback while paused and fires again once cleared, both vendors', async () => {
    easemob.callbackFaults.set({ paused: true });
    tencent.callbackFaults.set({ paused: true });
    for (let i = 0; i < 5; i++) await clientMessage(i);
    await tencentSend({ From_Account: 'a', To_Account: 'b', MsgRandom: 1, MsgBody: text('c2c') });
    await tencentGroupSend({ GroupId: 'g1', From_Account: 'a', Random: 2, MsgBody: text('group') });
    await easemob.callbacksSettled();
    await tencent.callbacksSettled();
    expect(receiver.received).toEqual([]);
    expect(easemob.callbackFaults.dropped().map((d) => d.reason)).toEqual(Array(5).fill('paused'));
    expect(tencent.callbackFaults.dropped().map((d) => d.kind)).toEqual([
      'C2C.CallbackAfterSendMsg',
      'Group.CallbackAfterSendMsg',
    ]);

    easemob.callbackFaults.clear();
    tencent.callbackFaults.clear();
    const resumed = await clientMessage(99);
    await tencentSend({ From_Account: 'a', To_Account: 'b', MsgRandom: 3, MsgBody: text('after') });
    await easemob.callbacksSettled();
    await tencent.callbacksSettled();
    expect(receiver.received.map((r) => r.json['msg_id'] ?? r.json['CallbackCommand'])).toEqual(
      expect.arrayContaining([resumed.msg_id, 'C2C.CallbackAfterSendMsg']),
    );
    expect(receiver.received).toHaveLength(2);
    // Clearing the fault keeps the record of what it lost.
    expect(easemob.callbackFaults.dropped()).toHaveLength(5);
    expect(tencent.callbackFaults.dropped()).toHaveLength(2);
  });

  it('loses only the kinds named, e.g. the recall callback and not the message one', async () => {
    const token = await easemobToken(easemob.url);
    easemob.callbackFaults.set({ paused: true, kinds: ['recall'] });
    const sent = await clientMessage(1);
    const recall = await post(
      `${easemob.url}/org1/app1/messages/msg_recall`,
      { msg_id: sent.msg_id, to: 'u1', chat_type: 'chat', force: false },
      { authorization: `Bearer ${token}` },
    );
    expect(recall.status).toBe(200);
    await easemob.callbacksSettled();
    expect(receiver.received.map((r) => r.json['chat_type'])).toEqual(['chat']);
    expect(easemob.callbackFaults.dropped()).toEqual([
      expect.objectContaining({ kind: 'recall', body: expect.objectContaining({ recall_id: sent.msg_id }) }),
    ]);
  });

  it('never loses a before-callback, even one named in kinds', async () => {
    tencent.callbackFaults.set({
      paused: true,
      kinds: ['C2C.CallbackBeforeSendMsg', 'C2C.CallbackAfterSendMsg'],
    });
    easemob.callbackFaults.set({ paused: true });
    const sent = await tencentSend(
      { From_Account: 'a', To_Account: 'b', MsgRandom: 1, MsgBody: text('x') },
      SECOND_TENCENT_APP,
    );
    expect(sent['ErrorCode']).toBe(0);
    const client = await easemob.sendAsClient('org1#presend', {
      from: 'a',
      to: 'b',
      chat_type: 'chat',
      body: { type: 'txt', msg: 'x' },
    });
    expect(client.delivered).toBe(true);
    await tencent.callbacksSettled();
    await easemob.callbacksSettled();
    // Both before-callbacks reached their server and decided; the post-event callbacks were lost.
    expect(before.received.map((r) => r.json['CallbackCommand'] ?? 'presend')).toEqual([
      'C2C.CallbackBeforeSendMsg',
      'presend',
    ]);
    expect(tencent.beforeCallbacks().map((e) => e.outcome)).toEqual(['allow']);
    expect(easemob.beforeCallbacks().map((e) => e.outcome)).toEqual(['allow']);
    expect(tencent.callbackFaults.dropped().map((d) => d.kind)).toEqual(['C2C.CallbackAfterSendMsg']);
    expect(easemob.callbackFaults.dropped().map((d) => d.kind)).toEqual(['chat']);
    expect(receiver.received).toEqual([]);
  });

  it('leaves fireCallback alone: a test posting a callback itself gets it posted', async () => {
    tencent.callbackFaults.set({ paused: true });
    const attempts = await tencent.fireCallback({
      command: 'C2C.CallbackAfterSendMsg',
      body: { MsgKey: 'k' },
    });
    expect(attempts.map((a) => a.status)).toEqual([200]);
    expect(receiver.received).toHaveLength(1);
    expect(tencent.callbackFaults.dropped()).toEqual([]);
  });
});

describe('callback fault control routes', () => {
  const control = (base: string, method: string, body?: unknown) =>
    fetch(`${base}/_emulator/callback-faults`, {
      method,
      ...(body !== undefined
        ? {
            headers: { 'content-type': 'application/json' },
            body: typeof body === 'string' ? body : JSON.stringify(body),
          }
        : {}),
    });

  it.each([
    [{ dropRate: 1.5 }, /dropRate must be a number from 0 to 1, got 1.5/],
    [{ dropRate: -0.1 }, /dropRate must be a number from 0 to 1/],
    [{ dropRate: '0.5' }, /dropRate must be a number from 0 to 1, got "0.5"/],
    [{ dropRate: 0.5, seed: -1 }, /seed must be an integer/],
    [{ dropRate: 0.5, seed: 1.5 }, /seed must be an integer/],
    [{ paused: 'yes' }, /paused must be true or false/],
    [{ paused: true, kinds: [] }, /kinds must be a non-empty array/],
    [{ paused: true, kinds: [1] }, /kinds must be a non-empty array/],
    [{ paused: true, rate: 1 }, /unknown field rate/],
    [{}, /needs dropRate \(0..1\) or paused: true/],
    [{ paused: false }, /needs dropRate \(0..1\) or paused: true/],
    [[0.5], /body must be a JSON object/],
    ['not json', /body must be JSON/],
  ])('answers 400 with a clear message for %j', async (body, message) => {
    for (const base of [easemob.url, tencent.url]) {
      const res = await control(base, 'POST', body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
      expect(await (await control(base, 'GET')).json()).toEqual({ fault: null });
    }
  });

  it('sets, reads and clears the fault over HTTP; lists the dropped ones; reset forgets both', async () => {
    for (const [emu, base] of [
      [easemob, easemob.url],
      [tencent, tencent.url],
    ] as const) {
      const set = await control(base, 'POST', { paused: true, kinds: ['chat', 'C2C.CallbackAfterSendMsg'] });
      expect(set.status).toBe(201);
      const fault = { paused: true, kinds: ['chat', 'C2C.CallbackAfterSendMsg'] };
      expect(await set.json()).toEqual({ fault });
      expect(await (await control(base, 'GET')).json()).toEqual({ fault });
      expect(emu.callbackFaults.get()).toEqual(fault);
      if (emu === easemob) await clientMessage(1);
      else await tencentSend({ From_Account: 'a', To_Account: 'b', MsgRandom: 1, MsgBody: text('x') });
      const dropped = (await (await fetch(`${base}/_emulator/callbacks/dropped`)).json()) as {
        dropped: unknown[];
      };
      expect(dropped.dropped).toEqual(emu.callbackFaults.dropped());
      expect(dropped.dropped).toHaveLength(1);

      expect((await control(base, 'DELETE')).status).toBe(204);
      expect(await (await control(base, 'GET')).json()).toEqual({ fault: null });
      expect(emu.callbackFaults.dropped()).toHaveLength(1);

      await control(base, 'POST', { dropRate: 1 });
      expect((await fetch(`${base}/_emulator/reset`, { method: 'POST' })).status).toBe(204);
      expect(await (await control(base, 'GET')).json()).toEqual({ fault: null });
      expect(await (await fetch(`${base}/_emulator/callbacks/dropped`)).json()).toEqual({ dropped: [] });
    }
  });

  it('refuses an invalid spec from code with a TypeError and keeps the fault in force', () => {
    easemob.callbackFaults.set({ paused: true });
    expect(() => easemob.callbackFaults.set({ dropRate: 2 })).toThrow(TypeError);
    expect(easemob.callbackFaults.get()).toEqual({ paused: true });
  });
});
