import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { isObject } from '../common/http-helpers.js';
import { GROUP_RULES, tencentBefore } from './tencent-before-callback.js';
import { ok, refuse } from './tencent-errors.js';
import { tencentRoute } from './tencent-route.js';
import { newTencentGroup, type TencentContext } from './tencent.context.js';

// UserID ≤ 32 bytes (tencent.md §4.3).
export const validUserId = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && Buffer.byteLength(v) <= 32;
const GROUP_TYPES = new Set(['Public', 'Private', 'ChatRoom', 'AVChatRoom', 'Work', 'Meeting', 'Community']);
const MAX_MULTI_IMPORT = 100;

/** Group ids in the vendor's examples look like `@TGS#2J4SZEAEL`. */
export function newGroupId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return `@TGS#${[...randomBytes(9)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

function memberIds(list: unknown): string[] {
  if (list === undefined) return [];
  if (!Array.isArray(list) || !list.every((m) => isObject(m) && validUserId(m['Member_Account']))) {
    refuse(10004, 'MemberList must hold { Member_Account } items');
  }
  return list.map((m) => (m as { Member_Account: string }).Member_Account);
}

export function registerTencentAccountRoutes(server: FastifyInstance, ctx: TencentContext): void {
  // Account APIs allow 100 calls/s (tencent.md §4.3).
  tencentRoute(server, ctx, '/v4/im_open_login_svc/account_import', 100, ({ app, body }) => {
    if (!validUserId(body['UserID'] ?? body['Identifier'])) refuse(70402, 'UserID is invalid');
    app.accounts.add((body['UserID'] ?? body['Identifier']) as string);
    return ok();
  });

  tencentRoute(server, ctx, '/v4/im_open_login_svc/multiaccount_import', 100, ({ app, body }) => {
    const accounts = body['Accounts'];
    if (!Array.isArray(accounts) || accounts.length === 0 || accounts.length > MAX_MULTI_IMPORT) {
      refuse(70402, `Accounts must hold 1 to ${MAX_MULTI_IMPORT} UserIDs`);
    }
    const failed: unknown[] = [];
    for (const id of accounts) {
      if (validUserId(id)) app.accounts.add(id);
      else failed.push(id);
    }
    return ok({ FailAccounts: failed });
  });

  tencentRoute(server, ctx, '/v4/group_open_http_svc/create_group', 200, async (call) => {
    const { app, identifier, body } = call;
    const type = body['Type'];
    if (typeof type !== 'string' || !GROUP_TYPES.has(type)) refuse(10004, 'Type is invalid');
    const name = body['Name'];
    if (typeof name !== 'string' || name === '' || Buffer.byteLength(name) > 100)
      refuse(10004, 'Name is invalid');
    const owner = body['Owner_Account'];
    if (owner !== undefined) {
      if (!validUserId(owner)) refuse(10004, 'Owner_Account is invalid');
      ctx.requireAccount(app, owner, identifier);
    }
    const members = memberIds(body['MemberList']);
    for (const member of members) ctx.requireAccount(app, member, identifier);
    const custom = body['GroupId'];
    if (custom !== undefined && (typeof custom !== 'string' || custom === ''))
      refuse(10015, 'GroupId is invalid');
    if (typeof custom === 'string' && app.groups.has(custom)) refuse(10021, 'GroupId is already used');
    // Refusal: 10016 or the app's 10100–10200 code; no group is made (tencent.md §1.5).
    const creator = typeof owner === 'string' ? owner : identifier;
    await tencentBefore(
      ctx,
      call,
      'Group.CallbackBeforeCreateGroup',
      {
        Operator_Account: identifier,
        Owner_Account: creator,
        Type: type,
        Name: name,
        // Groups of this type the owner already has.
        CreateGroupNum: [...app.groups.values()].filter((g) => g.type === type && g.owner === creator).length,
        MemberList: members.map((member) => ({ Member_Account: member })),
        EventTime: ctx.now(),
      },
      GROUP_RULES,
    );
    const groupId = typeof custom === 'string' ? custom : newGroupId();
    const now = Math.floor(ctx.now() / 1000);
    const group = newTencentGroup(type, name as string, now);
    if (typeof owner === 'string') {
      group.owner = owner;
      group.members.set(owner, { Role: 'Owner', JoinTime: now, MuteUntil: 0 });
    }
    for (const member of members) {
      if (!group.members.has(member))
        group.members.set(member, { Role: 'Member', JoinTime: now, MuteUntil: 0 });
    }
    app.groups.set(groupId, group);
    return ok({ GroupId: groupId });
  });

  tencentRoute(server, ctx, '/v4/group_open_http_svc/add_group_member', 200, async (call) => {
    const { app, identifier, body } = call;
    const group = ctx.group(app, body['GroupId']);
    const members = memberIds(body['MemberList']);
    if (members.length === 0) refuse(10004, 'MemberList is empty');
    // The app server is asked about those who would join; `RefusedMembers_Account` in an allowing
    // answer keeps out only those (tencent.md §1.5), who fail like any member that cannot be added.
    const joining = members.filter((m) => ctx.knownAccount(app, m, identifier) && !group.members.has(m));
    const refused = new Set<string>();
    if (joining.length > 0) {
      const before = await tencentBefore(
        ctx,
        call,
        'Group.CallbackBeforeInviteJoinGroup',
        {
          GroupId: body['GroupId'],
          Type: group.type,
          Operator_Account: identifier,
          DestinationMembers: joining.map((member) => ({ Member_Account: member })),
          EventTime: ctx.now(),
        },
        GROUP_RULES,
      );
      const list = before.action === 'proceed' ? before.reply['RefusedMembers_Account'] : undefined;
      if (before.action === 'proceed' && Array.isArray(list)) {
        for (const id of list) if (typeof id === 'string' && joining.includes(id)) refused.add(id);
        if (refused.size > 0) before.exchange.outcome = 'partial';
      }
    }
    // Result: 0 failed, 1 added, 2 already a member.
    const results = members.map((member) => {
      if (!ctx.knownAccount(app, member, identifier)) return { Member_Account: member, Result: 0 };
      if (group.members.has(member)) return { Member_Account: member, Result: 2 };
      if (refused.has(member)) return { Member_Account: member, Result: 0 };
      group.members.set(member, { Role: 'Member', JoinTime: Math.floor(ctx.now() / 1000), MuteUntil: 0 });
      return { Member_Account: member, Result: 1 };
    });
    return ok({ MemberList: results });
  });
}
