import type { EventType } from './event-types.js';
import type { MessageContent } from './unified-event.js';

/**
 * What the gateway answers a before-callback (Easemob pre-send, Tencent `*.CallbackBefore*` and
 * `Sns.CallbackPrev*`): let the operation through, stop it, or let a changed message through. A provider
 * translates it into the vendor's reply contract (`ImProvider.decisionReply`); docs/before-callbacks.md.
 */
export type BeforeDecision =
  | { action: 'allow' }
  /** `reason`: shown to the sender where the vendor passes one on (`denyReason` in the capabilities). */
  | { action: 'deny'; reason?: string }
  | { action: 'modify'; message: ModifiedMessage };

export const BEFORE_DECISION_ACTIONS = ['allow', 'deny', 'modify'] as const;
export type BeforeDecisionAction = (typeof BEFORE_DECISION_ACTIONS)[number];

/**
 * A message as it is to be delivered instead: all of its contents and all of its `ext`, not a diff. `ext`
 * absent or null: the message goes out without one.
 */
export interface ModifiedMessage {
  contents: MessageContent[];
  ext?: Record<string, unknown> | null;
}

/** What of a message a vendor lets a before-callback change. */
export const MODIFIABLE_PARTS = ['text', 'contents', 'ext'] as const;
/**
 * - `text`: the text of text contents (masking, replacing);
 * - `contents`: any content, of any type, including a different type;
 * - `ext`: the message's ext (Easemob ext, Tencent CloudCustomData).
 */
export type ModifiablePart = (typeof MODIFIABLE_PARTS)[number];

/** How the vendor honours a decision for one before-command. */
export interface BeforeCommandSupport {
  /** The vendor's name for the command, as `NormalizedCallback.vendorKind` gives it (`presend:txt`, `C2C.CallbackBeforeSendMsg`). */
  vendorKind: string;
  /** The unified `.requested` event the command yields. */
  eventType: EventType;
  /** The vendor stops the operation on a deny. */
  deny: boolean;
  /** The sender is shown the deny reason. */
  denyReason: boolean;
  /** What a modify may change; empty: the command cannot modify. */
  modify: readonly ModifiablePart[];
}

/** The before-callbacks of a vendor and how it waits for them. */
export interface BeforeCallbackCapabilities {
  /** How long the vendor waits for an answer by default, in milliseconds (documented per vendor). */
  timeoutMs: number;
  /** What the vendor does when no answer comes in time, in words (from the vendor's docs). */
  onTimeout: string;
  /**
   * The range an app may set the wait to in the vendor's console, in milliseconds; null: the wait is fixed.
   * An app that changed it tells the gateway (the before-policy's `vendorWaitMs`), which then gives its
   * decision endpoint that wait instead of `timeoutMs`.
   */
  configurableWait: { minMs: number; maxMs: number } | null;
  commands: readonly BeforeCommandSupport[];
}
