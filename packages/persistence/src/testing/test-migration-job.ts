import { MigrationJobEntity } from '../entities/migration-job.entity.js';
import { newId, nowIso } from '../ids.js';

/**
 * A migration job row on a bridge and apps of its own (none of them stored), pending, moving accounts and
 * history over a minute of 2026, unless `overrides` says otherwise: what item tables hang on in tests.
 */
export function testMigrationJob(overrides: Partial<MigrationJobEntity> = {}): MigrationJobEntity {
  const now = nowIso();
  return Object.assign(new MigrationJobEntity(), {
    id: newId(),
    bridgeId: newId(),
    direction: 'forward',
    sourceAppId: newId(),
    targetAppId: newId(),
    scope: ['accounts', 'history'],
    historyFrom: new Date(Date.UTC(2026, 0, 1)).toISOString(),
    historyTo: new Date(Date.UTC(2026, 0, 1, 0, 1)).toISOString(),
    dryRun: false,
    status: 'pending',
    historyState: 'reading',
    kinds: {},
    users: null,
    passwordSealed: null,
    errorCode: null,
    errorMessage: null,
    leaseOwner: null,
    leaseUntil: null,
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    finishedAt: null,
    ...overrides,
  });
}
