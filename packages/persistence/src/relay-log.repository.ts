import { In, type FindOptionsWhere } from 'typeorm';
import { RelayAttemptEntity } from './entities/relay-attempt.entity.js';
import { RELAY_ACTIONS, RelayEntity, type RelayStatus } from './entities/relay.entity.js';
import { findPage, type Page } from './pagination.js';
import type { Transactor } from './transactor.js';

/**
 * Relays as rows: written by the planner and dual-send, read back by the API with their attempt log, and
 * looked up by the worker and the echo check. The state machine's queries are `RelayRepository`'s.
 */
export class RelayLogRepository {
  constructor(private readonly transactor: Transactor) {}

  async insert(relay: RelayEntity): Promise<void> {
    await this.transactor.write((m) => m.insert(RelayEntity, relay));
  }

  /** Updates the whole row. */
  async save(relay: RelayEntity): Promise<void> {
    await this.transactor.write((m) => m.save(relay));
  }

  /** A relay of a bridge by id. */
  find(bridgeId: string, id: string): Promise<RelayEntity | null> {
    return this.transactor.read((m) => m.findOneBy(RelayEntity, { bridgeId, id }));
  }

  /** The relay of a source message (not of its recall), if one was recorded. */
  findMessageRelay(
    bridgeId: string,
    sourceAppId: string,
    sourceMessageId: string,
  ): Promise<RelayEntity | null> {
    return this.transactor.read((m) =>
      m.findOneBy(RelayEntity, { bridgeId, sourceAppId, action: 'message', sourceMessageId }),
    );
  }

  /** Which of `ids` are relays of the bridge (a relay of another bridge is not one). */
  async existing(bridgeId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.transactor.read((m) =>
      m.find(RelayEntity, { select: { id: true }, where: { bridgeId, id: In(ids) } }),
    );
    return rows.map((r) => r.id);
  }

  /**
   * A page of a bridge's relays, optionally of one status and of one source message. The message filter
   * names both apps and both actions so that it runs on the unique (bridge, source app, action, source
   * message) index rather than on every relay of the bridge.
   */
  page(
    bridgeId: string,
    filter: { status?: RelayStatus; sourceMessageId?: string; appIds: readonly string[] },
    cursor: string | undefined,
    limit: number | undefined,
  ): Promise<Page<RelayEntity>> {
    const where: FindOptionsWhere<RelayEntity> = {
      bridgeId,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.sourceMessageId !== undefined
        ? {
            sourceAppId: In([...filter.appIds]),
            action: In([...RELAY_ACTIONS]),
            sourceMessageId: filter.sourceMessageId,
          }
        : {}),
    };
    return findPage(this.transactor.dataSource.manager, RelayEntity, where, cursor, limit);
  }

  attempts(relayId: string): Promise<RelayAttemptEntity[]> {
    return this.transactor.dataSource.manager.find(RelayAttemptEntity, {
      where: { relayId },
      order: { id: 'ASC' },
    });
  }

  /** A bridge's pending relays with their due times (to wake them when the bridge resumes). */
  async pending(bridgeId: string): Promise<{ id: string; nextAttemptAt: string | null }[]> {
    return this.transactor.read((m) =>
      m.find(RelayEntity, {
        select: { id: true, nextAttemptAt: true },
        where: { bridgeId, status: 'pending' },
      }),
    );
  }
}
