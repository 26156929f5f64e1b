import { isObject } from '../common/http-helpers.js';
import {
  GROUP_RULES,
  OFFICIAL_ACCOUNT_RULES,
  SNS_PREV_RULES,
  tencentBefore,
  TOPIC_RULES,
  type TencentBeforeResult,
  type TencentCaller,
} from './tencent-before-callback.js';
import { friendItem } from './tencent-directory-sns.routes.js';
import { ok, refuse, TencentFailure, type TencentResult } from './tencent-errors.js';
import type { TencentContext } from './tencent.context.js';
import type { TencentApp, TencentFriend } from './tencent.types.js';

// Five before-callbacks fire only for what a client SDK does (tencent.md §2: "not fired for REST adds",
// "Client answers a friend request", "Client applies to join", community topics, official accounts). The emulator has no client, so a control
// route stands for each operation, as Easemob's client-messages route does for the pre-send rule. Each one
// posts the before-callback in the shape the gateway's normalizer reads, honours the answer as §1.5 says,
// and answers what the client would be told: the vendor's result body.

/** The client operations the control routes stand for. */
export const TENCENT_CLIENT_OPERATIONS = [
  'friend-add',
  'friend-response',
  'apply-join-group',
  'create-topic',
  'create-official-account',
] as const;
export type TencentClientOperation = (typeof TENCENT_CLIENT_OPERATIONS)[number];

/** Control-route input errors (not a vendor answer: the vendor has no such route). */
export class ClientOperationError extends Error {}

/** The platform a client operation reports in the callback's `OptPlatform` (a REST call says `RESTAPI`). */
const CLIENT_PLATFORM = 'Android';
const ADD_TYPES = new Set(['Add_Type_Both', 'Add_Type_Single']);
/** The client SDK's answers that accept a request: be added, or be added and add back. */
const RESPONSE_ACTIONS = new Set(['Response_Action_Agree', 'Response_Action_AgreeAndAdd']);
const NO_SUCH_USER = { ResultCode: 30003, ResultInfo: 'user does not exist' };

function text(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '')
    throw new ClientOperationError(`${field} must be a non-empty string`);
  return value;
}

function optionalText(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ClientOperationError(`${field} must be a string when present`);
  return value;
}

/**
 * Performs one client operation; throws `ClientOperationError` for a body the route cannot read, and
 * returns the vendor's result (refusals included) for the rest.
 */
export async function performTencentClientOperation(
  ctx: TencentContext,
  app: TencentApp,
  operation: string,
  raw: unknown,
  clientIp = '127.0.0.1',
): Promise<TencentResult> {
  if (!isObject(raw)) throw new ClientOperationError('body must be a JSON object');
  const caller: TencentCaller = { app, request: { ip: clientIp }, optPlatform: CLIENT_PLATFORM };
  try {
    switch (operation) {
      case 'friend-add':
        return await friendAdd(ctx, caller, raw);
      case 'friend-response':
        return await friendResponse(ctx, caller, raw);
      case 'apply-join-group':
        return await applyJoinGroup(ctx, caller, raw);
      case 'create-topic':
        return await createTopic(ctx, caller, raw);
      case 'create-official-account':
        return await createOfficialAccount(ctx, caller, raw);
      default:
        throw new ClientOperationError(
          `unknown client operation ${operation}; one of ${TENCENT_CLIENT_OPERATIONS.join(', ')}`,
        );
    }
  } catch (error) {
    if (error instanceof TencentFailure) return error.result;
    throw error;
  }
}

/**
 * A client asks to add friends (`Sns.CallbackPrevFriendAdd`). The answer refuses pair by pair: a non-zero
 * `ResultItem[].ResultCode` keeps that pair apart and is what the client sees for it. The emulator adds the
 * allowed friends at once, as with a target whose `AllowType` needs no confirmation; `Add_Type_Both` (the
 * default) makes the friendship both ways.
 */
async function friendAdd(ctx: TencentContext, caller: TencentCaller, body: Record<string, unknown>) {
  const { app } = caller;
  const from = text(body, 'From_Account');
  // In `registered` mode only imported accounts exist (the REST friend routes answer 30003 alike).
  const exists = (id: string) => !ctx.registeredOnly || app.accounts.has(id);
  if (!exists(from)) refuse(30003, `account ${from} does not exist`);
  const addType = optionalText(body, 'AddType') ?? 'Add_Type_Both';
  if (!ADD_TYPES.has(addType))
    throw new ClientOperationError('AddType must be Add_Type_Both or Add_Type_Single');
  const rawItems = body['AddFriendItem'];
  if (!Array.isArray(rawItems) || rawItems.length === 0)
    throw new ClientOperationError(
      'AddFriendItem must be a non-empty list of { To_Account, AddSource, ... }',
    );
  const now = Math.floor(ctx.now() / 1000);
  const items = rawItems.map((item) => {
    const friend = friendItem(item, now);
    if (typeof friend === 'number')
      throw new ClientOperationError('each AddFriendItem needs To_Account and AddSource (AddSource_Type_…)');
    return friend;
  });
  const before = (asked: TencentFriend[]) =>
    tencentBefore(
      ctx,
      caller,
      'Sns.CallbackPrevFriendAdd',
      {
        Requester_Account: from,
        From_Account: from,
        FriendItem: asked.map(({ To_Account, Remark, GroupName, AddSource, AddWording }) => ({
          To_Account,
          ...(Remark !== undefined ? { Remark } : {}),
          ...(GroupName !== undefined ? { GroupName } : {}),
          AddSource,
          ...(AddWording !== undefined ? { AddWording } : {}),
        })),
        AddType: addType,
        ForceAddFlags: 0,
        EventTime: ctx.now(),
      },
      SNS_PREV_RULES,
    );
  return friendPairs(from, items, exists, before, (friend) => {
    addFriend(app, from, friend);
    if (addType === 'Add_Type_Both')
      addFriend(app, friend.To_Account, { To_Account: from, AddSource: friend.AddSource, AddTime: now });
  });
}

/**
 * A client answers friend requests (`Sns.CallbackPrevFriendResponse`): `From_Account` accepts the request
 * of each `ResponseFriendItem[].To_Account`. The emulator keeps no pending requests, so the answer is taken
 * as answering one. `Response_Action_Agree` lets the requester add the client (a one-way friendship, as a
 * request with `Add_Type_Single`); `Response_Action_AgreeAndAdd` adds back, making it both ways. The pending
 * request's `AddSource` is not kept either; the friendship records the client's platform.
 */
async function friendResponse(ctx: TencentContext, caller: TencentCaller, body: Record<string, unknown>) {
  const { app } = caller;
  const from = text(body, 'From_Account');
  const exists = (id: string) => !ctx.registeredOnly || app.accounts.has(id);
  if (!exists(from)) refuse(30003, `account ${from} does not exist`);
  const rawItems = body['ResponseFriendItem'];
  if (!Array.isArray(rawItems) || rawItems.length === 0)
    throw new ClientOperationError(
      'ResponseFriendItem must be a non-empty list of { To_Account, ResponseAction }',
    );
  const items = rawItems.map((item) => {
    if (
      !isObject(item) ||
      typeof item['To_Account'] !== 'string' ||
      item['To_Account'] === '' ||
      typeof item['ResponseAction'] !== 'string' ||
      !RESPONSE_ACTIONS.has(item['ResponseAction'])
    )
      throw new ClientOperationError(
        'each ResponseFriendItem needs To_Account and ResponseAction (Response_Action_Agree or Response_Action_AgreeAndAdd)',
      );
    return { To_Account: item['To_Account'], ResponseAction: item['ResponseAction'] };
  });
  const now = Math.floor(ctx.now() / 1000);
  const source = `AddSource_Type_${CLIENT_PLATFORM}`;
  const before = (asked: typeof items) =>
    tencentBefore(
      ctx,
      caller,
      'Sns.CallbackPrevFriendResponse',
      { Requester_Account: from, From_Account: from, ResponseFriendItem: asked, EventTime: ctx.now() },
      SNS_PREV_RULES,
    );
  return friendPairs(from, items, exists, before, (item) => {
    addFriend(app, item.To_Account, { To_Account: from, AddSource: source, AddTime: now });
    if (item.ResponseAction === 'Response_Action_AgreeAndAdd')
      addFriend(app, from, { To_Account: item.To_Account, AddSource: source, AddTime: now });
  });
}

/**
 * What the friend pre-callbacks share (§1.5): the app server is asked only about pairs that could become
 * friends (not oneself, not an unknown account in `registered` mode, which answer 30003). Its answer refuses
 * pair by pair: a non-zero `ResultItem[].ResultCode` keeps that pair apart and is what the client sees for it;
 * `make` performs each pair it allows. A non-zero top-level ErrorCode is a failed answer (the failure policy).
 */
async function friendPairs<T extends { To_Account: string }>(
  from: string,
  items: T[],
  exists: (id: string) => boolean,
  ask: (asked: T[]) => Promise<TencentBeforeResult>,
  make: (item: T) => void,
): Promise<TencentResult> {
  const unknown = new Set(
    items.filter((f) => f.To_Account === from || !exists(f.To_Account)).map((f) => f.To_Account),
  );
  const asked = items.filter((f) => !unknown.has(f.To_Account));
  if (asked.length === 0)
    return ok({
      ResultItem: items.map((f) => ({ To_Account: f.To_Account, ...NO_SUCH_USER })),
      Fail_Account: items.map((f) => f.To_Account),
    });
  const before = await ask(asked);
  const refused = new Map<string, { code: number; info: string }>();
  const answered = before.action === 'proceed' ? before.reply['ResultItem'] : undefined;
  if (Array.isArray(answered)) {
    for (const item of answered) {
      if (!isObject(item) || typeof item['To_Account'] !== 'string') continue;
      const code = item['ResultCode'];
      if (typeof code === 'number' && code !== 0)
        refused.set(item['To_Account'], {
          code,
          info: typeof item['ResultInfo'] === 'string' ? item['ResultInfo'] : '',
        });
    }
  }
  const ResultItem = items.map((item) => {
    if (unknown.has(item.To_Account)) return { To_Account: item.To_Account, ...NO_SUCH_USER };
    const refusal = refused.get(item.To_Account);
    if (refusal) return { To_Account: item.To_Account, ResultCode: refusal.code, ResultInfo: refusal.info };
    make(item);
    return { To_Account: item.To_Account, ResultCode: 0, ResultInfo: '' };
  });
  if (before.action === 'proceed' && refused.size > 0 && before.exchange.outcome === 'allow') {
    const all = asked.every((f) => refused.has(f.To_Account));
    before.exchange.outcome = all ? 'deny' : 'partial';
    if (all) before.exchange.callerCode = refused.get(asked[0]!.To_Account)!.code;
  }
  const failed = ResultItem.filter((r) => r.ResultCode !== 0).map((r) => r.To_Account);
  return ok({ ResultItem, Fail_Account: failed });
}

function addFriend(app: TencentApp, owner: string, friend: TencentFriend): void {
  const list = app.friends.get(owner) ?? new Map<string, TencentFriend>();
  app.friends.set(owner, list);
  // A friendship that exists already stays as it was made.
  if (!list.has(friend.To_Account)) list.set(friend.To_Account, friend);
}

/**
 * A client applies to join a group (`Group.CallbackBeforeApplyJoinGroup`). Allowed, the group's own rule
 * still applies (§1.5): `FreeAccess` joins at once, `NeedPermission` (the default) leaves an application
 * waiting for an admin, `DisableApply` refuses with 10007 before any callback. `JoinStatus` holds the
 * client SDK's join statuses (`JoinedSuccess`, `WaitAdminApproval`, `AlreadyInGroup`).
 */
async function applyJoinGroup(ctx: TencentContext, caller: TencentCaller, body: Record<string, unknown>) {
  const { app } = caller;
  const groupId = text(body, 'GroupId');
  const requestor = text(body, 'Requestor_Account');
  const applyMsg = optionalText(body, 'ApplyMsg');
  const group = ctx.group(app, groupId);
  if (group.members.has(requestor)) return ok({ JoinStatus: 'AlreadyInGroup' });
  if (group.applyJoinOption === 'DisableApply') refuse(10007, `group ${groupId} takes no applications`);
  await tencentBefore(
    ctx,
    caller,
    'Group.CallbackBeforeApplyJoinGroup',
    {
      GroupId: groupId,
      Type: group.type,
      Requestor_Account: requestor,
      ...(applyMsg !== undefined ? { ApplyMsg: applyMsg } : {}),
      EventTime: ctx.now(),
    },
    GROUP_RULES,
  );
  const now = Math.floor(ctx.now() / 1000);
  if (group.applyJoinOption === 'FreeAccess') {
    group.members.set(requestor, { Role: 'Member', JoinTime: now, MuteUntil: 0 });
    return ok({ JoinStatus: 'JoinedSuccess' });
  }
  group.applications = group.applications.filter((a) => a.Requestor_Account !== requestor);
  group.applications.push({
    Requestor_Account: requestor,
    ...(applyMsg !== undefined ? { ApplyMsg: applyMsg } : {}),
    ApplyTime: now,
  });
  return ok({ JoinStatus: 'WaitAdminApproval' });
}

/**
 * A client creates a topic in a community group (`Group.CallbackBeforeCreateTopic`). Topics exist only in
 * `Community` groups; elsewhere the client gets 10007 and no callback is made.
 */
async function createTopic(ctx: TencentContext, caller: TencentCaller, body: Record<string, unknown>) {
  const { app } = caller;
  const groupId = text(body, 'GroupId');
  const operator = text(body, 'Operator_Account');
  const topicName = text(body, 'TopicName');
  const group = ctx.group(app, groupId);
  if (group.type !== 'Community')
    refuse(10007, `group ${groupId} is not a Community group: it has no topics`);
  await tencentBefore(
    ctx,
    caller,
    'Group.CallbackBeforeCreateTopic',
    {
      GroupId: groupId,
      Type: group.type,
      Operator_Account: operator,
      TopicName: topicName,
      EventTime: ctx.now(),
    },
    TOPIC_RULES,
  );
  // A topic's id is its group's id with a topic suffix, as the vendor's `@TGS#_…@TOPIC#_…` ids read.
  const topicId = `${groupId}@TOPIC#_${group.topics.size + 1}`;
  group.topics.set(topicId, {
    TopicId: topicId,
    TopicName: topicName,
    Operator_Account: operator,
    CreateTime: Math.floor(ctx.now() / 1000),
  });
  return ok({ TopicId: topicId });
}

/** A client creates an official account (`OfficialAccount.CallbackBeforeCreateOfficialAccount`). */
async function createOfficialAccount(
  ctx: TencentContext,
  caller: TencentCaller,
  body: Record<string, unknown>,
) {
  const { app } = caller;
  const owner = text(body, 'Owner_Account');
  const name = text(body, 'Name');
  await tencentBefore(
    ctx,
    caller,
    'OfficialAccount.CallbackBeforeCreateOfficialAccount',
    { Operator_Account: owner, Owner_Account: owner, Name: name, EventTime: ctx.now() },
    OFFICIAL_ACCOUNT_RULES,
  );
  // Ids carry the vendor's `@TOA#_` prefix; the emulator numbers them.
  const id = `@TOA#_${app.officialAccounts.size + 1}`;
  app.officialAccounts.set(id, {
    Official_Account: id,
    Owner_Account: owner,
    Name: name,
    CreateTime: Math.floor(ctx.now() / 1000),
  });
  return ok({ Official_Account: id });
}
