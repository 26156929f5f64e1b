import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { createDataSource, SqliteCheckpointer, type CheckpointResult } from '../src/index.js';

// A SQLite feature: these tests use a SQLite file of their own whichever engine the suite runs on.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sqliteDataSource(): Promise<{ ds: DataSource; wal: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'imgw-ckpt-'));
  const ds = await createDataSource({ dataDir });
  cleanups.push(async () => {
    if (ds.isInitialized) await ds.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });
  await ds.query('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  return { ds, wal: join(dataDir, 'gateway.db-wal') };
}

const pragma = async (ds: DataSource, name: string): Promise<unknown> =>
  Object.values(((await ds.query(`PRAGMA ${name}`)) as Record<string, unknown>[])[0]!)[0];

/** 20 commits of 256 KiB each (5 MiB of rows), 150 ms apart. */
async function writeRounds(ds: DataSource): Promise<void> {
  const body = 'x'.repeat(1024);
  for (let round = 0; round < 20; round++) {
    await ds.transaction(async (m) => {
      for (let i = 0; i < 256; i++) await m.query('INSERT INTO filler (body) VALUES (?)', [body]);
    });
    await new Promise((r) => setTimeout(r, 150));
  }
}

function start(ds: DataSource, onError: (e: unknown) => void = () => undefined): SqliteCheckpointer {
  const checkpointer = SqliteCheckpointer.forDataSource(ds, { onError });
  if (!checkpointer) throw new Error('expected a checkpointer for a SQLite file');
  cleanups.push(() => checkpointer.stop());
  return checkpointer;
}

describe('SqliteCheckpointer', () => {
  it('checkpoints in its worker while the connection does not, so the WAL stays small', async () => {
    const { ds, wal } = await sqliteDataSource();
    const checkpointer = start(ds);
    const results: CheckpointResult[] = [];
    checkpointer.onCheckpoint((r) => results.push(r));
    expect(await pragma(ds, 'wal_autocheckpoint')).toBe(0);

    await writeRounds(ds);

    expect(results.some((r) => r.log > 0 && r.checkpointed === r.log)).toBe(true);
    // Every round fits the WAL after a complete checkpoint: it restarts from its beginning.
    expect(statSync(wal).size).toBeLessThan(2 * 1024 * 1024);
    expect(await ds.query('SELECT count(*) AS n FROM filler')).toEqual([{ n: 20 * 256 }]);
  });

  it('would let the WAL grow without it (the control of the test above)', async () => {
    const { ds, wal } = await sqliteDataSource();
    await ds.query('PRAGMA wal_autocheckpoint = 0');
    await writeRounds(ds);
    expect(statSync(wal).size).toBeGreaterThan(5 * 1024 * 1024);
  });

  it('hands checkpoints back to the connection when stopped', async () => {
    const { ds } = await sqliteDataSource();
    const checkpointer = start(ds);
    const worker = (checkpointer as unknown as { worker: Worker }).worker;
    const exited = new Promise((r) => worker.once('exit', r));
    await checkpointer.stop();
    await exited;
    expect(await pragma(ds, 'wal_autocheckpoint')).toBe(1000);
  });

  it('hands checkpoints back and reports when its worker dies', async () => {
    const { ds } = await sqliteDataSource();
    let reported: unknown = null;
    const checkpointer = start(ds, (e) => (reported = e));
    await (checkpointer as unknown as { worker: Worker }).worker.terminate();
    await new Promise((r) => setTimeout(r, 50));
    expect(reported).toBeInstanceOf(Error);
    expect(await pragma(ds, 'wal_autocheckpoint')).toBe(1000);
  });

  it('is not started for PostgreSQL', () => {
    const pg = new DataSource({ type: 'postgres', url: 'postgres://127.0.0.1:1/none' });
    expect(SqliteCheckpointer.forDataSource(pg)).toBeNull();
  });
});
