import { createTestDatabase, type TestDatabase } from '@im-gateway/persistence/testing';

/**
 * A fresh PostgreSQL database, whichever engine the rest of the run uses: for tests of what only a server
 * has (two processes on one database, a lock held by another connection, a connection cut off). On
 * DATABASE_URL's server, or the local one.
 */
export function postgresTestDatabase(): Promise<TestDatabase> {
  return createTestDatabase({
    DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
}
