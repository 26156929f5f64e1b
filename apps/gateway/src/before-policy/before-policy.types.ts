import type {
  BeforeDecision,
  ConversationType,
  EventType,
  MessageContentType,
  ModifiedMessage,
} from '@im-gateway/types';

/**
 * An app's answer to its vendor's before-callbacks (docs/before-callbacks.md): ordered rules, the first
 * that matches decides; when none matches, the decision endpoint (if any) decides; else the message is
 * allowed. `onError` applies when the endpoint is slow, down or answers garbage.
 */
export interface BeforePolicy {
  rules: BeforeRule[];
  decisionEndpoint: DecisionEndpoint | null;
  onError: 'allow' | 'deny';
  /**
   * The wait set in the vendor's console for these callbacks, in ms, when it is not the vendor's default
   * (`capabilities.before.timeoutMs`); only for a vendor whose wait is configurable. Absent or null: the
   * default. The decision endpoint's budget is counted from it.
   */
  vendorWaitMs?: number | null;
}

/** The gateway POSTs the `.requested` event there, signed like webhooks, and waits at most `timeoutMs`. */
export interface DecisionEndpoint {
  url: string;
  /** Standard Webhooks secret (`whsec_…`); stored encrypted, returned only when created or rotated. */
  secret: string;
  /** The budget; never more than the vendor's wait less the gateway's own margin. */
  timeoutMs: number;
}

export interface BeforeRule {
  /** Stable id within the policy, named by decisions and dry runs (`block-links`). */
  id: string;
  match: BeforeRuleMatch;
  action: BeforeRuleAction;
}

/** Every field given must match (AND); a list matches when any of its values does (OR). */
export interface BeforeRuleMatch {
  /** Event types or patterns (`message.send.requested`, `group.*`). */
  eventTypes?: (EventType | string)[];
  conversationKinds?: ConversationType[];
  conversationIds?: string[];
  senders?: string[];
  contentTypes?: MessageContentType[];
  text?: {
    /** Plain substrings. */
    keywords?: string[];
    /** Regular expressions run by a linear-time engine (RE2 syntax), so no pattern can stall the process. */
    patterns?: string[];
    caseSensitive?: boolean;
  };
  /** The message's size in UTF-8 bytes (contents and ext as JSON). */
  size?: { minBytes?: number; maxBytes?: number };
  mentions?: { all?: boolean; users?: string[]; minCount?: number };
}

export type BeforeRuleAction =
  | { type: 'allow' }
  | { type: 'deny'; reason?: string }
  | {
      type: 'modify';
      /** Text contents: every match of these keywords/patterns is masked, character by character. */
      mask?: { keywords?: string[]; patterns?: string[]; with?: string };
      /** Text contents replaced as a whole. */
      replaceText?: string;
      /** `ext` fields removed (top-level keys). */
      dropExt?: string[];
    };

/** Where a decision came from, stored on the event as `data.decision`. */
export interface StoredDecision {
  action: BeforeDecision['action'];
  source: 'rule' | 'endpoint' | 'fallback' | 'default';
  ruleId?: string;
  reason?: string;
  /** For `modify`: the message as delivered, so a vendor retry is answered with the same one. */
  message?: ModifiedMessage;
  /** For `fallback`: why the endpoint gave no decision (`timeout`, `unreachable`, `invalid_answer`, `status_500`). */
  error?: string;
  /** Milliseconds the decision took. */
  tookMs: number;
}
