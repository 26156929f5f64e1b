import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { post } from './helpers.js';

// The built CLI with the committed example config and flags only, as the gateway's quick start runs it.
const cli = join(import.meta.dirname, '..', 'dist/cli.js');
let child: ChildProcess | undefined;
let receiver: Server | undefined;
afterAll(() => {
  child?.kill('SIGTERM');
  receiver?.close();
});

describe('im-emulator flags', () => {
  it('takes its ports and callback URLs from flags, without a config file of its own', async () => {
    const received: { url: string; body: string }[] = [];
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ url: req.url ?? '', body });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/callbacks/easemob/app_1`;
    child = spawn(
      process.execPath,
      [cli, '--easemob-port', '0', '--tencent-port', '0', '--easemob-callback', hook, '--quiet'],
      { stdio: ['ignore', 'pipe', 'inherit'], cwd: import.meta.dirname },
    );
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start line in: ${output}`)), 10_000);
      child!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Easemob emulator on (http:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    expect(url).not.toMatch(/:5801$/);
    const base = `${url}/demo-org/demo-app`;
    const token = await post(`${base}/token`, {
      grant_type: 'client_credentials',
      client_id: 'YXA6demo-client-id',
      client_secret: 'YXA6demo-client-secret',
    });
    const accessToken = String(token.json['access_token']);
    const sent = await post(
      `${base}/messages/users`,
      { from: 'user1', to: ['user2'], type: 'txt', body: { msg: 'hello' } },
      { authorization: `Bearer ${accessToken}` },
    );
    expect(sent.status).toBe(200);
    for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(received[0]?.url).toBe('/callbacks/easemob/app_1');
    expect(JSON.parse(received[0]!.body)).toMatchObject({ eventType: 'chat', from: 'user1', to: 'user2' });
  });

  it('refuses a port or a callback URL that is not one, naming the flag', () => {
    const port = spawnSync(process.execPath, [cli, '--easemob-port', 'eighty'], { encoding: 'utf8' });
    expect(port.status).toBe(1);
    expect(port.stderr).toContain('--easemob-port');
    const hook = spawnSync(process.execPath, [cli, '--tencent-callback', 'localhost:3000'], {
      encoding: 'utf8',
    });
    expect(hook.status).toBe(1);
    expect(hook.stderr).toContain('--tencent-callback');
  });
});
