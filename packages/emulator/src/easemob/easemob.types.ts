export interface EasemobAppConfig {
  orgName: string;
  appName: string;
  clientId: string;
  clientSecret: string;
  /** Post-send callback URL: every accepted message is posted there, signed with `callbackSecret`. */
  callbackUrl?: string;
  callbackSecret?: string;
  /** The console's recall window: 2 minutes by default, up to 7 days (easemob.md §3.1). */
  recallWindowSeconds?: number;
  /**
   * Pre-send callback rule URL (easemob.md §4.1–4.2). The vendor fires it only for messages sent by a
   * client SDK, never for REST sends: here, for messages sent through `sendAsClient` /
   * `POST /_emulator/apps/:org/:app/client-messages`. Without it client messages are delivered at once.
   */
  presendUrl?: string;
  /** The pre-send rule's secret (the console makes one per rule). Default: `callbackSecret`. */
  presendSecret?: string;
  /** The rule's wait time for an answer; the console default is 200 ms. */
  presendWaitMs?: number;
  /** The rule's "default policy on failure": `pass` delivers, `block` refuses. Default `pass`. */
  presendFailurePolicy?: 'pass' | 'block';
  /**
   * Whether the answer's `payload` may change messages other than text. The vendor allows text content
   * and `ext` by default and other types only when its sales team enables them; `cmd` never.
   */
  presendModifyAllTypes?: boolean;
}

export interface EasemobEmulatorOptions {
  /** 0 or omitted: a free port. */
  port?: number;
  host?: string;
  apps: EasemobAppConfig[];
  /**
   * `any`: every id is accepted. `registered`: ids must come from the emulator's user, chatgroup
   * and chatroom APIs — but the send APIs still accept unknown recipients, because Easemob
   * documents that it does not check them (easemob.md §2.2); recall and lookups do check.
   */
  ids?: 'any' | 'registered';
  /** The vendor's per-app rate limits (easemob.md §2.5, seed 001); `false` switches them off. */
  rateLimits?: boolean;
  /** `expires_in` of issued tokens when the request has no `ttl` (vendor default: 60 days). */
  tokenTtlSeconds?: number;
  /** How long a callback may take before it counts as failed. */
  callbackTimeoutMs?: number;
  /** Called with one line per request (the CLI logs them). */
  log?: (line: string) => void;
  /**
   * The emulator's clock (epoch ms) for history, import ordering, mutes and creation times; a fixed clock
   * makes the readable history window deterministic in tests. Default `Date.now`.
   */
  now?: () => number;
  /** How many days back the history export reaches (vendor default 3, raised by Easemob business). */
  historyWindowDays?: number;
  /**
   * Time zone of the export's `yyyyMMddHH`: `utc` (overseas clusters, and every cluster in the 2023 doc) or
   * `beijing` (the mainland cluster in the current doc). Default `utc`.
   */
  exportTimeZone?: 'utc' | 'beijing';
  /**
   * Whether `contacts/import` adds each friend in both directions (like the single add) or only on the
   * owner's list. The docs do not say; default `two-way`.
   */
  contactImport?: 'one-way' | 'two-way';
  /** Whether imported messages fire the post-send callback. The docs do not say; default false. */
  importCallbacks?: boolean;
  /** Custom `groupid` / `roomid` at creation (an Easemob business switch). Default false. */
  customIds?: boolean;
}

/** Per-app runtime state. */
export interface EasemobApp extends EasemobAppConfig {
  appKey: string;
  /** The app's UUID, as `application` in every response. */
  uuid: string;
  users: Map<string, EasemobUserState>;
  /** User attributes (metadata) by user. */
  profiles: Map<string, Record<string, string>>;
  /** Friends per owner, in the order they were added. */
  contacts: Map<string, string[]>;
  /** Blocked users per owner, in the order they were blocked. */
  blocks: Map<string, string[]>;
  groups: Map<string, EasemobGroupState>;
  rooms: Map<string, EasemobRoomState>;
  /** Every message sent or imported, in the order accepted, as the export writes it. */
  history: EasemobHistoryRecord[];
  /** `msg_timestamp` of the last message imported per conversation (`chat:a|b`, `groupchat:g`). */
  lastImported: Map<string, number>;
}

export interface EasemobUserState {
  uuid: string;
  username: string;
  password: string;
  /** ms */
  created: number;
  modified: number;
}

export interface EasemobGroupState {
  id: string;
  name: string;
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
  /** Members (owner included) and their join time in ms, in join order. */
  members: Map<string, number>;
  admins: Set<string>;
  /** Muted members: when the mute ends (ms), or -1 for ever. */
  mutes: Map<string, number>;
}

export interface EasemobRoomState {
  id: string;
  name: string;
  description: string;
  maxusers: number;
  owner: string;
  created: number;
  custom: string;
  /** Members, owner included. */
  members: Set<string>;
  admins: Set<string>;
}

/** One message as the chat history export lays it out (migration facts §2.11). */
export interface EasemobHistoryRecord {
  msg_id: string;
  /** ms, when the send completed (for imports: `msg_timestamp`). */
  timestamp: number;
  direction: 'outgoing';
  to: string;
  from: string;
  chat_type: 'chat' | 'groupchat' | 'chatroom';
  payload: { bodies: Record<string, unknown>[]; ext: Record<string, unknown>; from: string; to: string };
  /** Emulator bookkeeping, not part of the export: how the message got in. */
  source?: 'sent' | 'imported' | 'seeded';
}
