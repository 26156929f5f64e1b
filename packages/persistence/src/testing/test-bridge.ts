import { AppEntity } from '../entities/app.entity.js';
import { BridgeEntity } from '../entities/bridge.entity.js';
import { AppRepository } from '../app.repository.js';
import { BridgeRepository } from '../bridge.repository.js';
import { newId, nowIso } from '../ids.js';
import type { Transactor } from '../transactor.js';

/**
 * A bridge row between two new app rows (Easemob source, Tencent target), both directions, direct and group
 * conversations, the `same` id rule unless `overrides` says otherwise: what the tables of bridges hang on.
 */
export async function insertTestBridge(
  transactor: Transactor,
  overrides: Partial<BridgeEntity> = {},
): Promise<BridgeEntity> {
  const now = nowIso();
  const apps = ['easemob', 'tencent'].map((provider, i) =>
    Object.assign(new AppEntity(), {
      id: newId(),
      name: i === 0 ? 'source' : 'target',
      provider,
      config: {},
      secretsEncrypted: '',
      disabled: false,
      createdAt: now,
      updatedAt: now,
    }),
  );
  for (const app of apps) await new AppRepository(transactor).save(app);
  const row = Object.assign(new BridgeEntity(), {
    id: newId(),
    name: 'b',
    sourceAppId: apps[0]!.id,
    targetAppId: apps[1]!.id,
    direction: 'both',
    conversationKinds: ['direct', 'group'],
    userMapping: { type: 'same' },
    status: 'active',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
  await new BridgeRepository(transactor).insert(row);
  return row;
}
