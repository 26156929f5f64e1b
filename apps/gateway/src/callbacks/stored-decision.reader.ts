import { Injectable } from '@nestjs/common';
import { EventRepository } from '@im-gateway/persistence';
import type { StoredDecision } from '../before-policy/before-policy.types.js';

/**
 * The decision stored on a before-callback's `.requested` event, for the vendor's retry of it: a retry is
 * answered as the first delivery was, whatever the policy or the endpoint would say now. One indexed
 * lookup, and only for a duplicate before-callback of an app with a policy.
 */
@Injectable()
export class StoredDecisionReader {
  constructor(private readonly events: EventRepository) {}

  async find(appId: string, dedupeKey: string): Promise<StoredDecision | undefined> {
    const event = await this.events.findByDedupeKey(appId, dedupeKey);
    const decision = (event?.body.data as { decision?: unknown } | undefined)?.decision;
    return decision && typeof decision === 'object' ? (decision as StoredDecision) : undefined;
  }
}
