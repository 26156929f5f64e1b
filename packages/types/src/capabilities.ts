import {
  CapabilityUnsupportedError,
  type SendableContentType,
  type SendRequest,
  type SendTarget,
  type SendTargetType,
  type VendorApiLimit,
} from './send.js';
import type { BeforeCallbackCapabilities } from './before-decision.js';
import type { MigrationCapabilities } from './migration.js';
import type { ReconcileCapabilities } from './reconciliation.js';
import type { ConversationType, MessageContentType } from './unified-event.js';

/** The option capabilities, as named in `capability_unsupported` details and in the capability matrix. */
export const OPTION_CAPABILITY_NAMES = [
  'priority',
  'recipients',
  'onlineOnly',
  'syncToSender',
  'broadcast',
] as const;
export type OptionCapabilityName = (typeof OPTION_CAPABILITY_NAMES)[number];

/** Which target kinds a send option applies to; an empty list means the vendor has no such option. */
export interface SendOptionSupport {
  priority: readonly SendTargetType[];
  /** Targeted messages: only some members of a group or chat room receive it. */
  recipients: readonly SendTargetType[];
  onlineOnly: readonly SendTargetType[];
  /**
   * `on`: targets where the sender's other devices can be sent a copy; `off`: targets where they can be left
   * out. Vendors fix this per target (Easemob groups always sync, rooms never), so each value is declared.
   */
  syncToSender: { on: readonly SendTargetType[]; off: readonly SendTargetType[] };
  /** One call reaches every chat room of the app (`to: { type: 'chatroom', all: true }`). */
  broadcast: boolean;
}

/** The vendor's fixed limits, so that clients can size requests before sending. */
export interface ProviderLimits {
  /** Recipients (users, groups, rooms, targeted members) per vendor call, keyed by what is counted. */
  batchSizes: Readonly<Record<string, number>>;
  /** The most members a targeted message (`options.recipients`) may name. */
  maxTargetedRecipients: number;
  /** The vendor's documented ceiling on one message's payload, in bytes. */
  maxMessageBytes: number;
  /** Per-app rate limits of the vendor APIs that send and recall call. */
  rateLimits: readonly VendorApiLimit[];
}

/** What a vendor accepts as one kind of id. */
export interface IdRule {
  /** Longest id in UTF-8 bytes. */
  maxBytes: number;
  /**
   * A regular expression source (anchored with ^…$) every id must match, when the vendor documents one.
   * Compiled with the `u` flag, so a character class counts code points, not UTF-16 halves.
   */
  pattern?: string;
  /** The rule in words, for error messages and docs (e.g. "a-z, 0-9, _ - . (lower case)"). */
  description: string;
}

export const ID_KINDS = ['user', 'group', 'chatroom'] as const;
export type IdKind = (typeof ID_KINDS)[number];

/**
 * What a provider supports, declared once and read by the gateway (checked before any vendor call, listed
 * at `GET /v1/providers`), the capability matrix in the docs and the conformance suite.
 */
export interface ProviderCapabilities {
  /** Conversation kinds the provider's callbacks produce. */
  conversations: readonly ConversationType[];
  send: {
    targets: readonly SendTargetType[];
    contents: readonly SendableContentType[];
    /** Content fields the vendor has no place for: a send that sets one is refused, never silently lossy. */
    unsupportedContentFields: Readonly<Partial<Record<SendableContentType, readonly string[]>>>;
    options: SendOptionSupport;
  };
  /** Content types the provider's callbacks yield (besides `unknown`, which any vendor may yield). */
  receive: { contents: readonly MessageContentType[] };
  /** Target kinds whose sent messages can be recalled; `broadcast`: whether a broadcast can be. */
  recall: { targets: readonly SendTargetType[]; broadcast: boolean };
  limits: ProviderLimits;
  /**
   * What the vendor accepts as an id of each kind: used to validate mapping tables and ids before they
   * reach the vendor.
   */
  ids: Readonly<Record<IdKind, IdRule>>;
  /**
   * What a migration job can read from and import into this vendor (docs/migration.md). Absent: the
   * provider takes part in live relaying only.
   */
  migration?: MigrationCapabilities;
  /**
   * How the gateway can read this vendor's history back to recover what callbacks missed
   * (docs/reconciliation.md). Absent: reconciliation is not offered for the provider's apps.
   */
  reconcile?: ReconcileCapabilities;
  /** The before-callbacks the vendor sends and which decisions it honours for each (docs/before-callbacks.md). */
  before: BeforeCallbackCapabilities;
}

const refuse = (capability: string, message: string) => new CapabilityUnsupportedError(capability, message);

/**
 * Throws `CapabilityUnsupportedError` naming the first capability `request` needs that `capabilities` does
 * not declare: the target kind, a content type or field, an option for this target kind, or broadcast.
 */
export function assertSendSupported(
  provider: string,
  capabilities: ProviderCapabilities,
  request: SendRequest,
): void {
  const { send } = capabilities;
  const { to, content, options = {} } = request;
  if ('all' in to && !send.options.broadcast)
    throw refuse('broadcast', `${provider} cannot broadcast to every chat room.`);
  if (!send.targets.includes(to.type))
    throw refuse(`target.${to.type}`, `${provider} cannot send to ${to.type} targets.`);
  if (!send.contents.includes(content.type))
    throw refuse(`content.${content.type}`, `${provider} cannot send ${content.type} messages.`);
  for (const field of send.unsupportedContentFields[content.type] ?? [])
    if ((content as Record<string, unknown>)[field] !== undefined)
      throw refuse(
        `content.${content.type}.${field}`,
        `${provider} messages cannot carry ${content.type} ${field}.`,
      );
  const broadcast = 'all' in to;
  // A broadcast reaches chat rooms: it takes the options the vendor allows for rooms, except targeting.
  const kind: SendTargetType = to.type;
  const where = broadcast ? 'a broadcast' : `${kind} targets`;
  if (broadcast && options.recipients !== undefined)
    throw refuse('recipients', `${provider} cannot target members in a broadcast.`);
  for (const name of ['priority', 'recipients', 'onlineOnly'] as const) {
    const value = options[name];
    // onlineOnly: false asks for the default (offline storage), which every vendor does.
    if (value === undefined || value === false) continue;
    if (!send.options[name].includes(kind))
      throw refuse(name, `${provider} cannot honour ${name} for ${where}.`);
  }
  if (options.syncToSender !== undefined) {
    const kinds = options.syncToSender ? send.options.syncToSender.on : send.options.syncToSender.off;
    if (!kinds.includes(kind))
      throw refuse(
        'syncToSender',
        `${provider} cannot honour syncToSender: ${String(options.syncToSender)} for ${where}.`,
      );
  }
}

/** Throws `CapabilityUnsupportedError('recall')` when no recall is declared for the target a message went to. */
export function assertRecallSupported(
  provider: string,
  capabilities: ProviderCapabilities,
  sentTo: SendTarget,
): void {
  const ok =
    'all' in sentTo ? capabilities.recall.broadcast : capabilities.recall.targets.includes(sentTo.type);
  if (!ok)
    throw refuse(
      'recall',
      `${provider} cannot recall ${'all' in sentTo ? 'a broadcast' : `${sentTo.type} messages`}.`,
    );
}
