import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqliteCheckpointer } from '@im-gateway/persistence';

/**
 * On SQLite, WAL checkpoints run in a worker thread instead of inside the commits of the request path (see
 * `SqliteCheckpointer`). Stopped before the data source closes, which then takes the last checkpoint itself.
 */
@Injectable()
export class SqliteCheckpoints implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SqliteCheckpoints.name);
  private checkpointer: SqliteCheckpointer | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /** Whether checkpoints run in the worker (false on PostgreSQL, or after the worker failed). */
  get running(): boolean {
    return this.checkpointer !== null;
  }

  onApplicationBootstrap(): void {
    this.checkpointer = SqliteCheckpointer.forDataSource(this.dataSource, {
      onError: (error) => {
        this.checkpointer = null;
        this.logger.error(`checkpoint worker failed, SQLite checkpoints on commit again: ${String(error)}`);
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    const checkpointer = this.checkpointer;
    this.checkpointer = null;
    await checkpointer?.stop();
  }
}
