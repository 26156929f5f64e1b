import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '../../dist/main.js');
const cwd = mkdtempSync(join(tmpdir(), 'imgw-start-'));
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(cwd, { recursive: true, force: true });
});

function waitForLine(proc: ChildProcess, pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`timed out waiting for ${pattern}; output:\n${seen}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
  });
}

// The built gateway as `npm start` runs it: embedded defaults, data in ./data of its working directory.
describe('the built gateway on embedded defaults', () => {
  it('starts with no configuration, prints a generated admin token once, serves /health, and stops cleanly', async () => {
    const env = { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1' };
    child = spawn(process.execPath, [MAIN], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    const ready = waitForLine(child, /im-gateway is ready\n(?: {2}[^\n]+\n){5}/);
    const token = (await waitForLine(child, /Generated admin token[^\n]*\n\s+(imgw_admin_\S+)/))[1];
    const url = (await waitForLine(child, /"url":"(http:\/\/[^"]+)"/))[1];
    expect(token).toBeDefined();

    // One block says where everything is; Nest's per-route lines are at debug, so absent at info.
    const block = (await ready)[0];
    expect(block).toContain(`URL:          ${url}`);
    expect(block).toMatch(/database: +SQLite data\/gateway\.db/);
    expect(block).toMatch(/queue: +in-process/);
    expect(block).toContain(`API docs:     ${url}/docs`);
    expect(block).toMatch(/admin token: +data\/admin-token/);
    expect(output).not.toMatch(/Mapped \{|RouterExplorer|InstanceLoader/);

    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    expect(existsSync(join(cwd, 'data', 'gateway.db'))).toBe(true);

    const apps = await fetch(`${url}/v1/apps`, { headers: { authorization: `Bearer ${token}` } });
    expect(apps.status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // The checkpoint worker stopped first, so the last connection to close folded the WAL into the file.
    expect(existsSync(join(cwd, 'data', 'gateway.db-wal'))).toBe(false);
  });

  it('keeps the token across restarts and does not print it again', async () => {
    child = spawn(process.execPath, [MAIN], {
      cwd,
      env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    await waitForLine(child, /"url":"(http:\/\/[^"]+)"/);
    expect(out).not.toContain('Generated admin token');
    const exited = new Promise((resolve) => child!.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid configuration: PORT must be an integer number'],
    [
      { GATEWAY_PROVIDERS: 'easemob,acme' },
      'Invalid configuration: GATEWAY_PROVIDERS names "acme", which no imported provider module registers; known: ',
    ],
  ])('refuses to start on %j with exit 78 and one line naming the variable', async (bad, line) => {
    const proc = spawn(process.execPath, [MAIN], {
      cwd,
      env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', ...bad },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise((resolve) => proc.on('exit', resolve));
    expect(stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(line)]);
    expect(code).toBe(78);
  });
});
