import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEasemobEmulator, type EasemobEmulator } from '../src/index.js';
import { EASEMOB_APP, easemobToken, post } from './helpers.js';

let emu: EasemobEmulator;
let token: string;
const call = (path: string, body: unknown) =>
  post(`${emu.url}/org1/app1${path}`, body, { authorization: `Bearer ${token}` });

beforeAll(async () => {
  emu = await startEasemobEmulator({ apps: [EASEMOB_APP], ids: 'registered', rateLimits: false });
  token = await easemobToken(emu.url);
});
afterAll(() => emu.close());

describe('Easemob msg_recall (easemob.md §3.1)', () => {
  it('recalls a sent message with the response of rest_msg_recall.json', async () => {
    const sent = await call('/messages/chatgroups', {
      from: 'user1',
      to: ['g1'],
      type: 'txt',
      body: { msg: 'x' },
    });
    const msgId = sent.json['data']['g1'];
    const res = await call('/messages/msg_recall', {
      msg_id: msgId,
      to: 'g1',
      from: 'user1',
      chat_type: 'groupchat',
      force: true,
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      path: '/messages/msg_recall',
      action: 'post',
      data: { recalled: 'yes', chattype: 'groupchat', from: 'user1', to: 'g1', msg_id: msgId },
    });
    expect(emu.messages().find((m) => m.id === msgId)?.recalled).toBe(true);
    const again = await call('/messages/msg_recall', {
      msg_id: msgId,
      to: 'g1',
      chat_type: 'groupchat',
      force: true,
    });
    expect([again.status, again.json['error_description']]).toEqual([403, 'not_found msg']);
  });

  it('refuses missing fields, unknown messages and the wrong recipient', async () => {
    const sent = await call('/messages/users', { to: ['u2'], type: 'txt', body: { msg: 'x' } });
    const msgId = sent.json['data']['u2'];
    for (const field of ['msg_id', 'to', 'chat_type', 'force']) {
      const body: Record<string, unknown> = { msg_id: msgId, to: 'u2', chat_type: 'chat', force: false };
      delete body[field];
      const res = await call('/messages/msg_recall', body);
      expect([res.status, res.json['error'], res.json['error_description']]).toEqual([
        400,
        'message_recall_error',
        `param ${field} can't be empty`,
      ]);
    }
    const unknown = await call('/messages/msg_recall', {
      msg_id: '1029457500870543736',
      to: 'u2',
      chat_type: 'chat',
      force: true,
    });
    expect(unknown.status).toBe(403);
    const wrongTo = await call('/messages/msg_recall', {
      msg_id: msgId,
      to: 'someone',
      chat_type: 'chat',
      force: true,
    });
    expect([wrongTo.status, wrongTo.json['error_description']]).toEqual([400, "can't find msg to"]);
    const ok = await call('/messages/msg_recall', {
      msg_id: msgId,
      to: 'u2',
      chat_type: 'chat',
      force: false,
    });
    expect(ok.json['data']).toMatchObject({ recalled: 'yes', chattype: 'chat', from: 'admin' });
  });
});

describe('Easemob recall window', () => {
  it('refuses a recall past the app window with 403 exceed recall time limit unless force is true', async () => {
    const short = await startEasemobEmulator({
      apps: [{ ...EASEMOB_APP, recallWindowSeconds: 1 }],
      rateLimits: false,
    });
    try {
      const t = await easemobToken(short.url);
      const auth = { authorization: `Bearer ${t}` };
      const sent = await post(
        `${short.url}/org1/app1/messages/users`,
        { to: ['u'], type: 'txt', body: { msg: 'x' } },
        auth,
      );
      const recall = { msg_id: sent.json['data']['u'], to: 'u', chat_type: 'chat', force: false };
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const late = await post(`${short.url}/org1/app1/messages/msg_recall`, recall, auth);
      expect([late.status, late.json['error'], late.json['error_description']]).toEqual([
        403,
        'message_recall_error',
        'exceed recall time limit',
      ]);
      const forced = await post(
        `${short.url}/org1/app1/messages/msg_recall`,
        { ...recall, force: true },
        auth,
      );
      expect(forced.status).toBe(200);
    } finally {
      await short.close();
    }
  });
});

describe('Easemob users, chatgroups and chatrooms (ids: registered)', () => {
  it('registers users with the response of rest_register_user.json, lower-casing ids', async () => {
    const res = await call('/users', [
      { username: 'User1', password: '123' },
      { username: 'user2', password: '123' },
    ]);
    expect(res.status).toBe(200);
    expect(Object.keys(res.json)).toEqual([
      'action',
      'application',
      'path',
      'uri',
      'entities',
      'timestamp',
      'duration',
      'organization',
      'applicationName',
    ]);
    expect(res.json['entities']).toEqual([
      expect.objectContaining({
        type: 'user',
        username: 'user1',
        activated: true,
        uuid: expect.any(String),
        created: expect.any(Number),
      }),
      expect.objectContaining({ username: 'user2' }),
    ]);
  });

  it('refuses illegal and duplicate usernames', async () => {
    const illegal = await call('/users', { username: 'bad name!', password: '1' });
    expect([illegal.status, illegal.json['error'], illegal.json['error_description']]).toEqual([
      400,
      'illegal_argument',
      'username bad name! is not legal',
    ]);
    const long = await call('/users', { username: 'a'.repeat(65), password: '1' });
    expect(long.status).toBe(400);
    const dup = await call('/users', { username: 'user1', password: '1' });
    expect([dup.status, dup.json['error']]).toEqual([400, 'duplicate_unique_property_exists']);
  });

  it('creates chatgroups and chatrooms from registered users only', async () => {
    const group = await call('/chatgroups', {
      groupname: 'g',
      description: 'd',
      public: true,
      owner: 'user1',
      members: ['user2'],
    });
    expect(group.status).toBe(200);
    expect(group.json['data']['groupid']).toMatch(/^\d{15}$/);
    const room = await call('/chatrooms', { name: 'r', description: 'd', owner: 'user1' });
    expect(room.json['data']['id']).toMatch(/^\d{15}$/);
    const stranger = await call('/chatgroups', { groupname: 'g', owner: 'nobody' });
    expect([stranger.status, stranger.json['error']]).toEqual([404, 'service_resource_not_found']);
  });

  it('still delivers to unregistered recipients, since the vendor does not check them (easemob.md §2.2)', async () => {
    const res = await call('/messages/users', {
      from: 'ghost',
      to: ['nobody'],
      type: 'txt',
      body: { msg: 'x' },
    });
    expect(res.status).toBe(200);
  });
});
