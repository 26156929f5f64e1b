import type { Transactor } from './transactor.js';

/** A count of relays in one status, for one group. */
export interface RelayCount {
  status: string;
  n: number;
}

export interface LastRelayError {
  relayId: string;
  outcome: string;
  error: string;
  attemptedAt: string;
}

type Counted = { status: string; n: number | string };

// COUNT(*) is a bigint (a string) on PostgreSQL and a number on SQLite.
const counted = <T extends Counted>(rows: T[]) => rows.map((r) => ({ ...r, n: Number(r.n) }));

/** The aggregate queries behind a bridge's progress report. */
export class RelayStatsRepository {
  constructor(private readonly transactor: Transactor) {}

  async countsByKind(
    bridgeId: string,
  ): Promise<(RelayCount & { action: string; conversationKind: string | null })[]> {
    const rows = await this.transactor.query<Counted & { action: string; conversation_kind: string | null }>(
      `SELECT action, conversation_kind, status, COUNT(*) AS n FROM relays WHERE bridge_id = $1
       GROUP BY action, conversation_kind, status`,
      [bridgeId],
    );
    return counted(rows).map((r) => ({
      action: r.action,
      conversationKind: r.conversation_kind,
      status: r.status,
      n: r.n,
    }));
  }

  /** The `limit` conversations with the most relays, and their counts by status. */
  async countsOfBusiestConversations(
    bridgeId: string,
    limit: number,
  ): Promise<(RelayCount & { conversationKind: string | null; conversationId: string })[]> {
    const busiest = await this.transactor.query<{ conversation_id: string }>(
      `SELECT conversation_kind, conversation_id FROM relays WHERE bridge_id = $1 AND conversation_id IS NOT NULL
       GROUP BY conversation_kind, conversation_id ORDER BY COUNT(*) DESC, conversation_id
       LIMIT ${Math.trunc(limit)}`,
      [bridgeId],
    );
    if (busiest.length === 0) return [];
    const rows = await this.transactor.query<
      Counted & { conversation_kind: string | null; conversation_id: string }
    >(
      `SELECT conversation_kind, conversation_id, status, COUNT(*) AS n FROM relays
       WHERE bridge_id = $1 AND conversation_id IN (${busiest.map((_, i) => `$${i + 2}`).join(', ')})
       GROUP BY conversation_kind, conversation_id, status`,
      [bridgeId, ...busiest.map((b) => b.conversation_id)],
    );
    return counted(rows).map((r) => ({
      conversationKind: r.conversation_kind,
      conversationId: r.conversation_id,
      status: r.status,
      n: r.n,
    }));
  }

  /** Creation and relay times of the latest `limit` relayed messages that came from an event. */
  async lagSamples(bridgeId: string, limit: number): Promise<{ createdAt: string; relayedAt: string }[]> {
    const rows = await this.transactor.query<{ created_at: string; relayed_at: string }>(
      `SELECT created_at, relayed_at FROM relays WHERE bridge_id = $1 AND status = 'relayed' AND action = 'message'
         AND origin_event_id IS NOT NULL ORDER BY relayed_at DESC LIMIT ${Math.trunc(limit)}`,
      [bridgeId],
    );
    return rows.map((r) => ({ createdAt: r.created_at, relayedAt: r.relayed_at }));
  }

  /**
   * The latest attempt that recorded an error, among the bridge's relays that are not relayed now: once a
   * relay goes through, the errors of its earlier attempts are resolved and no longer reported.
   */
  async lastError(bridgeId: string): Promise<LastRelayError | null> {
    const [last] = await this.transactor.query<{
      relay_id: string;
      outcome: string;
      error: string;
      attempted_at: string;
    }>(
      `SELECT a.relay_id, a.outcome, a.error, a.attempted_at FROM relay_attempts a JOIN relays r ON r.id = a.relay_id
       WHERE r.bridge_id = $1 AND r.status <> 'relayed' AND a.error IS NOT NULL ORDER BY a.attempted_at DESC, a.id DESC LIMIT 1`,
      [bridgeId],
    );
    return last
      ? { relayId: last.relay_id, outcome: last.outcome, error: last.error, attemptedAt: last.attempted_at }
      : null;
  }
}
