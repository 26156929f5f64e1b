import { Injectable } from '@nestjs/common';
import { RELAY_STATUSES, RelayStatsRepository, type RelayCount } from '@im-gateway/persistence';
import { BridgesService } from '../bridges.service.js';
import type { BridgeStatsResponseDto, StatusCountsDto } from './bridge-stats.dto.js';

const LAG_SAMPLES = 10_000;
const TOP_CONVERSATIONS = 100;

/** Counts by status, keyed by whatever the rows are grouped by. */
function tally<R extends RelayCount>(rows: R[], key: (r: R) => string) {
  const groups = new Map<string, StatusCountsDto>();
  for (const row of rows) {
    const k = key(row);
    const counts = groups.get(k) ?? emptyCounts();
    const n = row.n;
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
    private readonly relays: RelayStatsRepository,
  ) {}

  async stats(bridgeId: string): Promise<BridgeStatsResponseDto> {
    await this.bridges.find(bridgeId);
    const byKindRows = await this.relays.countsByKind(bridgeId);
    const conversationRows = await this.relays.countsOfBusiestConversations(bridgeId, TOP_CONVERSATIONS);
    const lags = await this.relays.lagSamples(bridgeId, LAG_SAMPLES);
    // From the attempt log, unresolved errors only: a relay that failed and later went through reports none.
    const last = await this.relays.lastError(bridgeId);

    const kinds = tally(byKindRows, (r) => `${r.action}\u0000${r.conversationKind ?? ''}`);
    const conversations = tally(
      conversationRows,
      (r) => `${r.conversationKind ?? ''}\u0000${r.conversationId}`,
    );
    const total = tally(byKindRows, () => 'all').get('all') ?? emptyCounts();
    const sorted = lags.map((l) => Date.parse(l.relayedAt) - Date.parse(l.createdAt)).sort((a, b) => a - b);
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
        ? { relayId: last.relayId, status: last.outcome, error: last.error, at: last.attemptedAt }
        : null,
    };
  }
}

function emptyCounts(): StatusCountsDto {
  return { ...Object.fromEntries(RELAY_STATUSES.map((s) => [s, 0])), total: 0 } as StatusCountsDto;
}
