import type { FastifyInstance } from 'fastify';
import { ok, refuse } from './tencent-errors.js';
import { existingGroup } from './tencent-group.lookup.js';
import { tencentRoute } from './tencent-route.js';
import type { TencentContext } from './tencent.context.js';

const MAX_MUTE_MEMBERS = 500; // forbid_send_msg (migration-apis §1.14)
export const MUTE_FOREVER = 4_294_967_295;

/** `forbid_send_msg` and `get_group_muted_account` (migration-apis §1.14). */
export function registerTencentGroupMuteRoutes(server: FastifyInstance, ctx: TencentContext): void {
  tencentRoute(server, ctx, '/v4/group_open_http_svc/forbid_send_msg', 200, ({ app, body }) => {
    const group = existingGroup(app, body['GroupId']);
    const accounts = body['Members_Account'];
    if (
      !Array.isArray(accounts) ||
      accounts.length === 0 ||
      accounts.length > MAX_MUTE_MEMBERS ||
      !accounts.every((a) => typeof a === 'string')
    )
      refuse(10004, `Members_Account must hold 1 to ${MAX_MUTE_MEMBERS} accounts`);
    const time = body['MuteTime'];
    if (!Number.isInteger(time) || (time as number) < 0 || (time as number) > MUTE_FOREVER)
      refuse(10004, 'MuteTime must be a uint32 of seconds');
    const now = Math.floor(ctx.now() / 1000);
    // A duration, not an end time: 0 unmutes, 4294967295 is for ever.
    const until = time === 0 ? 0 : time === MUTE_FOREVER ? MUTE_FOREVER : now + (time as number);
    // The doc names no per-account result: accounts that are not members are left as they are.
    for (const account of accounts as string[]) {
      const member = group.members.get(account);
      if (member) member.MuteUntil = until;
    }
    return ok();
  });

  tencentRoute(server, ctx, '/v4/group_open_http_svc/get_group_muted_account', 200, ({ app, body }) => {
    const groupId = body['GroupId'];
    const group = existingGroup(app, groupId);
    const now = Math.floor(ctx.now() / 1000);
    const MutedAccountList = [...group.members]
      .filter(([, m]) => m.MuteUntil > now)
      .map(([Member_Account, m]) => ({ Member_Account, MutedUntil: m.MuteUntil }));
    return { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', GroupId: groupId, MutedAccountList };
  });
}
