import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { EndpointEntity } from '@im-gateway/persistence';
import { SecretBox } from '../common/secret-box.js';

const CACHE_TTL_MS = 1_000;

/** An endpoint ready to deliver to: its row and the secrets that sign right now (two during a rotation). */
export interface DeliverableEndpoint {
  endpoint: EndpointEntity;
  secrets: string[];
}

/**
 * Endpoints as the hot paths need them. Fan-out at ingest reads each app's endpoints from a cache that this
 * process invalidates on every change and that expires within a second (other replicas' changes).
 */
@Injectable()
export class EndpointDirectory {
  private readonly byApp = new Map<string, { endpoints: EndpointEntity[]; expiresAt: number }>();

  constructor(
    @InjectRepository(EndpointEntity) private readonly endpoints: Repository<EndpointEntity>,
    private readonly secretBox: SecretBox,
  ) {}

  async enabledForApp(appId: string): Promise<EndpointEntity[]> {
    const hit = this.byApp.get(appId);
    if (hit && hit.expiresAt > Date.now()) return hit.endpoints;
    const endpoints = await this.endpoints.find({ where: { appId, disabled: false }, order: { id: 'ASC' } });
    this.byApp.set(appId, { endpoints, expiresAt: Date.now() + CACHE_TTL_MS });
    return endpoints;
  }

  invalidate(appId: string): void {
    this.byApp.delete(appId);
  }

  async deliverable(endpointId: string, now: Date): Promise<DeliverableEndpoint | null> {
    const endpoint = await this.endpoints.findOneBy({ id: endpointId });
    if (!endpoint) return null;
    const secrets = [this.secretBox.open(endpoint.secretEncrypted, `endpoint:${endpoint.id}`)];
    if (
      endpoint.previousSecretEncrypted &&
      endpoint.previousSecretExpiresAt &&
      endpoint.previousSecretExpiresAt > now.toISOString()
    ) {
      secrets.push(this.secretBox.open(endpoint.previousSecretEncrypted, `endpoint:${endpoint.id}`));
    }
    return { endpoint, secrets };
  }
}
