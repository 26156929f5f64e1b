import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { post, tencentQuery } from './helpers.js';

// The built CLI with the committed example config (Tencent SDKAppID 1400000000).
const cli = join(import.meta.dirname, '..', 'dist/cli.js');
const EXAMPLE_APP = { sdkAppId: 1400000000, secretKey: 'demo-secret-key-0123456789abcdef0123456789abcdef' };
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

/** Starts the CLI and resolves with the Tencent URL and everything printed until the seed line. */
async function start(args: string[]): Promise<{ url: string; output: string }> {
  child = spawn(process.execPath, [cli, '--easemob-port', '0', '--tencent-port', '0', '--quiet', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: import.meta.dirname,
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no seed line in: ${output}`)), 15_000);
    child!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Tencent emulator on (http:\/\/\S+)/.exec(output)?.[1];
      if (url && output.includes('Tencent apps seeded')) {
        clearTimeout(timer);
        resolve({ url, output });
      }
    });
  });
}

const check = (url: string, ids: string[]) =>
  post(`${url}/v4/im_open_login_svc/account_check?${tencentQuery({}, EXAMPLE_APP)}`, {
    CheckItem: ids.map((UserID) => ({ UserID })),
  }).then((r) => r.json['ResultItem'].map((i: { AccountStatus: string }) => i.AccountStatus));

describe('im-emulator --seed / --seed-file', () => {
  it('--seed generates the spec’s data into the Tencent app', async () => {
    const { url, output } = await start(['--seed', 'accounts=7,groups=2,chatrooms=1,messages=20']);
    expect(output).toContain('Tencent apps seeded: 7 accounts, 3 groups and rooms, 20 messages');
    expect(await check(url, ['user00006', 'user00007'])).toEqual(['Imported', 'NotImported']);
  });

  it('--seed-file loads a Tencent seed file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'seed-')), 'seed.json');
    writeFileSync(file, JSON.stringify({ Accounts: ['filed'] }));
    const { url } = await start(['--seed-file', file]);
    expect(await check(url, ['filed'])).toEqual(['Imported']);
  });

  it('refuses a malformed --seed, naming the flag', () => {
    const run = spawnSync(
      process.execPath,
      [cli, '--tencent-port', '0', '--easemob-port', '0', '--seed', 'accounts'],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--seed');
  });
});
