import {
  VendorRequestError,
  type MigrationChatroom,
  type MigrationGroup,
  type MigrationItemResult,
  type MigrationMember,
  type MigrationMute,
} from '@im-gateway/types';
import { chunks } from '@im-gateway/provider-kit';
import { importGroupBody, TENCENT_FOREVER } from './tencent-directory.mapper.js';
import {
  failed,
  inOrder,
  itemError,
  records,
  refused,
  settleChunks,
  type TencentCall,
} from './tencent-migration.calls.js';

const MEMBERS = 300; // import_group_member (§1.8)
const MUTES = 500; // forbid_send_msg (§1.14)
const ROOM_BACKDATE_MS = 90 * 86_400_000;
const MUTE_SKEW_SECONDS = 5;

/** `import_group`; a GroupId already used (10021) is the group imported before: `exists`. */
async function importGroupCall(
  call: TencentCall,
  key: string,
  body: Record<string, unknown>,
): Promise<MigrationItemResult> {
  try {
    const answer = await call('group_open_http_svc/import_group', body);
    return { key, status: 'done', targetId: String(answer.GroupId ?? key) };
  } catch (error) {
    if (error instanceof VendorRequestError && error.vendorCode === '10021')
      return { key, status: 'exists', targetId: key };
    if (error instanceof VendorRequestError) return failed(key, itemError(error));
    throw error;
  }
}

/** `import_group` with the group's own creation time and id (no callbacks, no notifications, §1.7). */
export function importTencentGroup(call: TencentCall, group: MigrationGroup): Promise<MigrationItemResult> {
  return importGroupCall(call, group.groupId, importGroupBody(group));
}

/** `import_group_member` results: 1 imported, 2 already a member, 0 refused (§1.8). */
async function importMemberChunk(
  call: TencentCall,
  groupId: string,
  list: { Member_Account: string; Role?: 'Admin'; JoinTime?: number }[],
): Promise<MigrationItemResult[]> {
  const answer = await call('group_open_http_svc/import_group_member', {
    GroupId: groupId,
    MemberList: list,
  });
  const codes = new Map(records(answer.MemberList).map((m) => [String(m.Member_Account), Number(m.Result)]));
  return list.map(({ Member_Account: key }) => {
    const result = codes.get(key);
    if (result === 1) return { key, status: 'done' };
    if (result === 2) return { key, status: 'exists' };
    return refused(
      key,
      `Result ${result ?? 'missing'}`,
      'Tencent refused this member: not an imported account, or a join time not after the group creation and before now.',
    );
  });
}

/** Members by 300; the owner is already in (set by import_group) and answers `exists`. */
export async function importTencentMembers(
  call: TencentCall,
  groupId: string,
  members: readonly MigrationMember[],
): Promise<MigrationItemResult[]> {
  const list = members.map((m) => ({
    Member_Account: m.userId,
    ...(m.role === 'admin' ? { Role: 'Admin' as const } : {}),
    ...(m.joinedAt !== undefined && m.role !== 'owner' ? { JoinTime: Math.floor(m.joinedAt / 1000) } : {}),
  }));
  const results = await settleChunks(
    chunks(list, MEMBERS),
    (m) => m.Member_Account,
    (chunk) => importMemberChunk(call, groupId, chunk),
  );
  return inOrder(
    members.map((m) => m.userId),
    results,
  );
}

/**
 * `forbid_send_msg` takes a duration, so each mute becomes the seconds left at `now` (4294967295 for ever);
 * mutes of one duration share a call (≤ 500). An ended mute is skipped; one already in place (read first with
 * `get_group_muted_account`) answers `exists`.
 */
export async function importTencentMutes(
  call: TencentCall,
  groupId: string,
  mutes: readonly MigrationMute[],
  now: number,
): Promise<MigrationItemResult[]> {
  const decided: MigrationItemResult[] = [];
  const byDuration = new Map<number, string[]>();
  // Mutes already in place (the same end, give or take the clocks' skew) answer `exists`.
  const answer = await call('group_open_http_svc/get_group_muted_account', { GroupId: groupId });
  const muted = new Map(
    records(answer.MutedAccountList).map((m) => [String(m.Member_Account), Number(m.MutedUntil)]),
  );
  for (const mute of mutes) {
    const seconds =
      mute.mutedUntil === null
        ? TENCENT_FOREVER
        : Math.min(Math.ceil((mute.mutedUntil - now) / 1000), TENCENT_FOREVER - 1);
    if (seconds <= 0) {
      decided.push({ key: mute.userId, status: 'skipped', reason: 'the mute has ended' });
      continue;
    }
    const until = muted.get(mute.userId);
    const end = mute.mutedUntil === null ? TENCENT_FOREVER : Math.ceil(mute.mutedUntil / 1000);
    if (until !== undefined && Math.abs(until - end) <= MUTE_SKEW_SECONDS) {
      decided.push({ key: mute.userId, status: 'exists' });
      continue;
    }
    byDuration.set(seconds, [...(byDuration.get(seconds) ?? []), mute.userId]);
  }
  const calls = [...byDuration].flatMap(([seconds, users]) =>
    chunks(users, MUTES).map((part) => ({ seconds, part })),
  );
  const results: MigrationItemResult[] = [...decided];
  const errors: unknown[] = [];
  for (const { seconds, part } of calls) {
    try {
      await call('group_open_http_svc/forbid_send_msg', {
        GroupId: groupId,
        Members_Account: part,
        MuteTime: seconds,
      });
      results.push(...part.map((key): MigrationItemResult => ({ key, status: 'done' })));
    } catch (error) {
      errors.push(error);
      results.push(...part.map((key) => failed(key, itemError(error))));
    }
  }
  if (errors.length > 0 && errors.length === calls.length && decided.length === 0) throw errors[0];
  return inOrder(
    mutes.map((m) => m.userId),
    results,
  );
}

/**
 * A chat room becomes a ChatRoom (Meeting) group, the one room type `import_group` takes (AVChatRoom does not,
 * §1.7), then its members and admins. One result for the room: `failed` when a member was refused, so a
 * re-run (room `exists`, members already in answer 2) completes it.
 */
export async function importTencentChatroom(
  call: TencentCall,
  room: MigrationChatroom,
  now: number,
): Promise<MigrationItemResult> {
  const body = {
    ...importGroupBody({
      groupId: room.roomId,
      name: room.name,
      public: true,
      // A room carries no creation time, and Tencent takes group history only after the group's creation
      // (§1.9): dated back past every vendor's readable history (Easemob's longest plan keeps 90 days).
      createdAt: now - ROOM_BACKDATE_MS,
      ...(room.owner !== undefined ? { owner: room.owner } : {}),
      ...(room.description !== undefined ? { description: room.description } : {}),
      ...(room.maxMembers !== undefined ? { maxMembers: room.maxMembers } : {}),
      ...(room.custom !== undefined ? { custom: room.custom } : {}),
    }),
    Type: 'ChatRoom',
  };
  const created = await importGroupCall(call, room.roomId, body);
  if (created.status === 'failed') return created;
  const admins = new Set(room.admins);
  const people = [...new Set([...room.members, ...room.admins])].filter((m) => m !== room.owner);
  const list = people.map((m) => ({
    Member_Account: m,
    ...(admins.has(m) ? { Role: 'Admin' as const } : {}),
  }));
  const refusedMembers: string[] = [];
  for (const chunk of chunks(list, MEMBERS)) {
    try {
      const results = await importMemberChunk(call, room.roomId, chunk);
      refusedMembers.push(...results.filter((r) => r.status === 'failed').map((r) => r.key));
    } catch (error) {
      if (!(error instanceof VendorRequestError)) throw error;
      return failed(room.roomId, itemError(error));
    }
  }
  if (refusedMembers.length > 0)
    return refused(
      room.roomId,
      'members',
      `Tencent refused ${refusedMembers.length} member(s): ${refusedMembers.slice(0, 5).join(', ')}.`,
    );
  return created;
}
