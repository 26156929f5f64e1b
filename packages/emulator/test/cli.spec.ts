import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { post, tencentQuery, text } from './helpers.js';

// Runs the built CLI (turbo builds before testing), as `npm run emulator` does.
const packageDir = join(import.meta.dirname, '..');
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGTERM');
});

describe('im-emulator CLI', () => {
  it('starts both emulators from a config file and logs what it receives', async () => {
    const example = JSON.parse(
      readFileSync(join(packageDir, 'emulator.config.example.json'), 'utf8'),
    ) as Record<string, any>;
    example['easemob']['port'] = 0;
    example['tencent']['port'] = 0;
    delete example['easemob']['apps'][0]['callbackUrl'];
    delete example['tencent']['apps'][0]['callbackUrl'];
    const file = join(mkdtempSync(join(tmpdir(), 'im-emulator-')), 'emulator.config.json');
    writeFileSync(file, JSON.stringify(example));
    child = spawn(process.execPath, [join(packageDir, 'dist/cli.js'), '--config', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    const waitFor = (pattern: RegExp) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${pattern} in: ${output}`)), 10_000);
        const check = () => {
          const match = pattern.exec(output);
          if (match) {
            clearTimeout(timer);
            child?.stdout?.off('data', onData);
            resolve(match);
          }
        };
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          check();
        };
        child?.stdout?.on('data', onData);
        check();
      });
    const easemobUrl = (await waitFor(/Easemob emulator on (http:\/\/\S+)/))[1]!;
    const tencentUrl = (await waitFor(/Tencent emulator on (http:\/\/\S+)/))[1]!;
    const app = example['easemob']['apps'][0];
    const token = await post(`${easemobUrl}/${app.orgName}/${app.appName}/token`, {
      grant_type: 'client_credentials',
      client_id: app.clientId,
      client_secret: app.clientSecret,
    });
    expect(token.status).toBe(200);
    await waitFor(/\[easemob\] POST \/demo-org\/demo-app\/token → 200/);
    const tencentApp = example['tencent']['apps'][0];
    const sent = await post(`${tencentUrl}/v4/openim/sendmsg?${tencentQuery({}, tencentApp)}`, {
      To_Account: 'u',
      MsgRandom: 1,
      MsgBody: text('hello cli'),
    });
    expect(sent.json['ErrorCode']).toBe(0);
    await waitFor(/\[tencent\] POST \/v4\/openim\/sendmsg → 200 .*hello cli/);
  });
});
