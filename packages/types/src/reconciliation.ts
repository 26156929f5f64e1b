import type { HistoryMessage, MigrationPage } from './migration.js';
import type { VendorCallContext } from './send.js';
import type { UnifiedEventDraft } from './unified-event.js';

/**
 * Where a reconciliation reads a vendor's history from (docs/reconciliation.md):
 * - `export`: the whole app's history, an hour at a time, from files the vendor builds some time after the
 *   hour (Easemob `chatmessages/{time}`, Tencent `get_history`). Complete, but late and slow to call.
 * - `conversations`: one conversation at a time, as soon as a message is sent (Tencent `admin_getroammsg`,
 *   `group_msg_get_simple`). Only as complete as the list of conversations the gateway knows.
 */
export type ReconcileSource = 'export' | 'conversations';

/** What a provider declares of reading its history back to find what its callbacks missed. */
export interface ReconcileCapabilities {
  /** Sources this vendor offers, the complete one first. */
  sources: readonly ReconcileSource[];
  /** How far back history can be read, in days (Easemob export 3, Tencent files and roaming 7). */
  windowDays: number;
  /**
   * Minutes after an hour ends before its export is complete, by the vendor's documentation (Easemob
   * "retrieve after 24 hours", Tencent "usually within an hour"): the default delay of a scheduled run.
   */
  exportDelayMinutes: number;
  /** The default schedule: a run every this many minutes. */
  everyMinutes: number;
}

/** A conversation the gateway has seen traffic in, to be read one by one (`conversations` source). */
export interface KnownConversation {
  type: 'direct' | 'group' | 'chatroom';
  /** Direct: one party; group / chat room: its id. */
  id: string;
  /** Direct only: the other party (the read is made from `id`'s side). */
  peer?: string;
}

/**
 * Reading history for reconciliation, and turning a history record back into the events its callback
 * would have produced. Present exactly when `capabilities.reconcile` is.
 */
export interface ReconciliationApi<Config> {
  /**
   * The events the vendor's post-send callback (and, for a message recalled at the source, its recall
   * callback) would have produced for this message, built from `message.raw` with the same normalizer as
   * the callback: equal to the callback's events except for what only a callback carries (documented per
   * provider) and the marker `data.recovered`, which this adds. `raw` of each draft is the history record;
   * `dedupeKey` is `recovered:<type>:<messageId>`. Pure. A record that names no message (no raw record, no id,
   * sender or receiver) throws `CallbackRejectedError`, whose message the gateway reports as the reason the
   * message is unreadable; nothing else is thrown.
   */
  recoveredEvents(message: HistoryMessage, recovered: { source: ReconcileSource }): UnifiedEventDraft[];
  /**
   * History of one conversation sent in [from, to) (epoch ms), in pages; only for a provider whose
   * `sources` include `conversations`. Messages recalled at the source come back with `recalled: true`.
   */
  conversationHistory?(
    config: Config,
    conversation: KnownConversation,
    window: { from: number; to: number },
    cursor: string | null,
    ctx: VendorCallContext,
  ): Promise<MigrationPage<HistoryMessage>>;
}

/**
 * The keys that identify what a message's callbacks report, once per app: `sent:<messageId>` for the
 * sender's `message.sent` (Easemob's per-member offline copies are not it), `recalled:<messageId>` for
 * each message a `message.recalled` names (`data.messageIds`, or `data.messageId`); none for any other
 * event. Callbacks and reconciliation both record them, so a message is recovered only when no callback
 * brought it, and a late callback of a recovered message is a duplicate.
 */
export function messageKeysOf(event: Pick<UnifiedEventDraft, 'type' | 'message' | 'data'>): string[] {
  if (event.type === 'message.sent') {
    const id = event.message?.id;
    return id === undefined || id === '' || event.data['offline'] === true ? [] : [`sent:${id}`];
  }
  if (event.type !== 'message.recalled') return [];
  const { messageIds, messageId } = event.data;
  const ids = Array.isArray(messageIds) ? messageIds : [messageId];
  return ids.filter((id): id is string => typeof id === 'string' && id !== '').map((id) => `recalled:${id}`);
}
