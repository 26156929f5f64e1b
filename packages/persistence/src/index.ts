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
export { clampLimit, DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, toPage, type Page } from './pagination.js';
export { isUniqueViolation } from './errors.js';
export { IngestRepository, type IngestBatch, type IngestResult } from './ingest.repository.js';
export { Transactor, type SqliteHandle } from './transactor.js';
export { DeliveryRepository, type ClaimedDelivery, type DeliveryOutcome } from './delivery.repository.js';
export { AppDataRepository } from './app-data.repository.js';
export { RelayRepository, type ClaimedRelay, type RelayOutcome } from './relay.repository.js';
