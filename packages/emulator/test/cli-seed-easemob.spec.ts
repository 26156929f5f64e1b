import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EasemobSeed } from '../src/index.js';
import { post } from './helpers.js';

// The built CLI seeding its first Easemob app from a spec or a file.
const cli = join(import.meta.dirname, '..', 'dist/cli.js');
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

async function start(args: string[]): Promise<{ url: string; output: string }> {
  child = spawn(process.execPath, [cli, '--easemob-port', '0', '--tencent-port', '0', '--quiet', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: import.meta.dirname,
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line in: ${output}`)), 15_000);
    child!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Easemob emulator on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return { url, output };
}

async function users(url: string): Promise<string[]> {
  const base = `${url}/demo-org/demo-app`;
  const token = await post(`${base}/token`, {
    grant_type: 'client_credentials',
    client_id: 'YXA6demo-client-id',
    client_secret: 'YXA6demo-client-secret',
  });
  const res = await fetch(`${base}/users?limit=100`, {
    headers: { authorization: `Bearer ${String(token.json['access_token'])}` },
  });
  const body = (await res.json()) as { entities: { username: string }[] };
  return body.entities.map((e) => e.username);
}

describe('im-emulator seeding', () => {
  it('--seed generates a directory and history of the given size', async () => {
    const { url, output } = await start(['--seed', 'accounts=7,groups=2,chatrooms=1,messages=30']);
    expect(output).toContain('seeded: 7 users, 2 groups, 30 messages');
    expect(await users(url)).toHaveLength(7);
  });

  it('--seed-file loads an Easemob seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'im-emulator-seed-'));
    const seed: EasemobSeed = {
      users: [
        { username: 'seeded1', password: 'p' },
        { username: 'seeded2', password: 'p' },
      ],
    };
    writeFileSync(join(dir, 'seed.json'), JSON.stringify(seed));
    const { url } = await start(['--seed-file', join(dir, 'seed.json')]);
    expect(await users(url)).toEqual(['seeded1', 'seeded2']);
  });

  it('refuses a spec with an unknown key, naming it', () => {
    const run = spawnSync(
      process.execPath,
      [cli, '--seed', 'acounts=5', '--easemob-port', '0', '--tencent-port', '0'],
      {
        encoding: 'utf8',
        timeout: 15_000,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('unknown key "acounts"');
  });
});
