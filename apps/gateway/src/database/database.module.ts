import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppDataRepository, dataSourceOptions, IngestRepository, Transactor } from '@im-gateway/persistence';
import type { GatewaySettings } from '../config/gateway-settings.js';
import { SqliteCheckpoints } from './sqlite-checkpoints.js';

/** The database: SQLite file in the data folder by default, PostgreSQL when DATABASE_URL is set. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(settings: GatewaySettings): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions({
              databaseUrl: settings.databaseUrl,
              dataDir: settings.dataDir,
              queryTimeoutMs: settings.databaseQueryTimeoutMs,
            }),
            // A database that is still starting gets a few tries before the gateway gives up.
            retryAttempts: 5,
            retryDelay: 2000,
          }),
        }),
      ],
      providers: [
        { provide: Transactor, useFactory: (ds: DataSource) => new Transactor(ds), inject: [DataSource] },
        {
          provide: IngestRepository,
          useFactory: (t: Transactor) => new IngestRepository(t),
          inject: [Transactor],
        },
        {
          provide: AppDataRepository,
          useFactory: (t: Transactor) => new AppDataRepository(t),
          inject: [Transactor],
        },
        SqliteCheckpoints,
      ],
      exports: [Transactor, IngestRepository, AppDataRepository, SqliteCheckpoints],
    };
  }
}
