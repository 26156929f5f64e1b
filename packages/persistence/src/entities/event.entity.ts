import { Entity, Index } from 'typeorm';
import type { UnifiedEvent } from '@im-gateway/types';
import { IdColumn, JsonColumn, RefColumn, StringColumn, TimeColumn } from './columns.js';

/**
 * A unified event. `body` is the whole `UnifiedEvent`; the columns beside it are copies of the fields the
 * events API filters on, so those filters use indexes instead of parsing JSON.
 */
@Entity({ name: 'events' })
@Index('uq_events_dedupe', ['appId', 'dedupeKey'], { unique: true })
@Index('idx_events_app_id', ['appId', 'id'])
// Each filter of the events list ends in id, its page order (migration 1766400000000).
@Index('idx_events_app_type_id', ['appId', 'type', 'id'])
@Index('idx_events_app_conversation_id', ['appId', 'conversationId', 'id'])
@Index('idx_events_app_actor_id', ['appId', 'actor', 'id'])
export class EventEntity {
  @IdColumn() id!: string;
  @RefColumn('app_id') appId!: string;
  @RefColumn('callback_id', { nullable: true }) callbackId!: string | null;
  @StringColumn('provider', 64) provider!: string;
  @StringColumn('type', 96) type!: string;
  @StringColumn('dedupe_key', 255) dedupeKey!: string;
  @StringColumn('conversation_type', 16, { nullable: true }) conversationType!: string | null;
  @StringColumn('conversation_id', 255, { nullable: true }) conversationId!: string | null;
  @StringColumn('actor', 255, { nullable: true }) actor!: string | null;
  @TimeColumn('occurred_at') occurredAt!: string;
  @TimeColumn('received_at') receivedAt!: string;
  @JsonColumn('body') body!: UnifiedEvent;
}
