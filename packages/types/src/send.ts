import { ImGatewayError, type ErrorCode } from './errors.js';
import { MESSAGE_CONTENT_TYPES, type MessageContent } from './unified-event.js';

/** Who a message goes to: users, groups or chat rooms by id, or every active chat room of the app. */
export type SendTarget =
  { type: 'user' | 'group' | 'chatroom'; ids: string[] } | { type: 'chatroom'; all: true };

export const SEND_TARGET_TYPES = ['user', 'group', 'chatroom'] as const;
export type SendTargetType = (typeof SEND_TARGET_TYPES)[number];

export const SEND_PRIORITIES = ['high', 'normal', 'low'] as const;
export type SendPriority = (typeof SEND_PRIORITIES)[number];

/**
 * Vendor-neutral send options. Absent means "the vendor's default". A present option the vendor cannot
 * honour for the target is refused with `CapabilityUnsupportedError`, never dropped.
 */
export interface SendOptions {
  /** Delivery priority under load (chat rooms and groups, where the vendor has one). */
  priority?: SendPriority;
  /** Only these members of the group or chat room receive the message (targeted message). */
  recipients?: string[];
  /** Deliver only to recipients online now; no offline storage or push. */
  onlineOnly?: boolean;
  /** Also deliver to the sender's other devices. */
  syncToSender?: boolean;
}

/** Every content the unified model knows, except `unknown` (which only comes from vendors). */
export type SendableContent = Exclude<MessageContent, { type: 'unknown' }>;

/** Every content type a send can carry. */
export type SendableContentType = SendableContent['type'];

type FieldsOf<T extends SendableContentType> = Exclude<keyof Extract<SendableContent, { type: T }>, 'type'>;

const ATTACHMENT = ['url', 'name', 'size', 'secret'] as const;

/**
 * The content types a send can carry and the fields each takes besides `type` (EVENT-MODEL.md
 * `MessageContent`): the one list that the send API's validation, the capability declarations and the
 * provider mappers follow. A spec keeps it equal to the published schema.
 */
export const SENDABLE_CONTENT_FIELDS: { readonly [T in SendableContentType]: readonly FieldsOf<T>[] } = {
  text: ['text'],
  image: [...ATTACHMENT, 'width', 'height', 'format', 'variants'],
  audio: [...ATTACHMENT, 'durationSec'],
  video: [...ATTACHMENT, 'durationSec', 'format', 'thumbnailUrl', 'thumbnailSecret', 'width', 'height'],
  file: ATTACHMENT,
  location: ['latitude', 'longitude', 'address'],
  command: ['action'],
  custom: ['event', 'fields', 'data', 'description', 'extension', 'sound'],
  face: ['index', 'data'],
};

/** The content types a send can carry, in the order of `MESSAGE_CONTENT_TYPES`. */
export const SENDABLE_CONTENT_TYPES = MESSAGE_CONTENT_TYPES.filter(
  (t): t is SendableContentType => t !== 'unknown',
);

export interface SendRequest {
  from: string;
  to: SendTarget;
  content: SendableContent;
  ext?: Record<string, unknown>;
  options?: SendOptions;
}

/** The outcome for one recipient (user, group or chat room id; `*` for a chat-room broadcast). */
export type RecipientResult =
  | { recipient: string; status: 'sent'; vendorMessageId: string }
  | { recipient: string; status: 'failed'; error: RecipientError };

export interface RecipientError {
  code: ErrorCode;
  message: string;
  /** The vendor's own error (`message_send_error`, `70107`, HTTP status), for support cases. */
  vendorCode?: string;
}

export interface SendResult {
  /** One per recipient, in the order of `to.ids`. */
  recipients: RecipientResult[];
}

/** Recall one vendor message that a send produced (one entry of `SendResult.recipients`). */
export interface RecallRequest {
  /** The original sender. */
  from: string;
  /** The original target kind and the recipient the message id belongs to. */
  to: { type: SendTargetType; id: string };
  vendorMessageId: string;
}

/** A budget of one vendor API, per app: `points` per `perSeconds`, counted in calls or in messages. */
export interface VendorApiLimit {
  api: string;
  unit: 'calls' | 'messages';
  points: number;
  perSeconds: number;
}

/**
 * What the gateway lends a provider for one send or recall. `call` waits for the app's budget on `api`
 * (`weight` messages), runs `attempt`, and retries it with backoff while it throws a retryable
 * `VendorRequestError` and `deadline` allows; `attempt` gets the time it may take.
 */
export interface VendorCallContext {
  readonly appId: string;
  /** Epoch ms after which no further vendor call is started. */
  readonly deadline: number;
  call<T>(api: string, weight: number, attempt: (timeoutMs: number) => Promise<T>): Promise<T>;
}

/** A capability the app's vendor lacks: an option, a target form, or a content (`content.face`). */
export class CapabilityUnsupportedError extends ImGatewayError {
  constructor(
    readonly capability: string,
    message: string,
  ) {
    super('capability_unsupported', message, { capability });
  }
}

export type VendorErrorCode = Extract<
  ErrorCode,
  'vendor_rejected' | 'vendor_auth_failed' | 'vendor_rate_limited' | 'vendor_unavailable' | 'vendor_timeout'
>;

/** The error codes of a vendor failure that may pass if tried later: rate limits, outages, timeouts. */
export function isRetryableErrorCode(code: string): boolean {
  return code === 'vendor_rate_limited' || code === 'vendor_unavailable' || code === 'vendor_timeout';
}

/** A vendor REST call failed. Rate limits, outages and timeouts are retryable; the rest are not. */
export class VendorRequestError extends ImGatewayError {
  constructor(
    override readonly code: VendorErrorCode,
    message: string,
    readonly vendorCode?: string,
    /** From the vendor's `Retry-After`, when it sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(code, message, vendorCode === undefined ? undefined : { vendorCode });
  }

  get retryable(): boolean {
    return isRetryableErrorCode(this.code);
  }
}

/** The recipient entry for an error thrown while sending to it. */
export function failedRecipient(recipient: string, error: unknown): RecipientResult {
  if (error instanceof ImGatewayError) {
    const vendorCode = error instanceof VendorRequestError ? error.vendorCode : undefined;
    return {
      recipient,
      status: 'failed',
      error: { code: error.code, message: error.message, ...(vendorCode ? { vendorCode } : {}) },
    };
  }
  return { recipient, status: 'failed', error: { code: 'internal_error', message: 'Unexpected error.' } };
}
