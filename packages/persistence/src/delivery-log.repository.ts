import { DeliveryAttemptEntity } from './entities/delivery-attempt.entity.js';
import { DeliveryEntity, type DeliveryStatus } from './entities/delivery.entity.js';
import { findPage, type Page } from './pagination.js';
import type { Transactor } from './transactor.js';

/**
 * Deliveries as the API reads them back, with their attempt log, and the rows a redelivery adds. The state
 * machine's queries are `DeliveryRepository`'s.
 */
export class DeliveryLogRepository {
  constructor(private readonly transactor: Transactor) {}

  page(
    endpointId: string,
    status: DeliveryStatus | undefined,
    cursor: string | undefined,
    limit: number | undefined,
  ): Promise<Page<DeliveryEntity>> {
    const where = { endpointId, ...(status ? { status } : {}) };
    return findPage(this.transactor.dataSource.manager, DeliveryEntity, where, cursor, limit);
  }

  /** A delivery by id; with an endpoint and app, only if it is theirs. */
  find(id: string, owner?: { appId: string; endpointId: string }): Promise<DeliveryEntity | null> {
    return this.transactor.dataSource.manager.findOneBy(DeliveryEntity, { id, ...owner });
  }

  attempts(deliveryId: string): Promise<DeliveryAttemptEntity[]> {
    return this.transactor.dataSource.manager.find(DeliveryAttemptEntity, {
      where: { deliveryId },
      order: { id: 'ASC' },
    });
  }

  forEvent(eventId: string): Promise<DeliveryEntity[]> {
    return this.transactor.dataSource.manager.findBy(DeliveryEntity, { eventId });
  }

  async insert(rows: DeliveryEntity[]): Promise<void> {
    if (rows.length > 0) await this.transactor.write((m) => m.insert(DeliveryEntity, rows));
  }
}
