import type { WebhookResponse } from '../delivery/webhook-sender.js';

/** The kinds of destination an endpoint may have: today's HTTP receivers and three brokers. */
export const DESTINATION_TYPES = ['http', 'rabbitmq', 'nats', 'redis-stream'] as const;
export type DestinationType = (typeof DESTINATION_TYPES)[number];

/** The per-type settings stored beside the URL (`EndpointEntity.destination`). */
export type RabbitmqSettings = {
  /** The exchange published to; `''` is the default exchange (routing key = queue name). */
  exchange: string;
  /** A template of `{type}`, `{appId}`, `{conversationType}`, `{conversationId}`. */
  routingKey: string;
};
export type NatsSettings = {
  /** A subject template (same placeholders); every subject it yields must be bound to `stream`. */
  subject: string;
  /** The JetStream stream expected to take the message (checked on the publish acknowledgement). */
  stream: string;
};
export type RedisStreamSettings = {
  /** The stream key XADD appends to. */
  streamKey: string;
  /** Approximate cap on the stream's length (`MAXLEN ~`); null = unbounded. */
  maxLen: number | null;
};
// Type aliases rather than interfaces: an object type alias fits the stored row's index signature.
export type DestinationSettings = RabbitmqSettings | NatsSettings | RedisStreamSettings;

/** Where one delivery goes: the endpoint, its URL with credentials, and its type's settings. */
export interface DestinationTarget {
  endpointId: string;
  type: DestinationType;
  url: string;
  /** The stored settings (`EndpointEntity.destination`), read by each adapter for its own type. */
  settings: Record<string, string | number | null> | null;
}

/**
 * One signed message, the same for every type: `body` is exactly the bytes an HTTP receiver gets (the
 * CloudEvent in structured mode), `headers` the Standard Webhooks headers, the CloudEvents binary-mode
 * attributes (`ce-*`) and the endpoint's static headers; `placeholders` fill the routing templates.
 */
export interface DestinationMessage {
  body: string;
  headers: Record<string, string>;
  placeholders: Placeholders;
}

export interface Placeholders {
  type: string;
  appId: string;
  conversationType: string;
  conversationId: string;
}

/**
 * What delivers to one type of destination. An attempt's result is a success only once the receiver or
 * broker confirmed it (a 2xx, a publisher confirm, a JetStream ack, the XADD reply). Each adapter keeps one
 * connection per endpoint, reused by every attempt, reopened after a failure, and closed by `close`.
 */
export interface Destination {
  readonly type: DestinationType;
  send(target: DestinationTarget, message: DestinationMessage, timeoutMs: number): Promise<WebhookResponse>;
  /**
   * Connects as a delivery would and checks what the settings name exists (exchange, stream), within
   * `timeoutMs`; throws `ImGatewayError` (`destination_unreachable`, `invalid_destination`) otherwise.
   */
  probe(target: DestinationTarget, timeoutMs: number): Promise<void>;
  /** Closes the endpoint's connection, if open (endpoint deleted, disabled or changed). */
  close(endpointId: string): Promise<void>;
  closeAll(): Promise<void>;
}
