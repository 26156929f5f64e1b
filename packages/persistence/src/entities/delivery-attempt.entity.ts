import { Entity, Index } from 'typeorm';
import { IdColumn, IntColumn, RefColumn, StringColumn, TextColumn, TimeColumn } from './columns.js';

/** One HTTP attempt of a delivery, kept for the attempt log. */
@Entity({ name: 'delivery_attempts' })
@Index('idx_delivery_attempts_delivery', ['deliveryId', 'id'])
export class DeliveryAttemptEntity {
  @IdColumn() id!: string;
  @RefColumn('delivery_id') deliveryId!: string;
  @TimeColumn('attempted_at') attemptedAt!: string;
  @IntColumn('status_code', { nullable: true }) statusCode!: number | null;
  @IntColumn('duration_ms') durationMs!: number;
  @TextColumn('response_excerpt', { nullable: true }) responseExcerpt!: string | null;
  @StringColumn('error', 500, { nullable: true }) error!: string | null;
}
