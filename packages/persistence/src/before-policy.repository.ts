import { BeforePolicyEntity } from './entities/before-policy.entity.js';
import type { Transactor } from './transactor.js';

/** The `before_policies` table: an app's before-callback policy, one row per app. */
export class BeforePolicyRepository {
  constructor(private readonly transactor: Transactor) {}

  find(appId: string): Promise<BeforePolicyEntity | null> {
    return this.transactor.dataSource.manager.findOneBy(BeforePolicyEntity, { appId });
  }

  /**
   * Which row is stored (its creation time and version) and nothing else: what a replica reads to know
   * whether its cached policy is current. Null: the app has no policy.
   */
  async generation(appId: string): Promise<{ createdAt: string; version: number } | null> {
    const row = await this.transactor.dataSource.manager.findOne(BeforePolicyEntity, {
      select: { appId: true, createdAt: true, version: true },
      where: { appId },
    });
    return row ? { createdAt: row.createdAt, version: row.version } : null;
  }

  /** Inserts or replaces the whole row. */
  async save(policy: BeforePolicyEntity): Promise<void> {
    await this.transactor.write((m) => m.save(policy));
  }

  /** Whether there was a row to delete. */
  async remove(appId: string): Promise<boolean> {
    const result = await this.transactor.write((m) => m.delete(BeforePolicyEntity, { appId }));
    return (result.affected ?? 0) > 0;
  }
}
