import { Entity, Index } from 'typeorm';
import { IdColumn, IntColumn, RefColumn, StringColumn, TimeColumn } from './columns.js';

export const DELIVERY_STATUSES = ['pending', 'delivering', 'delivered', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One event for one endpoint: the source of truth the delivery queue only wakes workers for. */
@Entity({ name: 'deliveries' })
@Index('uq_deliveries_event_endpoint', ['eventId', 'endpointId'], { unique: true })
@Index('idx_deliveries_due', ['status', 'nextAttemptAt'])
@Index('idx_deliveries_endpoint', ['endpointId', 'id'])
export class DeliveryEntity {
  @IdColumn() id!: string;
  @RefColumn('app_id') appId!: string;
  @RefColumn('endpoint_id') endpointId!: string;
  @RefColumn('event_id') eventId!: string;
  @StringColumn('status', 16) status!: DeliveryStatus;
  @IntColumn('attempts', { default: 0 }) attempts!: number;
  @TimeColumn('next_attempt_at', { nullable: true }) nextAttemptAt!: string | null;
  @TimeColumn('last_attempt_at', { nullable: true }) lastAttemptAt!: string | null;
  /** For endpoints that order by conversation: the conversation key, `null` otherwise. */
  @StringColumn('ordering_key', 300, { nullable: true }) orderingKey!: string | null;
  @TimeColumn('occurred_at') occurredAt!: string;
  @TimeColumn('locked_until', { nullable: true }) lockedUntil!: string | null;
  @TimeColumn('created_at') createdAt!: string;
  @TimeColumn('updated_at') updatedAt!: string;
  /** The W3C `traceparent` of the ingest that created it: each attempt's span joins that trace. */
  @StringColumn('trace_parent', 55, { nullable: true }) traceParent!: string | null;
}
