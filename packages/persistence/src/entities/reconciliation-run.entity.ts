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

export const RECONCILIATION_STATUSES = ['pending', 'running', 'completed', 'failed'] as const;
export type ReconciliationStatus = (typeof RECONCILIATION_STATUSES)[number];

/** Why some history could not be read or turned into an event: a reason, how often, and a few examples. */
export interface UnreadableEntry {
  reason: string;
  count: number;
  /** Message ids or hours, at most a few, so a report stays small whatever the count. */
  examples: string[];
}

/** Where a run is: the source's cursor, and for the `conversations` source the conversation it is at. */
export interface ReconciliationCursor {
  source: 'export' | 'conversations';
  cursor: string | null;
  /** `export`: the send time (epoch ms) of the newest message read so far: how far into the window the run is. */
  upTo?: number;
  /** `conversations`: index into `conversations` of the one being read. */
  at?: number;
  conversations?: { type: 'direct' | 'group' | 'chatroom'; id: string; peer?: string }[];
}

/**
 * One reconciliation run of an app over a window: its progress (stored after every page, so a run survives
 * a restart), its report, and the lease of the gateway process running it. A scheduled run has a
 * `schedule_key` (its window's start), unique per app, so replicas that schedule at once create one run.
 */
@Entity({ name: 'reconciliation_runs' })
@Index('idx_reconciliation_runs_app', ['appId', 'id'])
@Index('idx_reconciliation_runs_status', ['status'])
@Index('uq_reconciliation_runs_schedule', ['appId', 'scheduleKey'], { unique: true })
export class ReconciliationRunEntity {
  @IdColumn() id!: string;
  @RefColumn('app_id') appId!: string;
  @StringColumn('trigger', 16) trigger!: 'manual' | 'scheduled';
  @StringColumn('schedule_key', 32, { nullable: true }) scheduleKey!: string | null;
  @TimeColumn('window_from') windowFrom!: string;
  @TimeColumn('window_to') windowTo!: string;
  @StringColumn('status', 16) status!: ReconciliationStatus;
  @JsonColumn('progress') progress!: ReconciliationCursor;
  @IntColumn('seen') seen!: number;
  @IntColumn('matched') matched!: number;
  @IntColumn('recovered') recovered!: number;
  @IntColumn('unreadable_count') unreadableCount!: number;
  @JsonColumn('unreadable') unreadable!: UnreadableEntry[];
  @StringColumn('error_code', 64, { nullable: true }) errorCode!: string | null;
  @TextColumn('error_message', { nullable: true }) errorMessage!: string | null;
  @StringColumn('lease_owner', 64, { nullable: true }) leaseOwner!: string | null;
  @TimeColumn('lease_until', { nullable: true }) leaseUntil!: string | null;
  @TimeColumn('created_at') createdAt!: string;
  @TimeColumn('updated_at') updatedAt!: string;
  @TimeColumn('started_at', { nullable: true }) startedAt!: string | null;
  @TimeColumn('finished_at', { nullable: true }) finishedAt!: string | null;
}
