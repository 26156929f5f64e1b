export { createGatewayClient, type GatewayClient, type GatewayClientOptions } from './gateway-client.js';
export { streamEvents, type EventStreamOptions, type UnifiedEvent } from './event-stream.js';
export type { components, operations, paths, webhooks } from './schema.js';

import type { components } from './schema.js';

/** The one error body every failing call answers with. */
export type ApiError = components['schemas']['ErrorResponse'];
/** One message body, discriminated on `type`. */
export type MessageContent = components['schemas']['MessageContent'];
