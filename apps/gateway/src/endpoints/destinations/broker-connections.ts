import { ImGatewayError } from '@im-gateway/types';

/** A connection unused for this long is closed (an endpoint deleted or disabled through another replica). */
export const IDLE_CLOSE_MS = 5 * 60_000;

/**
 * One connection per endpoint, shared by every attempt to it. Opened on first use; forgotten when it
 * fails (the next attempt opens a new one: that is the reconnect), when the endpoint's URL changes, or
 * when the endpoint is closed. A connection idle for `IDLE_CLOSE_MS` is closed too: the replica that
 * deleted or disabled an endpoint closes its own, the others only see that no attempt comes any more.
 */
export class BrokerConnections<C> {
  private readonly open = new Map<string, { key: string; connection: Promise<C>; usedAt: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly connect: (url: string, onLost: () => void, endpointId: string) => Promise<C>,
    private readonly disconnect: (connection: C) => Promise<void>,
    idleCloseMs = IDLE_CLOSE_MS,
  ) {
    this.sweeper = setInterval(() => this.closeIdle(idleCloseMs), Math.min(idleCloseMs, 60_000));
    this.sweeper.unref();
  }

  /** The endpoint's connection to `url`, opening one (and closing one to another URL) if needed. */
  get(endpointId: string, url: string): Promise<C> {
    const held = this.open.get(endpointId);
    if (held?.key === url) {
      held.usedAt = Date.now();
      return held.connection;
    }
    if (held) void this.close(endpointId);
    const entry = {
      key: url,
      usedAt: Date.now(),
      connection: this.connect(
        url,
        () => {
          if (this.open.get(endpointId) === entry) this.open.delete(endpointId);
        },
        endpointId,
      ),
    };
    this.open.set(endpointId, entry);
    entry.connection.catch(() => {
      if (this.open.get(endpointId) === entry) this.open.delete(endpointId);
    });
    return entry.connection;
  }

  /** Forgets the connection and closes it (a failed attempt's connection may be half dead). */
  async close(endpointId: string): Promise<void> {
    const held = this.open.get(endpointId);
    if (!held) return;
    this.open.delete(endpointId);
    const connection = await held.connection.catch(() => null);
    if (connection) await this.disconnect(connection).catch(() => undefined);
  }

  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.open.keys()].map((id) => this.close(id)));
  }

  /** How many endpoints have a connection (open or opening). */
  get size(): number {
    return this.open.size;
  }

  closeIdle(idleMs: number): void {
    const before = Date.now() - idleMs;
    for (const [id, entry] of this.open) if (entry.usedAt < before) void this.close(id);
  }
}

/** Rejects with `timed out after N ms` if the promise has not settled by then. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const errorText = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(String(code)) ? `${code}: ${error.message}` : error.message;
};

/** The 400 for a broker that did not take a connection at creation; names the host, never the credentials. */
export function unreachable(url: string, error: unknown): ImGatewayError {
  const host = new URL(url).host;
  return new ImGatewayError('destination_unreachable', `could not connect to ${host}: ${errorText(error)}`, [
    { field: 'url', message: 'unreachable' },
  ]);
}

/** The name a connection gives the broker, so an operator sees which endpoint it serves. */
export const connectionName = (endpointId: string): string => `im-gateway endpoint ${endpointId}`;
