import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { databaseEngine, type DatabaseEngine, type DatabaseSettings } from '../data-source.factory.js';

export interface TestDatabase {
  engine: DatabaseEngine;
  settings: DatabaseSettings;
  /** Removes the database (PostgreSQL) or the folder (SQLite). */
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file, on the engine the environment selects: PostgreSQL when
 * `DATABASE_URL` is set (a new database is created next to the one the URL names), SQLite otherwise (a
 * new file in a temporary folder). Test files never share state, so they can run in any order.
 */
export async function createTestDatabase(env: NodeJS.ProcessEnv = process.env): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'imgw-test-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  const baseUrl = env.DATABASE_URL;
  if (databaseEngine({ databaseUrl: baseUrl }) === 'sqlite' || !baseUrl) {
    return { engine: 'sqlite', settings: { dataDir }, drop: async () => removeDir() };
  }
  const url = new URL(baseUrl);
  const name = `${url.pathname.slice(1) || 'imgw'}_t_${randomBytes(5).toString('hex')}`;
  await withAdminClient(baseUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  url.pathname = `/${name}`;
  return {
    engine: 'postgres',
    settings: { databaseUrl: url.toString(), dataDir, poolSize: 5 },
    drop: async () => {
      await withAdminClient(baseUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      removeDir();
    },
  };
}

async function withAdminClient(url: string, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}
