import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { tencentCallbackSign } from '@im-gateway/signing';
import { startTencentEmulator, type TencentEmulator } from '../src/index.js';
import { post, startReceiver, TENCENT_APP, tencentQuery, text, type Receiver } from './helpers.js';

let emu: TencentEmulator;
let receiver: Receiver;
const TOKEN = 'callback-token';
const call = (path: string, body: unknown) =>
  post(`${emu.url}/v4/${path}?${tencentQuery()}`, body).then((r) => r.json);
const query = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);

beforeAll(async () => {
  receiver = await startReceiver();
  emu = await startTencentEmulator({
    apps: [{ ...TENCENT_APP, callbackUrl: receiver.url, callbackToken: TOKEN }],
    rateLimits: false,
  });
});
afterEach(() => {
  emu.reset();
  receiver.received.length = 0;
  receiver.status = 200;
});
afterAll(async () => {
  await emu.close();
  await receiver.close();
});

function expectSignedQuery(url: string, command: string) {
  const q = query(url);
  expect(q).toMatchObject({
    SdkAppid: String(TENCENT_APP.sdkAppId),
    CallbackCommand: command,
    contenttype: 'json',
    ClientIP: '127.0.0.1',
    OptPlatform: 'RESTAPI',
  });
  expect(Math.abs(Number(q['RequestTime']) - Date.now() / 1000)).toBeLessThan(5);
  expect(q['Sign']).toBe(tencentCallbackSign(TOKEN, q['RequestTime']!));
}

describe('Tencent after-send callbacks', () => {
  it('posts C2C.CallbackAfterSendMsg for sendmsg, with the seed 004 body and a verifying Sign', async () => {
    const sent = await call('openim/sendmsg', {
      From_Account: 'jared',
      To_Account: 'Jonh',
      MsgSeq: 48374,
      MsgRandom: 2837546,
      MsgBody: text('red packet'),
      CloudCustomData: 'your cloud custom data',
    });
    await emu.callbacksSettled();
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    expect(got.url.startsWith('/hook?')).toBe(true);
    expectSignedQuery(got.url, 'C2C.CallbackAfterSendMsg');
    expect(got.json).toEqual({
      CallbackCommand: 'C2C.CallbackAfterSendMsg',
      From_Account: 'jared',
      To_Account: 'Jonh',
      MsgSeq: 48374,
      MsgRandom: 2837546,
      MsgTime: sent['MsgTime'],
      MsgKey: sent['MsgKey'],
      OnlineOnlyFlag: 0,
      SendMsgResult: 0,
      ErrorInfo: 'send msg succeed',
      UnreadMsgNum: 1,
      MsgBody: text('red packet'),
      CloudCustomData: 'your cloud custom data',
    });
  });

  it('posts Group.CallbackAfterSendMsg for send_group_msg, with the seed 002 fields', async () => {
    const sent = await call('group_open_http_svc/send_group_msg', {
      GroupId: '@TGS#2J4SZEAEL',
      From_Account: 'jared',
      Random: 123456,
      MsgBody: text('red packet'),
      GroupAtInfo: [{ GroupAtAllFlag: 1 }],
    });
    await emu.callbacksSettled();
    const got = receiver.received[0]!;
    expectSignedQuery(got.url, 'Group.CallbackAfterSendMsg');
    expect(got.json).toMatchObject({
      CallbackCommand: 'Group.CallbackAfterSendMsg',
      GroupId: '@TGS#2J4SZEAEL',
      Type: 'Public',
      From_Account: 'jared',
      Operator_Account: 'administrator',
      Random: 123456,
      MsgSeq: sent['MsgSeq'],
      MsgTime: sent['MsgTime'],
      OnlineOnlyFlag: 0,
      MsgBody: text('red packet'),
      GroupAtInfo: [{ GroupAtAllFlag: 1 }],
    });
    expect(got.json['EventTime']).toEqual(expect.any(Number));
  });

  it('sends no callback for batchsendmsg or with ForbidAfterSendMsgCallback (tencent.md §1.5)', async () => {
    await call('openim/batchsendmsg', { To_Account: ['a', 'b'], MsgRandom: 1, MsgBody: text('x') });
    await call('openim/sendmsg', {
      To_Account: 'a',
      MsgRandom: 1,
      MsgBody: text('x'),
      ForbidCallbackControl: ['ForbidAfterSendMsgCallback'],
    });
    await emu.callbacksSettled();
    expect(receiver.received).toHaveLength(0);
    expect(emu.messages()).toHaveLength(3);
  });

  it('does not retry a failed callback (no retry by default, tencent.md §1.3) and records the answer', async () => {
    receiver.status = 500;
    await call('openim/sendmsg', { To_Account: 'a', MsgRandom: 1, MsgBody: text('x') });
    await emu.callbacksSettled();
    expect(receiver.received).toHaveLength(1);
    expect(emu.callbacks()).toEqual([
      expect.objectContaining({ kind: 'C2C.CallbackAfterSendMsg', attempt: 1, status: 500 }),
    ]);
  });

  it('posts recall callbacks after admin_msgwithdraw and group_msg_recall', async () => {
    const c2c = await call('openim/sendmsg', {
      From_Account: 'a',
      To_Account: 'b',
      MsgRandom: 1,
      MsgBody: text('x'),
    });
    await call('openim/admin_msgwithdraw', { From_Account: 'a', To_Account: 'b', MsgKey: c2c['MsgKey'] });
    const group = await call('group_open_http_svc/send_group_msg', {
      GroupId: 'g',
      Random: 1,
      MsgBody: text('x'),
    });
    await call('group_open_http_svc/group_msg_recall', {
      GroupId: 'g',
      MsgSeqList: [{ MsgSeq: group['MsgSeq'] }],
    });
    await emu.callbacksSettled();
    const byCommand = Object.fromEntries(receiver.received.map((r) => [r.json['CallbackCommand'], r.json]));
    expect(byCommand['C2C.CallbackAfterMsgWithDraw']).toMatchObject({
      From_Account: 'a',
      To_Account: 'b',
      MsgKey: c2c['MsgKey'],
    });
    expect(byCommand['Group.CallbackAfterRecallMsg']).toMatchObject({
      GroupId: 'g',
      MsgSeqList: [{ MsgSeq: group['MsgSeq'] }],
    });
  });

  it('fireCallback posts any body with the vendor query and Sign, over HTTP too', async () => {
    const attempts = await emu.fireCallback({
      command: 'State.StateChange',
      body: { Info: { Action: 'Login', To_Account: 'u', Reason: 'Register' } },
      requestTime: 1669872112,
      optPlatform: 'iOS',
    });
    expect(attempts[0]).toMatchObject({ status: 200 });
    const q = query(receiver.received[0]!.url);
    expect(q).toMatchObject({
      CallbackCommand: 'State.StateChange',
      OptPlatform: 'iOS',
      RequestTime: '1669872112',
      Sign: tencentCallbackSign(TOKEN, 1669872112),
    });
    expect(receiver.received[0]!.json).toMatchObject({
      CallbackCommand: 'State.StateChange',
      Info: { Action: 'Login' },
    });
    const viaHttp = await post(`${emu.url}/_emulator/callbacks`, {
      command: 'Sns.CallbackFriendAdd',
      body: { PairList: [] },
    });
    expect(viaHttp.json['attempts'][0]['status']).toBe(200);
    expectSignedQuery(receiver.received[1]!.url, 'Sns.CallbackFriendAdd');
  });
});
