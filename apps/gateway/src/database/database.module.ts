import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ApiKeyRepository,
  AppRepository,
  BeforePolicyRepository,
  BridgeRepository,
  dataSourceOptions,
  DeliveryLogRepository,
  DeliveryRepository,
  EndpointRepository,
  EventRepository,
  IdempotencyKeyRepository,
  IngestRepository,
  MappingRepository,
  MessageRepository,
  MigrationItemRepository,
  MigrationJobRepository,
  MessageReceiptRepository,
  ReconciliationRunRepository,
  RelayedMessageRepository,
  RelayLogRepository,
  RelayRepository,
  RelayStatsRepository,
  RetentionRepository,
  Transactor,
} from '@im-gateway/persistence';
import type { GatewaySettings } from '../config/gateway-settings.js';
import { SqliteCheckpoints } from './sqlite-checkpoints.js';

/** The persistence package's repositories: each is a plain class over the one `Transactor`. */
const REPOSITORIES = [
  ApiKeyRepository,
  AppRepository,
  BeforePolicyRepository,
  BridgeRepository,
  DeliveryLogRepository,
  DeliveryRepository,
  EndpointRepository,
  EventRepository,
  IdempotencyKeyRepository,
  IngestRepository,
  MappingRepository,
  MessageRepository,
  MigrationItemRepository,
  MigrationJobRepository,
  MessageReceiptRepository,
  ReconciliationRunRepository,
  RelayedMessageRepository,
  RelayLogRepository,
  RelayRepository,
  RelayStatsRepository,
  RetentionRepository,
] as const;

const repositoryProviders: Provider[] = REPOSITORIES.map((repository) => ({
  provide: repository,
  useFactory: (t: Transactor) => new repository(t),
  inject: [Transactor],
}));

/**
 * The database: SQLite file in the data folder by default, PostgreSQL when DATABASE_URL is set. Every query
 * the gateway makes goes through the repositories provided here.
 */
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
        ...repositoryProviders,
        SqliteCheckpoints,
      ],
      exports: [Transactor, ...REPOSITORIES, SqliteCheckpoints],
    };
  }
}
