import { describe, expect, it } from '@jest/globals';
import { BrokerConnections } from './broker-connections.js';

/** A stand-in connection that only records whether it was closed: the pool's own rules are under test. */
interface Conn {
  url: string;
  closed: boolean;
  lose: () => void;
}

function pool() {
  const opened: Conn[] = [];
  const connections = new BrokerConnections<Conn>(
    async (url, onLost) => {
      const c: Conn = { url, closed: false, lose: onLost };
      opened.push(c);
      return c;
    },
    async (c) => void (c.closed = true),
  );
  return { connections, opened };
}

describe('BrokerConnections', () => {
  it('reuses one connection per endpoint and URL', async () => {
    const { connections, opened } = pool();
    const a = await connections.get('e1', 'amqp://h');
    expect(await connections.get('e1', 'amqp://h')).toBe(a);
    await connections.get('e2', 'amqp://h');
    expect(opened).toHaveLength(2);
    await connections.closeAll();
  });

  it('opens a new connection after one is lost, and when the URL changes (closing the old one)', async () => {
    const { connections, opened } = pool();
    const first = await connections.get('e1', 'amqp://h');
    first.lose();
    const second = await connections.get('e1', 'amqp://h');
    expect(second).not.toBe(first);
    const third = await connections.get('e1', 'amqp://other');
    await new Promise((r) => setImmediate(r));
    expect(third.url).toBe('amqp://other');
    expect(second.closed).toBe(true);
    expect(opened).toHaveLength(3);
    await connections.closeAll();
  });

  it('forgets a connection that failed to open', async () => {
    let tries = 0;
    const connections = new BrokerConnections<number>(
      async () => {
        if (++tries === 1) throw new Error('ECONNREFUSED');
        return tries;
      },
      async () => undefined,
    );
    await expect(connections.get('e1', 'u')).rejects.toThrow('ECONNREFUSED');
    expect(await connections.get('e1', 'u')).toBe(2);
    await connections.closeAll();
  });

  it('closes connections left idle, and every one at close', async () => {
    const { connections, opened } = pool();
    await connections.get('idle', 'u');
    await connections.get('busy', 'u');
    await new Promise((r) => setTimeout(r, 30));
    await connections.get('busy', 'u');
    connections.closeIdle(20);
    await new Promise((r) => setImmediate(r));
    expect(opened.map((c) => c.closed)).toEqual([true, false]);
    expect(connections.size).toBe(1);
    await connections.closeAll();
    expect(opened[1]!.closed).toBe(true);
    expect(connections.size).toBe(0);
  });
});
