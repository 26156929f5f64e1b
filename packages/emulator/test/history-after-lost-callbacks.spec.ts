import { gunzipSync } from 'node:zlib';
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

// A fixed clock in the past, mid-hour: 2026-01-01 09:20 UTC = 17:20 UTC+8 (Tencent's get_history hours).
const NOW = Date.UTC(2026, 0, 1, 9, 20, 0);
const NOW_S = NOW / 1000;
const HOUR_END = Date.UTC(2026, 0, 1, 10, 0, 0);
const EASEMOB_HOUR = '2026010109';
const TENCENT_HOUR = '2026010117';

let easemob: EasemobEmulator;
let tencent: TencentEmulator;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  easemob = await startEasemobEmulator({
    apps: [{ ...EASEMOB_APP, callbackUrl: receiver.url, callbackSecret: 's' }],
    rateLimits: false,
    now: () => NOW,
  });
  tencent = await startTencentEmulator({
    apps: [{ ...TENCENT_APP, callbackUrl: receiver.url }],
    rateLimits: false,
    now: () => NOW,
  });
});
afterEach(async () => {
  await easemob.callbacksSettled();
  await tencent.callbacksSettled();
  easemob.reset();
  tencent.reset();
  receiver.received.length = 0;
});
afterAll(async () => {
  await easemob.close();
  await tencent.close();
  await receiver.close();
});

const tencentCall = (path: string, body: unknown) =>
  post(`${tencent.url}/v4/${path}?${tencentQuery()}`, body).then((r) => r.json);
const control = (base: string, path: string, body: unknown) =>
  post(`${base}/_emulator/${path}`, body).then((r) => ({ status: r.status, json: r.json }));

/** The gunzipped lines of the file a history-read answer points to. */
async function download(url: string): Promise<string[]> {
  const file = await fetch(url);
  expect(file.status).toBe(200);
  return gunzipSync(Buffer.from(await file.arrayBuffer()))
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '');
}

describe('Easemob: messages whose callbacks were lost are in the current hour of the history export', () => {
  it('serves a REST send and a client message in GET /chatmessages/{hour} right away', async () => {
    easemob.callbackFaults.set({ paused: true });
    const token = await easemobToken(easemob.url);
    const auth = { authorization: `Bearer ${token}` };
    const rest = await post(
      `${easemob.url}/org1/app1/messages/users`,
      { from: 'a', to: ['b'], type: 'txt', body: { msg: 'rest' } },
      auth,
    );
    const client = await control(easemob.url, 'apps/org1/app1/client-messages', {
      from: 'a',
      to: 'c',
      chat_type: 'chat',
      body: { type: 'txt', msg: 'client' },
    });
    await easemob.callbacksSettled();
    expect(receiver.received).toEqual([]);
    const ids = [rest.json['data']['b'] as string, client.json['msg_id'] as string];
    expect(easemob.callbackFaults.dropped().map((d) => (d.body as { msg_id: string }).msg_id)).toEqual(ids);

    const exported = await fetch(`${easemob.url}/org1/app1/chatmessages/${EASEMOB_HOUR}`, { headers: auth });
    expect(exported.status).toBe(200);
    const { data } = (await exported.json()) as { data: { url: string }[] };
    const records = (await download(data[0]!.url)).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((r) => [r['msg_id'], r['timestamp']])).toEqual([
      [ids[0], NOW],
      [ids[1], NOW],
    ]);
  });

  it('recalls by the emulator clock: a message sent "now" on a fixed past clock is inside the window', async () => {
    const token = await easemobToken(easemob.url);
    const auth = { authorization: `Bearer ${token}` };
    const sent = await post(
      `${easemob.url}/org1/app1/messages/users`,
      { from: 'a', to: ['b'], type: 'txt', body: { msg: 'x' } },
      auth,
    );
    const recall = await post(
      `${easemob.url}/org1/app1/messages/msg_recall`,
      { msg_id: sent.json['data']['b'], to: 'b', chat_type: 'chat', force: false },
      auth,
    );
    expect(recall.status).toBe(200);
    easemob.clock.advance(121_000);
    const late = await post(
      `${easemob.url}/org1/app1/messages/users`,
      { from: 'a', to: ['b'], type: 'txt', body: { msg: 'y' } },
      auth,
    );
    easemob.clock.advance(121_000);
    const refused = await post(
      `${easemob.url}/org1/app1/messages/msg_recall`,
      { msg_id: late.json['data']['b'], to: 'b', chat_type: 'chat', force: false },
      auth,
    );
    expect([refused.status, refused.json['error_description']]).toEqual([403, 'exceed recall time limit']);
  });
});

describe('Tencent: messages whose callbacks were lost are in the history reads', () => {
  async function sendBoth() {
    const c2c = await tencentCall('openim/sendmsg', {
      From_Account: 'a',
      To_Account: 'b',
      MsgRandom: 11,
      MsgBody: text('c2c'),
    });
    const group = await tencentCall('group_open_http_svc/send_group_msg', {
      GroupId: 'g1',
      From_Account: 'a',
      Random: 22,
      MsgBody: text('group'),
    });
    return { msgKey: c2c['MsgKey'] as string, msgSeq: group['MsgSeq'] as number };
  }
  const roaming = () =>
    tencentCall('openim/admin_getroammsg', {
      Operator_Account: 'b',
      Peer_Account: 'a',
      MaxCnt: 10,
      MinTime: 0,
      MaxTime: NOW_S,
    });
  const groupHistory = (withRecalled?: 1) =>
    tencentCall('group_open_http_svc/group_msg_get_simple', {
      GroupId: 'g1',
      ReqMsgNumber: 10,
      ...(withRecalled ? { WithRecalledMsg: withRecalled } : {}),
    });
  const getHistory = (ChatType: 'C2C' | 'Group') =>
    tencentCall('open_msg_svc/get_history', { ChatType, MsgTime: TENCENT_HOUR });

  it('serves sendmsg and send_group_msg in admin_getroammsg and group_msg_get_simple right away', async () => {
    tencent.callbackFaults.set({ paused: true });
    const { msgKey, msgSeq } = await sendBoth();
    await tencent.callbacksSettled();
    expect(receiver.received).toEqual([]);
    expect(tencent.callbackFaults.dropped()).toHaveLength(2);
    expect((await roaming())['MsgList']).toEqual([
      expect.objectContaining({ MsgKey: msgKey, MsgFlagBits: 0, MsgTimeStamp: NOW_S, MsgBody: text('c2c') }),
    ]);
    expect((await groupHistory())['RspMsgList']).toEqual([
      expect.objectContaining({ MsgSeq: msgSeq, IsPlaceMsg: 0, MsgBody: text('group') }),
    ]);
  });

  it('serves the hour in get_history once the clock passes its end plus the file delay (default 1 h)', async () => {
    await sendBoth();
    expect((await getHistory('C2C'))['ErrorCode']).toBe(1004);
    const moved = await control(tencent.url, 'clock', { now: HOUR_END });
    expect(moved).toEqual({ status: 200, json: { now: HOUR_END, offsetMs: HOUR_END - NOW } });
    expect((await getHistory('C2C'))['ErrorCode']).toBe(1004);
    await control(tencent.url, 'clock', { advanceMs: 3_600_000 });
    const c2c = await getHistory('C2C');
    expect(c2c['ErrorCode']).toBe(0);
    const lines = await download(c2c['File'][0]['URL']);
    expect(JSON.parse(lines[1]!.replace(/,$/, ''))).toMatchObject({ From_Account: 'a', MsgTimestamp: NOW_S });
  });

  it('serves the hour just past at once with historyFileDelayHours 0 set at runtime', async () => {
    const { msgSeq } = await sendBoth();
    expect(await control(tencent.url, 'history-file-delay', { hours: 0 })).toEqual({
      status: 200,
      json: { hours: 0 },
    });
    expect((await getHistory('Group'))['ErrorCode']).toBe(1004);
    tencent.clock.set(HOUR_END);
    const group = await getHistory('Group');
    expect(group['ErrorCode']).toBe(0);
    const lines = await download(group['File'][0]['URL']);
    expect(JSON.parse(lines[1]!.replace(/,$/, ''))).toMatchObject({ GroupId: 'g1', MsgSeq: msgSeq });
    // A message sent on the moved clock carries the moved time.
    await tencentCall('openim/sendmsg', {
      From_Account: 'a',
      To_Account: 'b',
      MsgRandom: 3,
      MsgBody: text('later'),
    });
    const later = await tencentCall('openim/admin_getroammsg', {
      Operator_Account: 'b',
      Peer_Account: 'a',
      MaxCnt: 1,
      MinTime: 0,
      MaxTime: HOUR_END / 1000,
    });
    expect(later['MsgList'][0]).toMatchObject({ MsgTimeStamp: HOUR_END / 1000, MsgBody: text('later') });
  });

  it('shows a recall whose callback was lost: MsgFlagBits 8 in admin_getroammsg, IsPlaceMsg 2 in group reads', async () => {
    const { msgKey, msgSeq } = await sendBoth();
    tencent.callbackFaults.set({ paused: true });
    await tencentCall('openim/admin_msgwithdraw', { From_Account: 'a', To_Account: 'b', MsgKey: msgKey });
    await tencentCall('group_open_http_svc/group_msg_recall', {
      GroupId: 'g1',
      MsgSeqList: [{ MsgSeq: msgSeq }],
    });
    await tencent.callbacksSettled();
    expect(tencent.callbackFaults.dropped().map((d) => d.kind)).toEqual([
      'C2C.CallbackAfterMsgWithDraw',
      'Group.CallbackAfterRecallMsg',
    ]);
    expect((await roaming())['MsgList']).toEqual([
      expect.objectContaining({ MsgKey: msgKey, MsgFlagBits: 8 }),
    ]);
    expect((await groupHistory(1))['RspMsgList']).toEqual([
      expect.objectContaining({ MsgSeq: msgSeq, IsPlaceMsg: 2 }),
    ]);
    // Without WithRecalledMsg the recalled message is left out (§1.18).
    expect((await groupHistory())['RspMsgList']).toEqual([]);
  });
});

describe('clock and file-delay control routes', () => {
  it.each([
    [{ advanceMs: -1 }],
    [{ advanceMs: 'soon' }],
    [{ now: NOW - 1 }],
    [{ now: NOW + 1, advanceMs: 1 }],
    [{}],
    ['not json'],
  ])('refuses %j with 400 and leaves the clock alone', async (body) => {
    for (const base of [easemob.url, tencent.url]) {
      const res = await control(base, 'clock', body);
      expect(res.status).toBe(400);
      expect(res.json['error']).toMatch(/advanceMs: number ≥ 0.*now: epoch ms, not in the past/);
      expect(await (await fetch(`${base}/_emulator/clock`)).json()).toEqual({ now: NOW, offsetMs: 0 });
    }
  });

  it('refuses a negative or missing file delay', async () => {
    for (const body of [{ hours: -1 }, { hours: '1' }, {}]) {
      const res = await control(tencent.url, 'history-file-delay', body);
      expect(res.status).toBe(400);
      expect(res.json['error']).toMatch(/hours: number ≥ 0/);
    }
    expect(() => tencent.setHistoryFileDelayHours(-2)).toThrow(RangeError);
    expect(await (await fetch(`${tencent.url}/_emulator/history-file-delay`)).json()).toEqual({ hours: 1 });
  });

  it('reset takes the clock back to the now option and the file delay back to its option', async () => {
    for (const emu of [easemob, tencent]) {
      emu.clock.advance(5_000);
      expect(emu.clock.now()).toBe(NOW + 5_000);
    }
    tencent.setHistoryFileDelayHours(0);
    await fetch(`${easemob.url}/_emulator/reset`, { method: 'POST' });
    tencent.reset();
    expect(easemob.clock.now()).toBe(NOW);
    expect(tencent.clock.now()).toBe(NOW);
    expect(await (await fetch(`${tencent.url}/_emulator/history-file-delay`)).json()).toEqual({ hours: 1 });
    expect(() => easemob.clock.advance(-1)).toThrow(RangeError);
  });
});
