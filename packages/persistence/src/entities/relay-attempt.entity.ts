import { Entity, Index } from 'typeorm';
import { IdColumn, IntColumn, RefColumn, StringColumn, TimeColumn } from './columns.js';

/** One attempt at a relay: what came of it and, when it failed, why. */
@Entity({ name: 'relay_attempts' })
@Index('idx_relay_attempts_relay', ['relayId', 'id'])
export class RelayAttemptEntity {
  @IdColumn() id!: string;
  @RefColumn('relay_id') relayId!: string;
  @TimeColumn('attempted_at') attemptedAt!: string;
  /** The relay's status after the attempt. */
  @StringColumn('outcome', 16) outcome!: string;
  @IntColumn('duration_ms') durationMs!: number;
  @StringColumn('error', 500, { nullable: true }) error!: string | null;
}
