import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import { registerConsole } from '../../src/console/console.static.js';
import { startGateway } from '../support/gateway.js';

describe('/console', () => {
  it('serves the built console with its hashed assets, without a token', async () => {
    const gw = await startGateway();
    try {
      const page = await fetch(`${gw.url}/console/`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<div id="root">');
      const asset = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(asset).toBeDefined();
      const js = await fetch(`${gw.url}${asset}`);
      expect(js.status).toBe(200);
      expect(js.headers.get('cache-control')).toContain('immutable');
      await js.text();
      const bare = await fetch(`${gw.url}/console`, { redirect: 'manual' });
      expect([301, 302]).toContain(bare.status);
      expect(bare.headers.get('location')).toBe('/console/');
    } finally {
      await gw.close();
    }
  });

  it('answers a clear 404 page when the console was not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'imgw-console-'));
    const fastify = Fastify();
    try {
      await registerConsole(fastify, empty);
      const res = await fastify.inject({ method: 'GET', url: '/console/' });
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('The console is not built');
    } finally {
      await fastify.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
