import { startGateway, type RunningGateway } from './gateway.js';
import { postgresTestDatabase } from './postgres-database.js';
import net from 'node:net';

/**
 * A TCP proxy in front of a real server, to simulate an outage without touching the server: `cut()`
 * drops every connection and refuses new ones; `restore()` accepts again on the same port. `holdReplies()`
 * keeps what the server answers until `releaseReplies()`: requests still reach it, so a test can count what
 * a client sent without waiting for answers.
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private readonly upstreams = new Set<net.Socket>();
  private holding = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(port = 0): Promise<number> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream);
      // Not piped back: a pipe resumes its source on 'drain', which would undo holdReplies().
      upstream.on('data', (chunk: Buffer) => client.write(chunk));
      if (this.holding) upstream.pause();
      this.upstreams.add(upstream);
      upstream.on('close', () => this.upstreams.delete(upstream));
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    const server = this.server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  holdReplies(): void {
    this.holding = true;
    for (const s of this.upstreams) s.pause();
  }

  releaseReplies(): void {
    this.holding = false;
    for (const s of this.upstreams) s.resume();
  }

  /** Accepts again on the same port; a proxy that is not cut stays as it is. */
  async restore(): Promise<void> {
    if (this.server) return;
    await this.start(this.port);
  }
}

/** A gateway whose PostgreSQL is reached through a `TcpProxy`, so a test can cut the database off. */
export interface GatewayBehindProxy {
  gw: RunningGateway;
  proxy: TcpProxy;
  close(): Promise<void>;
}

/**
 * Starts a gateway on a fresh PostgreSQL database (an outage needs a server to cut off) behind a TCP proxy.
 */
export async function startGatewayBehindProxy(): Promise<GatewayBehindProxy> {
  const db = await postgresTestDatabase();
  const url = new URL(db.settings.databaseUrl!);
  const proxy = new TcpProxy(url.hostname, Number(url.port || 5432));
  url.port = String(await proxy.start());
  url.hostname = '127.0.0.1';
  const gw = await startGateway({ db: { ...db, settings: { ...db.settings, databaseUrl: url.toString() } } });
  return {
    gw,
    proxy,
    close: async () => {
      await gw.close();
      await proxy.cut();
      await db.drop();
    },
  };
}
