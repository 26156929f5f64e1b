import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyWebhook } from '@im-gateway/signing';
import type { UnifiedEvent } from '@im-gateway/types';
import { DecisionEndpointClient } from './decision-endpoint.client.js';

// A real endpoint on loopback; each test picks its behaviour by path.
const SECRET = 'whsec_' + Buffer.from('decision-endpoint-secret-0123456789').toString('base64');
let server: http.Server;
let base = '';
const seen: { headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const json = (status: number, body: string) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(body);
      switch (req.url) {
        case '/allow':
          return json(200, '{"action":"allow"}');
        case '/deny':
          return json(200, '{"action":"deny","reason":"no links"}');
        case '/slow':
          return setTimeout(() => json(200, '{"action":"allow"}'), 1_000);
        case '/garbage':
          return json(200, '<html>oops</html>');
        case '/huge':
          return json(200, `{"action":"deny","reason":"${'x'.repeat(100_000)}"}`);
        case '/redirect':
          return res.writeHead(302, { location: '/allow' }).end();
        default:
          return json(500, '{}');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const event: UnifiedEvent = {
  id: '01939f0c-0000-7000-8000-000000000001',
  type: 'message.send.requested',
  provider: 'tencent',
  appId: 'app_1',
  occurredAt: '2026-01-01T00:00:00.000Z',
  receivedAt: '2026-01-01T00:00:00.000Z',
  dedupeKey: 'k1',
  conversation: { type: 'direct', id: 'u2' },
  actor: 'u1',
  message: {
    id: 'm1',
    from: 'u1',
    to: 'u2',
    sentAt: '2026-01-01T00:00:00.000Z',
    contents: [{ type: 'text', text: 'hello' }],
  },
  data: {},
  raw: {},
};
const endpoint = (path: string, timeoutMs = 300) => ({ url: `${base}${path}`, secret: SECRET, timeoutMs });

describe('DecisionEndpointClient', () => {
  const client = new DecisionEndpointClient(true);
  afterAll(() => client.close());

  it('posts the event as webhooks carry it, signed with Standard Webhooks headers', async () => {
    const outcome = await client.ask(endpoint('/allow'), event, 300);
    expect(outcome).toMatchObject({ decision: { action: 'allow' } });
    const request = seen.at(-1)!;
    const body = JSON.parse(request.body) as Record<string, unknown>;
    expect(body).toMatchObject({ specversion: '1.0', id: event.id, type: 'message.send.requested' });
    expect(body.data).toMatchObject({ message: { contents: [{ type: 'text', text: 'hello' }] } });
    expect(() =>
      verifyWebhook({ secrets: SECRET, headers: request.headers as never, body: request.body }),
    ).not.toThrow();
  });

  it('reads a deny with its reason', async () => {
    expect(await client.ask(endpoint('/deny'), event, 300)).toMatchObject({
      decision: { action: 'deny', reason: 'no links' },
    });
  });

  it('gives up at the budget on an endpoint that is slow', async () => {
    const started = performance.now();
    const outcome = await client.ask(endpoint('/slow'), event, 100);
    const took = performance.now() - started;
    expect(outcome).toMatchObject({ error: 'timeout' });
    expect(took).toBeGreaterThanOrEqual(95);
    expect(took).toBeLessThan(150);
  });

  it('reports an endpoint that is down as unreachable, well within the budget', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const outcome = await client.ask(
      { url: `http://127.0.0.1:${port}/`, secret: SECRET, timeoutMs: 300 },
      event,
      300,
    );
    expect(outcome).toMatchObject({ error: 'unreachable' });
    expect(outcome.durationMs).toBeLessThan(300);
  });

  it.each([
    ['/garbage', 'invalid_answer'],
    ['/huge', 'invalid_answer'],
    ['/fail', 'status_500'],
    ['/redirect', 'status_302'],
  ])('maps %s to %s', async (path, error) => {
    expect(await client.ask(endpoint(path), event, 300)).toMatchObject({ error });
  });

  it('asks again on a fresh socket when a kept-alive one was closed by the endpoint', async () => {
    // The endpoint answers the first request of a connection and drops the connection on the second, as
    // an endpoint closing idle sockets does when a request races the close.
    const perSocket = new WeakMap<object, number>();
    let requests = 0;
    const closing = http.createServer((req, res) => {
      requests++;
      const n = (perSocket.get(req.socket) ?? 0) + 1;
      perSocket.set(req.socket, n);
      req.resume();
      req.on('end', () => {
        if (n > 1) return req.socket.destroy();
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"action":"allow"}');
      });
    });
    await new Promise<void>((r) => closing.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(closing.address() as AddressInfo).port}/`;
    const own = new DecisionEndpointClient(true);
    try {
      const target = { url, secret: SECRET, timeoutMs: 500 };
      expect(await own.ask(target, event, 500)).toMatchObject({ decision: { action: 'allow' } });
      expect(await own.ask(target, event, 500)).toMatchObject({ decision: { action: 'allow' } });
      expect(requests).toBe(3);
    } finally {
      own.close();
      closing.closeAllConnections();
      await new Promise((r) => closing.close(r));
    }
  });

  it('refuses a private address unless private addresses are allowed', async () => {
    const strict = new DecisionEndpointClient(false);
    const before = seen.length;
    const outcome = await strict.ask(endpoint('/allow'), event, 300);
    expect(outcome).toMatchObject({ error: 'unreachable' });
    expect('detail' in outcome && outcome.detail).toMatch(/non-public address 127\.0\.0\.1/);
    expect(seen.length).toBe(before);
    strict.close();
  });

  it('refuses a host that now resolves to a private address (DNS rebinding) at connect time', async () => {
    const rebinding = ((
      _h: string,
      _o: unknown,
      cb: (e: null, a: { address: string; family: number }[]) => void,
    ) => cb(null, [{ address: '127.0.0.1', family: 4 }])) as never;
    const strict = new DecisionEndpointClient(false, rebinding);
    const port = new URL(base).port;
    const before = seen.length;
    const outcome = await strict.ask(
      { url: `http://decide.example.com:${port}/allow`, secret: SECRET, timeoutMs: 300 },
      event,
      300,
    );
    expect(outcome).toMatchObject({ error: 'unreachable' });
    expect(seen.length).toBe(before);
    strict.close();
  });
});
