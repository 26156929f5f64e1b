import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import {
  startEasemobEmulator,
  startTencentEmulator,
  TENCENT_BEFORE_COMMANDS,
  TENCENT_CLIENT_OPERATIONS,
  type EasemobEmulator,
  type TencentClientOperation,
  type TencentEmulator,
} from '@im-gateway/emulator';
import { generateUserSig, verifyWebhook } from '@im-gateway/signing';
import { unifiedEventProblems } from '@im-gateway/types';
import { STORE_MARGIN_MS } from '../../src/callbacks/before-decision.js';
import { closedPortUrl, DecisionReceiver } from '../support/decision-receiver.js';
import { easemobAppBody, startGateway, tencentAppBody, type RunningGateway } from '../support/gateway.js';

// Before-callbacks decided by an app's policy, end to end: the vendor emulators call the gateway where the
// vendor would, and honour its answer as the vendor does. What the emulator delivered (or not), the
// after-callbacks it fired, the decision stored on the event and the metrics are the evidence.

const SDK_APP_ID = 1400000001;
const TENCENT_SECRET_KEY = 'tencent-key';
const GROUP = '@TGS#2J4SZEAEL';
const EASEMOB_WAIT_MS = 200;
const TENCENT_WAIT_MS = 2_000;
/** How late a timer may fire on a busy 2-core machine. */
const EVENT_LOOP_LAG_MS = 30;

let gw: RunningGateway;
let easemob: EasemobEmulator;
let tencent: TencentEmulator;
let endpoint: DecisionReceiver;
const apps = { easemob: '', tencent: '' };

beforeAll(async () => {
  endpoint = await new DecisionReceiver().start();
  gw = await startGateway();
  apps.easemob = (
    await gw.call('POST', '/v1/apps', {
      body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: 'shared-secret' }),
    })
  ).body.id;
  apps.tencent = (
    await gw.call('POST', '/v1/apps', {
      body: tencentAppBody({ sdkAppId: SDK_APP_ID, callbackToken: 'shared-token' }),
    })
  ).body.id;
  const easemobUrl = `${gw.url}/callbacks/easemob/${apps.easemob}`;
  easemob = await startEasemobEmulator({
    port: 0,
    rateLimits: false,
    apps: [
      {
        orgName: 'org',
        appName: 'app',
        clientId: 'id',
        clientSecret: 'secret',
        callbackUrl: easemobUrl,
        callbackSecret: 'shared-secret',
        presendUrl: easemobUrl,
        presendWaitMs: EASEMOB_WAIT_MS,
      },
    ],
  });
  tencent = await startTencentEmulator({
    port: 0,
    rateLimits: false,
    apps: [
      {
        sdkAppId: SDK_APP_ID,
        secretKey: TENCENT_SECRET_KEY,
        callbackUrl: `${gw.url}/callbacks/tencent/${apps.tencent}`,
        callbackToken: 'shared-token',
        beforeCallbacks: [...TENCENT_BEFORE_COMMANDS],
      },
    ],
  });
});
beforeAll(async () => {
  // One message each way first: the first store of a fresh gateway and database pays for connections and
  // statement caches (tens of ms), which is no decision's cost and would eat the store margin.
  await easemobSend('chat', 'txt').perform();
  await tencentSend('C2C').perform();
  await easemob.callbacksSettled();
  await tencent.callbacksSettled();
  easemob.reset();
  tencent.reset();
});
afterEach(async () => {
  await easemob.callbacksSettled();
  await tencent.callbacksSettled();
  easemob.reset();
  tencent.reset();
  endpoint.received.length = 0;
});
afterAll(async () => {
  await easemob.close();
  await tencent.close();
  await gw.close();
  await endpoint.stop();
});

type Vendor = keyof typeof apps;

async function putPolicy(vendor: Vendor, policy: Record<string, unknown>) {
  const res = await gw.call('PUT', `/v1/apps/${apps[vendor]}/before-policy`, { body: policy });
  expect(res.status).toBe(200);
  return res.body as { secret?: string };
}
const ruleFor = (eventType: string, action: Record<string, unknown>) => ({
  rules: [{ id: `${String(action.type)}-rule`, match: { eventTypes: [eventType] }, action }],
  decisionEndpoint: null,
  onError: 'allow',
});

const tencentCall = async (path: string, body: unknown): Promise<Record<string, unknown>> => {
  const usersig = generateUserSig({
    sdkAppId: SDK_APP_ID,
    secretKey: TENCENT_SECRET_KEY,
    identifier: 'administrator',
    expireSeconds: 3600,
  });
  const query = `sdkappid=${SDK_APP_ID}&identifier=administrator&usersig=${usersig}&random=1&contenttype=json`;
  const res = await fetch(`${tencent.url}/v4/${path}?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
};
const tencentText = (text: string) => [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }];
const afterCallbacks = (vendor: Vendor) =>
  vendor === 'easemob'
    ? easemob.callbacks()
    : tencent.callbacks().filter((c) => c.kind.includes('CallbackAfter'));

/** The `.requested` events of an app, newest last, as the events API returns them. */
async function requestedEvents(vendor: Vendor): Promise<{ id: string; type: string; data: any }[]> {
  const res = await gw.call('GET', `/v1/apps/${apps[vendor]}/events?type=*&limit=200`);
  return (res.body.data as { id: string; type: string; data: unknown }[]).filter((e) =>
    e.type.endsWith('.requested'),
  ) as never;
}

/**
 * One before-command as an emulator performs it: `perform` does the operation with a text holding the word
 * "secret" (a message) or nothing to modify (a group operation); `delivered` reads the emulator's state;
 * `refused` is what the caller was told on a deny.
 */
interface Command {
  vendor: Vendor;
  command: string;
  eventType: string;
  modify: boolean;
  perform(): Promise<unknown>;
  delivered(): unknown[];
  refused(result: unknown, reason: string): void;
  /** The delivered form of the masked message ("my ****** plan"). */
  masked?: unknown[];
  /** Whether the vendor fires an after-callback for a performed operation that the gateway hears. */
  after: boolean;
}

const easemobSend = (chatType: 'chat' | 'groupchat' | 'chatroom', type: 'txt' | 'img'): Command => ({
  vendor: 'easemob',
  command: `presend:${chatType}:${type}`,
  eventType: 'message.send.requested',
  modify: type === 'txt',
  perform: () =>
    easemob.sendAsClient('org#app', {
      from: 'u1',
      to: chatType === 'chat' ? 'u2' : '200000000000001',
      chat_type: chatType,
      body:
        type === 'txt'
          ? { type: 'txt', msg: 'my secret plan' }
          : { type: 'img', url: 'https://files.example.test/a.png', filename: 'a.png' },
      ext: { trace: 't' },
    }),
  delivered: () => easemob.messages().map((m) => [m.body, m.ext]),
  refused: (result, reason) => expect(result).toMatchObject({ delivered: false, error: reason }),
  ...(type === 'txt' ? { masked: [[{ msg: 'my ****** plan' }, { trace: 't' }]] } : {}),
  after: true,
});

const tencentSend = (command: 'C2C' | 'Group'): Command => ({
  vendor: 'tencent',
  command: `${command}.CallbackBeforeSendMsg`,
  eventType: 'message.send.requested',
  modify: true,
  perform: () =>
    command === 'C2C'
      ? tencentCall('openim/sendmsg', {
          From_Account: 'u1',
          To_Account: 'u2',
          MsgRandom: 1,
          MsgBody: tencentText('my secret plan'),
          CloudCustomData: '{"trace":"t"}',
        })
      : tencentCall('group_open_http_svc/send_group_msg', {
          GroupId: GROUP,
          From_Account: 'u1',
          Random: 1,
          MsgBody: tencentText('my secret plan'),
          CloudCustomData: '{"trace":"t"}',
        }),
  delivered: () =>
    tencent
      .messages({
        route: command === 'C2C' ? '/v4/openim/sendmsg' : '/v4/group_open_http_svc/send_group_msg',
      })
      .map((m) => [m.body, m.ext]),
  refused: (result, reason) =>
    expect(result).toMatchObject({
      ActionStatus: 'FAIL',
      ErrorCode: command === 'C2C' ? 120001 : 10100,
      ErrorInfo: reason,
    }),
  masked: [[tencentText('my ****** plan'), '{"trace":"t"}']],
  after: true,
});

const tencentGroupOp = (kind: 'create' | 'invite'): Command => {
  const gid = '@TGS#INVITE';
  return {
    vendor: 'tencent',
    command: kind === 'create' ? 'Group.CallbackBeforeCreateGroup' : 'Group.CallbackBeforeInviteJoinGroup',
    eventType: kind === 'create' ? 'group.create.requested' : 'group.invite.requested',
    modify: false,
    perform: () =>
      kind === 'create'
        ? tencentCall('group_open_http_svc/create_group', {
            Owner_Account: 'u1',
            Type: 'Public',
            Name: 'secret club',
            MemberList: [{ Member_Account: 'u2' }],
          })
        : tencentCall('group_open_http_svc/add_group_member', {
            GroupId: gid,
            MemberList: [{ Member_Account: 'u3' }],
          }),
    delivered: () => {
      const groups = tencent.inspect(SDK_APP_ID).groups;
      return kind === 'create'
        ? Object.values(groups).map((g) => g.Name)
        : (groups[gid]?.MemberList ?? []).map((m) => m.Member_Account);
    },
    refused: (result, reason) =>
      expect(result).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 10100, ErrorInfo: reason }),
    // The emulator fires no after-callback for these (nor is one switched on here).
    after: false,
  };
};

/**
 * The client-only commands (tencent.md §2: a client adds a friend, answers a friend request, applies to
 * join, creates a topic or an official account), performed through the emulator's control routes that
 * stand for the client.
 */
const tencentClientOp = (operation: TencentClientOperation): Command => {
  const community = '@TGS#_@TGS#cQVLVHIM62CJ';
  const state = () => tencent.inspect(SDK_APP_ID);
  const ops: Record<
    TencentClientOperation,
    Pick<Command, 'command' | 'eventType'> & {
      body: Record<string, unknown>;
      delivered(): unknown[];
      refusal: Record<string, unknown>;
    }
  > = {
    'friend-add': {
      command: 'Sns.CallbackPrevFriendAdd',
      eventType: 'contact.requested',
      body: {
        From_Account: 'u1',
        AddFriendItem: [{ To_Account: 'u2', AddSource: 'AddSource_Type_Android', AddWording: 'secret' }],
      },
      delivered: () => (state().friends['u1'] ?? []).map((f) => f.To_Account),
      // Refused pair by pair; the vendor passes no reason on for friend requests.
      refusal: { ActionStatus: 'OK', ErrorCode: 0, Fail_Account: ['u2'] },
    },
    'friend-response': {
      command: 'Sns.CallbackPrevFriendResponse',
      eventType: 'contact.response.requested',
      // u3 answers u4's request (a pair friend-add leaves alone, so the two never share a friendship).
      body: {
        From_Account: 'u3',
        ResponseFriendItem: [{ To_Account: 'u4', ResponseAction: 'Response_Action_AgreeAndAdd' }],
      },
      // AgreeAndAdd: one friendship, listed on both sides.
      delivered: () => {
        const friends = state().friends;
        return (friends['u4'] ?? [])
          .filter((f) => (friends[f.To_Account] ?? []).some((g) => g.To_Account === 'u4'))
          .map((f) => `u4↔${f.To_Account}`);
      },
      refusal: { ActionStatus: 'OK', ErrorCode: 0, Fail_Account: ['u4'] },
    },
    'apply-join-group': {
      command: 'Group.CallbackBeforeApplyJoinGroup',
      eventType: 'group.join.requested',
      body: { GroupId: GROUP, Requestor_Account: 'u3', ApplyMsg: 'secret handshake' },
      delivered: () => (state().groups[GROUP]?.Applications ?? []).map((a) => a.Requestor_Account),
      refusal: { ActionStatus: 'FAIL', ErrorCode: 10100, ErrorInfo: 'not here' },
    },
    'create-topic': {
      command: 'Group.CallbackBeforeCreateTopic',
      eventType: 'thread.create.requested',
      body: { GroupId: community, Operator_Account: 'u1', TopicName: 'secret plans' },
      delivered: () => (state().groups[community]?.Topics ?? []).map((t) => t.TopicName),
      // No custom codes for topics: ErrorCode 1, which the client sees as 10016.
      refusal: { ActionStatus: 'FAIL', ErrorCode: 10016 },
    },
    'create-official-account': {
      command: 'OfficialAccount.CallbackBeforeCreateOfficialAccount',
      eventType: 'official_account.create.requested',
      body: { Owner_Account: 'u1', Name: 'secret news' },
      delivered: () => state().officialAccounts.map((a) => a.Name),
      refusal: { ActionStatus: 'FAIL', ErrorCode: 20006 },
    },
  };
  const op = ops[operation];
  return {
    vendor: 'tencent',
    command: op.command,
    eventType: op.eventType,
    modify: false,
    perform: () => {
      // Topics live only in Community groups; the emulator makes others on first use as Public.
      if (operation === 'create-topic')
        tencent.seed(SDK_APP_ID, {
          Accounts: [],
          Groups: [{ GroupId: community, Type: 'Community', Name: 'town', CreateTime: 1, MemberList: [] }],
        });
      return tencent.asClient(SDK_APP_ID, operation, op.body);
    },
    delivered: op.delivered,
    refused: (result) => {
      expect(result).toMatchObject(op.refusal);
      // Refused pair by pair: the client gets the refusal code for that pair.
      const refusedPair = { 'friend-add': 'u2', 'friend-response': 'u4' } as Record<string, string>;
      if (refusedPair[operation] !== undefined)
        expect((result as { ResultItem: unknown[] }).ResultItem).toEqual([
          { To_Account: refusedPair[operation], ResultCode: 38000, ResultInfo: expect.any(String) },
        ]);
    },
    // The emulator fires no after-callback for these.
    after: false,
  };
};

// Every before-command of both vendors that can deny or modify and that the emulators perform.
const COMMANDS: Command[] = [
  ...(['chat', 'groupchat', 'chatroom'] as const).flatMap((c) => [
    easemobSend(c, 'txt'),
    easemobSend(c, 'img'),
  ]),
  tencentSend('C2C'),
  tencentSend('Group'),
  tencentGroupOp('create'),
  tencentGroupOp('invite'),
  ...TENCENT_CLIENT_OPERATIONS.map(tencentClientOp),
];

describe.each(COMMANDS)('$vendor $command', (c) => {
  it('denied by a rule: not delivered, no after-callback, the sender told the reason', async () => {
    await putPolicy(c.vendor, ruleFor(c.eventType, { type: 'deny', reason: 'not here' }));
    const result = await c.perform();
    c.refused(result, 'not here');
    expect(c.delivered()).toEqual([]);
    await (c.vendor === 'easemob' ? easemob : tencent).callbacksSettled();
    expect(afterCallbacks(c.vendor)).toEqual([]);
    const [exchange] = (c.vendor === 'easemob' ? easemob : tencent).beforeCallbacks();
    expect(exchange?.outcome).toBe('deny');
    const event = (await requestedEvents(c.vendor)).at(-1)!;
    expect(event.type).toBe(c.eventType);
    expect(event.data.decision).toMatchObject({
      action: 'deny',
      source: 'rule',
      ruleId: 'deny-rule',
      reason: 'not here',
    });
  });

  it('allowed by a rule: delivered unchanged', async () => {
    await putPolicy(c.vendor, ruleFor(c.eventType, { type: 'allow' }));
    const before = c.delivered().length;
    await c.perform();
    expect(c.delivered()).toHaveLength(before + 1);
    if (c.masked) expect(JSON.stringify(c.delivered())).toContain('my secret plan');
    const [exchange] = (c.vendor === 'easemob' ? easemob : tencent).beforeCallbacks();
    expect(exchange?.outcome).toBe('allow');
    if (c.after) {
      await (c.vendor === 'easemob' ? easemob : tencent).callbacksSettled();
      expect(afterCallbacks(c.vendor).length).toBeGreaterThan(0);
    }
  });

  if (c.modify)
    it('modified by a rule: delivered as modified, and the after-callback carries the change', async () => {
      await putPolicy(c.vendor, ruleFor(c.eventType, { type: 'modify', mask: { keywords: ['secret'] } }));
      await c.perform();
      expect(c.delivered()).toEqual(c.masked);
      const [exchange] = (c.vendor === 'easemob' ? easemob : tencent).beforeCallbacks();
      expect(exchange?.outcome).toBe('modify');
      await (c.vendor === 'easemob' ? easemob : tencent).callbacksSettled();
      const after = JSON.stringify(afterCallbacks(c.vendor).map((a) => a.body));
      expect(after).toContain('my ****** plan');
      expect(after).not.toContain('my secret plan');
      const event = (await requestedEvents(c.vendor)).at(-1)!;
      expect(event.data.decision).toMatchObject({ action: 'modify', source: 'rule', ruleId: 'modify-rule' });
      expect(JSON.stringify(event.data.decision.message)).toContain('my ****** plan');
      expect(unifiedEventProblems(event, 'event')).toEqual([]);
    });
});

describe('the decision endpoint', () => {
  const C2C = tencentSend('C2C');
  const EASEMOB_TXT = easemobSend('chat', 'txt');

  it('gets the signed .requested event and its modify is delivered', async () => {
    const { secret } = await putPolicy('tencent', {
      rules: [],
      decisionEndpoint: { url: endpoint.url, timeoutMs: 500 },
      onError: 'allow',
    });
    endpoint.setBehaviour(() => ({
      body: JSON.stringify({
        action: 'modify',
        message: { contents: [{ type: 'text', text: 'rewritten' }], ext: null },
      }),
    }));
    await C2C.perform();
    expect(C2C.delivered()).toEqual([[tencentText('rewritten'), '']]);
    const [request] = endpoint.received;
    expect(request).toBeDefined();
    expect(() =>
      verifyWebhook({ secrets: secret!, headers: request!.headers, body: request!.body }),
    ).not.toThrow();
    expect(JSON.parse(request!.body)).toMatchObject({
      type: 'message.send.requested',
      improvider: 'tencent',
      data: { message: { contents: [{ type: 'text', text: 'my secret plan' }] } },
    });
    const event = (await requestedEvents('tencent')).at(-1)!;
    expect(event.data.decision).toMatchObject({ action: 'modify', source: 'endpoint' });
  });

  it('is not asked when a rule decides', async () => {
    await putPolicy('tencent', {
      rules: [{ id: 'deny-secret', match: { text: { keywords: ['secret'] } }, action: { type: 'deny' } }],
      decisionEndpoint: { url: endpoint.url, timeoutMs: 500 },
      onError: 'allow',
    });
    await C2C.perform();
    expect(C2C.delivered()).toEqual([]);
    expect(endpoint.received).toEqual([]);
  });

  it('an answer the command cannot honour (modify of a group creation) falls back: unsupported_action', async () => {
    const create = tencentGroupOp('create');
    await putPolicy('tencent', {
      rules: [],
      decisionEndpoint: { url: endpoint.url, timeoutMs: 500 },
      onError: 'deny',
    });
    endpoint.setBehaviour(() => ({
      body: JSON.stringify({ action: 'modify', message: { contents: [{ type: 'text', text: 'x' }] } }),
    }));
    const result = await create.perform();
    expect(result).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 10016 });
    expect(create.delivered()).toEqual([]);
    const event = (await requestedEvents('tencent')).at(-1)!;
    expect(event.data.decision).toMatchObject({
      action: 'deny',
      source: 'fallback',
      error: 'unsupported_action',
    });
  });

  it.each([
    [
      'a modified message over the 1 KB Easemob takes',
      'payload_too_large',
      { contents: [{ type: 'text', text: 'x'.repeat(2_000) }] },
    ],
    [
      'two contents, where an Easemob message has one',
      'unsupported_action',
      {
        contents: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
        ],
      },
    ],
  ])('%s → the fallback is answered and stored, error %s', async (_name, error, message) => {
    await putPolicy('easemob', {
      rules: [],
      decisionEndpoint: { url: endpoint.url, timeoutMs: 100 },
      onError: 'deny',
    });
    endpoint.setBehaviour(() => ({ body: JSON.stringify({ action: 'modify', message }) }));
    expect(await EASEMOB_TXT.perform()).toMatchObject({ delivered: false });
    expect(EASEMOB_TXT.delivered()).toEqual([]);
    const event = (await requestedEvents('easemob')).at(-1)!;
    expect(event.data.decision).toMatchObject({ action: 'deny', source: 'fallback', error });
  });

  // The vendor must have its answer within the budget plus the store margin (STORE_MARGIN_MS, documented
  // in docs/before-callbacks.md): the emulator's record of the exchange is the vendor's own clock.
  describe.each([
    { name: 'Easemob', cmd: EASEMOB_TXT, budget: EASEMOB_WAIT_MS - STORE_MARGIN_MS, wait: EASEMOB_WAIT_MS },
    { name: 'Tencent', cmd: C2C, budget: 300, wait: TENCENT_WAIT_MS },
  ])('$name, budget $budget ms', ({ cmd, budget }) => {
    const failures: [string, () => Promise<void>, string][] = [
      [
        'slow (sleeps past the budget)',
        async () => endpoint.setBehaviour(() => ({ body: '{"action":"allow"}', delayMs: budget + 1_000 })),
        'timeout',
      ],
      ['down (connection refused)', async () => undefined, 'unreachable'],
      [
        'answering garbage',
        async () => endpoint.setBehaviour(() => ({ body: '<html>502</html>' })),
        'invalid_answer',
      ],
      [
        'answering an unknown action',
        async () => endpoint.setBehaviour(() => ({ body: '{"action":"maybe"}' })),
        'invalid_answer',
      ],
      ['answering 500', async () => endpoint.setBehaviour(() => ({ status: 500, body: '{}' })), 'status_500'],
      [
        'dropping the connection',
        async () => endpoint.setBehaviour(() => ({ destroy: true })),
        'unreachable',
      ],
    ];

    it.each(failures)('%s → onError within the budget', async (what, arrange, error) => {
      const url = what.startsWith('down') ? await closedPortUrl() : endpoint.url;
      await putPolicy(cmd.vendor, {
        rules: [],
        decisionEndpoint: { url, timeoutMs: budget },
        onError: 'deny',
      });
      await arrange();
      const result = await cmd.perform();
      // onError deny: the vendor stopped the message on the gateway's answer, not on its own failure policy.
      expect(cmd.delivered()).toEqual([]);
      if (cmd.vendor === 'easemob') expect(result).toMatchObject({ delivered: false });
      else expect(result).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 20006 });
      const [exchange] = (cmd.vendor === 'easemob' ? easemob : tencent).beforeCallbacks();
      expect(exchange?.outcome).toBe('deny');
      expect(exchange!.durationMs).toBeLessThanOrEqual(budget + STORE_MARGIN_MS);
      const event = (await requestedEvents(cmd.vendor)).at(-1)!;
      expect(event.data.decision).toMatchObject({ action: 'deny', source: 'fallback', error });
      // The gateway's own timer fires at the budget; it may run late by the event loop's lag (this one
      // process runs the gateway, both emulators and the endpoint).
      expect(event.data.decision.tookMs).toBeLessThanOrEqual(budget + EVENT_LOOP_LAG_MS);
    });
  });

  it('onError allow lets the message through when the endpoint is down', async () => {
    await putPolicy('easemob', {
      rules: [],
      decisionEndpoint: { url: await closedPortUrl(), timeoutMs: 100 },
      onError: 'allow',
    });
    expect(await EASEMOB_TXT.perform()).toMatchObject({ delivered: true });
    expect(EASEMOB_TXT.delivered()).toHaveLength(1);
    const event = (await requestedEvents('easemob')).at(-1)!;
    expect(event.data.decision).toMatchObject({ action: 'allow', source: 'fallback', error: 'unreachable' });
  });
});

describe('the stored decision', () => {
  it('is part of the event in the events API, and a vendor retry gets the same answer', async () => {
    await putPolicy('easemob', ruleFor('message.send.requested', { type: 'deny', reason: 'first answer' }));
    await easemobSend('chat', 'txt').perform();
    const [exchange] = easemob.beforeCallbacks();
    const event = (await requestedEvents('easemob')).at(-1)!;
    const one = await gw.call('GET', `/v1/apps/${apps.easemob}/events/${event.id}`);
    expect(one.status).toBe(200);
    expect(one.body.data.decision).toMatchObject({ action: 'deny', source: 'rule', reason: 'first answer' });
    expect(typeof one.body.data.decision.tookMs).toBe('number');
    // Described by the published event schema, like every other field.
    expect(unifiedEventProblems(one.body, 'event')).toEqual([]);

    // The policy changes; the same callback again (a retry) is answered as it was the first time.
    await putPolicy('easemob', ruleFor('message.send.requested', { type: 'allow' }));
    const retry = await gw.call('POST', `/callbacks/easemob/${apps.easemob}`, {
      token: null,
      body: exchange!.request,
    });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ valid: false, code: 'first answer' });
    expect((await requestedEvents('easemob')).filter((e) => e.id === event.id)).toHaveLength(1);
  });

  it('is absent, and the answer the plain allow, for an app without a policy', async () => {
    const res = await gw.call('DELETE', `/v1/apps/${apps.tencent}/before-policy`);
    expect([204, 404]).toContain(res.status);
    const c2c = tencentSend('C2C');
    await c2c.perform();
    expect(c2c.delivered()).toHaveLength(1);
    const event = (await requestedEvents('tencent')).at(-1)!;
    expect(event.data.decision).toBeUndefined();
  });
});

describe('metrics', () => {
  it('counts decisions by action and source, and times them', async () => {
    const text = (await gw.call('GET', '/metrics', { token: null })).text;
    expect(text).toMatch(
      /imgw_before_decisions_total\{provider="easemob",action="deny",source="rule"\} [1-9]/,
    );
    expect(text).toMatch(
      /imgw_before_decisions_total\{provider="tencent",action="modify",source="endpoint"\} [1-9]/,
    );
    expect(text).toMatch(
      /imgw_before_decisions_total\{provider="tencent",action="deny",source="fallback"\} [1-9]/,
    );
    expect(text).toMatch(/imgw_before_decision_seconds_count\{provider="easemob",source="fallback"\} [1-9]/);
  });
});
