import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGateway, tencentAppBody, type RunningGateway } from '../support/gateway.js';

// The client-only Tencent before-commands posted as Tencent posts them (signed, with `CallbackCommand` in the
// query): a deny by the app's rule must come back in each command's own reply shape, and an app without a
// policy gets the plain allow. The emulator performs each of them as a client would
// (before-decisions.e2e-spec.ts); these pin the raw reply. The docs print no example of these
// callbacks, so each body holds the fields the tencent.md field tables list for it, no more.

const SDK_APP_ID = 1400000009;
const TOKEN = 'direct-callback-token';
let gw: RunningGateway;
let appId = '';

beforeAll(async () => {
  gw = await startGateway();
  appId = (
    await gw.call('POST', '/v1/apps', {
      body: tencentAppBody({ sdkAppId: SDK_APP_ID, callbackToken: TOKEN }),
    })
  ).body.id;
});
afterAll(async () => {
  await gw.close();
});

async function postCallback(command: string, body: Record<string, unknown>) {
  const requestTime = String(Math.floor(Date.now() / 1000));
  const query = new URLSearchParams({
    SdkAppid: String(SDK_APP_ID),
    CallbackCommand: command,
    contenttype: 'json',
    ClientIP: '127.0.0.1',
    OptPlatform: 'RESTAPI',
    RequestTime: requestTime,
    // Tencent's recipe: Sign = sha256(token + RequestTime).
    Sign: createHash('sha256').update(`${TOKEN}${requestTime}`).digest('hex'),
  });
  return gw.call('POST', `/callbacks/tencent/${appId}?${query}`, {
    token: null,
    body: { CallbackCommand: command, ...body },
  });
}

const CASES: { command: string; eventType: string; body: Record<string, unknown>; denied: unknown }[] = [
  {
    command: 'Sns.CallbackPrevFriendAdd',
    eventType: 'contact.requested',
    body: {
      Requester_Account: 'alice',
      From_Account: 'alice',
      FriendItem: [{ To_Account: 'bob' }, { To_Account: 'carol' }],
      AddType: 'Add_Type_Both',
    },
    // A non-zero top-level ErrorCode would let the request through; each pair is refused instead.
    denied: {
      ErrorCode: 0,
      ResultItem: [
        { To_Account: 'bob', ResultCode: 38000 },
        { To_Account: 'carol', ResultCode: 38000 },
      ],
    },
  },
  {
    command: 'Sns.CallbackPrevFriendResponse',
    eventType: 'contact.response.requested',
    body: {
      Requester_Account: 'bob',
      From_Account: 'bob',
      ResponseFriendItem: [{ To_Account: 'alice', ResponseAction: 'Response_Action_AgreeAndAdd' }],
    },
    denied: { ErrorCode: 0, ResultItem: [{ To_Account: 'alice', ResultCode: 38000 }] },
  },
  {
    command: 'Group.CallbackBeforeApplyJoinGroup',
    eventType: 'group.join.requested',
    body: { GroupId: '@TGS#2J4SZEAEL', Type: 'Public', Requestor_Account: 'carol' },
    denied: { ErrorCode: 10100, ErrorInfo: 'not now' },
  },
  {
    command: 'Group.CallbackBeforeCreateTopic',
    eventType: 'thread.create.requested',
    body: {
      GroupId: '@TGS#_@TGS#cQVLVHIM62CJ',
      Type: 'Community',
      Operator_Account: 'alice',
      TopicName: 'news',
    },
    // No reason is passed on for topics: plain ErrorCode 1.
    denied: { ErrorCode: 1 },
  },
  {
    command: 'OfficialAccount.CallbackBeforeCreateOfficialAccount',
    eventType: 'official_account.create.requested',
    body: { Operator_Account: 'alice', Owner_Account: 'alice', Name: 'news' },
    denied: { ErrorCode: 1 },
  },
];

describe.each(CASES)('$command', ({ command, eventType, body, denied }) => {
  it('denied by a rule: answered with the command’s refusal, and the decision stored', async () => {
    const put = await gw.call('PUT', `/v1/apps/${appId}/before-policy`, {
      body: {
        rules: [
          { id: 'deny-it', match: { eventTypes: [eventType] }, action: { type: 'deny', reason: 'not now' } },
        ],
        onError: 'allow',
      },
    });
    expect(put.status).toBe(200);
    const res = await postCallback(command, body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ActionStatus: 'OK', ...(denied as object) });
    const events = (await gw.call('GET', `/v1/apps/${appId}/events?type=${eventType}`)).body.data as {
      data: { decision?: unknown };
    }[];
    expect(events.at(-1)?.data.decision).toMatchObject({ action: 'deny', source: 'rule', ruleId: 'deny-it' });
  });

  it('allowed without a policy: the plain allow, nothing stored on the event', async () => {
    await gw.call('DELETE', `/v1/apps/${appId}/before-policy`);
    const listed = async () =>
      (await gw.call('GET', `/v1/apps/${appId}/events?type=${eventType}`)).body.data as {
        data: { decision?: unknown };
      }[];
    const before = (await listed()).length;
    // Another request of the same command (a new dedupe key): not a retry of the denied one.
    const res = await postCallback(command, { ...body, EventTime: Date.now() });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    expect(JSON.stringify(res.body)).not.toContain('38000');
    const after = await listed();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)?.data.decision).toBeUndefined();
  });
});
