import type { FastifyInstance } from 'fastify';
import { isObject } from '../common/http-helpers.js';
import { newGroupId, validUserId } from './tencent-accounts.routes.js';
import { ok, refuse } from './tencent-errors.js';
import { tencentRoute } from './tencent-route.js';
import { newTencentGroup, type TencentContext } from './tencent.context.js';
import { existingGroup } from './tencent-group.lookup.js';
import type { TencentGroup } from './tencent.types.js';

const IMPORT_TYPES = new Set(['Private', 'Work', 'Public', 'ChatRoom', 'Meeting', 'Community']);
const JOIN_OPTIONS = new Set(['FreeAccess', 'NeedPermission', 'DisableApply']);
const MAX_IMPORT_MEMBERS = 300; // import_group_member → 10005

const bytes = (v: unknown) => (typeof v === 'string' ? Buffer.byteLength(v) : 0);

function checkImportGroup(body: Record<string, unknown>, now: number): void {
  const type = body['Type'];
  if (type === 'AVChatRoom') refuse(10007, 'AVChatRoom cannot be imported; use create_group');
  if (typeof type !== 'string' || !IMPORT_TYPES.has(type)) refuse(10004, 'Type is invalid');
  const name = body['Name'];
  if (typeof name !== 'string' || name === '' || bytes(name) > 30) refuse(10004, 'Name must be 1–30 bytes');
  const id = body['GroupId'];
  // Custom ids: printable ASCII, ≤ 48 bytes, not starting with @TGS# (IP:使用限制).
  if (
    id !== undefined &&
    (typeof id !== 'string' || !/^[\x20-\x7e]{1,48}$/.test(id) || id.startsWith('@TGS#'))
  )
    refuse(10004, 'GroupId must be 1–48 printable ASCII characters not starting with @TGS#');
  if (bytes(body['Introduction']) > 240) refuse(10004, 'Introduction is longer than 240 bytes');
  if (bytes(body['Notification']) > 300) refuse(10004, 'Notification is longer than 300 bytes');
  if (bytes(body['FaceUrl']) > 100) refuse(10004, 'FaceUrl is longer than 100 bytes');
  const max = body['MaxMemberCount'];
  if (max !== undefined && (!Number.isInteger(max) || (max as number) < 1 || (max as number) > 6000))
    refuse(10004, 'MaxMemberCount must be 1–6000');
  const join = body['ApplyJoinOption'];
  if (join !== undefined && (typeof join !== 'string' || !JOIN_OPTIONS.has(join)))
    refuse(10004, 'ApplyJoinOption is invalid');
  const created = body['CreateTime'];
  if (
    created !== undefined &&
    (!Number.isInteger(created) || (created as number) < 0 || (created as number) > now)
  )
    refuse(10004, 'CreateTime must be a past Unix time in seconds');
  const data = body['AppDefinedData'];
  if (
    data !== undefined &&
    (!Array.isArray(data) ||
      !data.every((d) => isObject(d) && typeof d['Key'] === 'string' && typeof d['Value'] === 'string'))
  )
    refuse(10004, 'AppDefinedData must hold { Key, Value } strings');
}

/** import_group and import_group_member (migration-apis §1.7–1.8): no callbacks, no notifications. */
export function registerTencentGroupImportRoutes(server: FastifyInstance, ctx: TencentContext): void {
  tencentRoute(server, ctx, '/v4/group_open_http_svc/import_group', 200, ({ app, identifier, body }) => {
    const now = Math.floor(ctx.now() / 1000);
    checkImportGroup(body, now);
    const owner = body['Owner_Account'];
    if (owner !== undefined && (!validUserId(owner) || !ctx.knownAccount(app, owner, identifier)))
      refuse(10004, 'Owner_Account is not an imported account');
    const custom = body['GroupId'] as string | undefined;
    if (custom !== undefined && app.groups.has(custom)) refuse(10021, `GroupId ${custom} is already used`);
    const groupId = custom ?? newGroupId();
    const created = (body['CreateTime'] as number | undefined) ?? now;
    const group = newTencentGroup(body['Type'] as string, body['Name'] as string, created);
    if (typeof body['Introduction'] === 'string') group.introduction = body['Introduction'];
    if (typeof body['Notification'] === 'string') group.notification = body['Notification'];
    if (typeof body['FaceUrl'] === 'string') group.faceUrl = body['FaceUrl'];
    if (typeof body['MaxMemberCount'] === 'number') group.maxMemberNum = body['MaxMemberCount'];
    if (typeof body['ApplyJoinOption'] === 'string') group.applyJoinOption = body['ApplyJoinOption'];
    if (Array.isArray(body['AppDefinedData']))
      group.appDefinedData = body['AppDefinedData'] as TencentGroup['appDefinedData'];
    if (typeof owner === 'string') {
      group.owner = owner;
      group.members.set(owner, { Role: 'Owner', JoinTime: created, MuteUntil: 0 });
    }
    app.groups.set(groupId, group);
    return ok({ GroupId: groupId });
  });

  tencentRoute(
    server,
    ctx,
    '/v4/group_open_http_svc/import_group_member',
    200,
    ({ app, identifier, body }) => {
      const group = existingGroup(app, body['GroupId'], false);
      const list = body['MemberList'];
      if (!Array.isArray(list) || list.length === 0) refuse(10004, 'MemberList must be a non-empty array');
      if (list.length > MAX_IMPORT_MEMBERS)
        refuse(10005, `MemberList holds more than ${MAX_IMPORT_MEMBERS} accounts`);
      const now = Math.floor(ctx.now() / 1000);
      // Result: 0 failed, 1 imported, 2 already a member (§1.8).
      const MemberList = list.map((item) => {
        const account = isObject(item) ? item['Member_Account'] : undefined;
        if (!isObject(item) || !validUserId(account)) return { Member_Account: account, Result: 0 };
        if (group.members.has(account)) return { Member_Account: account, Result: 2 };
        if (!ctx.knownAccount(app, account, identifier)) return { Member_Account: account, Result: 0 };
        const role = item['Role'];
        if (role !== undefined && role !== 'Admin') return { Member_Account: account, Result: 0 };
        const join = item['JoinTime'];
        // The join time must lie after the group's creation and before now, or that member fails.
        if (
          join !== undefined &&
          (!Number.isInteger(join) || (join as number) <= group.createTime || (join as number) >= now)
        )
          return { Member_Account: account, Result: 0 };
        group.members.set(account, {
          Role: role === 'Admin' ? 'Admin' : 'Member',
          JoinTime: (join as number | undefined) ?? now,
          MuteUntil: 0,
        });
        return { Member_Account: account, Result: 1 };
      });
      return ok({ MemberList });
    },
  );

  // 1 call/s (§1.11). `Next` is the position after the page; 0 = done.
}
