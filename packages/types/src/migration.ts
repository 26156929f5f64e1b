import type { ConversationType, MessageContent, MessageContentType } from './unified-event.js';
import type { RecipientError, VendorCallContext } from './send.js';

/**
 * What a migration moves, in the order a plan imports it: the vendors' import rules fix that order
 * (an account before its profile, a group before its members and its history, history oldest first before
 * live relaying reaches the conversation, contacts and blocklists last because blocking removes a
 * friendship on Tencent). See docs/migration.md, "Moving existing data".
 */
export const MIGRATION_KINDS = [
  'accounts',
  'profiles',
  'groups',
  'members',
  'mutes',
  'chatrooms',
  'history',
  'contacts',
  'blocklists',
] as const;
export type MigrationKind = (typeof MIGRATION_KINDS)[number];

export type DirectoryKind = Exclude<MigrationKind, 'history'>;
export const DIRECTORY_KINDS = MIGRATION_KINDS.filter((kind): kind is DirectoryKind => kind !== 'history');

/** A user's profile in the vendors' common terms; keys one vendor has and the other has not go in `custom`. */
export interface MigrationProfile {
  nickname?: string;
  avatarUrl?: string;
  gender?: 'male' | 'female' | 'unknown';
  signature?: string;
  /** As the source stores it (Easemob: free text ≤ 64; Tencent: a uint32 such as 20190419). */
  birthday?: string;
  /** Other keys: Easemob `phone`, `mail`, `ext`, …; Tencent `Tag_Profile_Custom_<name>` as `<name>`. */
  custom?: Record<string, string>;
}

export interface MigrationAccount {
  userId: string;
  /** Epoch ms, when the source tells it (Easemob `created`). */
  createdAt?: number;
}

export interface MigrationUserProfile {
  userId: string;
  profile: MigrationProfile;
}

/** One direction of a friendship: `owner` has `friend` on their list. */
export interface MigrationContact {
  owner: string;
  friend: string;
  remark?: string;
  /** Epoch ms; Tencent `AddTime` (Easemob keeps none). */
  addedAt?: number;
  /** Tencent friend groups (Easemob has none). */
  groups?: string[];
}

export interface MigrationBlock {
  owner: string;
  blocked: string;
}

export interface MigrationGroup {
  groupId: string;
  name: string;
  owner?: string;
  description?: string;
  announcement?: string;
  avatarUrl?: string;
  /** Easemob `public`; Tencent `Public` (true) or `Private`/Work (false). */
  public: boolean;
  /** Joining needs approval: Easemob `membersonly`, Tencent `ApplyJoinOption: NeedPermission`. */
  membersOnly?: boolean;
  maxMembers?: number;
  /** Epoch ms (Easemob `created`, Tencent `CreateTime` × 1000). */
  createdAt: number;
  muteAll?: boolean;
  /** Easemob `custom` (≤ 8 KB); Tencent `AppDefinedData` as JSON. */
  custom?: string;
}

export interface MigrationMember {
  groupId: string;
  userId: string;
  role: 'owner' | 'admin' | 'member';
  /** Epoch ms, when the source keeps it. */
  joinedAt?: number;
}

export interface MigrationMute {
  groupId: string;
  userId: string;
  /** Epoch ms when the mute ends; null: for ever. Writers turn it into the duration left at write time. */
  mutedUntil: number | null;
}

export interface MigrationChatroom {
  roomId: string;
  name: string;
  owner?: string;
  description?: string;
  maxMembers?: number;
  members: string[];
  admins: string[];
  custom?: string;
}

/** One message of a vendor's history, in the unified content model. */
export interface HistoryMessage {
  /** The source vendor's id: Easemob `msg_id`, Tencent C2C `MsgKey`, Tencent group `{GroupId}:{MsgSeq}`. */
  messageId: string;
  /** `direct`: `id` is the receiver (`to`); `group` / `chatroom`: the group or room. */
  conversation: { type: Exclude<ConversationType, 'thread'>; id: string };
  from: string;
  to: string;
  /** Epoch ms, at the source's precision (Tencent: whole seconds × 1000). */
  sentAt: number;
  /** Tencent messages may have several elements; Easemob ones have one. */
  contents: MessageContent[];
  ext?: Record<string, unknown>;
  /** Easemob `ext` / Tencent `CloudCustomData`, when set. */
  cloudCustomData?: string;
  /** Recalled at the source: such messages are reported as skipped, never imported. */
  recalled?: boolean;
  /**
   * Tencent C2C only: the parts of the MsgKey, so an import into Tencent can reuse them and the vendor's
   * dedupe rule (MsgSeq, MsgRandom, MsgTimeStamp) makes a re-run harmless.
   */
  sequence?: number;
  random?: number;
  /** The vendor's history record exactly as read (parsed JSON): kept as a recovered event's `raw`. */
  raw?: unknown;
}

/** One page of a read; `next` null when the read is complete. Cursors are opaque strings, stored by jobs. */
export interface MigrationPage<T> {
  items: T[];
  next: string | null;
}

/** The outcome of importing one item. `exists`: the target had it already (a re-run): counts as done. */
export type MigrationItemResult =
  | { key: string; status: 'done' | 'exists'; targetId?: string }
  | { key: string; status: 'failed'; error: RecipientError }
  | { key: string; status: 'skipped'; reason: string };

/** Whether a provider can read or import one kind, and if not, why and what a job does instead. */
export type MigrationSupport =
  | { supported: true; note?: string }
  | {
      supported: false;
      /** One sentence, shown in plans and reports ("Tencent has no API that lists all accounts"). */
      reason: string;
      /** `upload`: the caller uploads the list (accounts); absent: the items are reported as skipped. */
      alternative?: 'upload';
    };

/** History the provider can read and import. */
export interface HistorySupport {
  read: {
    conversations: readonly Exclude<ConversationType, 'thread'>[];
    /** How far back the vendor keeps readable history by default, in days. */
    windowDays: number;
    /** Hours before an hour's history can be read in full (export files are built later). */
    delayHours: number;
  };
  import: {
    /** Content types each conversation kind accepts at import; a kind absent here cannot be imported. */
    contents: Readonly<Partial<Record<Exclude<ConversationType, 'thread'>, readonly MessageContentType[]>>>;
    /** Time precision of imported messages, in ms (Tencent 1000, Easemob 1). */
    precisionMs: number;
    /**
     * Whether a group can be created with a past creation time. When not, group history older than the
     * group's creation on the target (that is: older than the import) cannot be imported.
     */
    backdatesGroups: boolean;
  };
}

/** The migration capabilities a provider declares (part of `ProviderCapabilities`). */
export interface MigrationCapabilities {
  directory: {
    read: Readonly<Record<DirectoryKind, MigrationSupport>>;
    import: Readonly<Record<DirectoryKind, MigrationSupport>>;
  };
  history: HistorySupport;
  /** Items per import call, per kind (accounts 60 / 100, members 60 / 300, history 1 / 7, …). */
  importBatch: Readonly<Record<MigrationKind, number>>;
}

/**
 * Reading an app's directory and history. Every method pages with an opaque cursor (null on the first
 * call) that a job stores, so a read resumes after a restart. A kind the provider declares unreadable has
 * no method here.
 */
export interface MigrationReader<Config> {
  accounts?(
    config: Config,
    cursor: string | null,
    ctx: VendorCallContext,
  ): Promise<MigrationPage<MigrationAccount>>;
  /** Profiles of known users (≤ `importBatch.profiles` per call is not required; the provider chunks). */
  profiles(
    config: Config,
    userIds: readonly string[],
    ctx: VendorCallContext,
  ): Promise<MigrationUserProfile[]>;
  contacts(
    config: Config,
    owner: string,
    cursor: string | null,
    ctx: VendorCallContext,
  ): Promise<MigrationPage<MigrationContact>>;
  blocklist(
    config: Config,
    owner: string,
    cursor: string | null,
    ctx: VendorCallContext,
  ): Promise<MigrationPage<MigrationBlock>>;
  groups(
    config: Config,
    cursor: string | null,
    ctx: VendorCallContext,
  ): Promise<MigrationPage<MigrationGroup>>;
  /** Members with roles (owner included) and join times. */
  members(
    config: Config,
    groupId: string,
    cursor: string | null,
    ctx: VendorCallContext,
  ): Promise<MigrationPage<MigrationMember>>;
  mutes(config: Config, groupId: string, ctx: VendorCallContext): Promise<MigrationMute[]>;
  chatrooms(
    config: Config,
    cursor: string | null,
    ctx: VendorCallContext,
  ): Promise<MigrationPage<MigrationChatroom>>;
  /**
   * History sent in [from, to) (epoch ms), oldest hour first; within a page, in the vendor's order. Pages
   * may hold duplicates (Easemob says its export can); the job dedupes by `messageId`.
   */
  history(
    config: Config,
    window: { from: number; to: number },
    cursor: string | null,
    ctx: VendorCallContext,
  ): Promise<MigrationPage<HistoryMessage>>;
}

/**
 * Importing into an app. Each method takes at most `importBatch[kind]` items and answers one result per
 * item, keyed as documented per method; a vendor error that concerns one item fails that item only, and a
 * method throws (`VendorRequestError`) only when nothing of the batch was imported. Re-importing an item
 * the target already has answers `exists`, never a duplicate.
 */
export interface MigrationWriter<Config> {
  /** Key: userId. `passwordFor` gives the password Easemob requires (Tencent ignores it). */
  importAccounts(
    config: Config,
    accounts: readonly MigrationAccount[],
    options: { passwordFor: (userId: string) => string },
    ctx: VendorCallContext,
  ): Promise<MigrationItemResult[]>;
  /** Key: userId. */
  importProfiles(
    config: Config,
    profiles: readonly MigrationUserProfile[],
    ctx: VendorCallContext,
  ): Promise<MigrationItemResult[]>;
  /**
   * Key: the group's (already mapped) groupId, which the writer asks for where the vendor takes custom
   * ids; `targetId` is the id the target uses, which the vendor may assign instead.
   */
  importGroup(config: Config, group: MigrationGroup, ctx: VendorCallContext): Promise<MigrationItemResult>;
  /** Key: userId. Members of one target group; the owner was set by `importGroup`. */
  importMembers(
    config: Config,
    groupId: string,
    members: readonly MigrationMember[],
    ctx: VendorCallContext,
  ): Promise<MigrationItemResult[]>;
  /** Key: userId. */
  importMutes(
    config: Config,
    groupId: string,
    mutes: readonly MigrationMute[],
    ctx: VendorCallContext,
  ): Promise<MigrationItemResult[]>;
  /** Key: the room's roomId; `targetId` as for groups. */
  importChatroom(
    config: Config,
    room: MigrationChatroom,
    ctx: VendorCallContext,
  ): Promise<MigrationItemResult>;
  /**
   * Key: messageId. Messages of one target conversation, oldest first, already mapped to target ids;
   * `targetId` is the target's message id when the vendor returns one.
   */
  importHistory(
    config: Config,
    messages: readonly HistoryMessage[],
    ctx: VendorCallContext,
  ): Promise<MigrationItemResult[]>;
  /** Key: friend. Contacts of one owner. */
  importContacts(
    config: Config,
    owner: string,
    contacts: readonly MigrationContact[],
    ctx: VendorCallContext,
  ): Promise<MigrationItemResult[]>;
  /** Key: blocked. Blocks of one owner. */
  importBlocks(
    config: Config,
    owner: string,
    blocks: readonly MigrationBlock[],
    ctx: VendorCallContext,
  ): Promise<MigrationItemResult[]>;
}

export interface MigrationApi<Config> {
  reader: MigrationReader<Config>;
  writer: MigrationWriter<Config>;
}
