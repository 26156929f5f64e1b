// WAL checkpoints of the gateway's SQLite file, on a connection of their own in a worker thread, so the
// copy of the WAL into the database and its fsyncs never block the gateway's event loop (see
// src/sqlite-checkpointer.ts). Plain JavaScript: the same file serves the compiled package and its tests.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, intervalMs, journalSizeLimit } = workerData;
const db = new Database(file, { fileMustExist: true });
// The same durability as the gateway's connection: the WAL is synced before a checkpoint, the file after.
db.pragma('synchronous = NORMAL');
db.pragma(`journal_size_limit = ${Number(journalSizeLimit)}`);

// PASSIVE copies what no reader still needs and never waits for, or blocks, the gateway's writes.
const checkpoint = () => {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  if (result.log > 0) parentPort.postMessage({ type: 'checkpoint', ...result });
};

const timer = setInterval(checkpoint, intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
