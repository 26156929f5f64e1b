import amqp, { type ChannelModel, type ConfirmChannel } from 'amqplib';
import { ImGatewayError } from '@im-gateway/types';
import type { WebhookResponse } from '../delivery/webhook-sender.js';
import {
  BrokerConnections,
  connectionName,
  errorText,
  unreachable,
  withTimeout,
} from './broker-connections.js';
import { assertBrokerHost, rabbitmqSettings } from './destination-config.js';
import type { Destination, DestinationMessage, DestinationTarget } from './destination.js';
import { cleanAmqpWord, renderTemplate } from './routing-template.js';

const CONNECT_TIMEOUT_MS = 5_000;

interface AmqpLink {
  connection: ChannelModel;
  channel: ConfirmChannel;
  /** Message ids the broker returned as unroutable; a return always precedes the confirm of its message. */
  returned: Set<string>;
}

/**
 * Publishes to a RabbitMQ exchange on a confirm channel: an attempt succeeds on the broker's publisher
 * confirm (the message is then in every queue bound to it, persisted for durable queues), and only if the
 * message was routed somewhere (`mandatory`: an unroutable message is confirmed too, but returned first,
 * and is then a failed attempt rather than a message dropped by the broker).
 */
export class RabbitmqDestination implements Destination {
  readonly type = 'rabbitmq';
  private readonly links: BrokerConnections<AmqpLink>;

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
    const { exchange, routingKey: template } = rabbitmqSettings(target.settings);
    const routingKey = renderTemplate(template, message.placeholders, cleanAmqpWord);
    if (Buffer.byteLength(routingKey) > 255)
      return done({ ok: false, error: `routing key longer than 255 bytes: ${routingKey.slice(0, 80)}…` });
    const messageId = message.headers['webhook-id']!;
    try {
      const link = await withTimeout(this.links.get(target.endpointId, target.url), timeoutMs, 'connect');
      const { 'content-type': contentType, ...headers } = message.headers;
      await withTimeout(
        new Promise<void>((resolve, reject) =>
          link.channel.publish(
            exchange,
            routingKey,
            Buffer.from(message.body),
            {
              persistent: true,
              mandatory: true,
              contentType,
              messageId,
              timestamp: Number(message.headers['webhook-timestamp']),
              headers,
            },
            (error: unknown) => (error ? reject(error as Error) : resolve()),
          ),
        ),
        timeoutMs,
        'publisher confirm',
      );
      if (link.returned.delete(messageId))
        return done({
          ok: false,
          error: `unroutable: no queue is bound to ${exchange || '(default)'} for ${routingKey}`,
        });
      return done({ ok: true, excerpt: `confirmed: ${exchange || '(default)'} ${routingKey}` });
    } catch (error) {
      // A confirm that never came or a channel error leaves the channel unusable: the next attempt reconnects.
      await this.links.close(target.endpointId);
      return done({ ok: false, error: errorText(error) });
    }
  }

  async probe(target: DestinationTarget, timeoutMs: number): Promise<void> {
    const { exchange } = rabbitmqSettings(target.settings);
    let connection: ChannelModel;
    try {
      connection = await withTimeout(amqp.connect(target.url, { timeout: timeoutMs }), timeoutMs, 'connect');
    } catch (error) {
      throw unreachable(target.url, error);
    }
    connection.on('error', () => undefined);
    try {
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      if (exchange !== '') await channel.checkExchange(exchange);
    } catch {
      throw new ImGatewayError('invalid_destination', `exchange ${exchange} does not exist on the broker`, [
        { field: 'destination.exchange', message: 'not found' },
      ]);
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

  private async connect(url: string, onLost: () => void, endpointId: string): Promise<AmqpLink> {
    await assertBrokerHost(new URL(url), this.allowPrivate);
    const connection = await amqp.connect(url, {
      timeout: CONNECT_TIMEOUT_MS,
      clientProperties: { connection_name: connectionName(endpointId) },
    });
    // Errors arrive as 'close' too; without a listener an 'error' event would throw.
    connection.on('error', () => undefined);
    connection.on('close', onLost);
    try {
      const channel = await connection.createConfirmChannel();
      const returned = new Set<string>();
      channel.on('error', () => undefined);
      channel.on('close', () => {
        onLost();
        connection.close().catch(() => undefined);
      });
      channel.on('return', (m: { properties: { messageId?: string } }) => {
        if (m.properties.messageId) returned.add(m.properties.messageId);
      });
      return { connection, channel, returned };
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw error;
    }
  }
}
