import { ApiKeyEntity } from './api-key.entity.js';
import { AppEntity } from './app.entity.js';
import { DeliveryAttemptEntity } from './delivery-attempt.entity.js';
import { DeliveryEntity } from './delivery.entity.js';
import { EndpointEntity } from './endpoint.entity.js';
import { EventEntity } from './event.entity.js';
import { IdempotencyKeyEntity } from './idempotency-key.entity.js';
import { InboundCallbackEntity } from './inbound-callback.entity.js';
import { MessageEntity } from './message.entity.js';

export {
  ApiKeyEntity,
  AppEntity,
  DeliveryAttemptEntity,
  DeliveryEntity,
  EndpointEntity,
  EventEntity,
  IdempotencyKeyEntity,
  InboundCallbackEntity,
  MessageEntity,
};
export { DELIVERY_STATUSES, type DeliveryStatus } from './delivery.entity.js';

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
];
