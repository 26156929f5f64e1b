import type { DataSource, EntityManager } from 'typeorm';

/** The synchronous handle of better-sqlite3, as much of it as the gateway uses. */
export interface SqliteHandle {
  prepare(sql: string): {
    run(...params: unknown[]): { changes: number };
    all(...params: unknown[]): unknown[];
    reader: boolean;
  };
  transaction<T>(fn: () => T): () => T;
  /** Runs SQL to its end (a prepared statement that returns no rows takes one step per `run`). */
  exec(sql: string): void;
}

const MAX_CACHED_STATEMENTS = 500;

/**
 * Runs transactions and writes safely on both engines.
 *
 * PostgreSQL gives each transaction its own pooled connection. SQLite (better-sqlite3) has one connection,
 * and TypeORM would interleave two concurrent async transactions on it ("cannot start a transaction within
 * a transaction"), or let an unrelated write join — and roll back with — someone else's transaction. So on
 * SQLite every transaction and every write runs one at a time, in arrival order.
 */
export class Transactor {
  readonly engine: 'sqlite' | 'postgres';
  private tail: Promise<unknown> = Promise.resolve();
  private readonly statements = new Map<string, ReturnType<SqliteHandle['prepare']>>();
  private handle: SqliteHandle | null = null;

  constructor(readonly dataSource: DataSource) {
    this.engine = dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.engine === 'postgres') return this.dataSource.transaction(work);
    return this.exclusive(() => this.dataSource.transaction(work));
  }

  /** A write outside a transaction (one statement): direct on PostgreSQL, in turn on SQLite. */
  write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.engine === 'postgres') return work(this.dataSource.manager);
    return this.exclusive(() => work(this.dataSource.manager));
  }

  /**
   * A read that must see committed rows only: direct on PostgreSQL; in turn on SQLite, where a read made while
   * a transaction is open on the one connection would see that transaction's uncommitted writes (a table being
   * replaced would look empty).
   */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.engine === 'postgres') return work(this.dataSource.manager);
    return this.exclusive(() => work(this.dataSource.manager));
  }

  /**
   * One SQL statement written with PostgreSQL placeholders (`$1`, `$2`, … each used once, in order), run on
   * either engine; returns its rows (use `RETURNING` to learn what an UPDATE touched).
   */
  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (this.engine === 'postgres') return this.queryPostgres<T>(sql, params);
    const values = params.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));
    return this.exclusive(() => {
      const statement = this.sqliteHandle().prepare(sql);
      if (statement.reader) return statement.all(...values) as T[];
      statement.run(...values);
      return [];
    });
  }

  // TypeORM answers an UPDATE on PostgreSQL with [rows, count] unless asked for a structured result.
  private async queryPostgres<T>(sql: string, params: unknown[]): Promise<T[]> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return (await runner.query(sql, params, true)).records as T[];
    } finally {
      await runner.release();
    }
  }

  /**
   * SQLite: synchronous work on the raw handle, inside one transaction, in turn with everything else. The
   * handle's `prepare` takes `$n` or `?` placeholders and reuses prepared statements: preparing costs as much
   * as running a small insert, and the hot paths run the same few statements over and over.
   */
  sqlite<T>(work: (db: SqliteHandle) => T): Promise<T> {
    const db = this.sqliteHandle();
    return this.exclusive(() => db.transaction(() => work(db))());
  }

  /** SQLite: SQL outside any transaction, run to its end, in turn with everything else (VACUUM, pragmas). */
  sqliteExec(sql: string): Promise<void> {
    const db = this.sqliteHandle();
    return this.exclusive(() => db.exec(sql));
  }

  private sqliteHandle(): SqliteHandle {
    if (this.handle) return this.handle;
    const raw = (this.dataSource.driver as unknown as { databaseConnection: SqliteHandle })
      .databaseConnection;
    this.handle = {
      prepare: (sql) => {
        let statement = this.statements.get(sql);
        if (!statement) {
          // The statements come from code, so they are few; the bound only guards against a caller that builds
          // many distinct texts (e.g. lists of varying length).
          if (this.statements.size >= MAX_CACHED_STATEMENTS) this.statements.clear();
          statement = raw.prepare(sql.replace(/\$\d+/g, '?'));
          this.statements.set(sql, statement);
        }
        return statement;
      },
      transaction: (fn) => raw.transaction(fn),
      exec: (sql) => raw.exec(sql),
    };
    return this.handle;
  }

  private exclusive<T>(work: () => T | Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
