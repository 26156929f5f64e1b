import type {
  MigrationChatroom,
  MigrationContact,
  MigrationGroup,
  MigrationMember,
  MigrationMute,
} from '@im-gateway/types';
import { isRecord, readNumber, readString } from '@im-gateway/provider-kit/callback';

/** Group types that are chat rooms: ChatRoom (= Meeting) and AVChatRoom (migration-apis §1.7, §3). */
export const TENCENT_CHATROOM_TYPES: ReadonlySet<string> = new Set(['ChatRoom', 'Meeting', 'AVChatRoom']);
/** `MuteTime` / `MutedUntil` for ever (§1.14). */
export const TENCENT_FOREVER = 4_294_967_295;

type Json = Record<string, unknown>;
const records = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);
const text = (value: unknown) => {
  const s = readString(value);
  return s === undefined || s === '' ? undefined : s;
};

function defined<T extends object>(entries: T): T {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) as T;
}

/** `AppDefinedData[{Key,Value}]` as one JSON object (the contract's `custom`); none when empty. */
function customOf(data: unknown): string | undefined {
  const entries = records(data).map((d) => [String(d.Key), String(d.Value)] as const);
  return entries.length === 0 ? undefined : JSON.stringify(Object.fromEntries(entries));
}

/** One `get_group_info` group (§1.12) → a group. */
export function tencentGroupToMigration(info: Json): MigrationGroup {
  const join = readString(info.ApplyJoinOption);
  return defined({
    groupId: String(info.GroupId),
    name: readString(info.Name) ?? '',
    owner: text(info.Owner_Account),
    description: text(info.Introduction),
    announcement: text(info.Notification),
    avatarUrl: text(info.FaceUrl),
    public: info.Type === 'Public',
    // FreeAccess: anyone joins; NeedPermission / DisableApply: not without approval (mapping is inference, §3).
    membersOnly: join === undefined ? undefined : join !== 'FreeAccess',
    maxMembers: readNumber(info.MaxMemberNum),
    createdAt: (readNumber(info.CreateTime) ?? 0) * 1000,
    muteAll: info.MuteAllMember === undefined ? undefined : info.MuteAllMember === 'On',
    custom: customOf(info.AppDefinedData),
  });
}

/** A chat room group and its members (`members`: every member but the owner; `admins`: those of Role Admin). */
export function tencentChatroomToMigration(info: Json, members: readonly Json[]): MigrationChatroom {
  const owner = text(info.Owner_Account);
  const others = members.filter((m) => m.Member_Account !== owner);
  return defined({
    roomId: String(info.GroupId),
    name: readString(info.Name) ?? '',
    owner,
    description: text(info.Introduction),
    maxMembers: readNumber(info.MaxMemberNum),
    members: others.map((m) => String(m.Member_Account)),
    admins: others.filter((m) => roleOf(m.Role) === 'admin').map((m) => String(m.Member_Account)),
    custom: customOf(info.AppDefinedData),
  });
}

/** Roles as printed, trimmed: the doc's own example prints `"Member "` with a trailing space (§1.13). */
function roleOf(role: unknown): MigrationMember['role'] {
  const value = (readString(role) ?? '').trim();
  return value === 'Owner' ? 'owner' : value === 'Admin' ? 'admin' : 'member';
}

/** One `get_group_member_info` member (§1.13) → a member; JoinTime seconds → ms. */
export function tencentMemberToMigration(groupId: string, member: Json): MigrationMember {
  const joined = readNumber(member.JoinTime);
  return defined({
    groupId,
    userId: String(member.Member_Account),
    role: roleOf(member.Role),
    joinedAt: joined ? joined * 1000 : undefined,
  });
}

/** One `MutedAccountList` item (§1.14) → a mute; 4294967295 is for ever. */
export function tencentMuteToMigration(groupId: string, item: Json): MigrationMute {
  const until = readNumber(item.MutedUntil) ?? 0;
  return {
    groupId,
    userId: String(item.Member_Account),
    mutedUntil: until >= TENCENT_FOREVER ? null : until * 1000,
  };
}

/** One `friend_get` `UserDataItem` (§1.5) → a contact of `owner`. */
export function tencentFriendToMigration(owner: string, item: Json): MigrationContact {
  const values = new Map(records(item.ValueItem).map((v) => [String(v.Tag), v.Value]));
  const groups = values.get('Tag_SNS_IM_Group');
  const added = readNumber(values.get('Tag_SNS_IM_AddTime'));
  return defined({
    owner,
    friend: String(item.To_Account),
    remark: text(values.get('Tag_SNS_IM_Remark')),
    addedAt: added ? added * 1000 : undefined,
    groups: Array.isArray(groups) && groups.length > 0 ? groups.map(String) : undefined,
  });
}

/** `value` cut to at most `max` UTF-8 bytes, at a character boundary. */
export function truncateBytes(value: string, max: number): string {
  if (Buffer.byteLength(value) <= max) return value;
  let out = '';
  for (const ch of value) {
    if (Buffer.byteLength(out + ch) > max) break;
    out += ch;
  }
  return out;
}

/** `custom` back to `AppDefinedData`: only a JSON object of strings fits Tencent's key/value list. */
export function appDefinedData(custom: string | undefined): { Key: string; Value: string }[] | undefined {
  if (custom === undefined) return undefined;
  try {
    const parsed = JSON.parse(custom) as unknown;
    if (!isRecord(parsed)) return undefined;
    const entries = Object.entries(parsed);
    if (entries.length === 0 || !entries.every(([, v]) => typeof v === 'string')) return undefined;
    return entries.map(([Key, Value]) => ({ Key, Value: Value as string }));
  } catch {
    return undefined;
  }
}

/** A group (or a chat room, as `ChatRoom`) → the `import_group` body (§1.7). */
export function importGroupBody(group: MigrationGroup): Record<string, unknown> {
  const join =
    group.membersOnly === undefined ? undefined : group.membersOnly ? 'NeedPermission' : 'FreeAccess';
  return defined({
    GroupId: group.groupId,
    Type: group.public ? 'Public' : 'Private',
    // Tencent's limits: Name ≤ 30 bytes, Introduction ≤ 240, Notification ≤ 300; shortened rather than lose the group.
    Name: truncateBytes(group.name, 30),
    Owner_Account: group.owner,
    Introduction: group.description === undefined ? undefined : truncateBytes(group.description, 240),
    Notification: group.announcement === undefined ? undefined : truncateBytes(group.announcement, 300),
    // A URL cut short is no URL: a longer one is left out.
    FaceUrl:
      group.avatarUrl !== undefined && Buffer.byteLength(group.avatarUrl) <= 100
        ? group.avatarUrl
        : undefined,
    MaxMemberCount: group.maxMembers === undefined ? undefined : Math.min(group.maxMembers, 6000),
    ApplyJoinOption: join,
    AppDefinedData: appDefinedData(group.custom),
    CreateTime: Math.floor(group.createdAt / 1000),
  });
}
