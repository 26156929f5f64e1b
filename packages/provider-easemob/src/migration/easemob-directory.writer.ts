import {
  VendorRequestError,
  type MigrationAccount,
  type MigrationBlock,
  type MigrationChatroom,
  type MigrationContact,
  type MigrationGroup,
  type MigrationItemResult,
  type MigrationMember,
  type MigrationMute,
  type MigrationUserProfile,
  type VendorCallContext,
} from '@im-gateway/types';
import { chunks, failedItem } from '@im-gateway/provider-kit';
import { isRecord, readString } from '@im-gateway/provider-kit/callback';
import type { EasemobAnswer } from '../rest/easemob-http.js';
import type { EasemobRestClient } from '../rest/easemob-rest.client.js';
import { EASEMOB_IMPORT_BATCH as BATCH, EASEMOB_MIGRATION_APIS as API } from './easemob-migration.apis.js';
import { EASEMOB_PROFILE_KEYS, toEasemobMetadata } from './easemob-profile.mapper.js';

const e = encodeURIComponent;
const CUSTOM_ID = /^[a-z0-9]{1,64}$/;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const strings = (value: unknown): string[] =>
  list(value).flatMap((v) => (typeof v === 'string' && v !== '' ? [v] : []));

const rejected = (message: string, vendorCode?: string) =>
  new VendorRequestError('vendor_rejected', message, vendorCode);

/**
 * Runs one batch call for `keys`; when the vendor rejects the batch as a whole (one bad item fails an
 * Easemob batch), each key is tried alone, so one item's error fails that item only. Errors that are not
 * about the items (limits, outages, auth) fail the batch as they are.
 */
async function isolating(
  keys: readonly string[],
  batch: (keys: readonly string[]) => Promise<MigrationItemResult[]>,
): Promise<MigrationItemResult[]> {
  try {
    return await batch(keys);
  } catch (error) {
    if (keys.length > 1 && error instanceof VendorRequestError && error.code === 'vendor_rejected') {
      const out: MigrationItemResult[] = [];
      for (const key of keys) out.push(...(await isolating([key], batch)));
      return out;
    }
    return keys.map((key) => failedItem(key, error));
  }
}

/** The body of a batch registration (§2.1): `[{username, password}]`. */
export function easemobRegisterBody(
  userIds: readonly string[],
  passwordFor: (userId: string) => string,
): { username: string; password: string }[] {
  return userIds.map((username) => ({ username, password: passwordFor(username) }));
}

/** `isolating` over slices of at most `size` keys: the vendor's per-call maximum, whatever a caller passes. */
async function inBatches(
  keys: readonly string[],
  size: number,
  batch: (keys: readonly string[]) => Promise<MigrationItemResult[]>,
): Promise<MigrationItemResult[]> {
  const out: MigrationItemResult[] = [];
  for (const slice of chunks(keys, size)) out.push(...(await isolating(slice, batch)));
  return out;
}

/** Importing into an Easemob app's directory (migration facts §2.1–2.8). */
export class EasemobDirectoryWriter {
  constructor(
    private readonly client: EasemobRestClient,
    private readonly customIds: boolean,
  ) {}

  private get(ctx: VendorCallContext, api: string, path: string): Promise<EasemobAnswer> {
    return ctx.call(api, 1, (timeoutMs) => this.client.get(path, timeoutMs));
  }

  private post(ctx: VendorCallContext, api: string, path: string, body: unknown): Promise<EasemobAnswer> {
    return ctx.call(api, 1, (timeoutMs) => this.client.post(path, body, timeoutMs));
  }

  /** Batch registration (≤ 60, password required); users that exist come back in `data[]` → `exists` (§2.1). */
  importAccounts(
    accounts: readonly MigrationAccount[],
    passwordFor: (userId: string) => string,
    ctx: VendorCallContext,
  ): Promise<MigrationItemResult[]> {
    return inBatches(
      accounts.map((a) => a.userId),
      BATCH.accounts,
      async (ids) => {
        const body = easemobRegisterBody(ids, passwordFor);
        const answer = await this.post(ctx, API.users, '/users', body);
        const created = new Set(
          list(answer.body.entities).flatMap((u) =>
            isRecord(u) && readString(u.username) ? [String(u.username)] : [],
          ),
        );
        const existing = new Set(
          list(answer.body.data).flatMap((u) =>
            isRecord(u) && readString(u.username) ? [String(u.username)] : [],
          ),
        );
        return ids.map((key): MigrationItemResult => {
          // Easemob folds ids to lower case: the answer names the stored id.
          const stored = key.toLowerCase();
          if (created.has(stored)) return { key, status: 'done', targetId: stored };
          if (existing.has(stored)) return { key, status: 'exists', targetId: stored };
          return failedItem(
            key,
            rejected('Easemob registered neither this user nor reported it as existing.'),
          );
        });
      },
    );
  }

  /** One form PUT per user (§2.3); attributes equal to what the target holds answer `exists`. */
  async importProfiles(
    profiles: readonly MigrationUserProfile[],
    ctx: VendorCallContext,
  ): Promise<MigrationItemResult[]> {
    const out: MigrationItemResult[] = [];
    for (const { userId, profile } of profiles) {
      try {
        const form = toEasemobMetadata(profile);
        const current = await this.post(ctx, API.metadata, '/metadata/user/get', {
          targets: [userId],
          properties: [...new Set([...EASEMOB_PROFILE_KEYS, ...Object.keys(form)])],
        });
        const held =
          isRecord(current.body.data) && isRecord(current.body.data[userId]) ? current.body.data[userId] : {};
        if (Object.entries(form).every(([k, v]) => held[k] === v)) {
          out.push({ key: userId, status: 'exists' });
          continue;
        }
        await ctx.call(API.metadata, 1, (timeoutMs) =>
          this.client.putForm(`/metadata/user/${e(userId)}`, form, timeoutMs),
        );
        out.push({ key: userId, status: 'done' });
      } catch (error) {
        out.push(failedItem(userId, error));
      }
    }
    return out;
  }

  /**
   * Creates the group with its owner only (members follow through `importMembers`). Easemob sets the
   * creation time itself; with `customIds` the group keeps its mapped id and a re-run finds it (§2.7).
   */
  async importGroup(group: MigrationGroup, ctx: VendorCallContext): Promise<MigrationItemResult> {
    const key = group.groupId;
    if (!group.owner)
      return { key, status: 'skipped', reason: 'Easemob requires a group owner; the source has none.' };
    const custom = this.customIds && CUSTOM_ID.test(group.groupId);
    try {
      if (custom && (await this.groupExists(group.groupId, ctx)))
        return { key, status: 'exists', targetId: group.groupId };
      const answer = await this.post(ctx, API.groups, '/chatgroups', {
        ...(custom ? { groupid: group.groupId } : {}),
        groupname: group.name,
        description: group.description ?? '',
        ...(group.avatarUrl ? { avatar: group.avatarUrl } : {}),
        public: group.public,
        membersonly: group.membersOnly ?? false,
        ...(group.maxMembers ? { maxusers: group.maxMembers } : {}),
        owner: group.owner,
        ...(group.custom ? { custom: group.custom } : {}),
      });
      const targetId = isRecord(answer.body.data) ? readString(answer.body.data.groupid) : undefined;
      if (!targetId) return failedItem(key, rejected('Easemob created the group without answering its id.'));
      if (group.muteAll) await this.post(ctx, API.groups, `/chatgroups/${e(targetId)}/ban`, {});
      return { key, status: 'done', targetId };
    } catch (error) {
      return failedItem(key, error);
    }
  }

  private async groupExists(groupId: string, ctx: VendorCallContext): Promise<boolean> {
    try {
      await this.get(ctx, API.groups, `/chatgroups/${e(groupId)}`);
      return true;
    } catch (error) {
      if (error instanceof VendorRequestError && error.code === 'vendor_rejected') return false;
      throw error;
    }
  }

  /**
   * Adds members (≤ 60 a call, no join time can be given) and then makes the admins, one call each (§2.7).
   * Members and admins the group already has answer `exists`; the owner was set at creation.
   */
  async importMembers(
    groupId: string,
    members: readonly MigrationMember[],
    ctx: VendorCallContext,
  ): Promise<MigrationItemResult[]> {
    let held: { owner?: string; members: Set<string>; admins: Set<string> };
    try {
      held = await this.groupMembers(groupId, ctx);
    } catch (error) {
      return members.map((m) => failedItem(m.userId, error));
    }
    const results = new Map<string, MigrationItemResult>();
    const toAdd: string[] = [];
    for (const m of members) {
      if (m.role === 'owner') {
        results.set(
          m.userId,
          held.owner === m.userId
            ? { key: m.userId, status: 'exists' }
            : { key: m.userId, status: 'skipped', reason: 'The owner is set when the group is created.' },
        );
      } else if (!held.members.has(m.userId)) toAdd.push(m.userId);
    }
    if (toAdd.length > 0) {
      const added = await inBatches(toAdd, BATCH.members, async (ids) => {
        const answer = await this.post(ctx, API.groups, `/chatgroups/${e(groupId)}/users?need_notify=false`, {
          usernames: ids,
        });
        const fresh = new Set(isRecord(answer.body.data) ? strings(answer.body.data.newmembers) : []);
        return ids.map((key): MigrationItemResult =>
          fresh.has(key)
            ? { key, status: 'done' }
            : failedItem(key, rejected('Easemob did not add this member.')),
        );
      });
      for (const r of added) results.set(r.key, r);
    }
    for (const m of members) {
      if (m.role === 'owner' || results.get(m.userId)?.status === 'failed') continue;
      const isNew = results.has(m.userId);
      if (m.role === 'admin' && !held.admins.has(m.userId)) {
        try {
          await this.post(ctx, API.groups, `/chatgroups/${e(groupId)}/admin`, { newadmin: m.userId });
          results.set(m.userId, { key: m.userId, status: 'done' });
        } catch (error) {
          results.set(m.userId, failedItem(m.userId, error));
        }
      } else if (!isNew) results.set(m.userId, { key: m.userId, status: 'exists' });
    }
    return members.map((m) => results.get(m.userId) ?? failedItem(m.userId, rejected('Not imported.')));
  }

  private async groupMembers(groupId: string, ctx: VendorCallContext) {
    const admins = new Set(
      strings((await this.get(ctx, API.groups, `/chatgroups/${e(groupId)}/admin`)).body.data),
    );
    const members = new Set<string>();
    let owner: string | undefined;
    for (let page = 1; ; page++) {
      const rows = list(
        (await this.get(ctx, API.groups, `/chatgroups/${e(groupId)}/users?pagenum=${page}&pagesize=1000`))
          .body.data,
      );
      for (const r of rows) {
        if (!isRecord(r)) continue;
        const o = readString(r.owner);
        if (o) owner = o;
        const id = o ?? readString(r.member);
        if (id) members.add(id);
      }
      if (rows.length < 1000) break;
    }
    return { ...(owner ? { owner } : {}), members, admins };
  }

  /**
   * Mutes (≤ 60 a call, one duration per call): Easemob takes the time left in ms, -1 for ever (§2.7), so
   * the end time becomes the time left now; mutes already over are skipped, mutes the group holds exist.
   */
  async importMutes(
    groupId: string,
    mutes: readonly MigrationMute[],
    ctx: VendorCallContext,
    now: () => number = Date.now,
  ): Promise<MigrationItemResult[]> {
    let held: Set<string>;
    try {
      const answer = await this.get(ctx, API.groups, `/chatgroups/${e(groupId)}/mute`);
      held = new Set(
        list(answer.body.data).flatMap((m) => (isRecord(m) && readString(m.user) ? [String(m.user)] : [])),
      );
    } catch (error) {
      return mutes.map((m) => failedItem(m.userId, error));
    }
    const results = new Map<string, MigrationItemResult>();
    const byDuration = new Map<number, string[]>();
    for (const m of mutes) {
      if (held.has(m.userId)) results.set(m.userId, { key: m.userId, status: 'exists' });
      else {
        const duration = m.mutedUntil === null ? -1 : m.mutedUntil - now();
        if (duration !== -1 && duration <= 0)
          results.set(m.userId, { key: m.userId, status: 'skipped', reason: 'The mute has already ended.' });
        else byDuration.set(duration, [...(byDuration.get(duration) ?? []), m.userId]);
      }
    }
    for (const [duration, ids] of byDuration) {
      const done = await inBatches(ids, BATCH.mutes, async (batch) => {
        await this.post(ctx, API.groups, `/chatgroups/${e(groupId)}/mute`, {
          usernames: batch,
          mute_duration: duration,
        });
        return batch.map((key): MigrationItemResult => ({ key, status: 'done' }));
      });
      for (const r of done) results.set(r.key, r);
    }
    return mutes.map((m) => results.get(m.userId) ?? failedItem(m.userId, rejected('Not imported.')));
  }

  /** Creates the room with its members, then its admins (§2.8); a custom id only with `customIds`. */
  async importChatroom(room: MigrationChatroom, ctx: VendorCallContext): Promise<MigrationItemResult> {
    const key = room.roomId;
    if (!room.owner)
      return { key, status: 'skipped', reason: 'Easemob requires a chat room owner; the source has none.' };
    const custom = this.customIds && CUSTOM_ID.test(room.roomId);
    try {
      const answer = await this.post(ctx, API.roomsCreate, '/chatrooms', {
        ...(custom ? { roomid: room.roomId } : {}),
        name: room.name,
        description: room.description ?? '',
        ...(room.maxMembers ? { maxusers: room.maxMembers } : {}),
        owner: room.owner,
        members: room.members.filter((m) => m !== room.owner),
        ...(room.custom ? { custom: room.custom } : {}),
      });
      const targetId = isRecord(answer.body.data) ? readString(answer.body.data.id) : undefined;
      if (!targetId)
        return failedItem(key, rejected('Easemob created the chat room without answering its id.'));
      for (const admin of room.admins)
        await this.post(ctx, API.rooms, `/chatrooms/${e(targetId)}/admin`, { newadmin: admin });
      return { key, status: 'done', targetId };
    } catch (error) {
      if (custom && error instanceof VendorRequestError && /already exists/.test(error.message))
        return { key, status: 'exists', targetId: room.roomId };
      return failedItem(key, error);
    }
  }

  /**
   * Friends through the list import (≤ 10 a call, §2.4); friends already on the owner's list answer
   * `exists`. Remarks, add times and friend groups have no place in Easemob's import.
   */
  async importContacts(
    owner: string,
    contacts: readonly MigrationContact[],
    ctx: VendorCallContext,
  ): Promise<MigrationItemResult[]> {
    let held: Set<string>;
    try {
      held = new Set(
        strings((await this.get(ctx, API.contacts, `/users/${e(owner)}/contacts/users`)).body.data),
      );
    } catch (error) {
      return contacts.map((c) => failedItem(c.friend, error));
    }
    const fresh = contacts.map((c) => c.friend).filter((f) => !held.has(f));
    const results = new Map<string, MigrationItemResult>();
    for (const slice of chunks(fresh, BATCH.contacts)) {
      try {
        const answer = await this.post(ctx, API.contacts, `/users/${e(owner)}/contacts/import`, {
          usernames: slice,
        });
        const data = isRecord(answer.body.data) ? answer.body.data : {};
        const reasons: [string, string][] = [
          ['NotExistFailed', 'The user does not exist on Easemob.'],
          ['maxLimitFailed', "The owner's friend list is full."],
          ['UnKnowFailed', 'Easemob could not add this friend.'],
        ];
        for (const f of strings(data.success)) results.set(f, { key: f, status: 'done' });
        for (const [field, message] of reasons)
          for (const f of strings(data[field])) results.set(f, failedItem(f, rejected(message, field)));
      } catch (error) {
        for (const f of slice) results.set(f, failedItem(f, error));
      }
    }
    return contacts.map((c): MigrationItemResult =>
      held.has(c.friend)
        ? { key: c.friend, status: 'exists' }
        : (results.get(c.friend) ?? failedItem(c.friend, rejected('Easemob did not report this friend.'))),
    );
  }

  /** Blocks (§2.5): the owner's current blocklist answers `exists`; the rest go in one call. */
  async importBlocks(
    owner: string,
    blocks: readonly MigrationBlock[],
    ctx: VendorCallContext,
  ): Promise<MigrationItemResult[]> {
    const held = new Set<string>();
    try {
      let cursor: string | undefined;
      do {
        const query = `pageSize=50${cursor ? `&cursor=${e(cursor)}` : ''}`;
        const answer = await this.get(ctx, API.blocks, `/users/${e(owner)}/blocks/users?${query}`);
        const page = strings(answer.body.data);
        for (const b of page) held.add(b);
        cursor = page.length > 0 ? readString(answer.body.cursor) : undefined;
      } while (cursor);
    } catch (error) {
      return blocks.map((b) => failedItem(b.blocked, error));
    }
    const fresh = blocks.map((b) => b.blocked).filter((b) => !held.has(b));
    const done =
      fresh.length === 0
        ? []
        : await inBatches(fresh, BATCH.blocklists, async (ids) => {
            await this.post(ctx, API.blocks, `/users/${e(owner)}/blocks/users`, { usernames: ids });
            return ids.map((key): MigrationItemResult => ({ key, status: 'done' }));
          });
    const results = new Map(done.map((r) => [r.key, r]));
    return blocks.map((b): MigrationItemResult =>
      held.has(b.blocked)
        ? { key: b.blocked, status: 'exists' }
        : (results.get(b.blocked) ?? failedItem(b.blocked, rejected('Not imported.'))),
    );
  }
}
