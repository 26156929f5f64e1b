import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

export interface DatabaseSettings {
  /** `postgres://…` selects PostgreSQL; unset selects the embedded SQLite file. */
  databaseUrl?: string | undefined;
  /** Folder of the SQLite file `gateway.db` (created when missing). */
  dataDir: string;
  /**
   * PostgreSQL: the longest a statement may run, wait for a lock, or wait for the server's answer (default
   * 5 s). Without it a query on a connection whose packets are dropped waits until TCP gives up.
   */
  queryTimeoutMs?: number;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /** Log SQL (debugging). */
  logging?: boolean;
}

export type DatabaseEngine = 'sqlite' | 'postgres';

export function databaseEngine(settings: Pick<DatabaseSettings, 'databaseUrl'>): DatabaseEngine {
  return settings.databaseUrl ? 'postgres' : 'sqlite';
}

/**
 * TypeORM options for the gateway's database. Migrations run at start and `synchronize` is never on: the
 * schema changes only through reviewed migrations, on both engines alike.
 */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    logging: settings.logging ?? false,
  } as const;
  if (settings.databaseUrl) {
    const queryTimeoutMs = settings.queryTimeoutMs ?? 5_000;
    return {
      ...common,
      type: 'postgres',
      url: settings.databaseUrl,
      poolSize: settings.poolSize ?? 10,
      // Fail fast when the server is unreachable, so /health turns 503 within a second or two instead of
      // hanging on a dead socket; the pool reconnects by itself once the server is back.
      connectTimeoutMS: 1500,
      // Every query is bounded twice: the server cancels a statement that runs or waits for a lock too long
      // (statement_timeout), and the client gives up on a server that stopped answering (query_timeout, a
      // second later so that the server's own cancel, which keeps the connection usable, comes first).
      // Waiting for a free pool connection is bounded by connectTimeoutMS above.
      extra: {
        idleTimeoutMillis: 30_000,
        keepAlive: true,
        statement_timeout: queryTimeoutMs,
        query_timeout: queryTimeoutMs + 1_000,
      },
    };
  }
  mkdirSync(settings.dataDir, { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: join(settings.dataDir, 'gateway.db'),
    enableWAL: true,
    // WAL + synchronous=NORMAL is durable against process crashes (the commit is in the WAL before the
    // vendor is acked) and avoids an fsync per transaction; busy_timeout covers concurrent processes.
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      // Lets retention give freed pages back (incremental_vacuum); takes effect on a new, empty database.
      db.pragma('auto_vacuum = INCREMENTAL');
    },
  };
}

/** Creates and initializes (connects, migrates) the data source. */
export async function createDataSource(settings: DatabaseSettings): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(settings));
  await dataSource.initialize();
  return dataSource;
}
