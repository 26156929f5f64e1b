import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
  receivedAt: number;
}

/** What the receiver does with one request: answer with a status (after a delay), or drop the socket. */
export type ReceiverBehaviour = (
  request: ReceivedWebhook,
  index: number,
) => { status?: number; delayMs?: number; headers?: Record<string, string>; destroy?: boolean };

/** A real HTTP receiver on loopback that records every webhook it gets (like svix's TestReceiver). */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private server: http.Server | null = null;
  private inFlight = 0;
  maxInFlight = 0;
  port = 0;

  constructor(private behaviour: ReceiverBehaviour = () => ({ status: 200 })) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  setBehaviour(behaviour: ReceiverBehaviour): void {
    this.behaviour = behaviour;
  }

  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const hook: ReceivedWebhook = {
          headers: req.headers as Record<string, string>,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now(),
        };
        const index = this.received.push(hook) - 1;
        const { status = 200, delayMs = 0, headers = {}, destroy = false } = this.behaviour(hook, index);
        this.inFlight++;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        setTimeout(() => {
          this.inFlight--;
          if (destroy) return req.socket.destroy();
          res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(`status ${status}`);
        }, delayMs);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Waits until `count` webhooks arrived (or throws after the timeout). */
  async waitFor(count: number, timeoutMs = 15_000): Promise<ReceivedWebhook[]> {
    const started = Date.now();
    while (this.received.length < count) {
      if (Date.now() - started > timeoutMs)
        throw new Error(`received ${this.received.length} of ${count} webhooks`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.received;
  }
}

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
