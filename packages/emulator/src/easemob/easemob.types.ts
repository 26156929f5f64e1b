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
}

/** Per-app runtime state. */
export interface EasemobApp extends EasemobAppConfig {
  appKey: string;
  /** The app's UUID, as `application` in every response. */
  uuid: string;
  users: Set<string>;
  groups: Map<string, { owner: string; members: Set<string> }>;
  rooms: Map<string, { owner: string; members: Set<string> }>;
}
