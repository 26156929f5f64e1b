import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import { supportedNodeBin } from './supported-node.js';

// The README's quick start, walked in a fresh copy of the repository: `npm ci`, `npm start`, an app on the
// Easemob emulator, a receiver on localhost, one message. It installs from the registry (a few minutes),
// so it runs only when asked: IMGW_QUICKSTART=1 (.ci/run asks, on its SQLite pass).
const ROOT = join(import.meta.dirname, '../../../..');
const run = process.env['IMGW_QUICKSTART'] === '1' ? describe : describe.skip;
const work = mkdtempSync(join(tmpdir(), 'imgw-quick-start-'));
const copy = join(work, 'repo');
const children: ChildProcess[] = [];
let receiver: Server | undefined;

afterAll(() => {
  // npm does not pass the signal on to the node process it started: stop each whole process group.
  for (const child of children) if (child.pid) process.kill(-child.pid, 'SIGTERM');
  receiver?.close();
  rmSync(work, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function waitFor(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  let seen = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
}

run('the README quick start', () => {
  it('installs quietly, prints the start-up block, and delivers a verifiable webhook to localhost', async () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0');
    for (const file of files.filter(Boolean)) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      cpSync(join(ROOT, file), join(copy, file));
    }
    // The install is judged on a supported Node. Its install scripts run on the machine's own Node instead
    // when that is another one: better-sqlite3 builds from source where no prebuilt binary can be fetched,
    // and that needs the headers of the Node it runs on, which a registry-only machine has only for its own.
    const nodeBin = supportedNodeBin(work);
    const onSupported = nodeBin === dirname(process.execPath);
    const install = spawnSync(
      'npm',
      ['ci', '--no-audit', '--no-fund', ...(onSupported ? [] : ['--ignore-scripts'])],
      {
        cwd: copy,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${nodeBin}${delimiter}${process.env['PATH']}` },
      },
    );
    expect(install.status).toBe(0);
    const engineWarnings = `${install.stdout}${install.stderr}`
      .split('\n')
      .filter((line) => /EBADENGINE/.test(line));
    expect(engineWarnings).toEqual([]);
    if (!onSupported) {
      const rebuild = spawnSync('npm', ['rebuild', 'better-sqlite3'], { cwd: copy, encoding: 'utf8' });
      expect(rebuild.status).toBe(0);
    }

    const port = await freePort();
    const gateway = spawn('npm', ['start'], {
      cwd: copy,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ENDPOINTS_ALLOW_PRIVATE: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    children.push(gateway);
    const block = (await waitFor(gateway, /im-gateway is ready\n(?: {2}[^\n]+\n){5}/, 240_000))[0];
    const url = `http://127.0.0.1:${port}`;
    for (const label of ['URL:', 'database:', 'queue:', 'API docs:', 'admin token:'])
      expect(block).toContain(label);
    expect(block).toContain(`${url}/docs`);

    const token = readFileSync(join(copy, 'data/admin-token'), 'utf8').trim();
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const emulatorPort = await freePort();
    const app = (await (
      await fetch(`${url}/v1/apps`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          name: 'demo',
          provider: 'easemob',
          config: {
            orgName: 'demo-org',
            appName: 'demo-app',
            clientId: 'YXA6demo-client-id',
            clientSecret: 'YXA6demo-client-secret',
            callbackSecret: 'demo-callback-secret',
            baseUrl: `http://127.0.0.1:${emulatorPort}`,
          },
        }),
      })
    ).json()) as { id: string; callbackUrl: string };

    const emulator = spawn(
      'npm',
      ['run', 'emulator', '--', '--easemob-port', String(emulatorPort), '--tencent-port', '0'].concat([
        '--easemob-callback',
        app.callbackUrl,
      ]),
      { cwd: copy, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    children.push(emulator);
    await waitFor(emulator, /Easemob emulator on/, 120_000);

    const deliveries: { headers: Record<string, string>; body: string }[] = [];
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        deliveries.push({ headers: req.headers as Record<string, string>, body });
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const endpoint = (await (
      await fetch(`${url}/v1/apps/${app.id}/endpoints`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ url: hook }),
      })
    ).json()) as { secret: string };
    const sent = await fetch(`${url}/v1/apps/${app.id}/messages`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        from: 'user1',
        to: { type: 'user', ids: ['user2'] },
        content: { type: 'text', text: 'hello' },
      }),
    });
    expect(sent.status).toBeLessThan(300);
    for (let i = 0; i < 100 && deliveries.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const delivery = deliveries[0]!;
    const event = new Webhook(endpoint.secret).verify(delivery.body, delivery.headers) as { type: string };
    expect(event.type).toBe('message.sent');
  }, 600_000);
});
