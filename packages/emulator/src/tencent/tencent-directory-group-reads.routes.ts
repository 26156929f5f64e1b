import type { FastifyInstance } from 'fastify';
import { isObject } from '../common/http-helpers.js';
import { ok, refuse } from './tencent-errors.js';
import { existingGroup } from './tencent-group.lookup.js';
import { tencentRoute } from './tencent-route.js';
import type { TencentContext } from './tencent.context.js';
import type { TencentGroup, TencentMember } from './tencent.types.js';

const LIST_TYPES = new Set(['Public', 'Private', 'ChatRoom', 'AVChatRoom', 'BChatRoom', 'Community']);
const MAX_INFO_GROUPS = 50; // get_group_info
const MAX_LIST_LIMIT = 10_000; // get_appid_group_list

const MEMBER_FIELDS = ['Role', 'JoinTime', 'MsgSeq', 'MsgFlag', 'LastSendMsgTime', 'MuteUntil', 'NameCard'];

function memberView(account: string, m: TencentMember, fields: readonly string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    Role: m.Role,
    JoinTime: m.JoinTime,
    MsgSeq: 0,
    MsgFlag: 'AcceptAndNotify',
    LastSendMsgTime: 0,
    MuteUntil: m.MuteUntil,
    NameCard: '',
  };
  return { Member_Account: account, ...Object.fromEntries(fields.map((f) => [f, all[f]])) };
}

function groupView(id: string, g: TencentGroup, memberFilter: string[] | undefined): Record<string, unknown> {
  const last = g.history.at(-1);
  return {
    GroupId: id,
    ErrorCode: 0,
    ErrorInfo: '',
    Type: g.type,
    Name: g.name,
    Introduction: g.introduction ?? '',
    Notification: g.notification ?? '',
    FaceUrl: g.faceUrl ?? '',
    Owner_Account: g.owner ?? '',
    CreateTime: g.createTime,
    LastInfoTime: g.createTime,
    LastMsgTime: last?.MsgTimeStamp ?? 0,
    NextMsgSeq: g.seq + 1,
    MemberNum: g.members.size,
    MaxMemberNum: g.maxMemberNum,
    ApplyJoinOption: g.applyJoinOption,
    MuteAllMember: g.muteAllMember,
    AppDefinedData: g.appDefinedData,
    ...(memberFilter && g.type !== 'AVChatRoom'
      ? { MemberList: [...g.members].map(([a, m]) => memberView(a, m, memberFilter)) }
      : {}),
  };
}

/** get_appid_group_list, get_group_info, get_group_member_info (migration-apis §1.11–1.13). */
export function registerTencentDirectoryGroupReadRoutes(server: FastifyInstance, ctx: TencentContext): void {
  tencentRoute(server, ctx, '/v4/group_open_http_svc/get_appid_group_list', 1, ({ app, body }) => {
    const limit = body['Limit'] ?? MAX_LIST_LIMIT;
    if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > MAX_LIST_LIMIT)
      refuse(10004, `Limit must be 1–${MAX_LIST_LIMIT}`);
    const next = body['Next'] ?? 0;
    if (!Number.isInteger(next) || (next as number) < 0) refuse(10004, 'Next is invalid');
    const type = body['GroupType'];
    if (type !== undefined && (typeof type !== 'string' || !LIST_TYPES.has(type)))
      refuse(10004, 'GroupType is invalid');
    const all = [...app.groups].filter(([, g]) => type === undefined || g.type === type);
    const page = all.slice(next as number, (next as number) + (limit as number));
    const end = (next as number) + page.length;
    return ok({
      TotalCount: all.length,
      GroupIdList: page.map(([GroupId]) => ({ GroupId })),
      Next: end >= all.length ? 0 : end,
    });
  });

  tencentRoute(server, ctx, '/v4/group_open_http_svc/get_group_info', 200, ({ app, body }) => {
    const ids = body['GroupIdList'];
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_INFO_GROUPS)
      refuse(10004, `GroupIdList must hold 1 to ${MAX_INFO_GROUPS} group ids`);
    const filter = isObject(body['ResponseFilter']) ? body['ResponseFilter'] : {};
    const memberFilter = Array.isArray(filter['MemberInfoFilter'])
      ? (filter['MemberInfoFilter'] as string[])
      : undefined;
    const GroupInfo = ids.map((id) => {
      const group = typeof id === 'string' ? app.groups.get(id) : undefined;
      if (!group) return { GroupId: id, ErrorCode: 10010, ErrorInfo: 'group does not exist' };
      return groupView(id as string, group, memberFilter);
    });
    return ok({ GroupInfo });
  });

  tencentRoute(server, ctx, '/v4/group_open_http_svc/get_group_member_info', 200, ({ app, body }) => {
    const group = existingGroup(app, body['GroupId'], false);
    const community = group.type === 'Community';
    const limit = body['Limit'];
    // The page says ≤ 200, the field table ≤ 6000 (all if omitted); the table's rule is kept. Communities: ≤ 100.
    const maxLimit = community ? 100 : 6000;
    if (
      limit !== undefined &&
      (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > maxLimit)
    )
      refuse(10004, `Limit must be 1–${maxLimit}`);
    const roles = Array.isArray(body['MemberRoleFilter'])
      ? (body['MemberRoleFilter'] as string[])
      : undefined;
    const fields = Array.isArray(body['MemberInfoFilter'])
      ? (body['MemberInfoFilter'] as string[])
      : MEMBER_FIELDS;
    const members = [...group.members].filter(([, m]) => !roles || roles.includes(m.Role));
    // Communities page with `Next` ("" first and last), the others with `Offset`.
    const start = community ? Number(body['Next'] || 0) : Number(body['Offset'] ?? 0);
    if (!Number.isInteger(start) || start < 0) refuse(10004, 'Offset is invalid');
    const page = members.slice(start, limit === undefined ? undefined : start + (limit as number));
    const end = start + page.length;
    return ok({
      MemberNum: members.length,
      MemberList: page.map(([a, m]) => memberView(a, m, fields)),
      ...(community ? { Next: end >= members.length ? '' : String(end) } : {}),
    });
  });
}
