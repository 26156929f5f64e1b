import { connect, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { createTestDatabase, type TestDatabase } from '@im-gateway/persistence/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadGatewayEnv } from '../../src/config/gateway.config.js';
import { resolveSettings } from '../../src/config/gateway-settings.js';
import { createGateway } from '../../src/gateway.factory.js';
import { ADMIN_TOKEN, MASTER_KEY } from '../support/gateway.js';

const lines: { level: number; msg?: string }[] = [];
let db: TestDatabase;
let app: NestFastifyApplication;
let port: number;

beforeAll(async () => {
  db = await createTestDatabase();
  const settings = resolveSettings(
    loadGatewayEnv({
      DATA_DIR: db.settings.dataDir,
      ...(db.settings.databaseUrl ? { DATABASE_URL: db.settings.databaseUrl } : {}),
      GATEWAY_ADMIN_TOKEN: ADMIN_TOKEN,
      GATEWAY_MASTER_KEY: MASTER_KEY,
      HTTP_REQUEST_TIMEOUT_MS: '2000',
      HTTP_HEADERS_TIMEOUT_MS: '1000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '500',
    }),
  );
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  app = await createGateway(settings, pino({ level: 'debug' }, sink));
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.getHttpServer().address() as { port: number }).port;
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

/** Opens a raw connection; resolves with what the server wrote and how long it kept the socket open. */
function rawSession(drive: (socket: Socket) => void): Promise<{ text: string; openMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ text, openMs: Date.now() - started }));
    socket.on('connect', () => drive(socket));
  });
}

/** Writes `line` every `everyMs` until the socket closes. */
function trickle(socket: Socket, line: () => string, everyMs: number): void {
  const timer = setInterval(() => {
    if (socket.destroyed || !socket.writable) return clearInterval(timer);
    socket.write(line());
  }, everyMs);
  socket.on('close', () => clearInterval(timer));
}

describe('the listener bounds how long a client may hold a socket', () => {
  it('closes a connection that trickles header lines, within the headers timeout', async () => {
    const { text, openMs } = await rawSession((socket) => {
      socket.write('GET /health HTTP/1.1\r\nhost: localhost\r\n');
      let n = 0;
      trickle(socket, () => `x-trickle-${n++}: a\r\n`, 200);
    });
    expect(openMs).toBeLessThan(3000);
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(text).toContain('"code":"request_timeout"');
  }, 15_000);

  it('closes a connection that trickles its body, within the request timeout', async () => {
    const { openMs } = await rawSession((socket) => {
      socket.write(
        'POST /v1/apps HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{',
      );
      trickle(socket, () => ' ', 200);
    });
    expect(openMs).toBeLessThan(4000);
  }, 15_000);

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const { text, openMs } = await rawSession((socket) => {
      socket.write('GET /health HTTP/1.1\r\nhost: localhost\r\n\r\n');
    });
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(openMs).toBeLessThan(2500);
  }, 15_000);
});

describe('what never reaches a route answers in the one error body', () => {
  it('a request that is not valid HTTP', async () => {
    const { text } = await rawSession((socket) =>
      socket.write('GET /health HTTP/1.1\r\nbad header line\r\n\r\n'),
    );
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toEqual({
      error: { code: 'validation_failed', message: expect.any(String) },
    });
  }, 15_000);
});

describe('a client that goes away mid-body', () => {
  it('is logged below error level', async () => {
    const from = lines.length;
    await rawSession((socket) => {
      socket.write(
        'POST /v1/apps HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"name":',
      );
      setTimeout(() => socket.destroy(), 200);
    });
    await new Promise((r) => setTimeout(r, 300));
    const logged = lines.slice(from);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.filter((l) => l.level >= 50)).toEqual([]);
  }, 15_000);
});
