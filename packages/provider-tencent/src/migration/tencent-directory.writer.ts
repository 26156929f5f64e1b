import type {
  MigrationAccount,
  MigrationBlock,
  MigrationContact,
  MigrationItemResult,
  MigrationUserProfile,
} from '@im-gateway/types';
import { chunks } from '@im-gateway/provider-kit';
import { truncateBytes } from './tencent-directory.mapper.js';
import {
  failed,
  inOrder,
  records,
  refused,
  settleChunks,
  type TencentCall,
} from './tencent-migration.calls.js';
import { migrationProfileToTencent } from './tencent-profile.mapper.js';

const ACCOUNTS = 100; // multiaccount_import and account_check (§1.2–1.3)
const FRIENDS = 1000; // friend_import (§1.5)
const BLOCKS = 1000; // black_list_add (§1.6)
/** `AddSource` is required: `AddSource_Type_` + ≤ 8 letters (§1.5). */
const ADD_SOURCE = 'AddSource_Type_Migrate';

/**
 * `multiaccount_import` by 100. Re-importing is idempotent and says nothing, so `account_check` first tells
 * which accounts exist (`exists`); `FailAccounts` fail.
 */
export async function importTencentAccounts(
  call: TencentCall,
  accounts: readonly MigrationAccount[],
): Promise<MigrationItemResult[]> {
  const ids = accounts.map((a) => a.userId);
  const results = await settleChunks(
    chunks(ids, ACCOUNTS),
    (id) => id,
    async (chunk) => {
      const check = await call('im_open_login_svc/account_check', {
        CheckItem: chunk.map((UserID) => ({ UserID })),
      });
      const existing = new Set(
        records(check.ResultItem)
          .filter((r) => r.AccountStatus === 'Imported')
          .map((r) => String(r.UserID)),
      );
      const missing = chunk.filter((id) => !existing.has(id));
      const out: MigrationItemResult[] = chunk
        .filter((id) => existing.has(id))
        .map((key) => ({ key, status: 'exists' }));
      if (missing.length === 0) return out;
      const answer = await call('im_open_login_svc/multiaccount_import', { Accounts: missing });
      const failures = new Set((Array.isArray(answer.FailAccounts) ? answer.FailAccounts : []).map(String));
      for (const key of missing)
        out.push(
          failures.has(key)
            ? refused(key, 'FailAccounts', 'Tencent did not import this account.')
            : { key, status: 'done' },
        );
      return out;
    },
  );
  return inOrder(ids, results);
}

/** The tags each user already has with the values to write (`portrait_get`, 100 users a call). */
async function profilesInPlace(
  call: TencentCall,
  work: readonly { userId: string; items: { Tag: string; Value: unknown }[] }[],
): Promise<Set<string>> {
  const same = new Set<string>();
  for (const part of chunks(work, ACCOUNTS)) {
    const tags = [...new Set(part.flatMap((w) => w.items.map((i) => i.Tag)))];
    const answer = await call('profile/portrait_get', {
      To_Account: part.map((w) => w.userId),
      TagList: tags,
    });
    const have = new Map(
      records(answer.UserProfileItem).map((u) => [
        String(u.To_Account),
        new Map(records(u.ProfileItem).map((i) => [String(i.Tag), JSON.stringify(i.Value)])),
      ]),
    );
    for (const w of part)
      if (w.items.every((i) => have.get(w.userId)?.get(i.Tag) === JSON.stringify(i.Value)))
        same.add(w.userId);
  }
  return same;
}

/**
 * `portrait_set`, one user per call; a profile that cannot be written as tags fails before any call, and one
 * the target already holds (read first with `portrait_get`) answers `exists`.
 */
export async function importTencentProfiles(
  call: TencentCall,
  profiles: readonly MigrationUserProfile[],
): Promise<MigrationItemResult[]> {
  const decided: MigrationItemResult[] = [];
  const work: { userId: string; items: { Tag: string; Value: unknown }[] }[] = [];
  for (const { userId, profile } of profiles) {
    const items = migrationProfileToTencent(profile);
    if ('refused' in items)
      decided.push(
        failed(userId, {
          code: 'validation_failed',
          message: `Tencent cannot take this profile: ${items.refused}.`,
        }),
      );
    else if (items.length === 0)
      decided.push({ key: userId, status: 'skipped', reason: 'the profile is empty' });
    else work.push({ userId, items });
  }
  const same = await profilesInPlace(call, work);
  for (const w of work) if (same.has(w.userId)) decided.push({ key: w.userId, status: 'exists' });
  const results = await settleChunks(
    work.filter((w) => !same.has(w.userId)).map((w) => [w]),
    (w) => w.userId,
    async ([w]) => {
      if (!w) return [];
      await call('profile/portrait_set', { From_Account: w.userId, ProfileItem: w.items });
      return [{ key: w.userId, status: 'done' as const }];
    },
    decided,
  );
  return inOrder(
    profiles.map((p) => p.userId),
    results,
  );
}

/** Every `To_Account` already on a list that pages by StartIndex (friends, blocks). */
async function existingTargets(
  read: (start: number) => Promise<{ targets: string[]; next: number }>,
): Promise<Set<string>> {
  const out = new Set<string>();
  for (let start = 0; ;) {
    const page = await read(start);
    for (const t of page.targets) out.add(t);
    if (page.next === 0 || page.targets.length === 0) return out;
    start = page.next;
  }
}

/** Per-item `ResultItem[{To_Account, ResultCode}]` results of friend_import / black_list_add. */
function itemResults(
  answer: Record<string, unknown>,
  keys: readonly string[],
  what: string,
): MigrationItemResult[] {
  const codes = new Map(
    records(answer.ResultItem).map((r) => [String(r.To_Account), Number(r.ResultCode ?? 0)]),
  );
  return keys.map((key) => {
    const code = codes.get(key) ?? 0;
    return code === 0
      ? { key, status: 'done' }
      : refused(key, code, `Tencent refused this ${what} (${code}).`);
  });
}

/**
 * `friend_import` (one-way, ≤ 1000 per call, all of one owner together as the doc advises against 30008).
 * Friends already on the owner's list (`friend_get`) answer `exists`.
 */
export async function importTencentContacts(
  call: TencentCall,
  owner: string,
  contacts: readonly MigrationContact[],
): Promise<MigrationItemResult[]> {
  const keys = contacts.map((c) => c.friend);
  // A failed read throws: nothing was imported yet, the contract's one case for throwing.
  const existing = await existingTargets(async (start) => {
    const page = await call('sns/friend_get', { From_Account: owner, StartIndex: start });
    const targets = records(page.UserDataItem).map((f) => String(f.To_Account));
    return { targets, next: Number(page.CompleteFlag ?? 1) !== 0 ? 0 : Number(page.NextStartIndex ?? 0) };
  });
  const decided = contacts
    .filter((c) => existing.has(c.friend))
    .map((c): MigrationItemResult => ({ key: c.friend, status: 'exists' }));
  const todo = contacts.filter((c) => !existing.has(c.friend));
  const results = await settleChunks(
    chunks(todo, FRIENDS),
    (c) => c.friend,
    async (chunk) => {
      const answer = await call('sns/friend_import', {
        From_Account: owner,
        AddFriendItem: chunk.map((c) => ({
          To_Account: c.friend,
          AddSource: ADD_SOURCE,
          ...(c.remark !== undefined ? { Remark: truncateBytes(c.remark, 96) } : {}),
          ...(c.groups !== undefined && c.groups.length > 0
            ? { GroupName: c.groups.map((g) => truncateBytes(g, 30)) }
            : {}),
          ...(c.addedAt !== undefined ? { AddTime: Math.floor(c.addedAt / 1000) } : {}),
        })),
      });
      return itemResults(
        answer,
        chunk.map((c) => c.friend),
        'friend',
      );
    },
    decided,
  );
  return inOrder(keys, results);
}

/**
 * `black_list_add` (≤ 1000 per call). Tencent removes the friendship of a blocked pair and keeps no block
 * time given by the caller. Accounts already blocked (`black_list_get`) answer `exists`.
 */
export async function importTencentBlocks(
  call: TencentCall,
  owner: string,
  blocks: readonly MigrationBlock[],
): Promise<MigrationItemResult[]> {
  const keys = blocks.map((b) => b.blocked);
  const existing = await existingTargets(async (start) => {
    const page = await call('sns/black_list_get', {
      From_Account: owner,
      StartIndex: start,
      MaxLimited: 100,
      LastSequence: 0,
    });
    return {
      targets: records(page.BlackListItem).map((b) => String(b.To_Account)),
      next: Number(page.StartIndex ?? 0),
    };
  });
  const decided = blocks
    .filter((b) => existing.has(b.blocked))
    .map((b): MigrationItemResult => ({ key: b.blocked, status: 'exists' }));
  const todo = blocks.filter((b) => !existing.has(b.blocked));
  const results = await settleChunks(
    chunks(todo, BLOCKS),
    (b) => b.blocked,
    async (chunk) => {
      const answer = await call('sns/black_list_add', {
        From_Account: owner,
        To_Account: chunk.map((b) => b.blocked),
      });
      return itemResults(
        answer,
        chunk.map((b) => b.blocked),
        'block',
      );
    },
    decided,
  );
  return inOrder(keys, results);
}
