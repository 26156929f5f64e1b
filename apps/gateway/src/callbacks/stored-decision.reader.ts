import { Injectable } from '@nestjs/common';
import { EventEntity, Transactor } from '@im-gateway/persistence';
import type { StoredDecision } from '../before-policy/before-policy.types.js';

/**
 * The decision stored on a before-callback's `.requested` event, for the vendor's retry of it: a retry is
 * answered as the first delivery was, whatever the policy or the endpoint would say now. One indexed
 * lookup (`uq_events_dedupe`), and only for a duplicate before-callback of an app with a policy.
 */
@Injectable()
export class StoredDecisionReader {
  constructor(private readonly transactor: Transactor) {}

  async find(appId: string, dedupeKey: string): Promise<StoredDecision | undefined> {
    const event = await this.transactor.dataSource.manager.findOneBy(EventEntity, { appId, dedupeKey });
    const decision = (event?.body.data as { decision?: StoredDecision } | undefined)?.decision;
    return decision && typeof decision === 'object' ? decision : undefined;
  }
}
