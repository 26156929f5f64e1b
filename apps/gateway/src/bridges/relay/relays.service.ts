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
    status: RelayStatus | undefined,
    cursor?: string,
    limit?: number,
  ): Promise<RelayListResponseDto> {
    await this.bridges.find(bridgeId);
    return mapPage(await this.relays.page(bridgeId, status, cursor, limit), toRelayResponse);
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

  async retry(bridgeId: string, dto: RelayRetryDto): Promise<{ requeued: string[] }> {
    await this.bridges.find(bridgeId);
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
