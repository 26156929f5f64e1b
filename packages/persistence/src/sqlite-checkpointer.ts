import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { DataSource } from 'typeorm';

/** What one `wal_checkpoint(PASSIVE)` reported: WAL frames in the log, and how many are in the database now. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export interface SqliteCheckpointerOptions {
  /** Time between two checkpoints (default 100 ms). */
  intervalMs?: number;
  /** The WAL file is cut back to this size when it restarts (default 64 MiB). */
  journalSizeLimitBytes?: number;
  /** Told when the worker fails; SQLite's own checkpoints are back on by then. */
  onError?: (error: unknown) => void;
}

interface PragmaHandle {
  pragma(sql: string, options?: { simple: boolean }): unknown;
}

// Plain JavaScript beside src/ and dist/, so the compiled package and its tests start the same file.
const WORKER_FILE = new URL('../workers/sqlite-checkpoint.worker.mjs', import.meta.url);
/** SQLite's default: a checkpoint by the committing connection once the WAL holds 1,000 pages. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/**
 * Takes WAL checkpoints off the event loop. By default SQLite checkpoints inside the COMMIT that takes the
 * WAL past 1,000 pages: that commit copies the WAL into the database file and syncs both, on the gateway's
 * only thread, while every callback waits — the ingest profile's largest block and its p99 tail. Here the
 * gateway's connection stops checkpointing (`wal_autocheckpoint = 0`) and a worker thread with a connection
 * of its own runs `wal_checkpoint(PASSIVE)` every 100 ms, which never blocks a writer; the WAL restarts from
 * its beginning at the first commit after a complete checkpoint, so it stays small. If the worker dies, the
 * gateway's connection checkpoints by itself again. No library offers this; it is the pattern SQLite's WAL
 * documentation describes for applications that checkpoint "in a separate thread".
 */
export class SqliteCheckpointer {
  private stopping = false;
  private readonly exited: Promise<unknown>;
  private readonly listeners = new Set<(result: CheckpointResult) => void>();

  private constructor(
    private readonly main: PragmaHandle,
    private readonly worker: Worker,
    onError: (error: unknown) => void,
  ) {
    worker.on('message', (m: { type: string } & CheckpointResult) => {
      if (m.type !== 'checkpoint') return;
      const result = { busy: m.busy, log: m.log, checkpointed: m.checkpointed };
      for (const listener of this.listeners) listener(result);
    });
    this.exited = once(worker, 'exit');
    let failure: unknown = null;
    worker.on('error', (error) => (failure = error));
    worker.on('exit', (code) => {
      if (this.stopping) return;
      this.resumeAutocheckpoint();
      onError(failure ?? new Error(`the SQLite checkpoint worker exited with code ${code}`));
    });
  }

  /** Starts checkpointing the data source's file; null when it is not a SQLite file (PostgreSQL, memory). */
  static forDataSource(
    dataSource: DataSource,
    options: SqliteCheckpointerOptions = {},
  ): SqliteCheckpointer | null {
    const file = dataSource.options.type === 'better-sqlite3' ? dataSource.options.database : null;
    if (typeof file !== 'string' || file === ':memory:') return null;
    const main = (dataSource.driver as unknown as { databaseConnection: PragmaHandle }).databaseConnection;
    const worker = new Worker(WORKER_FILE, {
      workerData: {
        file,
        intervalMs: options.intervalMs ?? 100,
        journalSizeLimit: options.journalSizeLimitBytes ?? 64 * 1024 * 1024,
      },
    });
    // The worker never keeps the process alive; a process that exits without stop() loses nothing, since
    // the next connection to open the file checkpoints what is left.
    worker.unref();
    main.pragma('wal_autocheckpoint = 0');
    return new SqliteCheckpointer(main, worker, options.onError ?? (() => undefined));
  }

  /** Calls the listener after every checkpoint that found frames in the WAL; returns its removal. */
  onCheckpoint(listener: (result: CheckpointResult) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hands checkpoints back to the gateway's connection, then lets the worker take a last one and exit. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.resumeAutocheckpoint();
    this.worker.postMessage('stop'); // ignored by a worker that is gone already
    const timer = setTimeout(() => void this.worker.terminate(), 5_000);
    await this.exited;
    clearTimeout(timer);
  }

  private resumeAutocheckpoint(): void {
    try {
      this.main.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
    } catch {
      // The connection is closed already: nothing left to checkpoint through it.
    }
  }
}
