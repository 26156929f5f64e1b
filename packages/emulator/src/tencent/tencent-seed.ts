import { c2cKey, newTencentGroup, type TencentContext } from './tencent.context.js';
import type {
  TencentApp,
  TencentFriend,
  TencentHistoryRecord,
  TencentJoinApplication,
  TencentMember,
  TencentOfficialAccount,
  TencentTopic,
} from './tencent.types.js';

/** One `{Tag, Value}` as `portrait_set` and `friend_get` carry it. */
export interface TencentTagValue {
  Tag: string;
  Value: unknown;
}

/**
 * An app's directory and history in the vendor's own field names and units (seconds): profiles as
 * `portrait_set` bodies, friends as `friend_import` bodies, blocks as `black_list_get` items, groups as
 * `import_group` + member fields, history as the records of `get_history`'s files (`MsgTimestamp`).
 */
export interface TencentSeed {
  Accounts: string[];
  Profiles?: { From_Account: string; ProfileItem: TencentTagValue[] }[];
  Friends?: { From_Account: string; AddFriendItem: Omit<TencentFriend, 'AddWording'>[] }[];
  BlackLists?: { From_Account: string; BlackListItem: { To_Account: string; AddBlackTimeStamp: number }[] }[];
  Groups?: TencentSeedGroup[];
  /** Oldest first within each conversation. */
  C2CMsgList?: TencentSeedC2CMessage[];
  /** Oldest first within each group; MsgSeq is assigned from 1 per group, as the server does. */
  GroupMsgList?: TencentSeedGroupMessage[];
}

export interface TencentSeedGroup {
  GroupId: string;
  /** `Public`, `Private`, `ChatRoom`, `AVChatRoom`, `Community`. */
  Type: string;
  Name: string;
  Owner_Account?: string;
  CreateTime: number;
  Introduction?: string;
  Notification?: string;
  FaceUrl?: string;
  MaxMemberNum?: number;
  ApplyJoinOption?: string;
  MuteAllMember?: 'On' | 'Off';
  AppDefinedData?: { Key: string; Value: string }[];
  MemberList: ({ Member_Account: string } & Omit<TencentMember, 'MuteUntil'> & { MuteUntil?: number })[];
}

export interface TencentSeedC2CMessage {
  From_Account: string;
  To_Account: string;
  MsgTimestamp: number;
  MsgSeq: number;
  MsgRandom: number;
  MsgBody: unknown[];
  CloudCustomData?: string;
}

export interface TencentSeedGroupMessage {
  GroupId: string;
  From_Account: string;
  MsgTimestamp: number;
  MsgRandom: number;
  MsgBody: unknown[];
  CloudCustomData?: string;
}

const record = (m: TencentSeedC2CMessage | TencentSeedGroupMessage, seq: number): TencentHistoryRecord => ({
  From_Account: m.From_Account,
  ...('To_Account' in m ? { To_Account: m.To_Account } : { GroupId: m.GroupId }),
  MsgTimeStamp: m.MsgTimestamp,
  MsgSeq: seq,
  MsgRandom: m.MsgRandom,
  MsgBody: m.MsgBody,
  ...(m.CloudCustomData !== undefined ? { CloudCustomData: m.CloudCustomData } : {}),
  imported: true,
  recalled: false,
});

/** Adds a seed to an app's state (on top of what it holds); throws on a seed that breaks its own references. */
export function applyTencentSeed(ctx: TencentContext, app: TencentApp, seed: TencentSeed): void {
  for (const id of seed.Accounts) app.accounts.add(id);
  for (const p of seed.Profiles ?? []) {
    const profile = app.profiles.get(p.From_Account) ?? new Map<string, unknown>();
    for (const { Tag, Value } of p.ProfileItem) profile.set(Tag, Value);
    app.profiles.set(p.From_Account, profile);
  }
  for (const f of seed.Friends ?? []) {
    const list = app.friends.get(f.From_Account) ?? new Map<string, TencentFriend>();
    for (const item of f.AddFriendItem) list.set(item.To_Account, item);
    app.friends.set(f.From_Account, list);
  }
  for (const b of seed.BlackLists ?? []) {
    const list = app.blocks.get(b.From_Account) ?? new Map<string, number>();
    for (const item of b.BlackListItem) list.set(item.To_Account, item.AddBlackTimeStamp);
    app.blocks.set(b.From_Account, list);
  }
  for (const g of seed.Groups ?? []) {
    const group = newTencentGroup(g.Type, g.Name, g.CreateTime);
    if (g.Owner_Account !== undefined) group.owner = g.Owner_Account;
    if (g.Introduction !== undefined) group.introduction = g.Introduction;
    if (g.Notification !== undefined) group.notification = g.Notification;
    if (g.FaceUrl !== undefined) group.faceUrl = g.FaceUrl;
    if (g.MaxMemberNum !== undefined) group.maxMemberNum = g.MaxMemberNum;
    if (g.ApplyJoinOption !== undefined) group.applyJoinOption = g.ApplyJoinOption;
    if (g.MuteAllMember !== undefined) group.muteAllMember = g.MuteAllMember;
    if (g.AppDefinedData !== undefined) group.appDefinedData = g.AppDefinedData;
    for (const m of g.MemberList)
      group.members.set(m.Member_Account, {
        Role: m.Role,
        JoinTime: m.JoinTime,
        MuteUntil: m.MuteUntil ?? 0,
      });
    app.groups.set(g.GroupId, group);
  }
  for (const m of seed.C2CMsgList ?? [])
    ctx.conversation(app, m.From_Account, m.To_Account).push(record(m, m.MsgSeq));
  for (const m of seed.GroupMsgList ?? []) {
    const group = app.groups.get(m.GroupId);
    if (!group) throw new Error(`seed: GroupMsgList names group ${m.GroupId}, which the seed does not hold`);
    group.seq += 1;
    group.history.push(record(m, group.seq));
  }
}

/** The whole state of one app, for tests that compare a source and a target item by item. */
export interface TencentAppSnapshot {
  accounts: string[];
  profiles: Record<string, Record<string, unknown>>;
  friends: Record<string, TencentFriend[]>;
  blocks: Record<string, { To_Account: string; AddBlackTimeStamp: number }[]>;
  groups: Record<
    string,
    Omit<TencentSeedGroup, 'GroupId' | 'MemberList'> & {
      MemberList: ({ Member_Account: string } & TencentMember)[];
      /** Sent and imported messages in MsgSeq order. */
      history: TencentHistoryRecord[];
      /** Client join applications waiting for an admin. */
      Applications: TencentJoinApplication[];
      /** Community groups' topics, in creation order. */
      Topics: TencentTopic[];
    }
  >;
  /** Official accounts created by clients. */
  officialAccounts: TencentOfficialAccount[];
  /** One-to-one history per conversation (`userA|userB`, sorted), in the vendor's order. */
  c2c: Record<string, TencentHistoryRecord[]>;
}

const copy = <T>(value: T): T => structuredClone(value);

export function snapshotTencentApp(app: TencentApp): TencentAppSnapshot {
  const groups: TencentAppSnapshot['groups'] = {};
  for (const [id, g] of app.groups) {
    groups[id] = {
      Type: g.type,
      Name: g.name,
      ...(g.owner !== undefined ? { Owner_Account: g.owner } : {}),
      CreateTime: g.createTime,
      ...(g.introduction !== undefined ? { Introduction: g.introduction } : {}),
      ...(g.notification !== undefined ? { Notification: g.notification } : {}),
      ...(g.faceUrl !== undefined ? { FaceUrl: g.faceUrl } : {}),
      MaxMemberNum: g.maxMemberNum,
      ApplyJoinOption: g.applyJoinOption,
      MuteAllMember: g.muteAllMember,
      AppDefinedData: copy(g.appDefinedData),
      MemberList: [...g.members].map(([Member_Account, m]) => ({ Member_Account, ...m })),
      history: g.history.map(({ live, ...m }) => ({
        ...copy(m),
        recalled: m.recalled || live?.recalled === true,
      })),
      Applications: copy(g.applications),
      Topics: copy([...g.topics.values()]),
    };
  }
  const c2c: TencentAppSnapshot['c2c'] = {};
  for (const [key, list] of app.c2c)
    c2c[key] = list.map(({ live, ...m }) => ({
      ...copy(m),
      recalled: m.recalled || live?.recalled === true,
    }));
  return {
    accounts: [...app.accounts],
    profiles: Object.fromEntries([...app.profiles].map(([u, p]) => [u, Object.fromEntries(copy([...p]))])),
    friends: Object.fromEntries([...app.friends].map(([u, f]) => [u, copy([...f.values()])])),
    blocks: Object.fromEntries(
      [...app.blocks].map(([u, b]) => [
        u,
        [...b].map(([To_Account, AddBlackTimeStamp]) => ({ To_Account, AddBlackTimeStamp })),
      ]),
    ),
    groups,
    c2c,
    officialAccounts: copy([...app.officialAccounts.values()]),
  };
}

export { c2cKey as tencentConversationKey };
