import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDecisionRequest {
  headers: Record<string, string>;
  body: string;
  receivedAt: number;
}

/** What the endpoint does with one request: answer a body (after a delay), or drop the connection. */
export type DecisionBehaviour = (request: ReceivedDecisionRequest) => {
  status?: number;
  body?: string;
  delayMs?: number;
  destroy?: boolean;
};

/** A real decision endpoint on loopback that records what it is asked and answers as told. */
export class DecisionReceiver {
  readonly received: ReceivedDecisionRequest[] = [];
  private server: http.Server | null = null;
  port = 0;

  constructor(private behaviour: DecisionBehaviour = () => ({ body: '{"action":"allow"}' })) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/decide`;
  }

  setBehaviour(behaviour: DecisionBehaviour): void {
    this.behaviour = behaviour;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const request: ReceivedDecisionRequest = {
          headers: req.headers as Record<string, string>,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now(),
        };
        this.received.push(request);
        const { status = 200, body = '', delayMs = 0, destroy = false } = this.behaviour(request);
        const answer = () => {
          if (destroy) return req.socket.destroy();
          if (res.destroyed) return;
          res.writeHead(status, { 'content-type': 'application/json' }).end(body);
        };
        if (delayMs > 0) setTimeout(answer, delayMs);
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
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
}

/** A loopback URL nothing listens on: a decision endpoint that is down (connection refused). */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/decide`;
}
