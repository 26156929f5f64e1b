import { Injectable } from '@nestjs/common';
import { RELAY_STATUSES, Transactor } from '@im-gateway/persistence';
import { BridgesService } from '../bridges.service.js';
import type { BridgeStatsResponseDto, StatusCountsDto } from './bridge-stats.dto.js';

const LAG_SAMPLES = 10_000;
const TOP_CONVERSATIONS = 100;

type Counted = { status: string; n: number | string };

/** Counts by status, keyed by whatever the rows are grouped by. */
function tally<K extends string>(
  rows: (Counted & Record<K, unknown>)[],
  key: (r: Counted & Record<K, unknown>) => string,
) {
  const groups = new Map<string, StatusCountsDto>();
  for (const row of rows) {
    const k = key(row);
    const counts = groups.get(k) ?? emptyCounts();
    const n = Number(row.n);
    counts[row.status as keyof StatusCountsDto] += n;
    counts.total += n;
    groups.set(k, counts);
  }
  return groups;
}

/** The nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** A bridge's progress: what was relayed, failed or is unmapped, by kind and conversation; lag; last error. */
@Injectable()
export class BridgeStatsService {
  constructor(
    private readonly bridges: BridgesService,
    private readonly transactor: Transactor,
  ) {}

  async stats(bridgeId: string): Promise<BridgeStatsResponseDto> {
    await this.bridges.find(bridgeId);
    const byKindRows = await this.transactor.query<
      Counted & { action: string; conversation_kind: string | null }
    >(
      `SELECT action, conversation_kind, status, COUNT(*) AS n FROM relays WHERE bridge_id = $1
       GROUP BY action, conversation_kind, status`,
      [bridgeId],
    );
    const busiest = await this.transactor.query<{
      conversation_kind: string | null;
      conversation_id: string;
    }>(
      `SELECT conversation_kind, conversation_id FROM relays WHERE bridge_id = $1 AND conversation_id IS NOT NULL
       GROUP BY conversation_kind, conversation_id ORDER BY COUNT(*) DESC, conversation_id LIMIT ${TOP_CONVERSATIONS}`,
      [bridgeId],
    );
    const conversationRows =
      busiest.length === 0
        ? []
        : await this.transactor.query<
            Counted & { conversation_kind: string | null; conversation_id: string }
          >(
            `SELECT conversation_kind, conversation_id, status, COUNT(*) AS n FROM relays
             WHERE bridge_id = $1 AND conversation_id IN (${busiest.map((_, i) => `$${i + 2}`).join(', ')})
             GROUP BY conversation_kind, conversation_id, status`,
            [bridgeId, ...busiest.map((b) => b.conversation_id)],
          );
    const lags = await this.transactor.query<{ created_at: string; relayed_at: string }>(
      `SELECT created_at, relayed_at FROM relays WHERE bridge_id = $1 AND status = 'relayed' AND action = 'message'
         AND origin_event_id IS NOT NULL ORDER BY relayed_at DESC LIMIT ${LAG_SAMPLES}`,
      [bridgeId],
    );
    // From the attempt log: a relay that failed and later went through still shows what went wrong.
    const [last] = await this.transactor.query<{
      relay_id: string;
      outcome: string;
      error: string;
      attempted_at: string;
    }>(
      `SELECT a.relay_id, a.outcome, a.error, a.attempted_at FROM relay_attempts a JOIN relays r ON r.id = a.relay_id
       WHERE r.bridge_id = $1 AND a.error IS NOT NULL ORDER BY a.attempted_at DESC, a.id DESC LIMIT 1`,
      [bridgeId],
    );

    const kinds = tally(byKindRows, (r) => `${r.action}\u0000${r.conversation_kind ?? ''}`);
    const conversations = tally(
      conversationRows,
      (r) => `${r.conversation_kind ?? ''}\u0000${r.conversation_id}`,
    );
    const total = tally(byKindRows, () => 'all').get('all') ?? emptyCounts();
    const sorted = lags.map((l) => Date.parse(l.relayed_at) - Date.parse(l.created_at)).sort((a, b) => a - b);
    return {
      bridgeId,
      totals: total,
      byKind: [...kinds].map(([key, counts]) => {
        const [action, kind] = key.split('\u0000') as [string, string];
        return { action, kind: kind || null, ...counts };
      }),
      byConversation: [...conversations]
        .map(([key, counts]) => {
          const [kind, conversationId] = key.split('\u0000') as [string, string];
          return { kind: kind || null, conversationId, ...counts };
        })
        .sort((a, b) => b.total - a.total || a.conversationId.localeCompare(b.conversationId)),
      lagMs: { p50: percentile(sorted, 50), p99: percentile(sorted, 99), samples: sorted.length },
      lastError: last
        ? { relayId: last.relay_id, status: last.outcome, error: last.error, at: last.attempted_at }
        : null,
    };
  }
}

function emptyCounts(): StatusCountsDto {
  return { ...Object.fromEntries(RELAY_STATUSES.map((s) => [s, 0])), total: 0 } as StatusCountsDto;
}
