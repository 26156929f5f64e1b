// The gateway under test: started from apps/gateway/dist on a given database, with its two bench apps.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EASEMOB_APP, TENCENT_APP } from './bodies.mjs';
import { summarizeProfile } from './profile-summary.mjs';
import { freePort, log, sleep, stopChild, track } from './processes.mjs';
import { ADMIN_TOKEN, BENCH, MASTER_KEY, ROOT } from './settings.mjs';

/** A gateway on `db` (see stores.mjs), ready when /health answers: { url, child, api, output, stop }. */
export async function startGateway(db, extraEnv = {}, profileName = null) {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: db.dataDir,
    ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
    GATEWAY_ADMIN_TOKEN: ADMIN_TOKEN,
    GATEWAY_MASTER_KEY: MASTER_KEY,
    LOG_LEVEL: 'warn',
    ENDPOINTS_ALLOW_PRIVATE: 'true',
    NODE_ENV: 'production',
    // The C allocator's arenas (glibc), passed on when set: the growth soak measures resident memory with it.
    ...(process.env.MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX } : {}),
    ...extraEnv,
  };
  const nodeArgs = [];
  if (profileName) {
    const dir = join(BENCH, 'results/profiles');
    mkdirSync(dir, { recursive: true });
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${profileName}.cpuprofile`);
  }
  const child = track(
    spawn(process.execPath, [...nodeArgs, join(ROOT, 'apps/gateway/dist/main.js')], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  child.stdout.on('data', (c) => (output = (output + c.toString()).slice(-20_000)));
  child.stderr.on('data', (c) => (output = (output + c.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode}:\n${output}`);
    try {
      const r = await fetch(`${url}/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`gateway did not start:\n${output}`);
    await sleep(200);
  }
  const api = async (method, path, body) => {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: r.status, body: json };
  };
  return { url, child, api, output: () => output, stop: () => stopChild(child) };
}

/** The bench's Easemob app (at the emulator when `easemobBaseUrl` is given) and Tencent app: their ids. */
export async function createApps(gw, easemobBaseUrl) {
  const e = await gw.api('POST', '/v1/apps', {
    name: 'bench-easemob',
    provider: 'easemob',
    config: { ...EASEMOB_APP, ...(easemobBaseUrl ? { baseUrl: easemobBaseUrl } : {}) },
  });
  const t = await gw.api('POST', '/v1/apps', {
    name: 'bench-tencent',
    provider: 'tencent',
    config: TENCENT_APP,
  });
  if (e.status !== 201 || t.status !== 201)
    throw new Error(`creating apps failed: ${JSON.stringify(e.body)} ${JSON.stringify(t.body)}`);
  return { easemob: e.body.id, tencent: t.body.id };
}

/** `n` endpoints per app, all at `url`. */
export async function subscribe(gw, apps, url, n) {
  for (const appId of [apps.easemob, apps.tencent])
    for (let i = 0; i < n; i++) {
      const r = await gw.api('POST', `/v1/apps/${appId}/endpoints`, { url: `${url}?n=${i}` });
      if (r.status !== 201) throw new Error(`creating an endpoint failed: ${JSON.stringify(r.body)}`);
    }
}

export const callbackPaths = (apps) => ({
  easemob: `/callbacks/easemob/${apps.easemob}`,
  tencent: `/callbacks/tencent/${apps.tencent}`,
});

/** Warns when a load saw answers other than 2xx or socket errors. */
export function checkStatuses(name, result) {
  const bad = Object.entries(result.statuses).filter(([s]) => s !== '200' && s !== '201');
  if (bad.length || result.errors)
    log(
      `WARNING ${name}: non-2xx answers ${JSON.stringify(result.statuses)}, socket errors ${result.errors}`,
    );
}

/** Prints the summary of a profile, whole or (with `windows`: [{ label, fromUs, toUs }]) of parts of it. */
export function printProfile(name, windows = []) {
  const file = join(BENCH, 'results/profiles', `${name}.cpuprofile`);
  try {
    if (windows.length === 0) log(`profile ${name}:\n${summarizeProfile(file, 25)}`);
    for (const w of windows) log(`profile ${name}, ${w.label}:\n${summarizeProfile(file, 25, w)}`);
  } catch (e) {
    log(`no profile ${name}: ${e.message}`);
  }
}
