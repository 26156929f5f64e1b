export interface TencentAppConfig {
  sdkAppId: number;
  secretKey: string;
  /** Callback URL: every accepted message is posted there as the vendor's after-send callback. */
  callbackUrl?: string;
  /** When set, callbacks carry `RequestTime` and `Sign` = sha256(token + RequestTime). */
  callbackToken?: string;
  /** When set, only these identifiers may call the REST API (others get 60010). Default: any. */
  adminIdentifiers?: string[];
}

export interface TencentEmulatorOptions {
  port?: number;
  host?: string;
  apps: TencentAppConfig[];
  /** `any`: every UserID / GroupId is accepted; `registered`: only those imported or created here. */
  ids?: 'any' | 'registered';
  /** REST 200 calls/s per API (account import 100/s), 40 msgs/s per group; `false` turns them off. */
  rateLimits?: boolean;
  /** Tencent waits 2 s for a callback answer (tencent.md §1.3). */
  callbackTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface TencentGroup {
  type: string;
  members: Set<string>;
  /** Last MsgSeq issued in this group: per-group and increasing (tencent.md §2.1). */
  seq: number;
}

export interface TencentApp extends TencentAppConfig {
  accounts: Set<string>;
  groups: Map<string, TencentGroup>;
  /** Messages per To_Account, for `UnreadMsgNum` in C2C callbacks. */
  unread: Map<string, number>;
}
