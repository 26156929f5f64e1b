import type {
  MigrationBlock,
  MigrationChatroom,
  MigrationContact,
  MigrationGroup,
  MigrationMember,
  MigrationMute,
  MigrationPage,
  MigrationUserProfile,
} from '@im-gateway/types';
import { chunks } from '@im-gateway/provider-kit';
import {
  tencentChatroomToMigration,
  tencentFriendToMigration,
  tencentGroupToMigration,
  tencentMemberToMigration,
  tencentMuteToMigration,
  TENCENT_CHATROOM_TYPES,
} from './tencent-directory.mapper.js';
import { records, type Json, type TencentCall } from './tencent-migration.calls.js';
import {
  tencentProfileTags,
  tencentProfileToMigration,
  type TencentProfileItem,
} from './tencent-profile.mapper.js';

const PROFILE_USERS = 100; // portrait_get (§1.4)
const BLOCK_PAGE = 100; // black_list_get MaxLimited: the maximum is not documented
const GROUP_PAGE = 50; // get_appid_group_list page = one get_group_info call (≤ 50, §1.12)
const MEMBER_PAGE = 100; // get_group_member_info: "≤ 200, 100 recommended" (§1.13)

const cursorNumber = (cursor: string | null) => (cursor === null ? 0 : Number(cursor));

/** Profiles of known users, `portrait_get` by 100; users the vendor does not know are left out. */
export async function readTencentProfiles(
  call: TencentCall,
  userIds: readonly string[],
  customKeys: readonly string[] | undefined,
): Promise<MigrationUserProfile[]> {
  const out: MigrationUserProfile[] = [];
  for (const chunk of chunks(userIds, PROFILE_USERS)) {
    const answer = await call('profile/portrait_get', {
      To_Account: chunk,
      TagList: tencentProfileTags(customKeys),
    });
    for (const item of records(answer.UserProfileItem)) {
      if (Number(item.ResultCode ?? 0) !== 0) continue;
      out.push({
        userId: String(item.To_Account),
        profile: tencentProfileToMigration(records(item.ProfileItem) as unknown as TencentProfileItem[]),
      });
    }
  }
  return out;
}

/** `friend_get` from `StartIndex` (the cursor) until `CompleteFlag`. */
export async function readTencentContacts(
  call: TencentCall,
  owner: string,
  cursor: string | null,
): Promise<MigrationPage<MigrationContact>> {
  const answer = await call('sns/friend_get', { From_Account: owner, StartIndex: cursorNumber(cursor) });
  const items = records(answer.UserDataItem).map((item) => tencentFriendToMigration(owner, item));
  const done = Number(answer.CompleteFlag ?? 1) !== 0 || !answer.NextStartIndex;
  return { items, next: done ? null : String(answer.NextStartIndex) };
}

/** `black_list_get` from `StartIndex`; a returned 0 means done (§1.6). */
export async function readTencentBlocks(
  call: TencentCall,
  owner: string,
  cursor: string | null,
): Promise<MigrationPage<MigrationBlock>> {
  const answer = await call('sns/black_list_get', {
    From_Account: owner,
    StartIndex: cursorNumber(cursor),
    MaxLimited: BLOCK_PAGE,
    LastSequence: 0,
  });
  const items = records(answer.BlackListItem).map((b) => ({ owner, blocked: String(b.To_Account) }));
  const next = Number(answer.StartIndex ?? 0);
  return { items, next: next === 0 ? null : String(next) };
}

/** One page of the app's group list with each group's details; `rooms` picks chat rooms or the other groups. */
async function groupPage(
  call: TencentCall,
  cursor: string | null,
  rooms: boolean,
): Promise<{ infos: Json[]; next: string | null }> {
  const list = await call('group_open_http_svc/get_appid_group_list', {
    Limit: GROUP_PAGE,
    Next: cursorNumber(cursor),
  });
  const ids = records(list.GroupIdList).map((g) => String(g.GroupId));
  const next = Number(list.Next ?? 0);
  if (ids.length === 0) return { infos: [], next: next === 0 ? null : String(next) };
  const info = await call('group_open_http_svc/get_group_info', { GroupIdList: ids });
  const infos = records(info.GroupInfo).filter(
    (g) => Number(g.ErrorCode ?? 0) === 0 && TENCENT_CHATROOM_TYPES.has(String(g.Type)) === rooms,
  );
  return { infos, next: next === 0 ? null : String(next) };
}

export async function readTencentGroups(
  call: TencentCall,
  cursor: string | null,
): Promise<MigrationPage<MigrationGroup>> {
  const { infos, next } = await groupPage(call, cursor, false);
  return { items: infos.map(tencentGroupToMigration), next };
}

async function allMembers(call: TencentCall, groupId: string): Promise<Json[]> {
  const out: Json[] = [];
  for (let offset = 0; ;) {
    const answer = await call('group_open_http_svc/get_group_member_info', {
      GroupId: groupId,
      Limit: MEMBER_PAGE,
      Offset: offset,
    });
    const page = records(answer.MemberList);
    out.push(...page);
    offset += page.length;
    if (page.length === 0 || offset >= Number(answer.MemberNum ?? 0)) return out;
  }
}

/** Chat rooms with their members; AVChatRoom members cannot be read (get_group_member_info refuses it). */
export async function readTencentChatrooms(
  call: TencentCall,
  cursor: string | null,
): Promise<MigrationPage<MigrationChatroom>> {
  const { infos, next } = await groupPage(call, cursor, true);
  const items: MigrationChatroom[] = [];
  for (const info of infos) {
    const members = info.Type === 'AVChatRoom' ? [] : await allMembers(call, String(info.GroupId));
    items.push(tencentChatroomToMigration(info, members));
  }
  return { items, next };
}

/** `get_group_member_info` by `Limit` / `Offset` (the cursor). */
export async function readTencentMembers(
  call: TencentCall,
  groupId: string,
  cursor: string | null,
): Promise<MigrationPage<MigrationMember>> {
  const offset = cursorNumber(cursor);
  const answer = await call('group_open_http_svc/get_group_member_info', {
    GroupId: groupId,
    Limit: MEMBER_PAGE,
    Offset: offset,
  });
  const page = records(answer.MemberList);
  const end = offset + page.length;
  return {
    items: page.map((m) => tencentMemberToMigration(groupId, m)),
    next: page.length === 0 || end >= Number(answer.MemberNum ?? 0) ? null : String(end),
  };
}

export async function readTencentMutes(call: TencentCall, groupId: string): Promise<MigrationMute[]> {
  const answer = await call('group_open_http_svc/get_group_muted_account', { GroupId: groupId });
  return records(answer.MutedAccountList).map((m) => tencentMuteToMigration(groupId, m));
}
