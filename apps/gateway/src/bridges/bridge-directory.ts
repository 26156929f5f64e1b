import { Injectable } from '@nestjs/common';
import { BridgeRepository, type BridgeEntity } from '@im-gateway/persistence';

const CACHE_TTL_MS = 1_000;

/**
 * Bridges as the ingest path needs them: every callback asks whether its app is bridged, so the answer is
 * cached per app, invalidated on every change this process makes and expiring within a second (another
 * replica's change). Paused bridges are included: their relays are recorded and wait for the resume.
 */
@Injectable()
export class BridgeDirectory {
  private readonly byApp = new Map<string, { bridges: BridgeEntity[]; expiresAt: number }>();

  constructor(private readonly bridges: BridgeRepository) {}

  /** The bridges an app is on, on either side. */
  async forApp(appId: string): Promise<BridgeEntity[]> {
    const hit = this.byApp.get(appId);
    if (hit && hit.expiresAt > Date.now()) return hit.bridges;
    const bridges = await this.bridges.forApp(appId);
    this.byApp.set(appId, { bridges, expiresAt: Date.now() + CACHE_TTL_MS });
    return bridges;
  }

  /**
   * An active bridge of the app by id, or null. A miss or a paused bridge in the cache is read again, so a
   * bridge another replica created or resumed within the last second is not taken for gone.
   */
  async active(appId: string, bridgeId: string): Promise<BridgeEntity | null> {
    const find = async () =>
      (await this.forApp(appId)).find((b) => b.id === bridgeId && b.status === 'active');
    const cached = await find();
    if (cached) return cached;
    this.byApp.delete(appId);
    return (await find()) ?? null;
  }

  invalidate(): void {
    this.byApp.clear();
  }
}
