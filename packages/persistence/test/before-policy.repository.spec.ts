import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  BeforePolicyEntity,
  BeforePolicyRepository,
  createDataSource,
  newId,
  Transactor,
} from '../src/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';

let db: TestDatabase;
let ds: DataSource;
let policies: BeforePolicyRepository;

beforeAll(async () => {
  db = await createTestDatabase();
  ds = await createDataSource(db.settings);
  policies = new BeforePolicyRepository(new Transactor(ds));
});
afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

function row(appId: string, version: number, createdAt = '2026-01-01T00:00:00.000Z'): BeforePolicyEntity {
  return Object.assign(new BeforePolicyEntity(), {
    appId,
    policy: {
      rules: [{ id: `v${version}`, match: { text: { patterns: ['猫+'] } }, action: { type: 'deny' } }],
      decisionEndpoint: { url: 'https://example.com/decide', timeoutMs: 100 },
    },
    onError: 'deny',
    secretEncrypted: 'v1.sealed',
    version,
    createdAt,
    updatedAt: createdAt,
  });
}

describe(`BeforePolicyRepository (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'})`, () => {
  it('inserts a first policy once: a second insert over it is refused, not stored', async () => {
    const appId = newId();
    expect(await policies.saveIfUnchanged(row(appId, 1), null)).toBe(true);
    expect(await policies.saveIfUnchanged(row(appId, 1, '2026-02-02T00:00:00.000Z'), null)).toBe(false);
    const stored = await policies.find(appId);
    expect(stored).toMatchObject({ version: 1, createdAt: '2026-01-01T00:00:00.000Z', onError: 'deny' });
    expect(stored?.policy.rules).toEqual([
      { id: 'v1', match: { text: { patterns: ['猫+'] } }, action: { type: 'deny' } },
    ]);
  });

  it('updates only over the version it read', async () => {
    const appId = newId();
    await policies.saveIfUnchanged(row(appId, 1), null);
    expect(await policies.saveIfUnchanged(row(appId, 2), 1)).toBe(true);
    // A second writer that also read version 1 comes too late.
    expect(await policies.saveIfUnchanged(row(appId, 2), 1)).toBe(false);
    expect(await policies.saveIfUnchanged(row(appId, 3), 2)).toBe(true);
    expect((await policies.find(appId))?.policy.rules).toEqual([expect.objectContaining({ id: 'v3' })]);
  });

  it('reads the generation alone, and none for an app without a policy', async () => {
    const appId = newId();
    expect(await policies.generation(appId)).toBeNull();
    await policies.saveIfUnchanged(row(appId, 1), null);
    expect(await policies.generation(appId)).toEqual({ createdAt: '2026-01-01T00:00:00.000Z', version: 1 });
  });

  it('removes a policy, saying whether there was one', async () => {
    const appId = newId();
    await policies.saveIfUnchanged(row(appId, 1), null);
    expect(await policies.remove(appId)).toBe(true);
    expect(await policies.remove(appId)).toBe(false);
    expect(await policies.find(appId)).toBeNull();
  });
});
