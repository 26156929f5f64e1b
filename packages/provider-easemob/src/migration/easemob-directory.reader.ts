import type {
  MigrationAccount,
  MigrationBlock,
  MigrationChatroom,
  MigrationContact,
  MigrationGroup,
  MigrationMember,
  MigrationMute,
  MigrationPage,
  MigrationUserProfile,
  VendorCallContext,
} from '@im-gateway/types';
import { chunks, decodeMigrationCursor, encodeMigrationCursor } from '@im-gateway/provider-kit';
import { isRecord, readNumber, readString } from '@im-gateway/provider-kit/callback';
import type { EasemobAnswer } from '../rest/easemob-http.js';
import type { EasemobRestClient } from '../rest/easemob-rest.client.js';
import { EASEMOB_MIGRATION_APIS as API } from './easemob-migration.apis.js';
import { EASEMOB_PROFILE_KEYS, fromEasemobMetadata } from './easemob-profile.mapper.js';

// Page sizes: the documented maxima (migration facts §2.2–2.8); group details take ≤ 100 ids.
const USERS_PAGE = 100;
const BLOCKS_PAGE = 50;
const GROUPS_PAGE = 100;
const MEMBERS_PAGE = 1000;
const ROOMS_PAGE = 100;
const METADATA_TARGETS = 100;

type Get = (path: string) => Promise<EasemobAnswer>;

/** `ctx.call` around a GET, so every read is paced under its API's name and retried like sends. */
const getter =
  (client: EasemobRestClient, ctx: VendorCallContext, api: string): Get =>
  (path) =>
    ctx.call(api, 1, (timeoutMs) => client.get(path, timeoutMs));

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const strings = (value: unknown): string[] =>
  list(value).flatMap((v) => (typeof v === 'string' && v !== '' ? [v] : []));
const vendorCursor = (answer: EasemobAnswer) => readString(answer.body.cursor);
const q = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, String(v)]])),
  ).toString();
const e = encodeURIComponent;

/** The list's `owner` is printed `{org}#{app}_{user}` in the example and called the user id in the text. */
function ownerId(raw: string | undefined, appKey: string): string | undefined {
  return raw?.startsWith(`${appKey}_`) ? raw.slice(appKey.length + 1) : raw;
}

/** One answer of the blocklist read (§2.5): the owner's blocks and the vendor's next cursor. */
export function easemobBlockPage(
  owner: string,
  body: Record<string, unknown>,
): { items: MigrationBlock[]; cursor?: string } {
  const cursor = readString(body.cursor);
  return {
    items: strings(body.data).map((blocked) => ({ owner, blocked })),
    ...(cursor ? { cursor } : {}),
  };
}

/** Reading an Easemob app's directory (migration facts §2.1–2.8). */
export class EasemobDirectoryReader {
  constructor(
    private readonly client: EasemobRestClient,
    private readonly appKey: string,
  ) {}

  /** Users in creation order, 100 a page, with the vendor's cursor; no passwords (§2.2). */
  async accounts(cursor: string | null, ctx: VendorCallContext): Promise<MigrationPage<MigrationAccount>> {
    const at = decodeMigrationCursor<{ c: string }>(cursor);
    const answer = await getter(
      this.client,
      ctx,
      API.users,
    )(`/users?${q({ limit: USERS_PAGE, cursor: at?.c })}`);
    const items = list(answer.body.entities).flatMap((u): MigrationAccount[] => {
      if (!isRecord(u)) return [];
      const userId = readString(u.username);
      const createdAt = readNumber(u.created);
      return userId ? [{ userId, ...(createdAt === undefined ? {} : { createdAt }) }] : [];
    });
    const next = vendorCursor(answer);
    return { items, next: next && items.length > 0 ? encodeMigrationCursor({ c: next }) : null };
  }

  /** User attributes by batches of 100, naming the keys the clients use (§2.3). */
  async profiles(userIds: readonly string[], ctx: VendorCallContext): Promise<MigrationUserProfile[]> {
    const out: MigrationUserProfile[] = [];
    for (const targets of chunks(userIds, METADATA_TARGETS)) {
      const answer = await ctx.call(API.metadata, 1, (timeoutMs) =>
        this.client.post('/metadata/user/get', { targets, properties: EASEMOB_PROFILE_KEYS }, timeoutMs),
      );
      const data = isRecord(answer.body.data) ? answer.body.data : {};
      for (const userId of targets) {
        const attributes = data[userId];
        out.push({ userId, profile: fromEasemobMetadata(isRecord(attributes) ? attributes : {}) });
      }
    }
    return out;
  }

  /** The whole friend list in one call (≤ 3000, ids only: no remark, add time or groups, §2.4). */
  async contacts(owner: string, ctx: VendorCallContext): Promise<MigrationPage<MigrationContact>> {
    const answer = await getter(this.client, ctx, API.contacts)(`/users/${e(owner)}/contacts/users`);
    return { items: strings(answer.body.data).map((friend) => ({ owner, friend })), next: null };
  }

  /** Blocked users, 50 a page with the vendor's cursor; no block time (§2.5). */
  async blocklist(
    owner: string,
    cursor: string | null,
    ctx: VendorCallContext,
  ): Promise<MigrationPage<MigrationBlock>> {
    const at = decodeMigrationCursor<{ c: string }>(cursor);
    const answer = await getter(
      this.client,
      ctx,
      API.blocks,
    )(`/users/${e(owner)}/blocks/users?${q({ pageSize: BLOCKS_PAGE, cursor: at?.c })}`);
    const { items, cursor: next } = easemobBlockPage(owner, answer.body);
    return { items, next: next && items.length > 0 ? encodeMigrationCursor({ c: next }) : null };
  }

  /** Groups, 100 a page (the list), with their details in one more call (§2.7). */
  async groups(cursor: string | null, ctx: VendorCallContext): Promise<MigrationPage<MigrationGroup>> {
    const at = decodeMigrationCursor<{ c: string }>(cursor);
    const get = getter(this.client, ctx, API.groups);
    const answer = await get(`/chatgroups?${q({ limit: GROUPS_PAGE, cursor: at?.c })}`);
    const ids = list(answer.body.data).flatMap((g) =>
      isRecord(g) && readString(g.groupid) ? [String(g.groupid)] : [],
    );
    const owners = new Map(
      list(answer.body.data).flatMap((g): [string, string][] =>
        isRecord(g) && readString(g.groupid)
          ? [[String(g.groupid), ownerId(readString(g.owner), this.appKey) ?? '']]
          : [],
      ),
    );
    const items: MigrationGroup[] = [];
    if (ids.length > 0) {
      const details = await get(`/chatgroups/${ids.map(e).join(',')}`);
      for (const d of list(details.body.data)) {
        if (!isRecord(d)) continue;
        const groupId = readString(d.id);
        if (!groupId) continue;
        const owner = readString(d.owner) ?? owners.get(groupId);
        items.push({
          groupId,
          name: readString(d.name) ?? '',
          ...(owner ? { owner } : {}),
          ...(readString(d.description) ? { description: readString(d.description) } : {}),
          ...(readString(d.avatar) ? { avatarUrl: readString(d.avatar) } : {}),
          public: d.public === true,
          membersOnly: d.membersonly === true,
          ...(readNumber(d.maxusers) === undefined ? {} : { maxMembers: readNumber(d.maxusers) }),
          createdAt: readNumber(d.created) ?? 0,
          muteAll: d.mute === true,
          ...(readString(d.custom) ? { custom: readString(d.custom) } : {}),
        });
      }
    }
    const next = vendorCursor(answer);
    return { items, next: next && ids.length > 0 ? encodeMigrationCursor({ c: next }) : null };
  }

  /**
   * Members with join times, 1000 a page; the list marks admins as `member`, so each page is merged with the
   * admin list (§2.7).
   */
  async members(
    groupId: string,
    cursor: string | null,
    ctx: VendorCallContext,
  ): Promise<MigrationPage<MigrationMember>> {
    const page = decodeMigrationCursor<{ p: number }>(cursor)?.p ?? 1;
    const get = getter(this.client, ctx, API.groups);
    const admins = new Set(strings((await get(`/chatgroups/${e(groupId)}/admin`)).body.data));
    const answer = await get(
      `/chatgroups/${e(groupId)}/users?${q({ pagenum: page, pagesize: MEMBERS_PAGE, joined_time: 'true' })}`,
    );
    const rows = list(answer.body.data);
    const items = rows.flatMap((m): MigrationMember[] => {
      if (!isRecord(m)) return [];
      const owner = readString(m.owner);
      const userId = owner ?? readString(m.member);
      if (!userId) return [];
      const joinedAt = readNumber(m.joined_time);
      const role = owner ? 'owner' : admins.has(userId) ? 'admin' : 'member';
      return [{ groupId, userId, role, ...(joinedAt === undefined ? {} : { joinedAt }) }];
    });
    return { items, next: rows.length === MEMBERS_PAGE ? encodeMigrationCursor({ p: page + 1 }) : null };
  }

  /** Muted members; `expire` is ms, -1 for ever (§2.7). */
  async mutes(groupId: string, ctx: VendorCallContext): Promise<MigrationMute[]> {
    const answer = await getter(this.client, ctx, API.groups)(`/chatgroups/${e(groupId)}/mute`);
    return list(answer.body.data).flatMap((m): MigrationMute[] => {
      if (!isRecord(m)) return [];
      const userId = readString(m.user);
      const expire = readNumber(m.expire);
      if (!userId || expire === undefined) return [];
      return [{ groupId, userId, mutedUntil: expire < 0 ? null : expire }];
    });
  }

  /** Chat rooms, 100 a page, each with its members and admins (§2.8). */
  async chatrooms(cursor: string | null, ctx: VendorCallContext): Promise<MigrationPage<MigrationChatroom>> {
    const at = decodeMigrationCursor<{ c: string }>(cursor);
    const answer = await getter(
      this.client,
      ctx,
      API.roomsList,
    )(`/chatrooms?${q({ limit: ROOMS_PAGE, cursor: at?.c })}`);
    // The doc's example prints `data` as one object: both forms are read.
    const rows = Array.isArray(answer.body.data)
      ? answer.body.data
      : isRecord(answer.body.data)
        ? [answer.body.data]
        : [];
    const get = getter(this.client, ctx, API.rooms);
    const items: MigrationChatroom[] = [];
    for (const r of rows) {
      if (!isRecord(r)) continue;
      const roomId = readString(r.id);
      if (!roomId) continue;
      const members: string[] = [];
      let owner = readString(r.owner);
      for (let page = 1; ; page++) {
        const users = list(
          (await get(`/chatrooms/${e(roomId)}/users?${q({ pagenum: page, pagesize: MEMBERS_PAGE })}`)).body
            .data,
        );
        for (const u of users) {
          if (!isRecord(u)) continue;
          if (readString(u.owner)) owner = readString(u.owner);
          else if (readString(u.member)) members.push(String(u.member));
        }
        if (users.length < MEMBERS_PAGE) break;
      }
      const admins = strings((await get(`/chatrooms/${e(roomId)}/admin`)).body.data);
      items.push({ roomId, name: readString(r.name) ?? '', ...(owner ? { owner } : {}), members, admins });
    }
    const next = vendorCursor(answer);
    return { items, next: next && rows.length > 0 ? encodeMigrationCursor({ c: next }) : null };
  }
}
