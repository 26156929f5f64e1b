import type { CallbackContext, CallbackReply, UnifiedEventDraft } from '@im-gateway/types';

/**
 * The part of an app's Tencent config the callback code reads. `TencentConfig` satisfies it; it is declared
 * here so that the pure callback code does not import the class-validator config class.
 */
export interface TencentCallbackConfig {
  sdkAppId: number;
  /** The console's callback authentication token; when set, every callback must be signed (§1.2). */
  callbackToken?: string;
  /** Without a token, accept unsigned callbacks only when this is true. */
  allowUnsignedCallbacks?: boolean;
}

export type TencentCallbackContext = CallbackContext<TencentCallbackConfig>;

/** What a family normalizer is given: the body (a JSON object), the routed command and the context. */
export interface TencentCallbackInput {
  command: string;
  body: Record<string, unknown>;
  query: Readonly<Record<string, string | undefined>>;
  /**
   * The callback's time (ISO-8601 ms): EventTime (ms) when valid, else MsgTime (s), else RequestTime (s),
   * else `context.now`. Family normalizers use it for events and as a message's `sentAt` fallback.
   */
  occurredAt: string;
}

/**
 * One event as a family normalizer produces it. The dispatcher fills `occurredAt` when it is absent and adds
 * `dedupeKey`, `raw` and the query fields every event carries (`data.clientIp`, `data.optPlatform`).
 */
export type TencentEventPart = Omit<UnifiedEventDraft, 'dedupeKey' | 'raw' | 'occurredAt'> & {
  occurredAt?: string;
};

/** How the callback's dedupe key is derived (see the README). */
export type TencentDedupeRule =
  /** `MsgKey` (C2C), else `GroupId:MsgSeq` (group), else the body hash: one callback per message. */
  | 'message'
  /** A hash of the canonical body: for callbacks with no identity of their own. */
  | 'body';

export type TencentFamilyNormalizer = (input: TencentCallbackInput) => TencentEventPart[];

/** One known CallbackCommand: how to normalize it and, for before-callbacks, how to allow it. */
export interface TencentCommandSpec {
  command: string;
  /** B = before (Tencent waits for the verdict), A = after (notification), per the catalogue (§2). */
  timing: 'before' | 'after';
  dedupe: TencentDedupeRule;
  normalize: TencentFamilyNormalizer;
  /** Before-callbacks only: the reply that lets the operation proceed unchanged (§1.5). */
  allow?: (body: Record<string, unknown>) => CallbackReply;
}
