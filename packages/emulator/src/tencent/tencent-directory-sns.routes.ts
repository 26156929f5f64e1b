import type { FastifyInstance } from 'fastify';
import { isObject } from '../common/http-helpers.js';
import { ok, refuse } from './tencent-errors.js';
import { tencentRoute } from './tencent-route.js';
import type { TencentContext } from './tencent.context.js';
import type { TencentApp, TencentFriend } from './tencent.types.js';

const MAX_FRIEND_ITEMS = 1000; // friend_import per request (IP:使用限制)
const MAX_FRIENDS = 3000; // per user → 30010
const MAX_FRIEND_GROUPS = 32; // → 30011
const MAX_REMARK_BYTES = 96;
const MAX_BLOCK_ITEMS = 1000; // black_list_add per request
const MAX_BLOCKS = 1000; // per user → 30013
// Not in the docs: friend_get's page size and black_list_get's MaxLimited maximum (migration-apis §5).
export const FRIEND_PAGE_SIZE = 100;
export const MAX_BLACKLIST_PAGE = 1000;
const ADD_SOURCE = /^AddSource_Type_[A-Za-z]{1,8}$/;

function owner(ctx: TencentContext, app: TencentApp, identifier: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') refuse(30001, 'From_Account is required');
  if (!ctx.knownAccount(app, value, identifier)) refuse(30003, `account ${value} does not exist`);
  return value;
}

function startIndex(value: unknown): number {
  if (!Number.isInteger(value) || (value as number) < 0) refuse(30001, 'StartIndex must be an integer ≥ 0');
  return value as number;
}

const result = (To_Account: unknown, ResultCode: number, ResultInfo = '') => ({
  To_Account,
  ResultCode,
  ResultInfo,
});

/** One AddFriendItem → the stored friend, or the per-item error code. */
export function friendItem(item: unknown, now: number): TencentFriend | number {
  if (!isObject(item) || typeof item['To_Account'] !== 'string' || item['To_Account'] === '') return 30001;
  const source = item['AddSource'];
  if (typeof source !== 'string' || !ADD_SOURCE.test(source)) return 30001;
  const remark = item['Remark'];
  if (remark !== undefined && (typeof remark !== 'string' || Buffer.byteLength(remark) > MAX_REMARK_BYTES))
    return 30001;
  const groups = item['GroupName'];
  if (groups !== undefined && (!Array.isArray(groups) || !groups.every((g) => typeof g === 'string')))
    return 30001;
  if (Array.isArray(groups) && groups.length > MAX_FRIEND_GROUPS) return 30011;
  const addTime = item['AddTime'];
  if (addTime !== undefined && !Number.isInteger(addTime)) return 30001;
  return {
    To_Account: item['To_Account'],
    AddSource: source,
    ...(typeof remark === 'string' ? { Remark: remark } : {}),
    ...(Array.isArray(groups) ? { GroupName: groups as string[] } : {}),
    AddTime: (addTime as number | undefined) ?? now,
    ...(typeof item['AddWording'] === 'string' ? { AddWording: item['AddWording'] } : {}),
    ...(Array.isArray(item['CustomItem'])
      ? { CustomItem: item['CustomItem'] as TencentFriend['CustomItem'] }
      : {}),
  };
}

function friendValues(friend: TencentFriend): { Tag: string; Value: unknown }[] {
  return [
    { Tag: 'Tag_SNS_IM_AddSource', Value: friend.AddSource },
    ...(friend.Remark !== undefined ? [{ Tag: 'Tag_SNS_IM_Remark', Value: friend.Remark }] : []),
    ...(friend.GroupName !== undefined ? [{ Tag: 'Tag_SNS_IM_Group', Value: friend.GroupName }] : []),
    { Tag: 'Tag_SNS_IM_AddTime', Value: friend.AddTime },
    ...(friend.AddWording !== undefined ? [{ Tag: 'Tag_SNS_IM_AddWording', Value: friend.AddWording }] : []),
    ...(friend.CustomItem ?? []),
  ];
}

/** `friend_import`, `friend_get`, `black_list_add`, `black_list_get` (migration-apis §1.5–1.6). */
export function registerTencentDirectorySnsRoutes(server: FastifyInstance, ctx: TencentContext): void {
  tencentRoute(server, ctx, '/v4/sns/friend_import', 200, ({ app, identifier, body }) => {
    const from = owner(ctx, app, identifier, body['From_Account']);
    const items = body['AddFriendItem'];
    if (!Array.isArray(items) || items.length === 0 || items.length > MAX_FRIEND_ITEMS)
      refuse(30001, `AddFriendItem must hold 1 to ${MAX_FRIEND_ITEMS} items`);
    const list = app.friends.get(from) ?? new Map<string, TencentFriend>();
    app.friends.set(from, list);
    const now = Math.floor(ctx.now() / 1000);
    const ResultItem = items.map((item) => {
      const friend = friendItem(item, now);
      const to = isObject(item) ? item['To_Account'] : undefined;
      if (typeof friend === 'number') return result(to, friend, 'bad parameter');
      if (!ctx.knownAccount(app, friend.To_Account, identifier) || friend.To_Account === from)
        return result(to, 30003, 'user does not exist');
      // Blocking removes a friendship and bars new ones (IP:关系链管理).
      if (app.blocks.get(from)?.has(friend.To_Account) || app.blocks.get(friend.To_Account)?.has(from))
        return result(to, 30001, 'one of the two has blocked the other');
      if (!list.has(friend.To_Account) && list.size >= MAX_FRIENDS)
        return result(to, 30010, 'friend limit reached');
      // Importing an existing friend again keeps one friendship (the doc names no error for it).
      list.set(friend.To_Account, friend);
      return result(to, 0);
    });
    const failed = ResultItem.filter((r) => r.ResultCode !== 0).map((r) => r.To_Account);
    return ok({ ResultItem, Fail_Account: failed, ErrorDisplay: '' });
  });

  tencentRoute(server, ctx, '/v4/sns/friend_get', 200, ({ app, identifier, body }) => {
    const from = owner(ctx, app, identifier, body['From_Account']);
    const start = startIndex(body['StartIndex']);
    const friends = [...(app.friends.get(from)?.values() ?? [])];
    const page = friends.slice(start, start + FRIEND_PAGE_SIZE);
    const done = start + page.length >= friends.length;
    return ok({
      UserDataItem: page.map((f) => ({ To_Account: f.To_Account, ValueItem: friendValues(f) })),
      StandardSequence: friends.length,
      CustomSequence: 0,
      FriendNum: friends.length,
      CompleteFlag: done ? 1 : 0,
      NextStartIndex: done ? 0 : start + page.length,
      ErrorDisplay: '',
    });
  });

  tencentRoute(server, ctx, '/v4/sns/black_list_add', 200, ({ app, identifier, body }) => {
    const from = owner(ctx, app, identifier, body['From_Account']);
    const targets = body['To_Account'];
    if (!Array.isArray(targets) || targets.length === 0 || targets.length > MAX_BLOCK_ITEMS)
      refuse(30001, `To_Account must hold 1 to ${MAX_BLOCK_ITEMS} accounts`);
    const list = app.blocks.get(from) ?? new Map<string, number>();
    app.blocks.set(from, list);
    const now = Math.floor(ctx.now() / 1000);
    const ResultItem = targets.map((to) => {
      if (typeof to !== 'string' || to === '' || to === from) return result(to, 30001, 'bad parameter');
      if (!ctx.knownAccount(app, to, identifier)) return result(to, 30003, 'user does not exist');
      if (!list.has(to) && list.size >= MAX_BLOCKS) return result(to, 30013, 'blocklist limit reached');
      if (!list.has(to)) list.set(to, now);
      // When A blocks B, any friendship between A and B is removed (IP:关系链管理).
      app.friends.get(from)?.delete(to);
      app.friends.get(to)?.delete(from);
      return result(to, 0);
    });
    const failed = ResultItem.filter((r) => r.ResultCode !== 0).map((r) => r.To_Account);
    return ok({ ResultItem, Fail_Account: failed, ErrorDisplay: '' });
  });

  tencentRoute(server, ctx, '/v4/sns/black_list_get', 200, ({ app, identifier, body }) => {
    const from = owner(ctx, app, identifier, body['From_Account']);
    const start = startIndex(body['StartIndex']);
    const max = body['MaxLimited'];
    if (!Number.isInteger(max) || (max as number) < 1) refuse(30001, 'MaxLimited must be a positive integer');
    const size = Math.min(max as number, MAX_BLACKLIST_PAGE);
    const blocks = [...(app.blocks.get(from)?.entries() ?? [])];
    const page = blocks.slice(start, start + size);
    const done = start + page.length >= blocks.length;
    return ok({
      BlackListItem: page.map(([To_Account, AddBlackTimeStamp]) => ({ To_Account, AddBlackTimeStamp })),
      // 0 = finished (§1.6); `CurruentSequence` as the vendor spells it.
      StartIndex: done ? 0 : start + page.length,
      CurruentSequence: blocks.length,
      ErrorDisplay: '',
    });
  });
}
