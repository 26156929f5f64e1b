import { DeliveryEntity } from './entities/delivery.entity.js';
import { EndpointEntity } from './entities/endpoint.entity.js';
import { findPage, type Page } from './pagination.js';
import type { Transactor } from './transactor.js';

/** What delivery outcomes change on an endpoint: its health and whether it is disabled. */
export type EndpointHealthPatch = Partial<
  Pick<EndpointEntity, 'disabled' | 'disabledReason' | 'failingSince'>
>;

/** The `endpoints` table: webhook-out subscriptions. */
export class EndpointRepository {
  constructor(private readonly transactor: Transactor) {}

  /** An endpoint by id; with `appId`, only if it belongs to that app. */
  find(id: string, appId?: string): Promise<EndpointEntity | null> {
    return this.transactor.dataSource.manager.findOneBy(EndpointEntity, appId ? { id, appId } : { id });
  }

  enabledForApp(appId: string): Promise<EndpointEntity[]> {
    return this.transactor.dataSource.manager.find(EndpointEntity, {
      where: { appId, disabled: false },
      order: { id: 'ASC' },
    });
  }

  page(appId: string, cursor: string | undefined, limit: number | undefined): Promise<Page<EndpointEntity>> {
    return findPage(this.transactor.dataSource.manager, EndpointEntity, { appId }, cursor, limit);
  }

  async insert(endpoint: EndpointEntity): Promise<void> {
    await this.transactor.write((m) => m.insert(EndpointEntity, endpoint));
  }

  /** Updates the whole row. */
  async save(endpoint: EndpointEntity): Promise<void> {
    await this.transactor.write((m) => m.save(endpoint));
  }

  async updateHealth(id: string, patch: EndpointHealthPatch, updatedAt: string): Promise<void> {
    await this.transactor.write((m) => m.update(EndpointEntity, { id }, { ...patch, updatedAt }));
  }

  /** Deletes an endpoint; its pending deliveries are cancelled in the same transaction. */
  async remove(appId: string, id: string, now: string): Promise<void> {
    await this.transactor.transaction(async (m) => {
      await m.update(
        DeliveryEntity,
        { endpointId: id, status: 'pending' },
        { status: 'cancelled', updatedAt: now },
      );
      await m.delete(EndpointEntity, { id, appId });
    });
  }
}
