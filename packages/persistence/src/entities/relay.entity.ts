import { Entity, Index } from 'typeorm';
import {
  IdColumn,
  IntColumn,
  JsonColumn,
  RefColumn,
  StringColumn,
  TextColumn,
  TimeColumn,
} from './columns.js';

export const RELAY_STATUSES = ['pending', 'relaying', 'relayed', 'failed', 'unmapped', 'skipped'] as const;
export type RelayStatus = (typeof RELAY_STATUSES)[number];

export const RELAY_ACTIONS = ['message', 'recall'] as const;
export type RelayAction = (typeof RELAY_ACTIONS)[number];

/**
 * One source event to repeat on the other side of a bridge: a message to send, or a recall to make. Written
 * in the ingest transaction of its event, so it is never lost; the relay queue only wakes workers for it.
 * `relaying` is the leased state of an attempt under way (like a delivery's `delivering`).
 */
@Entity({ name: 'relays' })
@Index('uq_relays_source', ['bridgeId', 'sourceAppId', 'action', 'sourceMessageId'], { unique: true })
@Index('idx_relays_due', ['status', 'nextAttemptAt'])
@Index('idx_relays_bridge', ['bridgeId', 'id'])
@Index('idx_relays_conversation', ['bridgeId', 'conversationId'])
export class RelayEntity {
  @IdColumn() id!: string;
  @RefColumn('bridge_id') bridgeId!: string;
  @RefColumn('source_app_id') sourceAppId!: string;
  @RefColumn('target_app_id') targetAppId!: string;
  /** The event that caused it; null for a dual-send. */
  @RefColumn('origin_event_id', { nullable: true }) originEventId!: string | null;
  @StringColumn('action', 16) action!: RelayAction;
  /** The source vendor's message id (of the message sent, or of the message recalled). */
  @StringColumn('source_message_id', 200) sourceMessageId!: string;
  /**
   * The bridge kind (`direct`, `group`, `chatroom`) and the source conversation (`a|b` for a direct chat, the
   * two users in order, so that both directions share it). Messages of one conversation are relayed in order.
   */
  @StringColumn('conversation_kind', 16, { nullable: true }) conversationKind!: string | null;
  @StringColumn('conversation_id', 200, { nullable: true }) conversationId!: string | null;
  @StringColumn('status', 16) status!: RelayStatus;
  /** Why it is `unmapped`, `skipped` or `failed`, in words. */
  @StringColumn('reason', 500, { nullable: true }) reason!: string | null;
  @IntColumn('attempts', { default: 0 }) attempts!: number;
  @TimeColumn('next_attempt_at', { nullable: true }) nextAttemptAt!: string | null;
  @TimeColumn('last_attempt_at', { nullable: true }) lastAttemptAt!: string | null;
  @TimeColumn('locked_until', { nullable: true }) lockedUntil!: string | null;
  @TextColumn('last_error', { nullable: true }) lastError!: string | null;
  /** The target vendor's message ids it produced (one per content). */
  @JsonColumn('target_message_ids', { nullable: true }) targetMessageIds!: string[] | null;
  @TimeColumn('occurred_at') occurredAt!: string;
  @TimeColumn('created_at') createdAt!: string;
  @TimeColumn('relayed_at', { nullable: true }) relayedAt!: string | null;
  @TimeColumn('updated_at') updatedAt!: string;
  /** The W3C `traceparent` of the ingest that planned it: each attempt's span joins that trace. */
  @StringColumn('trace_parent', 55, { nullable: true }) traceParent!: string | null;
}
