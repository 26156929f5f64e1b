import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { TENCENT_BEFORE_COMMANDS, startTencentEmulator, type TencentEmulator } from '../src/index.js';
import { post, startReceiver, TENCENT_APP, tencentQuery, text, type Receiver } from './helpers.js';

// Short waits keep the timeout cases fast; the vendor's fixed 2 s is the default (see the README).
const WAIT_MS = 300;
// An answer that comes later than the wait: the emulator must have decided before it arrives.
const LATE_MS = WAIT_MS + 400;
// Slack for the event loop and a busy machine: a decision is "on time" within the wait plus this.
const SLACK_MS = 150;

const BLOCKING_APP = { sdkAppId: 1400000002, secretKey: 'tencent-blocking-secret' };
const AFTER_ONLY_APP = { sdkAppId: 1400000003, secretKey: 'tencent-after-only-secret' };

type Answer = { status?: number; body: string; delayMs?: number } | null;
const OK = '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}';

let emu: TencentEmulator;
let receiver: Receiver;
/** What the app server answers to before-callbacks in the current test. */
let beforeAnswer: Answer = { body: OK };

const command = (url: string) => new URL(url, 'http://x').searchParams.get('CallbackCommand') ?? '';
const call = (path: string, body: unknown, app = TENCENT_APP) =>
  post(`${emu.url}/v4/${path}?${tencentQuery({}, app)}`, body).then((r) => r.json);
const answer = (fields: Record<string, unknown>) =>
  JSON.stringify({ ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0, ...fields });
const beforeRequests = () => receiver.received.filter((r) => command(r.url).includes('Before'));
const afterRequests = () => receiver.received.filter((r) => command(r.url).includes('After'));

beforeAll(async () => {
  receiver = await startReceiver();
  receiver.respond = (r) => (command(r.url).includes('Before') ? beforeAnswer : { body: OK });
  const before = { callbackUrl: receiver.url, beforeCallbacks: [...TENCENT_BEFORE_COMMANDS] };
  emu = await startTencentEmulator({
    apps: [
      { ...TENCENT_APP, ...before },
      { ...BLOCKING_APP, ...before, beforeCallbackFailure: 'block' },
      { ...AFTER_ONLY_APP, callbackUrl: receiver.url },
    ],
    rateLimits: false,
    beforeCallbackTimeoutMs: WAIT_MS,
  });
});
afterEach(async () => {
  await emu.callbacksSettled();
  emu.reset();
  receiver.received.length = 0;
  beforeAnswer = { body: OK };
});
afterAll(async () => {
  await emu.close();
  await receiver.close();
});

interface SendCase {
  command: string;
  after: string;
  path: string;
  route: string;
  body: () => Record<string, unknown>;
  /** The documented fields of the before-callback request for `body()`. */
  request: Record<string, unknown>;
  denyCode: number;
  customCode: number;
  /** Message bodies in the conversation's stored history (what history reads and exports show). */
  history: (app?: number) => unknown[];
}

const GROUP = '@TGS#2J4SZEAEL';
const SENDS: SendCase[] = [
  {
    command: 'C2C.CallbackBeforeSendMsg',
    after: 'C2C.CallbackAfterSendMsg',
    path: 'openim/sendmsg',
    route: '/v4/openim/sendmsg',
    body: () => ({
      From_Account: 'jared',
      To_Account: 'Jonh',
      MsgSeq: 48374,
      MsgRandom: 2837546,
      MsgBody: text('red packet'),
      CloudCustomData: 'your cloud custom data',
    }),
    request: {
      CallbackCommand: 'C2C.CallbackBeforeSendMsg',
      From_Account: 'jared',
      To_Account: 'Jonh',
      MsgSeq: 48374,
      MsgRandom: 2837546,
      OnlineOnlyFlag: 0,
      MsgBody: text('red packet'),
      CloudCustomData: 'your cloud custom data',
    },
    denyCode: 20006,
    customCode: 120_500,
    history: (app = TENCENT_APP.sdkAppId) => (emu.inspect(app).c2c['Jonh|jared'] ?? []).map((m) => m.MsgBody),
  },
  {
    command: 'Group.CallbackBeforeSendMsg',
    after: 'Group.CallbackAfterSendMsg',
    path: 'group_open_http_svc/send_group_msg',
    route: '/v4/group_open_http_svc/send_group_msg',
    body: () => ({
      GroupId: GROUP,
      From_Account: 'jared',
      Random: 123456,
      MsgBody: text('red packet'),
      CloudCustomData: 'your cloud custom data',
    }),
    request: {
      CallbackCommand: 'Group.CallbackBeforeSendMsg',
      GroupId: GROUP,
      Type: 'Public',
      From_Account: 'jared',
      Operator_Account: 'administrator',
      Random: 123456,
      OnlineOnlyFlag: 0,
      MsgBody: text('red packet'),
      CloudCustomData: 'your cloud custom data',
    },
    denyCode: 10016,
    customCode: 10_150,
    history: (app = TENCENT_APP.sdkAppId) =>
      (emu.inspect(app).groups[GROUP]?.history ?? []).map((m) => m.MsgBody),
  },
];

describe.each(SENDS)('$command', (c) => {
  const stored = () => emu.messages({ route: c.route });

  it('posts the documented request and, allowed, delivers the message unchanged', async () => {
    const result = await call(c.path, c.body());
    expect(result).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    await emu.callbacksSettled();
    const [before] = beforeRequests();
    expect(before?.json).toMatchObject(c.request);
    if (c.command.startsWith('C2C')) {
      expect(before?.json).toMatchObject({ MsgKey: result['MsgKey'], MsgTime: result['MsgTime'] });
    } else {
      expect(before?.json).not.toHaveProperty('MsgSeq');
      expect(typeof before?.json['EventTime']).toBe('number');
    }
    expect(stored().map((m) => m.body)).toEqual([text('red packet')]);
    expect(c.history()).toEqual([text('red packet')]);
    expect(afterRequests().map((r) => r.json['MsgBody'])).toEqual([text('red packet')]);
    expect(emu.beforeCallbacks().map((e) => [e.kind, e.outcome])).toEqual([[c.command, 'allow']]);
  });

  it('modified (ErrorCode 0 with MsgBody and CloudCustomData) delivers, stores and calls back the change', async () => {
    beforeAnswer = { body: answer({ MsgBody: text('[masked]'), CloudCustomData: 'cleaned' }) };
    const result = await call(c.path, c.body());
    expect(result).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    await emu.callbacksSettled();
    expect(stored().map((m) => [m.body, m.ext])).toEqual([[text('[masked]'), 'cleaned']]);
    expect(c.history()).toEqual([text('[masked]')]);
    expect(afterRequests().map((r) => [r.json['MsgBody'], r.json['CloudCustomData']])).toEqual([
      [text('[masked]'), 'cleaned'],
    ]);
    expect(emu.beforeCallbacks()[0]?.outcome).toBe('modify');
  });

  it('a modified MsgBody alone keeps the sender’s CloudCustomData', async () => {
    beforeAnswer = { body: answer({ MsgBody: text('[masked]') }) };
    await call(c.path, c.body());
    expect(stored().map((m) => [m.body, m.ext])).toEqual([[text('[masked]'), 'your cloud custom data']]);
  });

  it(`refused (ErrorCode 1): not delivered, no after-callback, the caller gets ${c.denyCode}`, async () => {
    beforeAnswer = { body: answer({ ErrorCode: 1, ErrorInfo: 'no red packets here' }) };
    const result = await call(c.path, c.body());
    expect(result).toEqual({ ActionStatus: 'FAIL', ErrorInfo: 'no red packets here', ErrorCode: c.denyCode });
    await emu.callbacksSettled();
    expect(stored()).toEqual([]);
    expect(c.history()).toEqual([]);
    expect(afterRequests()).toEqual([]);
    expect(emu.beforeCallbacks()[0]).toMatchObject({ outcome: 'deny', callerCode: c.denyCode });
  });

  it(`an app code (${c.customCode}) blocks and reaches the caller with its ErrorInfo`, async () => {
    beforeAnswer = { body: answer({ ErrorCode: c.customCode, ErrorInfo: 'custom verdict' }) };
    const result = await call(c.path, c.body());
    expect(result).toEqual({ ActionStatus: 'FAIL', ErrorInfo: 'custom verdict', ErrorCode: c.customCode });
    await emu.callbacksSettled();
    expect(stored()).toEqual([]);
    expect(afterRequests()).toEqual([]);
  });

  it('ErrorCode 2 drops it silently: the caller is told success, nothing is stored or called back', async () => {
    beforeAnswer = { body: answer({ ErrorCode: 2 }) };
    const result = await call(c.path, c.body());
    expect(result).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    await emu.callbacksSettled();
    expect(stored()).toEqual([]);
    expect(c.history()).toEqual([]);
    expect(afterRequests()).toEqual([]);
    expect(emu.beforeCallbacks()[0]?.outcome).toBe('drop');
  });

  it.each([
    ['no answer within the wait', { body: OK, delayMs: LATE_MS }],
    ['an answer that is not JSON', { body: '<html>bad gateway</html>' }],
    ['HTTP 500', { status: 500, body: OK }],
    ['a JSON answer without ErrorCode', { body: '{"ActionStatus":"OK"}' }],
    ['an ErrorCode the command does not define', { body: answer({ ErrorCode: 7 }) }],
    ['a modified MsgBody that is not a message', { body: answer({ MsgBody: 'not an array' }) }],
  ])('%s → the default failure policy delivers the message as sent', async (_name, reply) => {
    beforeAnswer = reply;
    const started = Date.now();
    const result = await call(c.path, c.body());
    expect(Date.now() - started).toBeLessThan(WAIT_MS + SLACK_MS + 200);
    expect(result).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    await emu.callbacksSettled();
    expect(stored().map((m) => m.body)).toEqual([text('red packet')]);
    expect(afterRequests()).toHaveLength(1);
    const [exchange] = emu.beforeCallbacks();
    expect(exchange?.outcome).toBe('failure-proceed');
    expect(exchange?.durationMs).toBeLessThan(WAIT_MS + SLACK_MS);
  });

  it('times out at the wait: the vendor decides no later than the wait, whatever the app server does', async () => {
    beforeAnswer = { body: OK, delayMs: LATE_MS };
    await call(c.path, c.body());
    const [exchange] = emu.beforeCallbacks();
    expect(exchange).toMatchObject({ status: null, answer: null });
    expect(exchange?.durationMs).toBeGreaterThanOrEqual(WAIT_MS - 5);
    expect(exchange?.durationMs).toBeLessThan(WAIT_MS + SLACK_MS);
  });

  it.each([
    ['no answer within the wait', { body: OK, delayMs: LATE_MS }],
    ['an answer that is not JSON', { body: 'garbage' }],
    ['a modified MsgBody that is not a message', { body: answer({ MsgBody: 'not an array' }) }],
  ])('%s with the "do not deliver" policy → 80003, not delivered', async (_name, reply) => {
    beforeAnswer = reply;
    const result = await call(c.path, c.body(), BLOCKING_APP);
    expect(result).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 80003 });
    await emu.callbacksSettled();
    expect(stored()).toEqual([]);
    expect(c.history(BLOCKING_APP.sdkAppId)).toEqual([]);
    expect(afterRequests()).toEqual([]);
    expect(emu.beforeCallbacks()[0]).toMatchObject({ outcome: 'failure-block', callerCode: 80003 });
  });

  it('ForbidBeforeSendMsgCallback skips the before-callback; the after-callback still fires', async () => {
    beforeAnswer = { body: answer({ ErrorCode: 1 }) };
    const result = await call(c.path, {
      ...c.body(),
      ForbidCallbackControl: ['ForbidBeforeSendMsgCallback'],
    });
    expect(result).toMatchObject({ ActionStatus: 'OK' });
    await emu.callbacksSettled();
    expect(beforeRequests()).toEqual([]);
    expect(stored()).toHaveLength(1);
    expect(afterRequests()).toHaveLength(1);
  });

  it('is not called for an app that has not switched it on', async () => {
    beforeAnswer = { body: answer({ ErrorCode: 1 }) };
    const result = await call(c.path, c.body(), AFTER_ONLY_APP);
    expect(result).toMatchObject({ ActionStatus: 'OK' });
    await emu.callbacksSettled();
    expect(beforeRequests()).toEqual([]);
    expect(afterRequests().map((r) => command(r.url))).toEqual([c.after]);
  });
});

describe('batchsendmsg', () => {
  it('never triggers callbacks, before or after', async () => {
    beforeAnswer = { body: answer({ ErrorCode: 1 }) };
    const result = await call('openim/batchsendmsg', {
      From_Account: 'jared',
      To_Account: ['a', 'b'],
      MsgRandom: 1,
      MsgBody: text('hi'),
    });
    expect(result).toMatchObject({ ActionStatus: 'OK' });
    await emu.callbacksSettled();
    expect(receiver.received).toEqual([]);
    expect(emu.messages({ route: '/v4/openim/batchsendmsg' })).toHaveLength(2);
  });
});

describe('Group.CallbackBeforeCreateGroup', () => {
  const create = (app = TENCENT_APP) =>
    call(
      'group_open_http_svc/create_group',
      {
        Owner_Account: 'leckie',
        Type: 'Public',
        Name: 'MyFirstGroup',
        MemberList: [{ Member_Account: 'bob' }, { Member_Account: 'peter' }],
      },
      app,
    );

  it('posts the documented request and, allowed, creates the group', async () => {
    const result = await create();
    expect(result).toMatchObject({ ActionStatus: 'OK' });
    expect(emu.inspect(TENCENT_APP.sdkAppId).groups[result['GroupId']]).toBeDefined();
    expect(beforeRequests()[0]?.json).toMatchObject({
      CallbackCommand: 'Group.CallbackBeforeCreateGroup',
      Operator_Account: 'administrator',
      Owner_Account: 'leckie',
      Type: 'Public',
      Name: 'MyFirstGroup',
      CreateGroupNum: 0,
      MemberList: [{ Member_Account: 'bob' }, { Member_Account: 'peter' }],
    });
    await create();
    expect(beforeRequests()[1]?.json['CreateGroupNum']).toBe(1);
  });

  it.each([
    ['ErrorCode 1', 10016, answer({ ErrorCode: 1 })],
    ['an app code in 10100–10200', 10199, answer({ ErrorCode: 10199, ErrorInfo: 'too many groups' })],
  ])('%s refuses: no group, the caller gets %d', async (_name, code, body) => {
    beforeAnswer = { body };
    const result = await create();
    expect(result).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: code });
    expect(emu.inspect(TENCENT_APP.sdkAppId).groups).toEqual({});
  });

  it('no answer within the wait: created under "proceed", refused with 80003 under "do not deliver"', async () => {
    beforeAnswer = { body: OK, delayMs: LATE_MS };
    expect(await create()).toMatchObject({ ActionStatus: 'OK' });
    expect(await create(BLOCKING_APP)).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 80003 });
    expect(Object.keys(emu.inspect(BLOCKING_APP.sdkAppId).groups)).toEqual([]);
    for (const exchange of emu.beforeCallbacks())
      expect(exchange.durationMs).toBeLessThan(WAIT_MS + SLACK_MS);
  });
});

describe('Group.CallbackBeforeInviteJoinGroup', () => {
  const GID = '@TGS#INVITE';
  const members = () =>
    (emu.inspect(TENCENT_APP.sdkAppId).groups[GID]?.MemberList ?? []).map((m) => m.Member_Account).sort();
  const add = (ids: string[]) =>
    call('group_open_http_svc/add_group_member', {
      GroupId: GID,
      MemberList: ids.map((id) => ({ Member_Account: id })),
    });

  it('asks about those who would join and honours RefusedMembers_Account for only those', async () => {
    await add(['alice']);
    receiver.received.length = 0;
    beforeAnswer = { body: answer({ RefusedMembers_Account: ['bob'] }) };
    const result = await add(['alice', 'bob', 'peter']);
    expect(result['MemberList']).toEqual([
      { Member_Account: 'alice', Result: 2 },
      { Member_Account: 'bob', Result: 0 },
      { Member_Account: 'peter', Result: 1 },
    ]);
    expect(members()).toEqual(['alice', 'peter']);
    expect(beforeRequests()[0]?.json).toMatchObject({
      CallbackCommand: 'Group.CallbackBeforeInviteJoinGroup',
      GroupId: GID,
      Type: 'Public',
      Operator_Account: 'administrator',
      DestinationMembers: [{ Member_Account: 'bob' }, { Member_Account: 'peter' }],
    });
    expect(emu.beforeCallbacks().at(-1)?.outcome).toBe('partial');
  });

  it.each([
    ['ErrorCode 1', 10016, answer({ ErrorCode: 1 })],
    ['an app code in 10100–10200', 10100, answer({ ErrorCode: 10100 })],
  ])('%s refuses everyone: the caller gets %d', async (_name, code, body) => {
    beforeAnswer = { body };
    expect(await add(['bob', 'peter'])).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: code });
    expect(members()).toEqual([]);
  });

  it('is not asked when nobody would join', async () => {
    await add(['alice']);
    receiver.received.length = 0;
    expect(await add(['alice'])).toMatchObject({ MemberList: [{ Member_Account: 'alice', Result: 2 }] });
    expect(beforeRequests()).toEqual([]);
  });

  it('garbage answer → default policy adds everyone', async () => {
    beforeAnswer = { body: 'nope' };
    expect(await add(['bob'])).toMatchObject({ MemberList: [{ Member_Account: 'bob', Result: 1 }] });
    expect(emu.beforeCallbacks()[0]?.outcome).toBe('failure-proceed');
  });
});

describe('the exchange record', () => {
  it('is readable over HTTP and forgotten on reset', async () => {
    await call('openim/sendmsg', SENDS[0]!.body());
    const res = await fetch(`${emu.url}/_emulator/before-callbacks`).then((r) => r.json());
    expect(res).toMatchObject({
      exchanges: [{ vendor: 'tencent', kind: 'C2C.CallbackBeforeSendMsg', status: 200 }],
    });
    emu.reset();
    expect(emu.beforeCallbacks()).toEqual([]);
  });
});
