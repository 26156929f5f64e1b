import type { RelayAttemptEntity } from './entities/relay-attempt.entity.js';
import type { RelayStatus } from './entities/relay.entity.js';
import type { Transactor } from './transactor.js';
import { AttemptRecorder, claimWithEventBody, renewLeases, storableText, type Backlog } from './work-rows.js';

export interface ClaimedRelay {
  id: string;
  bridge_id: string;
  source_app_id: string;
  target_app_id: string;
  origin_event_id: string | null;
  action: string;
  source_message_id: string;
  conversation_kind: string | null;
  conversation_id: string | null;
  attempts: number;
  /** JSON: what earlier attempts already sent (a message of several contents sends one at a time). */
  target_message_ids: string | null;
  created_at: string;
  /** The W3C `traceparent` stored at ingest (null: none, e.g. tracing off). */
  trace_parent: string | null;
  /** The origin event's stored JSON (null if there is none). */
  event_body: string | null;
}

export interface RelayOutcome {
  status: RelayStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string;
  reason: string | null;
  lastError: string | null;
  targetMessageIds: string[] | null;
  relayedAt: string | null;
  /** The kind the mapping decided (an Easemob `groupchat` may turn out to be a chat room). */
  conversationKind: string | null;
}

/** A relay may go only when no earlier relay of its conversation is still waiting or under way. */
const CONVERSATION_HEAD = `(relays.conversation_id IS NULL OR NOT EXISTS (
  SELECT 1 FROM relays e
  WHERE e.bridge_id = relays.bridge_id AND e.conversation_id = relays.conversation_id
    AND e.status IN ('pending', 'relaying')
    AND (e.occurred_at < relays.occurred_at OR (e.occurred_at = relays.occurred_at AND e.id < relays.id))))`;

const CLAIM = `UPDATE relays SET status = 'relaying', locked_until = $1, updated_at = $2
  WHERE id = $3
    AND ((status = 'pending' AND next_attempt_at <= $4) OR (status = 'relaying' AND locked_until < $5))
    AND EXISTS (SELECT 1 FROM bridges b WHERE b.id = relays.bridge_id AND b.status = 'active')
    AND ${CONVERSATION_HEAD}
  RETURNING id, bridge_id, source_app_id, target_app_id, origin_event_id, action, source_message_id,
    conversation_kind, conversation_id, attempts, target_message_ids, created_at, trace_parent`;

const INSERT_ATTEMPT = `INSERT INTO relay_attempts (id, relay_id, attempted_at, outcome, duration_ms, error)
  VALUES ($1, $2, $3, $4, $5, $6)`;
// An outcome that does not know the target's message ids or the conversation's kind (an attempt that failed
// before it got that far) keeps what the relay holds: a retry must neither resend what was sent nor take a
// direct message for a group.
const UPDATE_RELAY = `UPDATE relays SET status = $1, attempts = $2, next_attempt_at = $3, last_attempt_at = $4,
  reason = $5, last_error = $6, target_message_ids = COALESCE($7, target_message_ids), relayed_at = $8,
  conversation_kind = COALESCE($9, conversation_kind), locked_until = NULL, updated_at = $10 WHERE id = $11`;

const FINISH = new AttemptRecorder(INSERT_ATTEMPT, UPDATE_RELAY, 6);

type Due = { id: string; next_attempt_at: string | null };

/**
 * The relay state machine's queries, the same shape as the delivery ones: the `relays` table is the truth,
 * a claim is one conditional UPDATE (so a relay woken twice, or by two replicas, is attempted once at a
 * time), and a lease that runs out (a crash) makes the relay claimable again. A paused bridge's relays are
 * not claimed; they wait, pending, for the bridge to resume.
 */
export class RelayRepository {
  constructor(private readonly transactor: Transactor) {}

  async claim(id: string, now: string, lockUntil: string, dueBy: string = now): Promise<ClaimedRelay | null> {
    return claimWithEventBody<Omit<ClaimedRelay, 'event_body'>>(
      this.transactor,
      CLAIM,
      [lockUntil, now, id, dueBy, now],
      'origin_event_id',
    );
  }

  /** Records the attempt and the relay's next state together (one statement on PostgreSQL, one transaction on SQLite). */
  async finish(id: string, outcome: RelayOutcome, attempt: RelayAttemptEntity): Promise<void> {
    const a = attempt;
    const attemptValues = [a.id, a.relayId, a.attemptedAt, a.outcome, a.durationMs, storableText(a.error)];
    const relayValues = [
      outcome.status,
      outcome.attempts,
      outcome.nextAttemptAt,
      outcome.lastAttemptAt,
      storableText(outcome.reason, 500),
      storableText(outcome.lastError),
      outcome.targetMessageIds ? JSON.stringify(outcome.targetMessageIds) : null,
      outcome.relayedAt,
      outcome.conversationKind,
      outcome.lastAttemptAt,
      id,
    ];
    await FINISH.record(this.transactor, attemptValues, relayValues);
  }

  /**
   * Gives a claimed relay back without an attempt, due again at `dueAt` with `reason` (a migration job holds
   * its conversation): no attempt row, no attempt counted, however long the hold lasts.
   */
  async postpone(id: string, dueAt: string, reason: string, now: string): Promise<void> {
    await this.transactor.query(
      `UPDATE relays SET status = 'pending', next_attempt_at = $1, reason = $2, locked_until = NULL, updated_at = $3
       WHERE id = $4 AND status = 'relaying'`,
      [dueAt, reason, now, id],
    );
  }

  /** Gives a claimed relay back without an attempt (its bridge was paused or deleted meanwhile). */
  async release(id: string, now: string): Promise<void> {
    await this.transactor.query(
      `UPDATE relays SET status = 'pending', locked_until = NULL, updated_at = $1 WHERE id = $2 AND status = 'relaying'`,
      [now, id],
    );
  }

  /**
   * The backlog for monitoring: how many relays wait for an attempt or are under way, and when the oldest
   * of them was created. One aggregate over the status index, cheap enough for every metrics scrape.
   */
  async backlog(): Promise<Backlog> {
    const rows = await this.transactor.query<{ count: number | string; oldest: string | null }>(
      `SELECT COUNT(*) AS count, MIN(created_at) AS oldest FROM relays WHERE status IN ('pending', 'relaying')`,
    );
    return { count: Number(rows[0]?.count ?? 0), oldestCreatedAt: rows[0]?.oldest ?? null };
  }

  /**
   * Every relay of an active bridge that should be in a queue: pending ones, and those under way with the end
   * of their lease (`locked_until`): a lease that is not renewed (its process died) makes the relay
   * claimable then.
   */
  async unfinished(_now: string, limit: number): Promise<(Due & { locked_until: string | null })[]> {
    return this.transactor.query(
      `SELECT r.id, r.next_attempt_at, r.locked_until FROM relays r
       JOIN bridges b ON b.id = r.bridge_id AND b.status = 'active'
       WHERE r.status IN ('pending', 'relaying')
       ORDER BY r.next_attempt_at LIMIT ${Math.trunc(limit)}`,
    );
  }

  /** Extends the leases of relays still under way (the heartbeat of the process attempting them). */
  renew(ids: string[], lockUntil: string): Promise<void> {
    return renewLeases(this.transactor, 'relays', 'relaying', ids, lockUntil);
  }

  /** The next relay waiting in a conversation, if any. */
  async nextInConversation(bridgeId: string, conversationId: string): Promise<Due | null> {
    const rows = await this.transactor.query<Due>(
      `SELECT id, next_attempt_at FROM relays
       WHERE bridge_id = $1 AND conversation_id = $2 AND status = 'pending'
       ORDER BY occurred_at, id LIMIT 1`,
      [bridgeId, conversationId],
    );
    return rows[0] ?? null;
  }

  /**
   * Puts relays back in line for an attempt now (the retry API, a resumed bridge). Relays under way are
   * left alone; `relayed` and `skipped` ones too unless named by id. Returns the ids touched.
   */
  async requeue(
    where: { bridgeId: string; ids?: string[]; statuses?: RelayStatus[] },
    now: string,
  ): Promise<string[]> {
    const params: unknown[] = [now, now, where.bridgeId];
    let filter: string;
    if (where.ids) {
      if (where.ids.length === 0) return [];
      filter = `id IN (${where.ids.map((_, i) => `$${i + 4}`).join(', ')}) AND status <> 'relaying'`;
      params.push(...where.ids);
    } else {
      const statuses = where.statuses ?? ['failed', 'unmapped'];
      filter = `status IN (${statuses.map((_, i) => `$${i + 4}`).join(', ')}) AND status <> 'relaying'`;
      params.push(...statuses);
    }
    const rows = await this.transactor.query<{ id: string }>(
      `UPDATE relays SET status = 'pending', next_attempt_at = $1, reason = NULL, updated_at = $2
       WHERE bridge_id = $3 AND ${filter} RETURNING id`,
      params,
    );
    return rows.map((r) => r.id);
  }
}
