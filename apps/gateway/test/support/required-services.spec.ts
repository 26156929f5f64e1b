import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { describeWith, reachable } from './required-services.js';

// A port that was free a moment ago (nothing listens on it) and one that accepts connections.
let closedPort = 0;
let open: Server;
beforeAll(async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  open = createServer((socket) => socket.end());
  await new Promise<void>((resolve) => open.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise((resolve) => open.close(resolve)));

const openUrl = () => `redis://127.0.0.1:${(open.address() as { port: number }).port}`;

/** Stand-ins for jest's declarations, recording what a block declares. */
function recorder() {
  const calls: { kind: string; name: string; fn: () => void }[] = [];
  const record = (kind: string) => (name: string, fn: () => void) => {
    calls.push({ kind, name, fn });
    if (kind === 'describe') fn();
  };
  return { calls, jest: { describe: record('describe'), skip: record('skip'), it: record('it') } };
}

describe('describeWith', () => {
  it('probes TCP reachability', async () => {
    expect(await reachable(openUrl())).toBe(true);
    expect(await reachable(`redis://127.0.0.1:${closedPort}`)).toBe(false);
  });

  it('outside CI, skips the blocks and says once what to start', async () => {
    const warn = jest.fn<(line: string) => void>();
    const { calls, jest: j } = recorder();
    const urls = { redis: `redis://127.0.0.1:${closedPort}` };
    const describeRedis = await describeWith(['redis'], { urls, ci: false, warn, jest: j });
    describeRedis('a', () => undefined);
    describeRedis('b', () => undefined);
    expect(calls.map((c) => [c.kind, c.name])).toEqual([
      ['skip', 'a'],
      ['skip', 'b'],
    ]);
    expect(warn.mock.calls).toEqual([
      [`skipped tests needing Redis: start Redis on 127.0.0.1:${closedPort} (see README)`],
    ]);
  });

  it('outside CI, skips browser tests when Chromium is not installed, saying where it was looked for', async () => {
    const warn = jest.fn<(line: string) => void>();
    const { calls, jest: j } = recorder();
    const urls = { chromium: '/nonexistent/chromium' };
    const describeBrowser = await describeWith(['chromium'], { urls, ci: false, warn, jest: j });
    describeBrowser('console', () => undefined);
    expect(calls.map((c) => [c.kind, c.name])).toEqual([['skip', 'console']]);
    expect(warn.mock.calls).toEqual([
      ['skipped tests needing Chromium: install Chromium at /nonexistent/chromium (see README)'],
    ]);
  });

  it('in CI, fails the block with the same line instead of skipping it', async () => {
    const warn = jest.fn<(line: string) => void>();
    const { calls, jest: j } = recorder();
    const urls = { postgres: `postgres://postgres@127.0.0.1:${closedPort}/postgres` };
    const describePg = await describeWith(['postgres'], { urls, ci: true, warn, jest: j });
    const body = jest.fn();
    describePg('replicas', body);
    expect(body).not.toHaveBeenCalled();
    expect(calls.map((c) => [c.kind, c.name])).toEqual([
      ['describe', 'replicas'],
      ['it', `needs PostgreSQL on 127.0.0.1:${closedPort}`],
    ]);
    expect(() => calls[1]!.fn()).toThrow(
      `not reachable in CI: start PostgreSQL on 127.0.0.1:${closedPort} (see README)`,
    );
    expect(warn).not.toHaveBeenCalled();
  });

  it('declares the block as it is when every service answers', async () => {
    const { calls, jest: j } = recorder();
    const describeRedis = await describeWith(['redis'], { urls: { redis: openUrl() }, ci: true, jest: j });
    const body = jest.fn();
    describeRedis('runs', body);
    expect(body).toHaveBeenCalled();
    expect(calls.map((c) => [c.kind, c.name])).toEqual([['describe', 'runs']]);
  });
});
