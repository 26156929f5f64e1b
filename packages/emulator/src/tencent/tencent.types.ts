import type { TencentBeforeCommand } from './tencent-before-callback.js';

export interface TencentAppConfig {
  sdkAppId: number;
  secretKey: string;
  /** Callback URL: every accepted message is posted there as the vendor's after-send callback. */
  callbackUrl?: string;
  /** When set, callbacks carry `RequestTime` and `Sign` = sha256(token + RequestTime). */
  callbackToken?: string;
  /** When set, only these identifiers may call the REST API (others get 60010). Default: any. */
  adminIdentifiers?: string[];
  /**
   * The before-callbacks switched on, as in the console's callback settings; they fire only with a
   * `callbackUrl`. Default none, so an app that only configures a URL sees after-callbacks alone.
   */
  beforeCallbacks?: TencentBeforeCommand[];
  /**
   * What happens when a before-callback gets no usable answer (tencent.md §1.3): `proceed` (the vendor
   * default) or `block` (the console's "do not deliver": the caller gets 80003).
   */
  beforeCallbackFailure?: 'proceed' | 'block';
}

export interface TencentEmulatorOptions {
  port?: number;
  host?: string;
  apps: TencentAppConfig[];
  /** `any`: every UserID / GroupId is accepted; `registered`: only those imported or created here. */
  ids?: 'any' | 'registered';
  /** REST 200 calls/s per API (account import 100/s), 40 msgs/s per group; `false` turns them off. */
  rateLimits?: boolean;
  /** The clock (epoch ms), for sends, imports, history windows and mute ends; a fixed one makes tests deterministic. */
  now?: () => number;
  /**
   * `import_group_msg` wants each message "later than the newest message already in the group" (seconds).
   * `non-decreasing` (default) admits a message in the same second as the newest; `strict` refuses it.
   */
  groupImportOrder?: 'non-decreasing' | 'strict';
  /** Hours after an hour ends before `get_history` has its file (the vendor: "usually within an hour"). Default 1. */
  historyFileDelayHours?: number;
  /** Tencent waits 2 s for a callback answer (tencent.md §1.3). */
  callbackTimeoutMs?: number;
  /** How long a before-callback may take before it counts as failed: 2 s at the vendor, fixed (§1.3). */
  beforeCallbackTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface TencentMember {
  Role: 'Owner' | 'Admin' | 'Member';
  /** Unix seconds. */
  JoinTime: number;
  /** Unix seconds; 0 = not muted, 4294967295 = for ever. */
  MuteUntil: number;
}

export interface TencentGroup {
  type: string;
  members: Map<string, TencentMember>;
  /** Last MsgSeq issued in this group: per-group and increasing (tencent.md §2.1). */
  seq: number;
  name: string;
  owner?: string;
  /** Unix seconds. */
  createTime: number;
  introduction?: string;
  notification?: string;
  faceUrl?: string;
  maxMemberNum: number;
  applyJoinOption: string;
  muteAllMember: 'On' | 'Off';
  appDefinedData: { Key: string; Value: string }[];
  /** Sent and imported messages, in MsgSeq order. */
  history: TencentHistoryRecord[];
  /** Join applications a client made that wait for an admin (`ApplyJoinOption` NeedPermission). */
  applications: TencentJoinApplication[];
  /** Community groups: topics by TopicId, in creation order. */
  topics: Map<string, TencentTopic>;
}

export interface TencentJoinApplication {
  Requestor_Account: string;
  ApplyMsg?: string;
  /** Unix seconds. */
  ApplyTime: number;
}

export interface TencentTopic {
  TopicId: string;
  TopicName: string;
  Operator_Account: string;
  /** Unix seconds. */
  CreateTime: number;
}

export interface TencentOfficialAccount {
  Official_Account: string;
  Owner_Account: string;
  Name: string;
  /** Unix seconds. */
  CreateTime: number;
}

/** One stored message, in the field names of the history APIs (seconds, MsgSeq, MsgRandom). */
export interface TencentHistoryRecord {
  From_Account: string;
  /** C2C: the receiver; group: absent. */
  To_Account?: string;
  GroupId?: string;
  MsgTimeStamp: number;
  MsgSeq: number;
  MsgRandom: number;
  MsgBody: unknown[];
  CloudCustomData?: string;
  /** Whether `importmsg` / `import_group_msg` wrote it (or a seed), rather than a send API. */
  imported: boolean;
  recalled: boolean;
  /** The send log entry of a live message: a recall marks it there. */
  live?: { recalled: boolean };
}

export interface TencentFriend {
  To_Account: string;
  AddSource: string;
  Remark?: string;
  GroupName?: string[];
  /** Unix seconds. */
  AddTime: number;
  AddWording?: string;
  CustomItem?: { Tag: string; Value: unknown }[];
}

export interface TencentApp extends TencentAppConfig {
  accounts: Set<string>;
  groups: Map<string, TencentGroup>;
  /** Messages per To_Account, for `UnreadMsgNum` in C2C callbacks. */
  unread: Map<string, number>;
  /** Tag → value per account (`portrait_set`). */
  profiles: Map<string, Map<string, unknown>>;
  /** One-way friendships: owner → friend → item. */
  friends: Map<string, Map<string, TencentFriend>>;
  /** owner → blocked → AddBlackTimeStamp (seconds), in insertion order. */
  blocks: Map<string, Map<string, number>>;
  /** One-to-one history per conversation (key: the two UserIDs sorted, joined by `|`), in stored order. */
  c2c: Map<string, TencentHistoryRecord[]>;
  /** Official accounts created by clients, by `Official_Account` id. */
  officialAccounts: Map<string, TencentOfficialAccount>;
}
