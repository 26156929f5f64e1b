import type { WebhookResponse, WebhookSender } from '../delivery/webhook-sender.js';
import type { Destination, DestinationMessage, DestinationTarget } from './destination.js';

/**
 * Today's webhooks behind the destination port: a POST of the structured CloudEvent with the Standard
 * Webhooks headers (no `ce-*` headers: in structured mode the body carries the attributes). The sender's
 * keep-alive agents are the reused connections.
 */
export class HttpDestination implements Destination {
  readonly type = 'http';

  constructor(private readonly sender: WebhookSender) {}

  send(target: DestinationTarget, message: DestinationMessage, timeoutMs: number): Promise<WebhookResponse> {
    const headers = { ...message.headers, 'user-agent': 'im-gateway' };
    return this.sender.post(target.url, headers, message.body, timeoutMs);
  }

  /** HTTP receivers are checked by URL policy only: a receiver may be deployed after its endpoint. */
  async probe(): Promise<void> {}

  async close(): Promise<void> {}

  async closeAll(): Promise<void> {
    this.sender.close();
  }
}
