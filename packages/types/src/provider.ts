import type { BeforeDecision } from './before-decision.js';
import type { ProviderCapabilities } from './capabilities.js';
import type { FieldIssue } from './errors.js';
import type { MigrationApi } from './migration.js';
import type { ReconciliationApi } from './reconciliation.js';
import type { RecallRequest, SendRequest, SendResult, VendorApiLimit, VendorCallContext } from './send.js';
import type { UnifiedEventDraft } from './unified-event.js';

/** Injection token under which each provider module registers its `ImProvider`. */
export const IM_PROVIDER = Symbol.for('im-gateway.provider');

/** A vendor callback as the gateway received it. */
export interface CallbackRequest {
  /** Parsed JSON body. */
  body: unknown;
  /** The body exactly as received (signatures are computed over it). */
  rawBody: string;
  query: Readonly<Record<string, string | undefined>>;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string | undefined>>;
}

/** What the gateway knows of the app a callback came in for. */
export interface CallbackContext<Config> {
  appId: string;
  config: Config;
  /** The clock, passed in so that verification and normalization stay pure. */
  now: Date;
  /**
   * How far a signed callback's own time may be from `now`, either way, in seconds, when the operator set
   * one for this provider. Absent: the provider's default. A provider whose vendor fixes the window ignores it.
   */
  callbackWindowSeconds?: number;
}

/** The result of normalizing one callback: what to store and publish, and how to answer. */
export interface NormalizedCallback {
  /** Identifies the callback across vendor retries; unique per app. */
  dedupeKey: string;
  /** The vendor's own name for what this callback is (`chat:txt`, `muc:kick`, `Group.CallbackAfterSendMsg`). */
  vendorKind: string;
  /** One or more events; each has its own dedupeKey (the callback's, suffixed `#n` when there are several). */
  events: UnifiedEventDraft[];
  /** For before-callbacks: the vendor's "allow" answer. Absent: the provider's ordinary ack. */
  reply?: CallbackReply;
}

export interface CallbackReply {
  status: number;
  body: unknown;
}

/** How the gateway handled a callback, for the vendor's reply contract. */
export type CallbackOutcome =
  | { kind: 'accepted'; normalized: NormalizedCallback }
  /** Already stored: a vendor retry. `normalized` is this copy's, so a before-callback gets its allow reply again. */
  | { kind: 'duplicate'; normalized: NormalizedCallback }
  | { kind: 'rejected'; status: number; code: string; message: string }
  | { kind: 'unavailable'; message: string };

/**
 * The contract every vendor package implements. The gateway knows vendors only through it; see
 * docs/adding-a-provider.md. Everything here but config validation is a pure function of its input.
 */
export interface ImProvider<Config extends object = Record<string, unknown>> {
  /** Route segment and stored provider name: `easemob`, `tencent`, ... */
  readonly name: string;
  readonly displayName: string;
  /** Config keys holding credentials: stored encrypted, never returned by the API. */
  readonly secretFields: readonly (keyof Config & string)[];
  /** Throws `ProviderConfigInvalidError` naming each bad field. */
  validateConfig(raw: unknown): Config;
  /** Throws `CallbackRejectedError` when the callback is not authentic or not for this app. */
  verifyCallback(request: CallbackRequest, context: CallbackContext<Config>): void;
  /** Pure: the same callback always yields the same events. Throws only `CallbackRejectedError`. */
  normalizeCallback(request: CallbackRequest, context: CallbackContext<Config>): NormalizedCallback;
  /** The vendor's answer for an outcome: the vendor's ack format, status and body. */
  callbackReply(outcome: CallbackOutcome): CallbackReply;
  /**
   * The vendor's answer to a before-callback that carries a decision other than the plain allow of
   * `normalized.reply`. Called only for commands `capabilities.before` lists, and only with what that
   * command supports (the gateway checks first); pure.
   */
  decisionReply(
    normalized: NormalizedCallback,
    request: CallbackRequest,
    decision: BeforeDecision,
  ): CallbackReply;
  /**
   * What the vendor supports. The gateway refuses a send or recall that needs anything undeclared (422
   * `capability_unsupported`) before calling `send`/`recall`, and lists it at `GET /v1/providers`.
   */
  readonly capabilities: ProviderCapabilities;
  /** The vendor's documented per-app limits of the APIs `send` and `recall` call (keys of `context.call`). */
  readonly apiLimits: readonly VendorApiLimit[];
  /**
   * Sends one message. Throws `CapabilityUnsupportedError` (before any vendor call) for an option, target or
   * content the vendor cannot carry, and a `VendorRequestError` only when nothing was sent; a failure
   * after some recipients were sent is reported per recipient.
   */
  send(config: Config, request: SendRequest, context: VendorCallContext): Promise<SendResult>;
  /** Recalls one vendor message; throws `VendorRequestError` or `CapabilityUnsupportedError`. */
  recall(config: Config, request: RecallRequest, context: VendorCallContext): Promise<void>;
  /**
   * Reading and importing directory and history for migration jobs; present exactly when
   * `capabilities.migration` is. Its vendor calls are paced by `apiLimits` like sends.
   */
  readonly migration?: MigrationApi<Config>;
  /**
   * Turning history back into the events callbacks would have produced, and per-conversation reads;
   * present exactly when `capabilities.reconcile` is. The whole-app read is `migration.reader.history`.
   */
  readonly reconciliation?: ReconciliationApi<Config>;
}

export type ConfigValidationResult<Config> =
  { ok: true; config: Config } | { ok: false; issues: FieldIssue[] };
