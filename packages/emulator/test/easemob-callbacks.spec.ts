import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { easemobCallbackSignature } from '@im-gateway/signing';
import { startEasemobEmulator, type EasemobEmulator } from '../src/index.js';
import { EASEMOB_APP, easemobToken, post, startReceiver, type Receiver } from './helpers.js';

let emu: EasemobEmulator;
let receiver: Receiver;
let token: string;
const SECRET = 'rule-secret';
const send = (path: string, body: unknown) =>
  post(`${emu.url}/org1/app1${path}`, body, { authorization: `Bearer ${token}` });

beforeAll(async () => {
  receiver = await startReceiver();
  emu = await startEasemobEmulator({
    apps: [{ ...EASEMOB_APP, callbackUrl: receiver.url, callbackSecret: SECRET }],
    rateLimits: false,
  });
  token = await easemobToken(emu.url);
});
afterEach(async () => {
  emu.reset(); // also forgets tokens
  token = await easemobToken(emu.url);
  receiver.received.length = 0;
  receiver.status = 200;
});
afterAll(async () => {
  await emu.close();
  await receiver.close();
});

const verifies = (body: Record<string, unknown>) =>
  body['security'] === easemobCallbackSignature(String(body['callId']), SECRET, body['timestamp'] as number);

describe('Easemob post-send callbacks for messages sent through the emulator', () => {
  it('posts one signed chat callback per recipient, as in seed 000', async () => {
    const res = await send('/messages/users', {
      from: 'user1',
      to: ['user2', 'user3'],
      type: 'txt',
      body: { msg: 'rr' },
      ext: { k: 'v' },
    });
    await emu.callbacksSettled();
    expect(receiver.received).toHaveLength(2);
    const first = receiver.received.find((r) => r.json['to'] === 'user2')!;
    expect(first.method).toBe('POST');
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.json).toMatchObject({
      eventType: 'chat',
      chat_type: 'chat',
      from: 'user1',
      to: 'user2',
      msg_id: res.json['data']['user2'],
      appkey: 'org1#app1',
      payload: { ext: { k: 'v' }, bodies: [{ msg: 'rr', type: 'txt' }] },
    });
    expect(first.json['callId']).toMatch(/^org1#app1_[0-9a-f-]{36}$/);
    expect(first.json['timestamp']).toEqual(expect.any(Number));
    expect(first.json).not.toHaveProperty('group_id');
    expect(verifies(first.json)).toBe(true);
    expect(verifies({ ...first.json, timestamp: (first.json['timestamp'] as number) + 1 })).toBe(false);
  });

  it('marks group and chatroom messages groupchat with group_id, loc as numbers and custom exts both ways', async () => {
    await send('/messages/chatgroups', {
      from: 'u1',
      to: ['184524748161025'],
      type: 'loc',
      body: { lat: '39.966', lng: '116.322', addr: 'x' },
    });
    await send('/messages/chatrooms', {
      from: 'u1',
      to: ['185145305923585'],
      type: 'custom',
      body: { customEvent: 'flower', customExts: { k: 'v' } },
    });
    await emu.callbacksSettled();
    const group = receiver.received.find((r) => r.json['group_id'] === '184524748161025')!.json;
    expect(group).toMatchObject({
      chat_type: 'groupchat',
      to: '184524748161025',
      payload: { bodies: [{ type: 'loc', lat: 39.966, lng: 116.322 }] },
    });
    const room = receiver.received.find((r) => r.json['group_id'] === '185145305923585')!.json;
    expect(room).toMatchObject({
      chat_type: 'groupchat',
      payload: {
        bodies: [
          { type: 'custom', customEvent: 'flower', customExts: [{ k: 'v' }], 'v2:customExts': { k: 'v' } },
        ],
      },
    });
    expect(verifies(group) && verifies(room)).toBe(true);
  });

  it('retries exactly once when the receiver answers 500, and records both attempts', async () => {
    receiver.status = 500;
    await send('/messages/users', { to: ['u'], type: 'txt', body: { msg: 'x' } });
    await emu.callbacksSettled();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body);
    expect(emu.callbacks().map((c) => [c.attempt, c.status])).toEqual([
      [1, 500],
      [2, 500],
    ]);
  });

  it('does not retry after a 200 and records the answer', async () => {
    await send('/messages/users', { to: ['u'], type: 'txt', body: { msg: 'x' } });
    await emu.callbacksSettled();
    expect(receiver.received).toHaveLength(1);
    const listed = (await (await fetch(`${emu.url}/_emulator/callbacks`)).json()) as {
      callbacks: { status: number; responseBody: string }[];
    };
    expect(listed.callbacks).toEqual([
      expect.objectContaining({ status: 200, responseBody: receiver.answer }),
    ]);
  });

  it('retries when the answer exceeds 1,000 characters (easemob.md §4.3)', async () => {
    receiver.answer = 'x'.repeat(1001);
    try {
      await send('/messages/users', { to: ['u'], type: 'txt', body: { msg: 'x' } });
      await emu.callbacksSettled();
      expect(receiver.received).toHaveLength(2);
    } finally {
      receiver.answer = '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}';
    }
  });

  it('posts a signed recall callback after msg_recall', async () => {
    const res = await send('/messages/users', { from: 'a', to: ['b'], type: 'txt', body: { msg: 'oops' } });
    const msgId = res.json['data']['b'];
    const recall = await send('/messages/msg_recall', {
      msg_id: msgId,
      to: 'b',
      from: 'a',
      chat_type: 'chat',
      force: true,
    });
    expect(recall.status).toBe(200);
    await emu.callbacksSettled();
    const cb = receiver.received.find((r) => r.json['chat_type'] === 'recall')!.json;
    expect(cb).toMatchObject({
      recall_id: msgId,
      from: 'a',
      to: 'b',
      payload: { ext: {}, ack_message_id: msgId, bodies: [] },
    });
    expect(verifies(cb)).toBe(true);
  });

  it('fireCallback signs an arbitrary body, over HTTP too', async () => {
    const attempts = await emu.fireCallback({ chat_type: 'roster', operation: 'add', from: 'x', to: 'y' });
    expect(attempts).toEqual([expect.objectContaining({ attempt: 1, status: 200 })]);
    const viaHttp = await post(`${emu.url}/_emulator/callbacks`, {
      body: { chat_type: 'notify', callId: 'org1#app1_fixed', timestamp: 1600060847294 },
    });
    expect(viaHttp.status).toBe(200);
    expect(receiver.received.map((r) => verifies(r.json))).toEqual([true, true]);
    expect(receiver.received[1]!.json).toMatchObject({ callId: 'org1#app1_fixed', timestamp: 1600060847294 });
  });
});
