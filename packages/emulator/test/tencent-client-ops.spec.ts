import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  startTencentEmulator,
  TENCENT_BEFORE_COMMANDS,
  TENCENT_CLIENT_OPERATIONS,
  type TencentClientOperation,
  type TencentEmulator,
} from '../src/index.js';
import { post, startReceiver, TENCENT_APP, type Receiver } from './helpers.js';

// The client-only before-callbacks (tencent.md §1.5, §2), driven through the control routes that stand for
// a client SDK's operation. Each command: the documented request, allowed → the thing exists, refused → it
// does not and the client gets the vendor's error, no answer in time → the failure policy.

const WAIT_MS = 300;
const LATE_MS = WAIT_MS + 400;
const SLACK_MS = 150;

const BLOCKING_APP = { sdkAppId: 1400000002, secretKey: 'tencent-blocking-secret' };
const AFTER_ONLY_APP = { sdkAppId: 1400000003, secretKey: 'tencent-after-only-secret' };
const COMMUNITY = '@TGS#_@TGS#cQVLVHIM62CJ';
const PUBLIC_GROUP = '@TGS#2J4SZEAEL';

type Answer = { status?: number; body: string; delayMs?: number } | null;
const OK = '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}';
const answer = (fields: Record<string, unknown>) =>
  JSON.stringify({ ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0, ...fields });

let emu: TencentEmulator;
let receiver: Receiver;
let beforeAnswer: Answer = { body: OK };

const commandOf = (url: string) => new URL(url, 'http://x').searchParams.get('CallbackCommand') ?? '';

beforeAll(async () => {
  receiver = await startReceiver();
  receiver.respond = (r) =>
    commandOf(r.url).includes('Before') || commandOf(r.url).includes('Prev') ? beforeAnswer : { body: OK };
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
beforeEach(() => {
  for (const app of [TENCENT_APP, BLOCKING_APP, AFTER_ONLY_APP])
    emu.seed(app.sdkAppId, {
      Accounts: ['alice', 'bob', 'carol'],
      Groups: [
        { GroupId: COMMUNITY, Type: 'Community', Name: 'town', CreateTime: 1_700_000_000, MemberList: [] },
        {
          GroupId: PUBLIC_GROUP,
          Type: 'Public',
          Name: 'club',
          CreateTime: 1_700_000_000,
          ApplyJoinOption: 'NeedPermission',
          MemberList: [],
        },
      ],
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

interface ClientCase {
  command: string;
  operation: TencentClientOperation;
  body: Record<string, unknown>;
  /** The documented fields of the before-callback request for `body`. */
  request: Record<string, unknown>;
  /** What the operation made, read from the emulator's state. */
  made: (app?: number) => unknown[];
  /** The app server's refusal, and what the client then sees. */
  deny: string;
  refused: Record<string, unknown>;
}

const CASES: ClientCase[] = [
  {
    command: 'Sns.CallbackPrevFriendAdd',
    operation: 'friend-add',
    body: {
      From_Account: 'alice',
      AddFriendItem: [
        { To_Account: 'bob', AddSource: 'AddSource_Type_Android', AddWording: 'hi' },
        { To_Account: 'carol', AddSource: 'AddSource_Type_Android' },
      ],
    },
    request: {
      CallbackCommand: 'Sns.CallbackPrevFriendAdd',
      Requester_Account: 'alice',
      From_Account: 'alice',
      FriendItem: [
        { To_Account: 'bob', AddSource: 'AddSource_Type_Android', AddWording: 'hi' },
        { To_Account: 'carol', AddSource: 'AddSource_Type_Android' },
      ],
      AddType: 'Add_Type_Both',
    },
    made: (app = TENCENT_APP.sdkAppId) =>
      Object.entries(emu.inspect(app).friends).flatMap(([owner, list]) =>
        list.map((f) => `${owner}→${f.To_Account}`),
      ),
    // A top-level ErrorCode refuses nothing here: each pair is refused through ResultItem.
    deny: answer({
      ResultItem: [
        { To_Account: 'bob', ResultCode: 38000, ResultInfo: 'no' },
        { To_Account: 'carol', ResultCode: 38001, ResultInfo: 'no' },
      ],
    }),
    refused: {
      ActionStatus: 'OK',
      ErrorCode: 0,
      ResultItem: [
        { To_Account: 'bob', ResultCode: 38000, ResultInfo: 'no' },
        { To_Account: 'carol', ResultCode: 38001, ResultInfo: 'no' },
      ],
      Fail_Account: ['bob', 'carol'],
    },
  },
  {
    command: 'Sns.CallbackPrevFriendResponse',
    operation: 'friend-response',
    body: {
      From_Account: 'bob',
      ResponseFriendItem: [
        { To_Account: 'alice', ResponseAction: 'Response_Action_AgreeAndAdd' },
        { To_Account: 'carol', ResponseAction: 'Response_Action_Agree' },
      ],
    },
    request: {
      CallbackCommand: 'Sns.CallbackPrevFriendResponse',
      Requester_Account: 'bob',
      From_Account: 'bob',
      ResponseFriendItem: [
        { To_Account: 'alice', ResponseAction: 'Response_Action_AgreeAndAdd' },
        { To_Account: 'carol', ResponseAction: 'Response_Action_Agree' },
      ],
    },
    made: (app = TENCENT_APP.sdkAppId) =>
      Object.entries(emu.inspect(app).friends).flatMap(([owner, list]) =>
        list.map((f) => `${owner}→${f.To_Account}`),
      ),
    deny: answer({
      ResultItem: [
        { To_Account: 'alice', ResultCode: 38000, ResultInfo: 'no' },
        { To_Account: 'carol', ResultCode: 38002, ResultInfo: 'not her' },
      ],
    }),
    refused: {
      ActionStatus: 'OK',
      ErrorCode: 0,
      ResultItem: [
        { To_Account: 'alice', ResultCode: 38000, ResultInfo: 'no' },
        { To_Account: 'carol', ResultCode: 38002, ResultInfo: 'not her' },
      ],
      Fail_Account: ['alice', 'carol'],
    },
  },
  {
    command: 'Group.CallbackBeforeApplyJoinGroup',
    operation: 'apply-join-group',
    body: { GroupId: PUBLIC_GROUP, Requestor_Account: 'carol', ApplyMsg: 'let me in' },
    request: {
      CallbackCommand: 'Group.CallbackBeforeApplyJoinGroup',
      GroupId: PUBLIC_GROUP,
      Type: 'Public',
      Requestor_Account: 'carol',
      ApplyMsg: 'let me in',
    },
    made: (app = TENCENT_APP.sdkAppId) =>
      (emu.inspect(app).groups[PUBLIC_GROUP]?.Applications ?? []).map((a) => a.Requestor_Account),
    deny: answer({ ErrorCode: 10150, ErrorInfo: 'members only' }),
    refused: { ActionStatus: 'FAIL', ErrorCode: 10150, ErrorInfo: 'members only' },
  },
  {
    command: 'Group.CallbackBeforeCreateTopic',
    operation: 'create-topic',
    body: { GroupId: COMMUNITY, Operator_Account: 'alice', TopicName: 'news' },
    request: {
      CallbackCommand: 'Group.CallbackBeforeCreateTopic',
      GroupId: COMMUNITY,
      Type: 'Community',
      Operator_Account: 'alice',
      TopicName: 'news',
    },
    made: (app = TENCENT_APP.sdkAppId) =>
      (emu.inspect(app).groups[COMMUNITY]?.Topics ?? []).map((t) => t.TopicName),
    deny: answer({ ErrorCode: 1, ErrorInfo: 'no topics today' }),
    refused: { ActionStatus: 'FAIL', ErrorCode: 10016, ErrorInfo: 'no topics today' },
  },
  {
    command: 'OfficialAccount.CallbackBeforeCreateOfficialAccount',
    operation: 'create-official-account',
    body: { Owner_Account: 'alice', Name: 'news' },
    request: {
      CallbackCommand: 'OfficialAccount.CallbackBeforeCreateOfficialAccount',
      Operator_Account: 'alice',
      Owner_Account: 'alice',
      Name: 'news',
    },
    made: (app = TENCENT_APP.sdkAppId) => emu.inspect(app).officialAccounts.map((a) => a.Name),
    deny: answer({ ErrorCode: 1 }),
    refused: { ActionStatus: 'FAIL', ErrorCode: 20006 },
  },
];

it('covers every client operation', () => {
  expect(CASES.map((c) => c.operation).sort()).toEqual([...TENCENT_CLIENT_OPERATIONS].sort());
});

describe.each(CASES)('$command ($operation)', (c) => {
  const perform = (app = TENCENT_APP.sdkAppId) => emu.asClient(app, c.operation, c.body);
  const beforeRequests = () => receiver.received.filter((r) => commandOf(r.url) === c.command);

  it('posts the documented request, signed and from a client platform, and allowed, performs it', async () => {
    const result = await perform();
    expect(result).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    expect(c.made()).not.toEqual([]);
    const [request] = beforeRequests();
    expect(request?.json).toMatchObject(c.request);
    expect(typeof request?.json['EventTime']).toBe('number');
    const query = new URL(request!.url, 'http://x').searchParams;
    expect(query.get('SdkAppid')).toBe(String(TENCENT_APP.sdkAppId));
    expect(query.get('OptPlatform')).not.toBe('RESTAPI');
    expect(emu.beforeCallbacks().map((e) => [e.kind, e.outcome])).toEqual([[c.command, 'allow']]);
  });

  it('refused: nothing is made and the client gets the vendor’s refusal', async () => {
    beforeAnswer = { body: c.deny };
    const result = await perform();
    expect(result).toMatchObject(c.refused);
    expect(c.made()).toEqual([]);
    expect(emu.beforeCallbacks()[0]).toMatchObject({ kind: c.command, outcome: 'deny' });
  });

  it('no answer within the wait: performed under "proceed", refused with 80003 under "do not deliver"', async () => {
    beforeAnswer = { body: OK, delayMs: LATE_MS };
    expect(await perform()).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    expect(c.made()).not.toEqual([]);
    expect(await perform(BLOCKING_APP.sdkAppId)).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 80003 });
    expect(c.made(BLOCKING_APP.sdkAppId)).toEqual([]);
    const outcomes = emu.beforeCallbacks().map((e) => e.outcome);
    expect(outcomes).toEqual(['failure-proceed', 'failure-block']);
    for (const exchange of emu.beforeCallbacks()) {
      expect(exchange.status).toBeNull();
      expect(exchange.durationMs).toBeLessThan(WAIT_MS + SLACK_MS);
    }
  });

  it('is not called for an app that has not switched it on: performed at once', async () => {
    beforeAnswer = { body: c.deny };
    expect(await perform(AFTER_ONLY_APP.sdkAppId)).toMatchObject({ ActionStatus: 'OK' });
    expect(c.made(AFTER_ONLY_APP.sdkAppId)).not.toEqual([]);
    expect(beforeRequests()).toEqual([]);
  });

  it('is the same over the control route', async () => {
    beforeAnswer = { body: c.deny };
    const res = await post(
      `${emu.url}/_emulator/tencent/${TENCENT_APP.sdkAppId}/client/${c.operation}`,
      c.body,
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject(c.refused);
    expect(c.made()).toEqual([]);
  });
});

describe('Sns.CallbackPrevFriendAdd', () => {
  const add = (fields: Record<string, unknown> = {}) =>
    emu.asClient(TENCENT_APP.sdkAppId, 'friend-add', { ...CASES[0]!.body, ...fields });
  const friends = () =>
    Object.entries(emu.inspect(TENCENT_APP.sdkAppId).friends).flatMap(([owner, list]) =>
      list.map((f) => `${owner}→${f.To_Account}`),
    );

  it('refuses only the pairs the answer refuses; the rest become friends both ways', async () => {
    beforeAnswer = {
      body: answer({ ResultItem: [{ To_Account: 'bob', ResultCode: 38000, ResultInfo: 'no' }] }),
    };
    const result = await add();
    expect(result['ResultItem']).toEqual([
      { To_Account: 'bob', ResultCode: 38000, ResultInfo: 'no' },
      { To_Account: 'carol', ResultCode: 0, ResultInfo: '' },
    ]);
    expect(friends().sort()).toEqual(['alice→carol', 'carol→alice']);
    expect(emu.beforeCallbacks()[0]?.outcome).toBe('partial');
  });

  it('a pair that cannot be made (oneself) answers 30003 and is not asked about', async () => {
    const result = await add({
      AddFriendItem: [
        { To_Account: 'alice', AddSource: 'AddSource_Type_Android' },
        { To_Account: 'bob', AddSource: 'AddSource_Type_Android' },
      ],
    });
    expect(result['ResultItem']).toEqual([
      { To_Account: 'alice', ResultCode: 30003, ResultInfo: 'user does not exist' },
      { To_Account: 'bob', ResultCode: 0, ResultInfo: '' },
    ]);
    expect(receiver.received.map((r) => r.json['FriendItem'])).toEqual([
      [{ To_Account: 'bob', AddSource: 'AddSource_Type_Android' }],
    ]);
  });

  it('Add_Type_Single makes a one-way friendship', async () => {
    await add({ AddType: 'Add_Type_Single' });
    expect(friends().sort()).toEqual(['alice→bob', 'alice→carol']);
  });

  it('a non-zero top-level ErrorCode is the app failing: the request goes through (§1.5)', async () => {
    beforeAnswer = { body: answer({ ErrorCode: 1 }) };
    expect(await add()).toMatchObject({ Fail_Account: [] });
    expect(friends()).toHaveLength(4);
    expect(emu.beforeCallbacks()[0]?.outcome).toBe('failure-proceed');
  });
});

describe('Sns.CallbackPrevFriendResponse', () => {
  const respond = (items: { To_Account: string; ResponseAction: string }[]) =>
    emu.asClient(TENCENT_APP.sdkAppId, 'friend-response', { From_Account: 'bob', ResponseFriendItem: items });
  const friends = () =>
    Object.entries(emu.inspect(TENCENT_APP.sdkAppId).friends)
      .flatMap(([owner, list]) => list.map((f) => `${owner}→${f.To_Account}`))
      .sort();

  it('Agree lets the requester add the client; AgreeAndAdd adds back as well', async () => {
    await respond([
      { To_Account: 'alice', ResponseAction: 'Response_Action_Agree' },
      { To_Account: 'carol', ResponseAction: 'Response_Action_AgreeAndAdd' },
    ]);
    expect(friends()).toEqual(['alice→bob', 'bob→carol', 'carol→bob']);
  });

  it('refuses only the pairs the answer refuses; the rest become friends', async () => {
    beforeAnswer = {
      body: answer({ ResultItem: [{ To_Account: 'alice', ResultCode: 38000, ResultInfo: 'no' }] }),
    };
    const result = await respond([
      { To_Account: 'alice', ResponseAction: 'Response_Action_AgreeAndAdd' },
      { To_Account: 'carol', ResponseAction: 'Response_Action_AgreeAndAdd' },
    ]);
    expect(result).toMatchObject({
      ResultItem: [
        { To_Account: 'alice', ResultCode: 38000, ResultInfo: 'no' },
        { To_Account: 'carol', ResultCode: 0, ResultInfo: '' },
      ],
      Fail_Account: ['alice'],
    });
    expect(friends()).toEqual(['bob→carol', 'carol→bob']);
    expect(emu.beforeCallbacks()[0]?.outcome).toBe('partial');
  });

  it('answering oneself answers 30003 and is not asked about', async () => {
    const result = await respond([
      { To_Account: 'bob', ResponseAction: 'Response_Action_Agree' },
      { To_Account: 'alice', ResponseAction: 'Response_Action_Agree' },
    ]);
    expect(result['ResultItem']).toEqual([
      { To_Account: 'bob', ResultCode: 30003, ResultInfo: 'user does not exist' },
      { To_Account: 'alice', ResultCode: 0, ResultInfo: '' },
    ]);
    expect(receiver.received.map((r) => r.json['ResponseFriendItem'])).toEqual([
      [{ To_Account: 'alice', ResponseAction: 'Response_Action_Agree' }],
    ]);
  });

  it('a non-zero top-level ErrorCode is the app failing: the answer goes through (§1.5)', async () => {
    beforeAnswer = { body: answer({ ErrorCode: 1 }) };
    expect(
      await respond([{ To_Account: 'alice', ResponseAction: 'Response_Action_AgreeAndAdd' }]),
    ).toMatchObject({ Fail_Account: [] });
    expect(friends()).toEqual(['alice→bob', 'bob→alice']);
    expect(emu.beforeCallbacks()[0]?.outcome).toBe('failure-proceed');
  });
});

describe('Group.CallbackBeforeApplyJoinGroup', () => {
  const apply = (groupId: string, requestor = 'carol') =>
    emu.asClient(TENCENT_APP.sdkAppId, 'apply-join-group', {
      GroupId: groupId,
      Requestor_Account: requestor,
    });
  const group = (id: string) => emu.inspect(TENCENT_APP.sdkAppId).groups[id]!;

  it('allowed, a group that needs permission keeps the application for an admin', async () => {
    expect(await apply(PUBLIC_GROUP)).toMatchObject({ JoinStatus: 'WaitAdminApproval' });
    expect(group(PUBLIC_GROUP).MemberList).toEqual([]);
    expect(group(PUBLIC_GROUP).Applications).toMatchObject([{ Requestor_Account: 'carol' }]);
  });

  it('allowed, a FreeAccess group takes the member at once', async () => {
    emu.seed(TENCENT_APP.sdkAppId, {
      Accounts: [],
      Groups: [
        {
          GroupId: '@TGS#FREE',
          Type: 'Public',
          Name: 'open',
          CreateTime: 1,
          ApplyJoinOption: 'FreeAccess',
          MemberList: [],
        },
      ],
    });
    expect(await apply('@TGS#FREE')).toMatchObject({ JoinStatus: 'JoinedSuccess' });
    expect(group('@TGS#FREE').MemberList.map((m) => m.Member_Account)).toEqual(['carol']);
  });

  it('ErrorCode 1 refuses with 10016', async () => {
    beforeAnswer = { body: answer({ ErrorCode: 1 }) };
    expect(await apply(PUBLIC_GROUP)).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 10016 });
    expect(group(PUBLIC_GROUP).Applications).toEqual([]);
  });

  it('a group that takes no applications refuses with 10007 before any callback', async () => {
    emu.seed(TENCENT_APP.sdkAppId, {
      Accounts: [],
      Groups: [
        {
          GroupId: '@TGS#SHUT',
          Type: 'Public',
          Name: 'shut',
          CreateTime: 1,
          ApplyJoinOption: 'DisableApply',
          MemberList: [],
        },
      ],
    });
    expect(await apply('@TGS#SHUT')).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 10007 });
    expect(receiver.received).toEqual([]);
  });
});

describe('Group.CallbackBeforeCreateTopic', () => {
  it('topics exist only in Community groups: elsewhere 10007, no callback', async () => {
    const result = await emu.asClient(TENCENT_APP.sdkAppId, 'create-topic', {
      GroupId: PUBLIC_GROUP,
      Operator_Account: 'alice',
      TopicName: 'news',
    });
    expect(result).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 10007 });
    expect(receiver.received).toEqual([]);
  });

  it('answers the TopicId it stored', async () => {
    const result = await emu.asClient(
      TENCENT_APP.sdkAppId,
      'create-topic',
      CASES.find((c) => c.operation === 'create-topic')!.body,
    );
    expect(emu.inspect(TENCENT_APP.sdkAppId).groups[COMMUNITY]?.Topics).toMatchObject([
      { TopicId: result['TopicId'], TopicName: 'news', Operator_Account: 'alice' },
    ]);
    expect(String(result['TopicId'])).toMatch(/^@TGS#_.*@TOPIC#_/);
  });
});

describe('the control route', () => {
  const route = (app: number | string, operation: string) =>
    `${emu.url}/_emulator/tencent/${app}/client/${operation}`;

  it.each([
    ['an unknown operation', 'friend-remove', {}, /unknown client operation friend-remove/],
    [
      'a body without the required field',
      'create-topic',
      { GroupId: COMMUNITY, Operator_Account: 'a' },
      /TopicName/,
    ],
    [
      'a friend item without AddSource',
      'friend-add',
      { From_Account: 'a', AddFriendItem: [{ To_Account: 'b' }] },
      /AddSource/,
    ],
    [
      'a response item without a known ResponseAction',
      'friend-response',
      {
        From_Account: 'a',
        ResponseFriendItem: [{ To_Account: 'b', ResponseAction: 'Response_Action_Reject' }],
      },
      /ResponseAction/,
    ],
    ['a body that is not an object', 'create-official-account', '[1]', /JSON object/],
  ])('%s → 400 invalid_client_operation naming it', async (_name, operation, body, message) => {
    const res = await post(route(TENCENT_APP.sdkAppId, operation), body);
    expect(res.status).toBe(400);
    expect(res.json['error']).toBe('invalid_client_operation');
    expect(res.json['error_description']).toMatch(message);
    expect(receiver.received).toEqual([]);
  });

  it('an unknown app → 404 unknown_app', async () => {
    const res = await post(route(1, 'friend-add'), CASES[0]!.body);
    expect(res).toMatchObject({ status: 404, json: { error: 'unknown_app' } });
  });
});
