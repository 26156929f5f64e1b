import { Entity, Index } from 'typeorm';
import {
  BoolColumn,
  IdColumn,
  JsonColumn,
  RefColumn,
  StringColumn,
  TextColumn,
  TimeColumn,
} from './columns.js';

export const MIGRATION_JOB_STATUSES = [
  'pending',
  'running',
  'paused',
  'cancelled',
  'completed',
  'failed',
] as const;
export type MigrationJobStatus = (typeof MIGRATION_JOB_STATUSES)[number];

/** Statuses a job can still move on from; a bridge has at most one such (non-dry-run) job at a time. */
export const UNFINISHED_JOB_STATUSES: readonly MigrationJobStatus[] = ['pending', 'running', 'paused'];

export const MIGRATION_PHASES = ['waiting', 'reading', 'importing', 'done', 'skipped'] as const;
export type MigrationPhase = (typeof MIGRATION_PHASES)[number];

/**
 * Where a job's history stands, kept in a column of its own because the live relay asks it on every relay:
 * `reading` (the conversations are not all known yet), `importing`, `done`; `none` when the job has no history.
 */
export type HistoryState = 'none' | 'reading' | 'importing' | 'done';

/** One kind's state in a job: its phase, the read cursor stored after each page, why it is skipped. */
export interface MigrationKindState {
  phase: MigrationPhase;
  /** Where the items come from: the source's reader, the caller's user list, or nowhere (skipped). */
  read: 'reader' | 'upload' | 'none';
  /** The reader's cursor; per-owner kinds (members, contacts, …) keep the owner they are at too. */
  cursor: string | null;
  owner?: string | null;
  /** History: messages read so far, the tie-breaker of their order key. */
  sequence?: number;
  /** Why every item of the kind is skipped (the target cannot import it), or why the kind is. */
  reason?: string | null;
}

/**
 * A migration job on a bridge: its plan (scope, window, user list), its state per kind, and the lease of the
 * gateway process running it (renewed by a heartbeat, so a dead process's job is taken over).
 */
@Entity({ name: 'migration_jobs' })
@Index('idx_migration_jobs_bridge', ['bridgeId', 'id'])
@Index('idx_migration_jobs_status', ['status'])
export class MigrationJobEntity {
  @IdColumn() id!: string;
  @RefColumn('bridge_id') bridgeId!: string;
  @StringColumn('direction', 16) direction!: 'forward' | 'reverse';
  @RefColumn('source_app_id') sourceAppId!: string;
  @RefColumn('target_app_id') targetAppId!: string;
  @JsonColumn('scope') scope!: string[];
  @TimeColumn('history_from', { nullable: true }) historyFrom!: string | null;
  @TimeColumn('history_to', { nullable: true }) historyTo!: string | null;
  @BoolColumn('dry_run') dryRun!: boolean;
  @StringColumn('status', 16) status!: MigrationJobStatus;
  @StringColumn('history_state', 16) historyState!: HistoryState;
  /** Per kind: phase and read cursor. */
  @JsonColumn('kinds') kinds!: Record<string, MigrationKindState>;
  /** The caller's user list, when given (the source cannot list accounts, or the job is limited to them). */
  @JsonColumn('users', { nullable: true }) users!: string[] | null;
  /** The password setting for targets that require one, sealed with the gateway's master key. */
  @TextColumn('password_sealed', { nullable: true }) passwordSealed!: string | null;
  @StringColumn('error_code', 64, { nullable: true }) errorCode!: string | null;
  @TextColumn('error_message', { nullable: true }) errorMessage!: string | null;
  @StringColumn('lease_owner', 64, { nullable: true }) leaseOwner!: string | null;
  @TimeColumn('lease_until', { nullable: true }) leaseUntil!: string | null;
  @TimeColumn('created_at') createdAt!: string;
  @TimeColumn('updated_at') updatedAt!: string;
  @TimeColumn('started_at', { nullable: true }) startedAt!: string | null;
  @TimeColumn('finished_at', { nullable: true }) finishedAt!: string | null;
}
