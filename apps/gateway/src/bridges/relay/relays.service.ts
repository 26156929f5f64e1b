import { Injectable } from '@nestjs/common';
import {
  mapPage,
  nowIso,
  RelayLogRepository,
  RelayRepository,
  type RelayEntity,
  type RelayStatus,
} from '@im-gateway/persistence';
import { ImGatewayError } from '@im-gateway/types';
import { BridgesService } from '../bridges.service.js';
import type {
  RelayDetailResponseDto,
  RelayListResponseDto,
  RelayResponseDto,
  RelayRetryDto,
} from './relay.dto.js';
import { RelayScheduler } from './relay.scheduler.js';

/** Reading relays back, with their attempts, and putting them back in line. */
@Injectable()
export class RelaysService {
  constructor(
    private readonly relays: RelayLogRepository,
    private readonly repository: RelayRepository,
    private readonly bridges: BridgesService,
    private readonly scheduler: RelayScheduler,
  ) {}

  async list(
    bridgeId: string,
    filter: { status?: RelayStatus; sourceMessageId?: string },
    cursor?: string,
    limit?: number,
  ): Promise<RelayListResponseDto> {
    const bridge = await this.bridges.find(bridgeId);
    const appIds = [bridge.sourceAppId, bridge.targetAppId];
    return mapPage(await this.relays.page(bridgeId, { ...filter, appIds }, cursor, limit), toRelayResponse);
  }

  async get(bridgeId: string, id: string): Promise<RelayDetailResponseDto> {
    const relay = await this.relays.find(bridgeId, id);
    if (!relay) throw new ImGatewayError('not_found', `No relay ${id} on bridge ${bridgeId}.`);
    const attempts = await this.relays.attempts(id);
    return {
      ...toRelayResponse(relay),
      attemptLog: attempts.map((a) => ({
        attemptedAt: a.attemptedAt,
        outcome: a.outcome,
        durationMs: a.durationMs,
        error: a.error,
      })),
    };
  }

  /**
   * Requeues relays. Named ids must all be relays of this bridge: an unknown id (or one of another bridge) is
   * a 404 and nothing is requeued, rather than a 200 that reads as if the retry had been taken.
   */
  async retry(bridgeId: string, dto: RelayRetryDto): Promise<{ requeued: string[] }> {
    await this.bridges.find(bridgeId);
    if (dto.ids) {
      const known = new Set(await this.relays.existing(bridgeId, dto.ids));
      const unknown = [...new Set(dto.ids.filter((id) => !known.has(id)))];
      if (unknown.length > 0)
        throw new ImGatewayError(
          'not_found',
          `No relay ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` (and ${unknown.length - 10} more)` : ''} on bridge ${bridgeId}.`,
        );
    }
    const now = nowIso();
    const requeued = await this.repository.requeue(
      dto.ids
        ? { bridgeId, ids: dto.ids }
        : { bridgeId, ...(dto.statuses ? { statuses: dto.statuses } : {}) },
      now,
    );
    await this.scheduler.wake(requeued.map((id) => ({ id, dueAt: now })));
    return { requeued };
  }
}

export function toRelayResponse(r: RelayEntity): RelayResponseDto {
  return {
    id: r.id,
    bridgeId: r.bridgeId,
    action: r.action,
    sourceAppId: r.sourceAppId,
    targetAppId: r.targetAppId,
    originEventId: r.originEventId,
    sourceMessageId: r.sourceMessageId,
    conversationKind: r.conversationKind,
    conversationId: r.conversationId,
    status: r.status,
    reason: r.reason,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt : null,
    lastError: r.lastError,
    targetMessageIds: r.targetMessageIds ?? [],
    occurredAt: r.occurredAt,
    createdAt: r.createdAt,
    relayedAt: r.relayedAt,
  };
}
