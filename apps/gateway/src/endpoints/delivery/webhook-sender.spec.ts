import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WebhookSender } from './webhook-sender.js';

// A real receiver on loopback; DNS is replaced so that a public-looking host resolves to it, as a DNS
// answer that changed after the endpoint was created would.
let server: http.Server;
let port = 0;
let hits = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits++;
    if (req.url === '/redirect') return res.writeHead(302, { location: 'http://127.0.0.1/' }).end();
    res.writeHead(200).end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const rebinding = ((
  _host: string,
  _opts: unknown,
  cb: (e: null, a: { address: string; family: number }[]) => void,
) => cb(null, [{ address: '127.0.0.1', family: 4 }])) as never;

describe('WebhookSender at delivery time', () => {
  it('refuses to connect when the host now resolves to a private address', async () => {
    const sender = new WebhookSender(false, rebinding);
    const before = hits;
    const r = await sender.post(`http://hooks.example.com:${port}/`, {}, '{}', 2000);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/EFORBIDDENADDRESS/);
    expect(hits).toBe(before);
    sender.close();
  });

  it.each(['::7f00:1', '::a9fe:a9fe', '::a00:1'])(
    'refuses to connect when the host resolves to the IPv4-compatible IPv6 address %s',
    async (address) => {
      const compatible = ((
        _host: string,
        _opts: unknown,
        cb: (e: null, a: { address: string; family: number }[]) => void,
      ) => cb(null, [{ address, family: 6 }])) as never;
      const sender = new WebhookSender(false, compatible);
      const r = await sender.post(`http://hooks.example.com:${port}/`, {}, '{}', 2000);
      expect(r.error).toMatch(/EFORBIDDENADDRESS/);
      sender.close();
    },
  );

  it('refuses an IPv4-compatible IPv6 address written in the URL', async () => {
    const sender = new WebhookSender(false);
    const r = await sender.post(`http://[::127.0.0.1]:${port}/`, {}, '{}', 2000);
    expect(r.error).toMatch(/EFORBIDDENADDRESS/);
    sender.close();
  });

  it('refuses a private address written in the URL', async () => {
    const sender = new WebhookSender(false);
    const r = await sender.post(`http://127.0.0.1:${port}/`, {}, '{}', 2000);
    expect(r.error).toMatch(/EFORBIDDENADDRESS/);
    sender.close();
  });

  it('connects when private addresses are allowed, and never follows a redirect', async () => {
    const sender = new WebhookSender(true, rebinding);
    expect((await sender.post(`http://hooks.example.com:${port}/`, {}, '{}', 2000)).ok).toBe(true);
    const redirected = await sender.post(`http://127.0.0.1:${port}/redirect`, {}, '{}', 2000);
    expect(redirected).toMatchObject({ ok: false, status: 302, error: 'redirects are not followed' });
    sender.close();
  });
});
