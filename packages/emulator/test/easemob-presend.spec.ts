import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { easemobCallbackSignature } from '@im-gateway/signing';
import { startEasemobEmulator, type EasemobClientMessage, type EasemobEmulator } from '../src/index.js';
import { EASEMOB_APP, easemobToken, post, startReceiver, type Receiver } from './helpers.js';

// The console default wait is 200 ms (easemob.md §4.2); tests keep it.
const WAIT_MS = 200;
const LATE_MS = WAIT_MS + 400;
const SLACK_MS = 150;
const SECRET = 'presend-rule-secret';

const BLOCKING = { ...EASEMOB_APP, appName: 'blocking' };
const ALL_TYPES = { ...EASEMOB_APP, appName: 'alltypes' };
const NO_RULE = { ...EASEMOB_APP, appName: 'norule' };

type Answer = { status?: number; body: string; delayMs?: number } | null;

let emu: EasemobEmulator;
/** The pre-send rule's URL. */
let presend: Receiver;
/** The post-send rule's URL. */
let postsend: Receiver;

const valid = (fields: Record<string, unknown> = {}) => ({
  body: JSON.stringify({ valid: true, ...fields }),
});
const invalid = (fields: Record<string, unknown> = {}) => ({
  body: JSON.stringify({ valid: false, ...fields }),
});
/** What the pre-send rule's server answers in the current test. */
let presendAnswer: Answer = valid();

beforeAll(async () => {
  presend = await startReceiver();
  postsend = await startReceiver();
  presend.respond = () => presendAnswer;
  const rule = {
    callbackUrl: postsend.url,
    callbackSecret: 'post-secret',
    presendUrl: presend.url,
    presendSecret: SECRET,
  };
  emu = await startEasemobEmulator({
    apps: [
      { ...EASEMOB_APP, ...rule },
      { ...BLOCKING, ...rule, presendFailurePolicy: 'block' },
      { ...ALL_TYPES, ...rule, presendModifyAllTypes: true },
      { ...NO_RULE, callbackUrl: postsend.url },
    ],
    rateLimits: false,
  });
});
afterEach(async () => {
  await emu.callbacksSettled();
  emu.reset();
  presend.received.length = 0;
  postsend.received.length = 0;
  presendAnswer = valid();
});
afterAll(async () => {
  await emu.close();
  await presend.close();
  await postsend.close();
});

const APP = 'org1#app1';
const CASES: { chat_type: EasemobClientMessage['chat_type']; to: string; historyKey: string }[] = [
  { chat_type: 'chat', to: 'user2', historyKey: 'chat:user1|user2' },
  { chat_type: 'groupchat', to: '16934809238921545', historyKey: 'groupchat:16934809238921545' },
  { chat_type: 'chatroom', to: '262144', historyKey: 'chatroom:262144' },
];

const textMessage = (c: (typeof CASES)[number]): EasemobClientMessage => ({
  from: 'user1',
  to: c.to,
  chat_type: c.chat_type,
  body: { type: 'txt', msg: 'welcome to easemob!' },
  ext: { level: 'gold' },
});

describe.each(CASES)('pre-send for a $chat_type message sent by a client', (c) => {
  const history = (app = APP) =>
    (emu.inspect(app).history[c.historyKey] ?? []).map((m) => [m.payload.bodies[0], m.payload.ext]);
  const postBodies = () => postsend.received.map((r) => [r.json['payload']]);

  it('posts the documented, signed request; allowed → delivered unchanged, post-send fired', async () => {
    const result = await emu.sendAsClient(APP, textMessage(c));
    expect(result).toEqual({ delivered: true, msg_id: expect.any(String), modified: false });
    const [request] = presend.received;
    const body = request!.json;
    expect(body).toEqual({
      callId: expect.stringMatching(/^org1#app1_[0-9a-f-]{36}$/),
      timestamp: expect.any(Number),
      chat_type: c.chat_type,
      ...(c.chat_type === 'chat' ? {} : { group_id: c.to }),
      from: 'user1',
      to: c.to,
      msg_id: result.msg_id,
      payload: { msg: 'welcome to easemob!', type: 'txt', ext: { level: 'gold' } },
      security: easemobCallbackSignature(body['callId'] as string, SECRET, body['timestamp'] as number),
    });
    await emu.callbacksSettled();
    expect(emu.messages({ app: APP }).map((m) => [m.id, m.body, m.ext])).toEqual([
      [result.msg_id, { msg: 'welcome to easemob!' }, { level: 'gold' }],
    ]);
    expect(history()).toEqual([[{ type: 'txt', msg: 'welcome to easemob!' }, { level: 'gold' }]]);
    expect(postsend.received).toHaveLength(1);
    expect(postsend.received[0]!.json['msg_id']).toBe(result.msg_id);
    expect(emu.beforeCallbacks().map((e) => [e.kind, e.outcome])).toEqual([['presend', 'allow']]);
  });

  it('valid with a payload → delivered as modified (text and ext), post-send carries the change', async () => {
    presendAnswer = valid({ payload: { msg: 'welcome to ***', ext: { level: 'gold', masked: true } } });
    const result = await emu.sendAsClient(APP, textMessage(c));
    expect(result).toMatchObject({ delivered: true, modified: true });
    await emu.callbacksSettled();
    expect(emu.messages({ app: APP }).map((m) => [m.body, m.ext])).toEqual([
      [{ msg: 'welcome to ***' }, { level: 'gold', masked: true }],
    ]);
    expect(history()).toEqual([
      [
        { type: 'txt', msg: 'welcome to ***' },
        { level: 'gold', masked: true },
      ],
    ]);
    expect(postBodies()).toEqual([
      [{ ext: { level: 'gold', masked: true }, bodies: [{ type: 'txt', msg: 'welcome to ***' }] }],
    ]);
    expect(emu.beforeCallbacks()[0]?.outcome).toBe('modify');
  });

  it.each([
    ['no code', 'custom logic denied', {}],
    ['an empty code', 'Message blocked by external logic', { code: '' }],
    ['a code', 'HX:10000', { code: 'HX:10000' }],
  ])('valid false with %s → not delivered, no post-send, the client sees "%s"', async (_n, error, fields) => {
    presendAnswer = invalid(fields);
    const result = await emu.sendAsClient(APP, textMessage(c));
    expect(result).toEqual({ delivered: false, msg_id: expect.any(String), error });
    await emu.callbacksSettled();
    expect(emu.messages({ app: APP })).toEqual([]);
    expect(history()).toEqual([]);
    expect(postsend.received).toEqual([]);
    expect(emu.beforeCallbacks()[0]).toMatchObject({ outcome: 'deny', callerCode: error });
  });

  it.each([
    ['no answer within the wait', { body: '{"valid":false}', delayMs: LATE_MS }],
    ['HTTP 500', { status: 500, body: '{"valid":false}' }],
    ['an answer that is not JSON', { body: '<html>' }],
    ['an answer without valid', { body: '{"code":"x"}' }],
    ['an answer over 1,000 characters', { body: JSON.stringify({ valid: false, code: 'x'.repeat(1000) }) }],
  ])('%s → the rule default "pass" delivers; "block" gives "custom internal error"', async (_n, reply) => {
    presendAnswer = reply;
    const started = Date.now();
    const passed = await emu.sendAsClient(APP, textMessage(c));
    expect(Date.now() - started).toBeLessThan(WAIT_MS + SLACK_MS + 100);
    expect(passed).toMatchObject({ delivered: true, modified: false });
    const blocked = await emu.sendAsClient('org1#blocking', textMessage(c));
    expect(blocked).toEqual({ delivered: false, msg_id: expect.any(String), error: 'custom internal error' });
    await emu.callbacksSettled();
    expect(emu.messages({ app: APP })).toHaveLength(1);
    expect(emu.messages({ app: 'org1#blocking' })).toEqual([]);
    expect(history('org1#blocking')).toEqual([]);
    expect(postsend.received).toHaveLength(1);
    const exchanges = emu.beforeCallbacks();
    expect(exchanges.map((e) => e.outcome)).toEqual(['failure-proceed', 'failure-block']);
    for (const e of exchanges) expect(e.durationMs).toBeLessThan(WAIT_MS + SLACK_MS);
  });
});

describe('pre-send answers', () => {
  const image: EasemobClientMessage = {
    from: 'user1',
    to: 'user2',
    chat_type: 'chat',
    body: { type: 'img', url: 'https://example.com/chatfiles/a', filename: 'test1.jpg', secret: 's' },
  };

  it('a slow rule costs the client the wait and no more: the answer time is recorded', async () => {
    presendAnswer = { body: '{"valid":true}', delayMs: LATE_MS };
    await emu.sendAsClient(APP, textMessage(CASES[0]!));
    const [exchange] = emu.beforeCallbacks();
    expect(exchange).toMatchObject({ status: null, answer: null, outcome: 'failure-proceed' });
    expect(exchange!.durationMs).toBeGreaterThanOrEqual(WAIT_MS - 5);
    expect(exchange!.durationMs).toBeLessThan(WAIT_MS + SLACK_MS);
  });

  it('a change to a non-text message is refused by default: delivered as sent', async () => {
    presendAnswer = valid({ payload: { url: 'https://example.com/chatfiles/other' } });
    const result = await emu.sendAsClient(APP, image);
    expect(result).toMatchObject({ delivered: true, modified: false });
    expect(emu.messages({ app: APP })[0]?.body).toMatchObject({ url: 'https://example.com/chatfiles/a' });
    expect(emu.beforeCallbacks()[0]?.outcome).toBe('modify-refused');
  });

  it('with other types enabled the change applies; cmd messages are never changed', async () => {
    presendAnswer = valid({
      payload: { type: 'img', url: 'https://example.com/chatfiles/other', filename: 'test1.jpg' },
    });
    expect(await emu.sendAsClient('org1#alltypes', image)).toMatchObject({ modified: true });
    expect(emu.messages({ app: 'org1#alltypes' })[0]?.body).toMatchObject({
      url: 'https://example.com/chatfiles/other',
      filename: 'test1.jpg',
    });
    presendAnswer = valid({ payload: { action: 'other' } });
    const cmd = { ...image, body: { type: 'cmd', action: 'typing' } };
    expect(await emu.sendAsClient('org1#alltypes', cmd)).toMatchObject({ modified: false });
    expect(emu.beforeCallbacks().map((e) => e.outcome)).toEqual(['modify', 'modify-refused']);
  });

  it('an empty payload (the vendor example) changes nothing; a payload is the whole message, ext included', async () => {
    presendAnswer = valid({ code: 'HX:10000', chatroom_msg_level: 'high', payload: {} });
    expect(await emu.sendAsClient(APP, textMessage(CASES[0]!))).toMatchObject({ modified: false });
    presendAnswer = valid({ payload: { type: 'txt', msg: 'welcome to easemob!' } });
    expect(await emu.sendAsClient(APP, textMessage(CASES[0]!))).toMatchObject({ modified: true });
    expect(emu.messages({ app: APP }).map((m) => m.ext)).toEqual([{ level: 'gold' }, undefined]);
  });

  it.each([
    ['a text that is not a string', { msg: 42 }],
    ['ext alone (no content)', { ext: { level: 'silver' } }],
  ])('a payload that is not a whole, valid message (%s) counts as a failed answer', async (_n, payload) => {
    presendAnswer = valid({ payload });
    expect(await emu.sendAsClient('org1#blocking', textMessage(CASES[0]!))).toMatchObject({
      delivered: false,
      error: 'custom internal error',
    });
    expect(emu.beforeCallbacks()[0]?.outcome).toBe('failure-block');
  });
});

describe('where pre-send does not fire', () => {
  it('REST sends never call the pre-send rule', async () => {
    const token = await easemobToken(emu.url);
    const res = await post(
      `${emu.url}/org1/app1/messages/users`,
      { from: 'user1', to: ['user2'], type: 'txt', body: { msg: 'hi' } },
      { authorization: `Bearer ${token}` },
    );
    expect(res.status).toBe(200);
    await emu.callbacksSettled();
    expect(presend.received).toEqual([]);
    expect(postsend.received).toHaveLength(1);
  });

  it('an app without a pre-send rule delivers client messages at once', async () => {
    presendAnswer = invalid();
    expect(await emu.sendAsClient('org1#norule', textMessage(CASES[0]!))).toMatchObject({ delivered: true });
    await emu.callbacksSettled();
    expect(presend.received).toEqual([]);
    expect(postsend.received).toHaveLength(1);
  });
});

describe('POST /_emulator/apps/:org/:app/client-messages', () => {
  const route = (app = 'app1') => `${emu.url}/_emulator/apps/org1/${app}/client-messages`;

  it('answers what the client sees: delivered with msg_id, or the error', async () => {
    const ok = await post(route(), textMessage(CASES[0]!));
    expect(ok).toMatchObject({ status: 200, json: { delivered: true, msg_id: expect.any(String) } });
    presendAnswer = invalid({ code: 'HX:1' });
    const denied = await post(route(), textMessage(CASES[0]!));
    expect(denied).toMatchObject({ status: 200, json: { delivered: false, error: 'HX:1' } });
    const exchanges = await fetch(`${emu.url}/_emulator/before-callbacks`).then((r) => r.json());
    expect(exchanges).toMatchObject({ exchanges: [{ outcome: 'allow' }, { outcome: 'deny' }] });
  });

  it.each([
    ['a missing from', { ...textMessage(CASES[0]!), from: '' }, 'from'],
    ['an unknown chat_type', { ...textMessage(CASES[0]!), chat_type: 'recall' }, 'chat_type'],
    ['a body without type', { ...textMessage(CASES[0]!), body: { msg: 'x' } }, 'type'],
    ['an invalid ext', { ...textMessage(CASES[0]!), ext: [] }, 'ext'],
  ])('refuses %s with 400 naming it', async (_n, body, word) => {
    const res = await post(route(), body);
    expect(res.status).toBe(400);
    expect(res.json['error']).toBe('invalid_client_message');
    expect(res.json['error_description']).toContain(word);
    expect(presend.received).toEqual([]);
  });

  it('404 for an unknown app', async () => {
    expect((await post(route('nope'), textMessage(CASES[0]!))).status).toBe(404);
  });
});
