import { connect } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { startGateway } from '../support/gateway.js';

/** Resolves with `value` after `ms`, on a timer that does not keep the process alive. */
const after = (ms: number, value: string) =>
  new Promise<string>((resolve) => setTimeout(resolve, ms, value).unref());

describe('shutting down', () => {
  it('is not held by a connection that never sent a request (the keep-alive timeout is 72 s)', async () => {
    const gw = await startGateway();
    const { port } = new URL(gw.url);
    const silent = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => silent.once('connect', resolve));
    const cut = new Promise((resolve) => silent.once('close', resolve));
    silent.on('error', () => undefined);
    // A request answered on a connection of its own: the shutdown still lets such work finish.
    expect((await gw.call('GET', '/health')).status).toBe(200);
    const closing = gw.close().then(() => 'closed');
    await expect(Promise.race([closing, after(20_000, 'still closing after 20 s')])).resolves.toBe('closed');
    await cut;
    expect(silent.destroyed).toBe(true);
  }, 40_000);
});
