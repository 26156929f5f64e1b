import { BridgeMappingEntity } from './entities/bridge-mapping.entity.js';
import { BridgeEntity } from './entities/bridge.entity.js';
import { MigrationItemEntity } from './entities/migration-item.entity.js';
import { MigrationItemCountEntity, MigrationItemRateEntity } from './entities/migration-item-count.entity.js';
import { MigrationJobEntity } from './entities/migration-job.entity.js';
import { RelayAttemptEntity } from './entities/relay-attempt.entity.js';
import { RelayedMessageEntity } from './entities/relayed-message.entity.js';
import { RelayEntity } from './entities/relay.entity.js';
import { findPage, type Page } from './pagination.js';
import type { Transactor } from './transactor.js';

/** The `bridges` table: links between two apps during a migration. */
export class BridgeRepository {
  constructor(private readonly transactor: Transactor) {}

  find(id: string): Promise<BridgeEntity | null> {
    return this.transactor.dataSource.manager.findOneBy(BridgeEntity, { id });
  }

  /** The bridge between two apps, whichever side each is on. */
  findBetween(appId: string, otherAppId: string): Promise<BridgeEntity | null> {
    return this.transactor.dataSource.manager.findOne(BridgeEntity, {
      where: [
        { sourceAppId: appId, targetAppId: otherAppId },
        { sourceAppId: otherAppId, targetAppId: appId },
      ],
    });
  }

  /** The bridges an app is on, on either side, in id order. */
  forApp(appId: string): Promise<BridgeEntity[]> {
    return this.transactor.dataSource.manager.find(BridgeEntity, {
      where: [{ sourceAppId: appId }, { targetAppId: appId }],
      order: { id: 'ASC' },
    });
  }

  page(cursor: string | undefined, limit: number | undefined): Promise<Page<BridgeEntity>> {
    return findPage(this.transactor.dataSource.manager, BridgeEntity, {}, cursor, limit);
  }

  async insert(bridge: BridgeEntity): Promise<void> {
    await this.transactor.write((m) => m.insert(BridgeEntity, bridge));
  }

  /** Updates the whole row. */
  async save(bridge: BridgeEntity): Promise<void> {
    await this.transactor.write((m) => m.save(bridge));
  }

  /**
   * Deletes a bridge with its id tables, relays, their attempts, the message-id map and its migration jobs
   * with their items, in one transaction (a job's runner finds its job gone and stops).
   */
  async remove(id: string): Promise<void> {
    await this.transactor.transaction(async (m) => {
      for (const entity of [MigrationItemEntity, MigrationItemCountEntity, MigrationItemRateEntity])
        await m
          .createQueryBuilder()
          .delete()
          .from(entity)
          .where('job_id IN (SELECT id FROM migration_jobs WHERE bridge_id = :id)', { id })
          .execute();
      await m.delete(MigrationJobEntity, { bridgeId: id });
      await m
        .createQueryBuilder()
        .delete()
        .from(RelayAttemptEntity)
        .where('relay_id IN (SELECT id FROM relays WHERE bridge_id = :id)', { id })
        .execute();
      for (const entity of [RelayEntity, RelayedMessageEntity, BridgeMappingEntity])
        await m.delete(entity, { bridgeId: id });
      await m.delete(BridgeEntity, { id });
    });
  }
}
