export {
  createDataSource,
  databaseEngine,
  dataSourceOptions,
  type DatabaseEngine,
  type DatabaseSettings,
} from './data-source.factory.js';
export {
  ApiKeyEntity,
  AppEntity,
  type AppSettings,
  BeforePolicyEntity,
  type StoredBeforePolicy,
  BRIDGE_DIRECTIONS,
  BRIDGE_KINDS,
  BRIDGE_STATUSES,
  BridgeEntity,
  BridgeMappingEntity,
  DELIVERY_STATUSES,
  DeliveryAttemptEntity,
  DeliveryEntity,
  ENTITIES,
  EndpointEntity,
  EventEntity,
  IdempotencyKeyEntity,
  InboundCallbackEntity,
  MAPPING_KINDS,
  MessageEntity,
  MIGRATION_ITEM_STATUSES,
  MIGRATION_JOB_STATUSES,
  MIGRATION_PHASES,
  MigrationItemEntity,
  MigrationItemCountEntity,
  MigrationItemRateEntity,
  MigrationJobEntity,
  MessageReceiptEntity,
  ReconciliationRunEntity,
  RECONCILIATION_STATUSES,
  type ReconciliationCursor,
  type ReconciliationStatus,
  type UnreadableEntry,
  UNFINISHED_JOB_STATUSES,
  RELAY_ACTIONS,
  RELAY_STATUSES,
  RelayAttemptEntity,
  RelayEntity,
  RelayedMessageEntity,
  type BridgeDirection,
  type BridgeKind,
  type BridgeStatus,
  type DeliveryStatus,
  type IdAffix,
  type MappingKind,
  type HistoryState,
  type MigrationItemStatus,
  type MigrationJobStatus,
  type MigrationKindState,
  type MigrationPhase,
  type RelayAction,
  type RelayStatus,
  type UserMappingRule,
} from './entities/index.js';
export { MIGRATIONS } from './migrations/index.js';
export { newId, nowIso } from './ids.js';
export {
  SqliteCheckpointer,
  type CheckpointResult,
  type SqliteCheckpointerOptions,
} from './sqlite-checkpointer.js';
export {
  clampLimit,
  decodeCursor,
  DEFAULT_PAGE_LIMIT,
  findPage,
  mapPage,
  MAX_PAGE_LIMIT,
  toPage,
  type Page,
} from './pagination.js';
export { isUniqueViolation } from './errors.js';
export {
  IngestRepository,
  type IngestBatch,
  type IngestResult,
  type RecoveredBatch,
} from './ingest.repository.js';
export { Transactor, type SqliteHandle } from './transactor.js';
export { DeliveryRepository, type ClaimedDelivery, type DeliveryOutcome } from './delivery.repository.js';
export { RelayRepository, type ClaimedRelay, type RelayOutcome } from './relay.repository.js';
export type { Backlog } from './work-rows.js';
export { ApiKeyRepository } from './api-key.repository.js';
export { AppRepository } from './app.repository.js';
export { BeforePolicyRepository } from './before-policy.repository.js';
export { BridgeRepository } from './bridge.repository.js';
export { DeliveryLogRepository } from './delivery-log.repository.js';
export { EndpointRepository, type EndpointHealthPatch } from './endpoint.repository.js';
export { EventRepository, type EventFilter } from './event.repository.js';
export { IdempotencyKeyRepository } from './idempotency-key.repository.js';
export { MappingRepository, type MappingPair } from './mapping.repository.js';
export { MessageRepository } from './message.repository.js';
export { RelayLogRepository } from './relay-log.repository.js';
export { RelayStatsRepository, type LastRelayError, type RelayCount } from './relay-stats.repository.js';
export { RelayedMessageRepository, type PairRecall } from './relayed-message.repository.js';
export {
  idBefore,
  RETENTION_KINDS,
  RetentionRepository,
  type RetentionKind,
} from './retention.repository.js';
export {
  MigrationItemRepository,
  type MigrationItemCount,
  type MigrationItemFinish,
  type MigrationReasonCount,
  type NewMigrationItem,
  type PendingMigrationItem,
} from './migration-item.repository.js';
export { MigrationJobRepository } from './migration-job.repository.js';
export { MessageReceiptRepository } from './message-receipt.repository.js';
export { ReconciliationRunRepository } from './reconciliation-run.repository.js';
