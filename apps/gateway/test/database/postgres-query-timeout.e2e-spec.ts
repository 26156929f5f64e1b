import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource, QueryRunner } from 'typeorm';
import { createDataSource } from '@im-gateway/persistence';
import type { TestDatabase } from '@im-gateway/persistence/testing';
import { loadGatewayEnv } from '../../src/config/gateway.config.js';
import { easemobAppBody, startGateway, type RunningGateway } from '../support/gateway.js';
import { postgresTestDatabase } from '../support/postgres-database.js';

// Always PostgreSQL: the bound is the pg driver's and the server's (SQLite has busy_timeout).
const BOUND_MS = 800;

let db: TestDatabase;
let gw: RunningGateway;
let other: DataSource;

beforeAll(async () => {
  db = await postgresTestDatabase();
  gw = await startGateway({ db, env: { DATABASE_QUERY_TIMEOUT_MS: String(BOUND_MS) } });
  other = await createDataSource(db.settings);
});
afterAll(async () => {
  await other.destroy();
  await gw.close();
  await db.drop();
});

describe('PostgreSQL queries are bounded', () => {
  it('answers 503 within DATABASE_QUERY_TIMEOUT_MS while another connection holds a lock the request needs', async () => {
    const appId = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id as string;
    const locker: QueryRunner = other.createQueryRunner();
    await locker.connect();
    await locker.startTransaction();
    await locker.query('LOCK TABLE apps IN ACCESS EXCLUSIVE MODE');
    // Without a bound the request would wait as long as the lock is held (here 6 s, then 200).
    const release = setTimeout(() => void locker.rollbackTransaction(), 6_000);
    try {
      const started = Date.now();
      const res = await gw.call('GET', `/v1/apps/${appId}`);
      const tookMs = Date.now() - started;
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('dependency_unavailable');
      expect(tookMs).toBeLessThan(BOUND_MS + 1_500);
    } finally {
      clearTimeout(release);
      if (locker.isTransactionActive) await locker.rollbackTransaction();
      await locker.release();
    }
    // The connections stay usable once the lock is gone.
    expect((await gw.call('GET', `/v1/apps/${appId}`)).status).toBe(200);
  });

  it('refuses a DATABASE_QUERY_TIMEOUT_MS that is not a number of milliseconds', () => {
    expect(() => loadGatewayEnv({ DATABASE_QUERY_TIMEOUT_MS: 'soon' })).toThrow(/DATABASE_QUERY_TIMEOUT_MS/);
    expect(() => loadGatewayEnv({ DATABASE_QUERY_TIMEOUT_MS: '10' })).toThrow(/DATABASE_QUERY_TIMEOUT_MS/);
  });
});
