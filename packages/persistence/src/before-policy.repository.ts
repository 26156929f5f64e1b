import { BeforePolicyEntity } from './entities/before-policy.entity.js';
import { isUniqueViolation } from './errors.js';
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

  /**
   * Writes the whole row if the stored one is still the one read: at version `expected`, or absent when
   * `expected` is null. False when another write came first, so that no two writes ever store the same
   * version (a replica trusts its cached copy while the version stands).
   */
  async saveIfUnchanged(policy: BeforePolicyEntity, expected: number | null): Promise<boolean> {
    if (expected === null) {
      try {
        await this.transactor.write((m) => m.insert(BeforePolicyEntity, policy));
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    }
    const { appId, ...fields } = policy;
    const result = await this.transactor.write((m) =>
      m.update(BeforePolicyEntity, { appId, version: expected }, fields),
    );
    return (result.affected ?? 0) > 0;
  }

  /** Whether there was a row to delete. */
  async remove(appId: string): Promise<boolean> {
    const result = await this.transactor.write((m) => m.delete(BeforePolicyEntity, { appId }));
    return (result.affected ?? 0) > 0;
  }
}
