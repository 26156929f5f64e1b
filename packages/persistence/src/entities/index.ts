import { ApiKeyEntity } from './api-key.entity.js';
import { AppEntity } from './app.entity.js';
import { BeforePolicyEntity } from './before-policy.entity.js';
import { BridgeMappingEntity } from './bridge-mapping.entity.js';
import { BridgeEntity } from './bridge.entity.js';
import { DeliveryAttemptEntity } from './delivery-attempt.entity.js';
import { DeliveryEntity } from './delivery.entity.js';
import { EndpointEntity } from './endpoint.entity.js';
import { EventEntity } from './event.entity.js';
import { IdempotencyKeyEntity } from './idempotency-key.entity.js';
import { InboundCallbackEntity } from './inbound-callback.entity.js';
import { MessageEntity } from './message.entity.js';
import { MessageReceiptEntity } from './message-receipt.entity.js';
import { ReconciliationRunEntity } from './reconciliation-run.entity.js';
import { MigrationItemEntity } from './migration-item.entity.js';
import { MigrationItemCountEntity, MigrationItemRateEntity } from './migration-item-count.entity.js';
import { MigrationJobEntity } from './migration-job.entity.js';
import { RelayAttemptEntity } from './relay-attempt.entity.js';
import { RelayEntity } from './relay.entity.js';
import { RelayedMessageEntity } from './relayed-message.entity.js';

export {
  ApiKeyEntity,
  AppEntity,
  BeforePolicyEntity,
  BridgeEntity,
  BridgeMappingEntity,
  DeliveryAttemptEntity,
  DeliveryEntity,
  EndpointEntity,
  EventEntity,
  IdempotencyKeyEntity,
  InboundCallbackEntity,
  MessageEntity,
  MessageReceiptEntity,
  ReconciliationRunEntity,
  MigrationItemEntity,
  MigrationItemCountEntity,
  MigrationItemRateEntity,
  MigrationJobEntity,
  RelayAttemptEntity,
  RelayEntity,
  RelayedMessageEntity,
};
export type { AppSettings } from './app.entity.js';
export type { StoredBeforePolicy } from './before-policy.entity.js';
export { DELIVERY_STATUSES, type DeliveryStatus } from './delivery.entity.js';
export {
  BRIDGE_DIRECTIONS,
  BRIDGE_KINDS,
  BRIDGE_STATUSES,
  type BridgeDirection,
  type BridgeKind,
  type BridgeStatus,
  type IdAffix,
  type UserMappingRule,
} from './bridge.entity.js';
export { MAPPING_KINDS, type MappingKind } from './bridge-mapping.entity.js';
export { MIGRATION_ITEM_STATUSES, type MigrationItemStatus } from './migration-item.entity.js';
export {
  MIGRATION_JOB_STATUSES,
  MIGRATION_PHASES,
  UNFINISHED_JOB_STATUSES,
  type HistoryState,
  type MigrationJobStatus,
  type MigrationKindState,
  type MigrationPhase,
} from './migration-job.entity.js';
export {
  RECONCILIATION_STATUSES,
  type ReconciliationCursor,
  type ReconciliationStatus,
  type UnreadableEntry,
} from './reconciliation-run.entity.js';
export { RELAY_ACTIONS, RELAY_STATUSES, type RelayAction, type RelayStatus } from './relay.entity.js';

export const ENTITIES = [
  AppEntity,
  ApiKeyEntity,
  InboundCallbackEntity,
  EventEntity,
  EndpointEntity,
  DeliveryEntity,
  DeliveryAttemptEntity,
  MessageEntity,
  IdempotencyKeyEntity,
  BridgeEntity,
  BridgeMappingEntity,
  RelayEntity,
  RelayAttemptEntity,
  RelayedMessageEntity,
  MigrationJobEntity,
  MigrationItemEntity,
  MigrationItemCountEntity,
  MigrationItemRateEntity,
  BeforePolicyEntity,
  MessageReceiptEntity,
  ReconciliationRunEntity,
];
