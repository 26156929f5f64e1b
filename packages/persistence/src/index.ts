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
  DELIVERY_STATUSES,
  DeliveryAttemptEntity,
  DeliveryEntity,
  ENTITIES,
  EndpointEntity,
  EventEntity,
  IdempotencyKeyEntity,
  InboundCallbackEntity,
  MessageEntity,
  type DeliveryStatus,
} from './entities/index.js';
export { MIGRATIONS } from './migrations/index.js';
export { newId, nowIso } from './ids.js';
export { clampLimit, DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, toPage, type Page } from './pagination.js';
export { isUniqueViolation } from './errors.js';
export { IngestRepository, type IngestBatch, type IngestResult } from './ingest.repository.js';
export { Transactor, type SqliteHandle } from './transactor.js';
export { DeliveryRepository, type ClaimedDelivery, type DeliveryOutcome } from './delivery.repository.js';
