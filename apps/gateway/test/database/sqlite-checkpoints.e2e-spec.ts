import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { SqliteCheckpoints } from '../../src/database/sqlite-checkpoints.js';
import { startGateway, type RunningGateway } from '../support/gateway.js';

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startGateway();
});
afterAll(async () => {
  await gw?.close();
});

// The checkpointer itself is tested in @im-gateway/persistence; this is its place in the gateway's life.
describe('SQLite checkpoints off the request path', () => {
  it('run in the worker on SQLite, and not at all on PostgreSQL', async () => {
    const sqlite = gw.db.engine === 'sqlite';
    expect(gw.app.get(SqliteCheckpoints).running).toBe(sqlite);
    if (sqlite) {
      const [row] = (await gw.app.get(DataSource).query('PRAGMA wal_autocheckpoint')) as [
        { wal_autocheckpoint: number },
      ];
      expect(row.wal_autocheckpoint).toBe(0);
    }
  });

  it('stop before the database closes, which then checkpoints the rest itself', async () => {
    const checkpoints = gw.app.get(SqliteCheckpoints);
    await checkpoints.onModuleDestroy();
    expect(checkpoints.running).toBe(false);
    if (gw.db.engine === 'sqlite') {
      const [row] = (await gw.app.get(DataSource).query('PRAGMA wal_autocheckpoint')) as [
        { wal_autocheckpoint: number },
      ];
      expect(row.wal_autocheckpoint).toBe(1000);
    }
  });
});
