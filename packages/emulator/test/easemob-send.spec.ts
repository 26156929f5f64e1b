import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEasemobEmulator, type EasemobEmulator } from '../src/index.js';
import { EASEMOB_APP, easemobToken, post } from './helpers.js';

let emu: EasemobEmulator;
let token: string;
const base = () => `${emu.url}/${EASEMOB_APP.orgName}/${EASEMOB_APP.appName}`;
const send = (path: string, body: unknown) =>
  post(`${base()}${path}`, body, { authorization: `Bearer ${token}` });

beforeAll(async () => {
  emu = await startEasemobEmulator({ apps: [EASEMOB_APP], rateLimits: false });
  token = await easemobToken(emu.url);
});
afterAll(() => emu.close());

// Valid bodies of every type, as in seed 001 and easemob.md §2.3.
const BODIES: Record<string, Record<string, unknown>> = {
  txt: { msg: 'testmessages' },
  img: {
    filename: 'testimg.jpg',
    secret: 'VfXXXXNb_',
    url: 'https://h/o/a/chatfiles/55f1',
    size: { width: 480, height: 720 },
  },
  audio: { url: 'https://h/o/a/chatfiles/1dfc', filename: 'testaudio.amr', length: 10, secret: 'HfXXXXCjM' },
  video: {
    thumb: 'https://h/o/a/chatfiles/6727',
    length: 0,
    secret: 'VfXXXXNb_',
    file_length: 58103,
    thumb_secret: 'ZyXXXX2I',
    url: 'https://h/o/a/chatfiles/671d',
  },
  file: { filename: 'test.txt', secret: '1-g0XXXXua', url: 'https://h/o/a/chatfiles/d7e' },
  loc: { lat: '39.966', lng: '116.322', addr: '中国北京市海淀区中关村' },
  cmd: { action: 'action1' },
  custom: { customEvent: 'custom_event', customExts: { ext_key1: 'ext_value1' } },
};

const ENDPOINTS = [
  ['/messages/users', ['user2'], undefined, '/messages/users'],
  ['/messages/chatgroups', ['184524748161025'], undefined, '/messages/chatgroups'],
  ['/messages/chatgroups/users', ['184524748161025'], ['user2', 'user3'], '/messages/chatgroups'],
  ['/messages/chatrooms', ['185145305923585'], undefined, '/messages/chatrooms'],
  ['/messages/chatrooms/users', ['185145305923585'], ['user2'], '/messages/chatrooms'],
] as const;

function expectEnvelope(json: Record<string, any>, path: string) {
  // Same keys as rest_send_users_txt.json and the seed 001 response example.
  expect(Object.keys(json)).toEqual([
    'path',
    'uri',
    'timestamp',
    'organization',
    'application',
    'action',
    'data',
    'duration',
    'applicationName',
  ]);
  expect(json).toMatchObject({
    path,
    action: 'post',
    organization: 'org1',
    applicationName: 'app1',
    duration: 0,
  });
  expect(typeof json['timestamp']).toBe('number');
  expect(json['uri']).toMatch(new RegExp(`/org1/app1${path}$`));
}

describe('Easemob send APIs accept every documented body type', () => {
  for (const [endpoint, to, users, responsePath] of ENDPOINTS) {
    it.each(Object.keys(BODIES))(`${endpoint} accepts type %s`, async (type) => {
      const res = await send(endpoint, {
        from: 'user1',
        to,
        type,
        body: BODIES[type],
        ext: { em_ignore_notification: true },
        ...(users ? { users } : {}),
      });
      expect(res.status).toBe(200);
      expectEnvelope(res.json, responsePath);
      const id = res.json['data'][to[0]];
      expect(id).toMatch(/^\d{18,19}$/);
      const recorded = emu.messages({ to: to[0] }).find((m) => m.id === id);
      expect(recorded).toMatchObject({ from: 'user1', type, body: BODIES[type] });
    });
  }

  it('answers one fresh, increasing message id per recipient and defaults from to admin', async () => {
    const res = await send('/messages/users', { to: ['a', 'b', 'c'], type: 'txt', body: { msg: 'x' } });
    const ids = ['a', 'b', 'c'].map((u) => BigInt(res.json['data'][u]));
    expect(ids[1]! > ids[0]! && ids[2]! > ids[1]!).toBe(true);
    expect(emu.messages({ to: 'a' }).at(-1)?.from).toBe('admin');
  });

  it('answers a broadcast with a numeric broadcast id, as printed in seed 001', async () => {
    const res = await send('/messages/chatrooms/broadcast', {
      msg: { type: 'txt', msg: 'send broadcast' },
      from: 'admin',
      ext: { extKey: 'extValue' },
      chatroom_msg_level: 'low',
    });
    expect(res.status).toBe(200);
    expectEnvelope(res.json, '/messages/chatrooms/broadcast');
    expect(res.text).toMatch(/"data":\{"id":\d{18,19}\}/);
  });

  it('records accepted messages, readable over HTTP', async () => {
    const res = await send('/messages/users', { to: ['reader'], type: 'txt', body: { msg: 'find me' } });
    const listed = (await (await fetch(`${emu.url}/_emulator/messages?to=reader`)).json()) as {
      messages: { id: string; body: unknown }[];
    };
    expect(listed.messages).toEqual([
      expect.objectContaining({ id: res.json['data']['reader'], body: { msg: 'find me' } }),
    ]);
  });
});

describe('Easemob send APIs refuse what the vendor refuses', () => {
  const valid = { from: 'user1', to: ['user2'], type: 'txt', body: { msg: 'hi' } };
  const refused = async (path: string, body: unknown, status: number, description: string) => {
    const res = await send(path, body);
    expect(res.status).toBe(status);
    expect(res.json).toMatchObject({ error_description: description });
    expect(typeof res.json['timestamp']).toBe('number');
    expect(res.json).toHaveProperty('exception');
    expect(res.json).toHaveProperty('duration');
    return res.json;
  };
  const sizeError = (limit: number) => `params to's size can't exceed limit ${limit}`;
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `id${i}`);

  it('refuses an empty from, missing to, type, body and a null ext', async () => {
    await refused('/messages/users', { ...valid, from: '' }, 400, "param from can't be empty");
    await refused('/messages/users', { ...valid, to: undefined }, 400, "param to can't be empty");
    await refused('/messages/users', { ...valid, to: [] }, 400, "param to can't be empty");
    await refused('/messages/users', { ...valid, type: undefined }, 400, "param type can't be empty");
    await refused('/messages/users', { ...valid, body: undefined }, 400, "param body can't be empty");
    await refused('/messages/users', { ...valid, ext: null }, 400, 'param ext must be JSONObject');
  });

  it('refuses unparsable JSON and unknown types as an invalid request body', async () => {
    const res = await refused(
      '/messages/users',
      '{"to":',
      400,
      'Request body is invalid. Please check body is correct.',
    );
    expect(res['error']).toBe('invalid_request_body');
    await refused(
      '/messages/users',
      { ...valid, type: 'combine' },
      400,
      'Request body is invalid. Please check body is correct.',
    );
  });

  it.each([
    ['/messages/users', 600],
    ['/messages/chatgroups', 3],
    ['/messages/chatrooms', 10],
    ['/messages/chatgroups/users', 1],
    ['/messages/chatrooms/users', 1],
  ])('%s takes at most %i recipients', async (path, limit) => {
    const users = path.endsWith('/users') && path !== '/messages/users' ? { users: ['u'] } : {};
    expect((await send(path, { ...valid, to: ids(limit), ...users })).status).toBe(200);
    const json = await refused(path, { ...valid, to: ids(limit + 1), ...users }, 400, sizeError(limit));
    expect(json['error']).toBe('message_send_error');
  });

  it.each(['/messages/chatgroups/users', '/messages/chatrooms/users'])(
    '%s needs 1 to 20 users',
    async (path) => {
      await refused(path, { ...valid, to: ['g'] }, 400, "param users can't be empty");
      expect((await send(path, { ...valid, to: ['g'], users: ids(20) })).status).toBe(200);
      await refused(
        path,
        { ...valid, to: ['g'], users: ids(21) },
        400,
        "params users's size can't exceed limit 20",
      );
    },
  );

  it.each([
    ['txt', { text: 'no msg' }],
    ['img', { filename: 'no url' }],
    ['audio', { length: 3 }],
    ['video', { thumb: 'no url' }],
    ['file', { filename: 'f' }],
    ['loc', { lat: '1', lng: '2' }],
    ['loc', { lat: 39.9, lng: 116.3, addr: 'numbers are callback-only' }],
    ['cmd', { msg: 'no action' }],
    ['custom', { customEvent: 'has spaces' }],
    ['custom', { customEvent: 'x'.repeat(33) }],
    ['custom', { customExts: Object.fromEntries(ids(17).map((k) => [k, 'v'])) }],
    ['custom', { customExts: { n: 1 } }],
  ])('refuses a %s body lacking its required fields: %j', async (type, body) => {
    await refused(
      '/messages/users',
      { ...valid, type, body },
      400,
      'Request body is invalid. Please check body is correct.',
    );
  });

  it('refuses body + ext over 5 KB with the vendor body of rest_send_error_message_too_large.json', async () => {
    const fits = 'x'.repeat(5 * 1024 - JSON.stringify({ msg: '' }).length);
    expect((await send('/messages/users', { ...valid, body: { msg: fits } })).status).toBe(200);
    const res = await send('/messages/chatrooms', { ...valid, body: { msg: fits }, ext: { a: 1 } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json)).toEqual([
      'error',
      'exception',
      'timestamp',
      'duration',
      'error_code',
      'error_description',
    ]);
    expect(res.json).toMatchObject({
      error: 'message_send_error',
      exception: 'MessageSendException',
      error_code: 14007,
      error_description: 'message is too large',
    });
  });

  it('refuses an invalid chatroom_msg_level and a broadcast without msg', async () => {
    await refused(
      '/messages/chatrooms',
      { ...valid, chatroom_msg_level: 'urgent' },
      400,
      'Request body is invalid. Please check body is correct.',
    );
    await refused('/messages/chatrooms/broadcast', { from: 'admin' }, 400, "param msg can't be empty");
    await refused(
      '/messages/chatrooms/broadcast',
      { msg: { type: 'loc', lat: '1' } },
      400,
      'Request body is invalid. Please check body is correct.',
    );
  });

  it('records nothing for refused requests', async () => {
    const before = emu.messages().length;
    await send('/messages/users', { ...valid, from: '' });
    expect(emu.messages()).toHaveLength(before);
  });
});

describe('inspection', () => {
  it('hands out copies: changing a returned message does not change the record', async () => {
    const res = await send('/messages/users', { to: ['copy'], type: 'txt', body: { msg: 'x' } });
    const [message] = emu.messages({ to: 'copy' });
    message!.recalled = true;
    expect(emu.messages({ to: 'copy' })[0]).toMatchObject({ id: res.json['data']['copy'], recalled: false });
  });
});
