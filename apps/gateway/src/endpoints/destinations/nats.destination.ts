import {
  connect,
  headers as natsHeaders,
  type ConnectionOptions,
  type JetStreamClient,
  type NatsConnection,
} from 'nats';
import { ImGatewayError } from '@im-gateway/types';
import type { WebhookResponse } from '../delivery/webhook-sender.js';
import {
  BrokerConnections,
  connectionName,
  errorText,
  unreachable,
  withTimeout,
} from './broker-connections.js';
import { assertBrokerHost, natsSettings } from './destination-config.js';
import type { Destination, DestinationMessage, DestinationTarget } from './destination.js';
import { cleanNatsToken, renderTemplate } from './routing-template.js';

const CONNECT_TIMEOUT_MS = 5_000;

interface NatsLink {
  connection: NatsConnection;
  js: JetStreamClient;
}

/** nats.js takes servers and credentials apart; `tls:` asks for a TLS connection. */
function options(url: string, timeoutMs: number): ConnectionOptions {
  const u = new URL(url);
  return {
    servers: `${u.hostname}:${u.port || 4222}`,
    ...(u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'tls:' ? { tls: {} } : {}),
    timeout: timeoutMs,
    name: 'im-gateway',
  };
}

/**
 * Publishes to NATS JetStream: an attempt succeeds on the stream's acknowledgement, which names the stream
 * that stored it (`expect.streamName` makes the server refuse a subject bound to another stream). The
 * message id is `webhook-id`, so a retry after a lost acknowledgement is dropped by the stream's duplicate
 * window rather than stored twice. The client reconnects by itself; a closed connection is opened anew.
 */
export class NatsDestination implements Destination {
  readonly type = 'nats';
  private readonly links: BrokerConnections<NatsLink>;

  constructor(private readonly allowPrivate: boolean) {
    this.links = new BrokerConnections(
      (url, onLost, endpointId) => this.connect(url, onLost, endpointId),
      (link) => link.connection.close(),
    );
  }

  async send(
    target: DestinationTarget,
    message: DestinationMessage,
    timeoutMs: number,
  ): Promise<WebhookResponse> {
    const started = performance.now();
    const done = (r: Omit<WebhookResponse, 'durationMs'>): WebhookResponse => ({
      ...r,
      durationMs: Math.round(performance.now() - started),
    });
    const { subject: template, stream } = natsSettings(target.settings);
    const subject = renderTemplate(template, message.placeholders, cleanNatsToken);
    try {
      const link = await withTimeout(this.links.get(target.endpointId, target.url), timeoutMs, 'connect');
      const h = natsHeaders();
      for (const [name, value] of Object.entries(message.headers)) h.set(name, value);
      const ack = await link.js.publish(subject, Buffer.from(message.body), {
        msgID: message.headers['webhook-id']!,
        headers: h,
        expect: { streamName: stream },
        timeout: timeoutMs,
      });
      return done({
        ok: true,
        excerpt: `${ack.duplicate ? 'duplicate of ' : ''}${ack.stream} seq ${ack.seq}: ${subject}`,
      });
    } catch (error) {
      return done({ ok: false, error: errorText(error) });
    }
  }

  async probe(target: DestinationTarget, timeoutMs: number): Promise<void> {
    const { stream } = natsSettings(target.settings);
    let connection: NatsConnection;
    try {
      connection = await withTimeout(
        connect({ ...options(target.url, timeoutMs), reconnect: false }),
        timeoutMs,
        'connect',
      );
    } catch (error) {
      throw unreachable(target.url, error);
    }
    try {
      const jsm = await connection.jetstreamManager({ timeout: timeoutMs });
      await jsm.streams.info(stream);
    } catch (error) {
      throw new ImGatewayError(
        'invalid_destination',
        `JetStream stream ${stream} is not available: ${errorText(error)}`,
        [{ field: 'destination.stream', message: 'not found' }],
      );
    } finally {
      await connection.close().catch(() => undefined);
    }
  }

  close(endpointId: string): Promise<void> {
    return this.links.close(endpointId);
  }

  closeAll(): Promise<void> {
    return this.links.closeAll();
  }

  private async connect(url: string, onLost: () => void, endpointId: string): Promise<NatsLink> {
    await assertBrokerHost(new URL(url), this.allowPrivate);
    const connection = await connect({
      ...options(url, CONNECT_TIMEOUT_MS),
      name: connectionName(endpointId),
      reconnect: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
    });
    void connection.closed().then(onLost);
    return { connection, js: connection.jetstream() };
  }
}
