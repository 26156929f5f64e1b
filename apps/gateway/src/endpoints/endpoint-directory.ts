import { Injectable } from '@nestjs/common';
import { EndpointRepository, type EndpointEntity } from '@im-gateway/persistence';
import { SecretBox } from '../common/secret-box.js';

const CACHE_TTL_MS = 1_000;

/**
 * An endpoint ready to deliver to: its row, the URL with its credentials (unsealed), and the secrets that
 * sign right now (two during a rotation).
 */
export interface DeliverableEndpoint {
  endpoint: EndpointEntity;
  url: string;
  secrets: string[];
}

/**
 * Endpoints as the hot paths need them. Fan-out at ingest reads each app's endpoints from a cache that this
 * process invalidates on every change and that expires within a second (other replicas' changes).
 */
@Injectable()
export class EndpointDirectory {
  private readonly byApp = new Map<string, { endpoints: EndpointEntity[]; expiresAt: number }>();
  private readonly byId = new Map<
    string,
    { endpoint: EndpointEntity; url: string; current: string; previous: string | null; expiresAt: number }
  >();

  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly secretBox: SecretBox,
  ) {}

  async enabledForApp(appId: string): Promise<EndpointEntity[]> {
    const hit = this.byApp.get(appId);
    if (hit && hit.expiresAt > Date.now()) return hit.endpoints;
    const endpoints = await this.endpoints.enabledForApp(appId);
    this.byApp.set(appId, { endpoints, expiresAt: Date.now() + CACHE_TTL_MS });
    return endpoints;
  }

  /** Forgets what is cached for an app's endpoints (called on every change this process makes). */
  invalidate(appId: string): void {
    this.byApp.delete(appId);
    for (const [id, entry] of this.byId) if (entry.endpoint.appId === appId) this.byId.delete(id);
  }

  /**
   * An endpoint with the secrets that sign right now. Cached like `enabledForApp` (every attempt needs it;
   * decrypting and reading it each time showed in the delivery profile); whether the previous secret still
   * signs is decided at each call, not when cached.
   */
  async deliverable(endpointId: string, now: Date): Promise<DeliverableEndpoint | null> {
    let entry = this.byId.get(endpointId);
    if (!entry || entry.expiresAt <= Date.now()) {
      const endpoint = await this.endpoints.find(endpointId);
      if (!endpoint) return null;
      const open = (sealed: string | null) =>
        sealed ? this.secretBox.open(sealed, `endpoint:${endpoint.id}`) : null;
      entry = {
        endpoint,
        url: endpoint.urlEncrypted
          ? this.secretBox.open(endpoint.urlEncrypted, `endpoint-url:${endpoint.id}`)
          : endpoint.url,
        current: open(endpoint.secretEncrypted)!,
        previous: open(endpoint.previousSecretEncrypted),
        expiresAt: Date.now() + CACHE_TTL_MS,
      };
      this.byId.set(endpointId, entry);
    }
    const { endpoint, url, current, previous } = entry;
    const previousSigns =
      previous !== null &&
      endpoint.previousSecretExpiresAt !== null &&
      endpoint.previousSecretExpiresAt > now.toISOString();
    return { endpoint, url, secrets: previousSigns ? [current, previous] : [current] };
  }
}
