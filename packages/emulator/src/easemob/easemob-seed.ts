import { randomUUID } from 'node:crypto';
import type { EasemobApp, EasemobHistoryRecord } from './easemob.types.js';

/** A group in the vendor's own words (group details of migration facts §2.7), members with `joined_time`. */
export interface EasemobSeedGroup {
  groupid: string;
  groupname: string;
  description: string;
  avatar?: string;
  public: boolean;
  membersonly: boolean;
  allowinvites: boolean;
  maxusers: number;
  owner: string;
  /** ms */
  created: number;
  custom: string;
  /** Mute-all. */
  mute: boolean;
  /** Every member but the owner, with the join time in ms. */
  members: { username: string; joined_time: number }[];
  admins: string[];
  /** `expire` in ms; -1 for ever. */
  mutes: { user: string; expire: number }[];
}

export interface EasemobSeedRoom {
  id: string;
  name: string;
  description: string;
  maxusers: number;
  owner: string;
  created: number;
  custom: string;
  members: string[];
  admins: string[];
}

/**
 * An app's directory and history in Easemob's own field names and units (ms), for `emulator.seed()` and
 * `--seed-file`. History records are export records (§2.11) with past timestamps.
 */
export interface EasemobSeed {
  users: { username: string; password: string; created?: number }[];
  /** User attributes by user (§2.3 keys: nickname, avatarurl, phone, mail, gender, sign, birth, ext). */
  metadata?: Record<string, Record<string, string>>;
  /** Friend lists by owner, oldest first; each direction of a friendship is listed. */
  contacts?: Record<string, string[]>;
  /** Blocked users by owner, oldest first. */
  blocks?: Record<string, string[]>;
  chatgroups?: EasemobSeedGroup[];
  chatrooms?: EasemobSeedRoom[];
  messages?: Omit<EasemobHistoryRecord, 'source'>[];
}

/** Everything an app holds, for tests that compare a source and a target item by item. */
export interface EasemobAppSnapshot {
  users: { username: string; created: number }[];
  metadata: Record<string, Record<string, string>>;
  contacts: Record<string, string[]>;
  blocks: Record<string, string[]>;
  chatgroups: (Omit<EasemobSeedGroup, 'members'> & {
    members: { username: string; joined_time: number; role: 'owner' | 'admin' | 'member' }[];
  })[];
  chatrooms: EasemobSeedRoom[];
  /** Messages per conversation (`chat:a|b`, `groupchat:{id}`, `chatroom:{id}`), in the order accepted. */
  history: Record<string, EasemobHistoryRecord[]>;
}

/** The history key of a record's conversation. */
export function historyKey(r: Pick<EasemobHistoryRecord, 'chat_type' | 'from' | 'to'>): string {
  return r.chat_type === 'chat' ? `chat:${[r.from, r.to].sort().join('|')}` : `${r.chat_type}:${r.to}`;
}

/** Adds `seed` to `app` (on top of what it holds); `now` stamps users without `created`. */
export function applyEasemobSeed(app: EasemobApp, seed: EasemobSeed, now: number): void {
  for (const u of seed.users) {
    const username = u.username.toLowerCase();
    const created = u.created ?? now;
    app.users.set(username, {
      uuid: randomUUID(),
      username,
      password: u.password,
      created,
      modified: created,
    });
  }
  for (const [user, attrs] of Object.entries(seed.metadata ?? {})) app.profiles.set(user, { ...attrs });
  for (const [owner, friends] of Object.entries(seed.contacts ?? {})) app.contacts.set(owner, [...friends]);
  for (const [owner, blocked] of Object.entries(seed.blocks ?? {})) app.blocks.set(owner, [...blocked]);
  for (const g of seed.chatgroups ?? []) {
    app.groups.set(g.groupid, {
      id: g.groupid,
      name: g.groupname,
      description: g.description,
      ...(g.avatar === undefined ? {} : { avatar: g.avatar }),
      public: g.public,
      membersonly: g.membersonly,
      allowinvites: g.allowinvites,
      maxusers: g.maxusers,
      owner: g.owner,
      created: g.created,
      custom: g.custom,
      mute: g.mute,
      members: new Map([
        [g.owner, g.created],
        ...g.members.map((m): [string, number] => [m.username, m.joined_time]),
      ]),
      admins: new Set(g.admins),
      mutes: new Map(g.mutes.map((m) => [m.user, m.expire])),
    });
  }
  for (const r of seed.chatrooms ?? []) {
    app.rooms.set(r.id, {
      ...r,
      members: new Set([r.owner, ...r.members]),
      admins: new Set(r.admins),
    });
  }
  for (const m of seed.messages ?? []) app.history.push({ ...m, source: 'seeded' });
  app.history.sort((a, b) => a.timestamp - b.timestamp);
}

/** The full state of `app`. */
export function snapshotEasemobApp(app: EasemobApp): EasemobAppSnapshot {
  const history: Record<string, EasemobHistoryRecord[]> = {};
  for (const r of app.history) (history[historyKey(r)] ??= []).push(structuredClone(r));
  return {
    users: [...app.users.values()]
      .sort((a, b) => a.created - b.created)
      .map((u) => ({ username: u.username, created: u.created })),
    metadata: Object.fromEntries([...app.profiles].map(([u, a]) => [u, { ...a }])),
    contacts: Object.fromEntries([...app.contacts].map(([u, l]) => [u, [...l]])),
    blocks: Object.fromEntries([...app.blocks].map(([u, l]) => [u, [...l]])),
    chatgroups: [...app.groups.values()].map((g) => ({
      groupid: g.id,
      groupname: g.name,
      description: g.description,
      ...(g.avatar === undefined ? {} : { avatar: g.avatar }),
      public: g.public,
      membersonly: g.membersonly,
      allowinvites: g.allowinvites,
      maxusers: g.maxusers,
      owner: g.owner,
      created: g.created,
      custom: g.custom,
      mute: g.mute,
      members: [...g.members].map(([username, joined_time]) => ({
        username,
        joined_time,
        role:
          username === g.owner
            ? ('owner' as const)
            : g.admins.has(username)
              ? ('admin' as const)
              : ('member' as const),
      })),
      admins: [...g.admins],
      mutes: [...g.mutes].map(([user, expire]) => ({ user, expire })),
    })),
    chatrooms: [...app.rooms.values()].map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      maxusers: r.maxusers,
      owner: r.owner,
      created: r.created,
      custom: r.custom,
      members: [...r.members].filter((u) => u !== r.owner),
      admins: [...r.admins],
    })),
    history,
  };
}
