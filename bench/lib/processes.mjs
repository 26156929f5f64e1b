// Child processes and cleanups of a bench run: everything started is stopped on any exit.
import { fork, spawn } from 'node:child_process';
import net from 'node:net';
import { join } from 'node:path';
import { BENCH, ROOT } from './settings.mjs';

const started = new Set(); // child processes to stop on any exit
const cleanups = []; // async cleanups (databases, temp dirs, redis keys)

export const log = (...m) => process.stderr.write(`[bench] ${m.join(' ')}\n`);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Registers an async cleanup that runs when the bench exits, whatever the reason. */
export const onCleanup = (fn) => cleanups.push(fn);

/** Keeps `child` in the set of processes to stop on exit, until it exits. */
export function track(child) {
  started.add(child);
  child.on('exit', () => started.delete(child));
  return child;
}

export async function cleanupAll() {
  for (const child of [...started]) await stopChild(child, 5_000);
  for (const c of cleanups.splice(0)) await c().catch(() => undefined);
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts `node script` and resolves `ready` with the URL it prints as a `{"url": …}` line. */
export function spawnJsonLine(script, env, extraArgs = []) {
  const child = track(
    spawn(process.execPath, [...extraArgs, script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let out = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${out}`)), 30_000);
    const onData = (c) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line).url);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${out}`)));
  });
  return { child, ready, output: () => out };
}

export async function stopChild(child, timeoutMs = 20_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(t);
}

/** The webhook receiver (lib/receiver-server.mjs) in `hold` or `ok` mode: { url, report, reset, stop }. */
export async function startReceiver(mode, port = 0) {
  const child = track(
    fork(join(BENCH, 'lib/receiver-server.mjs'), [], {
      env: { PATH: process.env.PATH ?? '', RECEIVER_MODE: mode, RECEIVER_PORT: String(port) },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    }),
  );
  const ask = (msg) =>
    new Promise((resolve) => {
      child.once('message', resolve);
      child.send(msg);
    });
  const { url } = await new Promise((resolve) => child.once('message', resolve));
  return {
    url,
    report: () => ask('report'),
    reset: () => ask('reset'),
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.send('stop');
      await exited;
    },
  };
}
