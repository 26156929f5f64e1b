#!/usr/bin/env node
// npm run bench [-- --runs 3 --duration 10 --warmup 3 --only ingest,delivery,send --db sqlite,postgres --profile --no-build --out file.json]
// Builds the gateway, starts everything it needs on loopback, runs bounded loads, stops what it started,
// prints a table and writes bench/results/latest.json. See bench/README.md.
import { execFileSync, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { callbackRequest, EASEMOB_APP, TENCENT_APP } from './lib/bodies.mjs';
import { mergeLoads, percentile, round, runLoad } from './lib/load.mjs';
import { summarizeProfile } from './lib/profile-summary.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, 'bench');
const args = parseArgs(process.argv.slice(2));
const RUNS = Number(args.runs ?? 1);
const DURATION_MS = Number(args.duration ?? 10) * 1000;
const WARMUP_MS = Number(args.warmup ?? 3) * 1000;
const DBS = String(args.db ?? 'sqlite,postgres').split(',');
const ONLY = args.only ? String(args.only).split(',') : null;
const PROFILE = Boolean(args.profile);
const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN_TOKEN = `bench-admin-${randomBytes(8).toString('hex')}`;
const MASTER_KEY = randomBytes(32).toString('hex');
const INGEST_CONNECTIONS = 50;
const SEND_CONNECTIONS = 10;
const DELIVERY_LATENCY_RATE = 200; // callbacks/s during the latency phase of the delivery scenario
const SEND_LATENCY_RATE = 50; // messages/s for the overhead measure, inside Easemob's 100 calls/s budget

const started = new Set(); // child processes to stop on any exit
const cleanups = []; // async cleanups (databases, temp dirs, redis keys)

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const [k, v] = a.slice(2).split('=', 2);
    if (v !== undefined) out[k] = v;
    else if (argv[i + 1] && !argv[i + 1].startsWith('--')) out[k] = argv[++i];
    else out[k] = true;
  }
  return out;
}

const log = (...m) => process.stderr.write(`[bench] ${m.join(' ')}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return v.length ? v[Math.floor((v.length - 1) / 2)] : null;
};
const wants = (name) => !ONLY || ONLY.some((o) => name.startsWith(o));

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------- child processes

function spawnJsonLine(script, env, extraArgs = []) {
  const child = spawn(process.execPath, [...extraArgs, script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  child.on('exit', () => started.delete(child));
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

async function stopChild(child, timeoutMs = 20_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(t);
}

async function startReceiver(mode, port = 0) {
  const child = fork(join(BENCH, 'lib/receiver-server.mjs'), [], {
    env: { PATH: process.env.PATH ?? '', RECEIVER_MODE: mode, RECEIVER_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  started.add(child);
  child.on('exit', () => started.delete(child));
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

// ---------------------------------------------------------------- databases

async function pgAdmin(sql) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database of the engine: { env for the gateway, drop() }. */
async function freshDatabase(engine) {
  if (engine === 'postgres') {
    const name = `imgw_bench_${randomBytes(6).toString('hex')}`;
    await pgAdmin(`CREATE DATABASE ${name}`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    const dataDir = mkdtempSync(join(os.tmpdir(), 'imgw-bench-'));
    const drop = async () => {
      await pgAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((e) =>
        log('drop failed', e.message),
      );
      rmSync(dataDir, { recursive: true, force: true });
    };
    cleanups.push(drop);
    return { dataDir, databaseUrl: url.toString(), drop };
  }
  const dataDir = mkdtempSync(join(os.tmpdir(), 'imgw-bench-'));
  const drop = async () => rmSync(dataDir, { recursive: true, force: true });
  cleanups.push(drop);
  return { dataDir, databaseUrl: undefined, drop };
}

// ---------------------------------------------------------------- the gateway

async function startGateway(db, extraEnv = {}, profileName = null) {
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
    ...extraEnv,
  };
  const nodeArgs = [];
  if (profileName) {
    const dir = join(BENCH, 'results/profiles');
    mkdirSync(dir, { recursive: true });
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${profileName}.cpuprofile`);
  }
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'apps/gateway/dist/main.js')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  child.on('exit', () => started.delete(child));
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

async function createApps(gw, easemobBaseUrl) {
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

async function subscribe(gw, apps, url, n) {
  for (const appId of [apps.easemob, apps.tencent])
    for (let i = 0; i < n; i++) {
      const r = await gw.api('POST', `/v1/apps/${appId}/endpoints`, { url: `${url}?n=${i}` });
      if (r.status !== 201) throw new Error(`creating an endpoint failed: ${JSON.stringify(r.body)}`);
    }
}

const callbackPaths = (apps) => ({
  easemob: `/callbacks/easemob/${apps.easemob}`,
  tencent: `/callbacks/tencent/${apps.tencent}`,
});

function checkStatuses(name, result) {
  const bad = Object.entries(result.statuses).filter(([s]) => s !== '200' && s !== '201');
  if (bad.length || result.errors)
    log(
      `WARNING ${name}: non-2xx answers ${JSON.stringify(result.statuses)}, socket errors ${result.errors}`,
    );
}

// ---------------------------------------------------------------- scenarios

const INGEST_SLICES = 5; // measured windows per server, taken in turns (see scenarioIngest)

/** The bare baseline (see lib/baseline-server.mjs) on a fresh database: { url, stop() }. */
async function startBaseline(engine) {
  const db = await freshDatabase(engine);
  const srv = spawnJsonLine(join(BENCH, 'lib/baseline-server.mjs'), {
    BASELINE_DB: engine,
    DATA_DIR: db.dataDir,
    ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
  });
  try {
    const url = await srv.ready;
    const paths = { easemob: '/callbacks/easemob/app', tencent: '/callbacks/tencent/app' };
    return { name: 'baseline', url, paths, stop: async () => (await stopChild(srv.child), await db.drop()) };
  } catch (e) {
    await stopChild(srv.child);
    await db.drop();
    throw e;
  }
}

/** A gateway on a fresh database with its two apps, and `endpoints` subscribed per app (delivery paused). */
async function startIngestGateway(engine, endpoints, run) {
  const db = await freshDatabase(engine);
  const receiver = endpoints ? await startReceiver('hold') : null;
  const profileName = PROFILE && run === 0 ? `ingest${endpoints ? '-fanout' : ''}-${engine}` : null;
  // Paused delivery: one attempt at a time, held by the receiver, so the fan-out rows are written by
  // ingest but the delivery work does not compete with it for the CPU.
  const gw = await startGateway(
    db,
    endpoints
      ? { DELIVERY_CONCURRENCY: '1', DELIVERY_TIMEOUT_MS: '120000', DELIVERY_SWEEP_SECONDS: '3600' }
      : {},
    profileName,
  );
  const stop = async () => {
    if (receiver) await receiver.stop();
    await gw.stop();
    await db.drop();
    if (profileName) printProfile(profileName);
  };
  try {
    const apps = await createApps(gw);
    if (endpoints) await subscribe(gw, apps, receiver.url, endpoints);
    return {
      name: endpoints ? 'ingest-3-endpoints' : 'ingest',
      url: gw.url,
      paths: callbackPaths(apps),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * The baseline and the two gateways run side by side, idle but for the one under load, and are measured in
 * turns: a warm-up of each, then INGEST_SLICES rounds in which each gets one slice of the measured window.
 * The machine's speed drifts (disk syncs, neighbours on the host) by more than the differences measured;
 * taken in turns, every server sees the same drift, so the ratios hold even when absolute figures move.
 */
async function scenarioIngest(engine, run) {
  const servers = [];
  try {
    servers.push(await startBaseline(engine));
    if (wants('ingest')) {
      servers.push(await startIngestGateway(engine, 0, run));
      servers.push(await startIngestGateway(engine, 3, run));
    }
    const sent = new Map(servers.map((s) => [s, 0]));
    const load = async (server, warmupMs, durationMs) => {
      const offset = sent.get(server);
      const r = await runLoad({
        url: server.url,
        connections: INGEST_CONNECTIONS,
        warmupMs,
        durationMs,
        request: (seq) => callbackRequest(offset + seq, server.paths),
      });
      sent.set(server, offset + r.sent); // every callId stays unique across slices
      checkStatuses(server.name, r);
      return r;
    };
    for (const server of servers) await load(server, WARMUP_MS, 0);
    const slices = new Map(servers.map((s) => [s, []]));
    for (let i = 0; i < INGEST_SLICES; i++)
      for (const server of servers)
        slices.get(server).push(await load(server, 500, DURATION_MS / INGEST_SLICES));
    return Object.fromEntries(servers.map((s) => [s.name, mergeLoads(slices.get(s))]));
  } finally {
    for (const server of servers) await server.stop();
  }
}

function printProfile(name) {
  try {
    log(`profile ${name}:\n${summarizeProfile(join(BENCH, 'results/profiles', `${name}.cpuprofile`), 25)}`);
  } catch (e) {
    log(`no profile ${name}: ${e.message}`);
  }
}

const DELIVERY_BACKLOG = 5_000; // callbacks queued before the drain phase (one start-up sweep takes 5,000)

/**
 * Delivery, three measures on one database:
 *  - drain: a backlog of 5,000 undelivered events (built by a first gateway whose only delivery attempt is
 *    held by the receiver) is delivered by a second gateway from its start-up sweep, with nothing else to
 *    do: the delivery pipeline's own throughput;
 *  - under load: events/s delivered while callbacks are ingested as fast as the gateway takes them
 *    (ingest and delivery share the two cores);
 *  - latency: a steady 200 callbacks/s, from sending the callback to the webhook's arrival at the receiver.
 */
async function scenarioDelivery(engine, queue, run) {
  const db = await freshDatabase(engine);
  const profileName = PROFILE && run === 0 ? `delivery-${queue}-${engine}` : null;
  const prefix = `imgwbench${randomBytes(4).toString('hex')}`;
  const queueEnv = queue === 'bullmq' ? { REDIS_URL, DELIVERY_QUEUE_PREFIX: prefix } : {};
  let receiver = await startReceiver('hold');
  let gw = await startGateway(db, {
    ...queueEnv,
    DELIVERY_CONCURRENCY: '1',
    DELIVERY_TIMEOUT_MS: '120000',
    DELIVERY_SWEEP_SECONDS: '3600',
  });
  try {
    const apps = await createApps(gw);
    await subscribe(gw, apps, receiver.url, 1);
    const hookUrl = new URL(receiver.url);
    // 1. Backlog, then a fresh gateway (same database and queue) that delivers it.
    let backlog = 0;
    const fill = await runLoad({
      url: gw.url,
      connections: INGEST_CONNECTIONS,
      warmupMs: 0,
      durationMs: 60_000,
      maxRequests: DELIVERY_BACKLOG,
      request: (seq) => callbackRequest(2_000_000 + seq, callbackPaths(apps)),
      onResponse: (_seq, status) => status === 200 && backlog++,
    });
    checkStatuses('delivery backlog', fill);
    await receiver.stop();
    await gw.stop();
    receiver = await startReceiver('ok', Number(hookUrl.port));
    gw = await startGateway(db, queueEnv, profileName);
    let rep;
    const drainStart = performance.now();
    for (;;) {
      rep = await receiver.report();
      if (rep.count >= backlog - 1 || performance.now() - drainStart > 60_000) break;
      await sleep(200);
    }
    const times = [];
    for (let i = 1; i < rep.arrivals.length; i += 2) times.push(rep.arrivals[i]);
    times.sort((x, y) => x - y);
    const drainRps =
      times.length > 1 ? (times.length - 1) / ((times[times.length - 1] - times[0]) / 1000) : 0;

    // 2. Under load.
    await receiver.reset();
    const sentAt = new Map();
    const onResponse = (seq, status, startedAt) => {
      if (status === 200) sentAt.set(seq, performance.timeOrigin + startedAt);
    };
    const loadStart = performance.timeOrigin + performance.now();
    const load = await runLoad({
      url: gw.url,
      connections: 32,
      warmupMs: WARMUP_MS,
      durationMs: DURATION_MS,
      request: (seq) => callbackRequest(seq, callbackPaths(apps)),
      onResponse,
    });
    checkStatuses('delivery', load);
    const from = loadStart + WARMUP_MS;
    const to = from + DURATION_MS;
    const accepted = sentAt.size;
    const waitStart = performance.now();
    for (;;) {
      rep = await receiver.report();
      if (rep.count >= accepted || performance.now() - waitStart > 60_000) break;
      await sleep(250);
    }
    let inWindow = 0;
    for (let i = 1; i < rep.arrivals.length; i += 2)
      if (rep.arrivals[i] >= from && rep.arrivals[i] < to) inWindow++;

    // 3. Latency at a steady rate.
    await receiver.reset();
    sentAt.clear();
    const steady = await runLoad({
      url: gw.url,
      connections: 8,
      ratePerSec: DELIVERY_LATENCY_RATE,
      warmupMs: 1000,
      durationMs: 5000,
      request: (seq) => callbackRequest(1_000_000 + seq, callbackPaths(apps)),
      onResponse: (seq, status, startedAt) => onResponse(1_000_000 + seq, status, startedAt),
    });
    const latStart = performance.now();
    for (;;) {
      rep = await receiver.report();
      if (rep.count >= sentAt.size || performance.now() - latStart > 30_000) break;
      await sleep(250);
    }
    const lat = [];
    for (let i = 0; i < rep.arrivals.length; i += 2) {
      const s = sentAt.get(rep.arrivals[i]);
      if (s !== undefined) lat.push(rep.arrivals[i + 1] - s);
    }
    lat.sort((x, y) => x - y);
    return {
      rps: drainRps,
      backlog,
      underLoadRps: inWindow / (DURATION_MS / 1000),
      ingestRps: load.rps,
      p50Ms: percentile(lat, 0.5),
      p99Ms: percentile(lat, 0.99),
      latencyRate: round(steady.rps, 0),
    };
  } finally {
    await receiver.stop();
    await gw.stop();
    await db.drop();
    if (queue === 'bullmq') await dropRedisPrefix(prefix);
    if (profileName) printProfile(profileName);
  }
}

async function dropRedisPrefix(prefix) {
  try {
    const { Redis } = await import('ioredis');
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    await redis.quit();
  } catch (e) {
    log('could not clean redis keys', e.message);
  }
}

const SEND_BODY = JSON.stringify({
  from: 'user1',
  to: { type: 'user', ids: ['user2'] },
  content: { type: 'text', text: 'hello from the benchmark' },
});

async function scenarioSend(engine, run) {
  const profileName = PROFILE && run === 0 ? `send-${engine}` : null;
  const db = await freshDatabase(engine);
  const emu = spawnJsonLine(join(BENCH, 'lib/emulator-server.mjs'), {});
  let gw;
  try {
    const emuUrl = await emu.ready;
    gw = await startGateway(db, {}, profileName);
    const apps = await createApps(gw, emuUrl);
    const probe = await gw.api('POST', `/v1/apps/${apps.easemob}/messages`, JSON.parse(SEND_BODY));
    if (probe.status !== 201)
      return {
        skipped: `POST /v1/apps/{id}/messages answered ${probe.status} ${JSON.stringify(probe.body).slice(0, 200)}`,
      };
    // Direct: the same text message to one user, straight to the emulator with a token.
    const base = `/${EASEMOB_APP.orgName}/${EASEMOB_APP.appName}`;
    const tok = await fetch(`${emuUrl}${base}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: EASEMOB_APP.clientId,
        client_secret: EASEMOB_APP.clientSecret,
      }),
    }).then((r) => r.json());
    const directBody = JSON.stringify({
      from: 'user1',
      to: ['user2'],
      type: 'txt',
      body: { msg: 'hello from the benchmark' },
    });
    const directReq = () => ({
      path: `${base}/messages/users`,
      body: directBody,
      headers: { authorization: `Bearer ${tok.access_token}` },
    });
    const gatewayReq = () => ({
      path: `/v1/apps/${apps.easemob}/messages`,
      body: SEND_BODY,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    // Throughput: closed loop. The gateway paces each app to the vendor's documented budget, so this is
    // bounded by that budget, not by the gateway's own cost.
    const closed = { connections: SEND_CONNECTIONS, warmupMs: WARMUP_MS, durationMs: DURATION_MS };
    const direct = await runLoad({ url: emuUrl, ...closed, request: directReq });
    checkStatuses('send-direct', direct);
    const viaGateway = await runLoad({ url: gw.url, ...closed, request: gatewayReq });
    checkStatuses('send', viaGateway);
    // Overhead: the same steady rate, inside the budget, both ways.
    const steady = { connections: 4, ratePerSec: SEND_LATENCY_RATE, warmupMs: 1000, durationMs: 5000 };
    const directSteady = await runLoad({ url: emuUrl, ...steady, request: directReq });
    const gatewaySteady = await runLoad({ url: gw.url, ...steady, request: gatewayReq });
    checkStatuses('send-steady', gatewaySteady);
    return { gateway: viaGateway, direct, directSteady, gatewaySteady };
  } finally {
    if (gw) await gw.stop();
    await stopChild(emu.child);
    await db.drop();
    if (profileName && gw) printProfile(profileName);
  }
}

// ---------------------------------------------------------------- main

async function build() {
  log('building the gateway and the emulator');
  execFileSync(
    'npx',
    [
      'turbo',
      'run',
      'build',
      '--filter=@im-gateway/gateway...',
      '--filter=@im-gateway/emulator...',
      '--output-logs=errors-only',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

async function main() {
  const t0 = Date.now();
  if (!args['no-build']) await build();
  const samples = {}; // key -> array of results per run
  const add = (key, value) => (samples[key] ??= []).push(value);
  for (let run = 0; run < RUNS; run++) {
    for (const engine of DBS) {
      const tag = `run ${run + 1}/${RUNS} ${engine}`;
      if (wants('ingest') || wants('baseline')) {
        log(`${tag}: ingest and baseline, in turns`);
        for (const [name, result] of Object.entries(await scenarioIngest(engine, run)))
          add(`${name}/${engine}`, result);
      }
      if (wants('delivery')) {
        for (const queue of ['memory', 'bullmq']) {
          log(`${tag}: delivery (${queue})`);
          add(`delivery-${queue}/${engine}`, await scenarioDelivery(engine, queue, run));
        }
      }
      if (wants('send')) {
        log(`${tag}: send`);
        add(`send/${engine}`, await scenarioSend(engine, run));
      }
    }
  }

  const med = (key, pick) => median((samples[key] ?? []).map(pick));
  const scenarios = [];
  for (const engine of DBS) {
    const bRps = med(`baseline/${engine}`, (r) => r.rps);
    const base = samples[`baseline/${engine}`]
      ? {
          baselineRps: round(bRps, 0),
          baselineP50Ms: med(`baseline/${engine}`, (r) => r.p50Ms),
          baselineP99Ms: med(`baseline/${engine}`, (r) => r.p99Ms),
        }
      : {};
    for (const name of ['ingest', 'ingest-3-endpoints']) {
      const key = `${name}/${engine}`;
      if (!samples[key]) continue;
      const rps = med(key, (r) => r.rps);
      // Each run's ratio is of servers measured in turns within that run; the median is over those ratios.
      const baselines = samples[`baseline/${engine}`] ?? [];
      const ratios = samples[key].map((r, i) => (baselines[i] ? r.rps / baselines[i].rps : null));
      scenarios.push({
        name,
        db: engine,
        connections: INGEST_CONNECTIONS,
        ...(name === 'ingest-3-endpoints'
          ? { endpoints: 3, delivery: 'paused (receiver holds every request)' }
          : {}),
        rps: round(rps, 0),
        ...base,
        ratio: round(median(ratios), 2),
        p50Ms: med(key, (r) => r.p50Ms),
        p99Ms: med(key, (r) => r.p99Ms),
        runs: samples[key].map((r) => round(r.rps, 0)),
        runRatios: ratios.map((x) => round(x, 2)),
      });
    }
    for (const queue of ['memory', 'bullmq']) {
      const key = `delivery-${queue}/${engine}`;
      if (!samples[key]) continue;
      scenarios.push({
        name: 'delivery',
        db: engine,
        queue,
        rps: round(
          med(key, (r) => r.rps),
          0,
        ),
        measure: `drain of a ${DELIVERY_BACKLOG}-event backlog`,
        underLoadRps: round(
          med(key, (r) => r.underLoadRps),
          0,
        ),
        ingestRpsUnderLoad: round(
          med(key, (r) => r.ingestRps),
          0,
        ),
        p50Ms: med(key, (r) => r.p50Ms),
        p99Ms: med(key, (r) => r.p99Ms),
        latencyAtRps: DELIVERY_LATENCY_RATE,
        runs: samples[key].map((r) => round(r.rps, 0)),
      });
    }
    const sk = `send/${engine}`;
    if (samples[sk]) {
      const skipped = samples[sk].find((r) => r.skipped);
      if (skipped) scenarios.push({ name: 'send', db: engine, skipped: skipped.skipped });
      else {
        const rps = med(sk, (r) => r.gateway.rps);
        const dRps = med(sk, (r) => r.direct.rps);
        const p50 = med(sk, (r) => r.gateway.p50Ms);
        const dP50 = med(sk, (r) => r.direct.p50Ms);
        const sP50 = med(sk, (r) => r.gatewaySteady.p50Ms);
        const sdP50 = med(sk, (r) => r.directSteady.p50Ms);
        scenarios.push({
          name: 'send',
          db: engine,
          connections: SEND_CONNECTIONS,
          rps: round(rps, 0),
          baselineRps: round(dRps, 0),
          ratio: round(rps / dRps, 2),
          p50Ms: p50,
          p99Ms: med(sk, (r) => r.gateway.p99Ms),
          baselineP50Ms: dP50,
          baselineP99Ms: med(sk, (r) => r.direct.p99Ms),
          steadyRps: SEND_LATENCY_RATE,
          steadyP50Ms: sP50,
          steadyP99Ms: med(sk, (r) => r.gatewaySteady.p99Ms),
          steadyBaselineP50Ms: sdP50,
          steadyBaselineP99Ms: med(sk, (r) => r.directSteady.p99Ms),
          overheadP50Ms: round(sP50 - sdP50, 2),
          runs: samples[sk].map((r) => round(r.gateway.rps, 0)),
        });
      }
    }
  }
  const result = {
    date: new Date().toISOString(),
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
    },
    settings: {
      runs: RUNS,
      warmupS: WARMUP_MS / 1000,
      durationS: DURATION_MS / 1000,
      aggregate: 'median over runs',
    },
    scenarios,
  };
  mkdirSync(join(BENCH, 'results'), { recursive: true });
  const out = args.out ? String(args.out) : join(BENCH, 'results/latest.json');
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  printTable(result);
  log(
    `done in ${Math.round((Date.now() - t0) / 1000)} s; ${args.out ? out : 'bench/results/latest.json'} written`,
  );
}

function printTable(result) {
  const rows = [
    ['scenario', 'db', 'rps', 'baseline rps', 'ratio', 'p50 ms', 'p99 ms', 'baseline p50/p99 ms', 'notes'],
  ];
  const f = (x) => (x === null || x === undefined ? '-' : String(x));
  for (const s of result.scenarios) {
    if (s.skipped) {
      rows.push([s.name, s.db, '-', '-', '-', '-', '-', '-', `skipped: ${s.skipped}`]);
      continue;
    }
    const notes =
      s.name === 'delivery'
        ? `${s.queue} queue, backlog drain; while ingesting: ${s.underLoadRps}/s delivered, ${s.ingestRpsUnderLoad}/s ingested; latency at ${s.latencyAtRps}/s`
        : s.name === 'send'
          ? `closed loop ${s.connections} conns (paced to the vendor budget); at ${s.steadyRps}/s: p50 ${s.steadyP50Ms} vs direct ${s.steadyBaselineP50Ms} ms, overhead ${s.overheadP50Ms} ms`
          : s.endpoints
            ? `${s.endpoints} endpoints, delivery paused`
            : '';
    rows.push([
      s.name,
      s.db,
      f(s.rps),
      f(s.baselineRps),
      f(s.ratio),
      f(s.p50Ms),
      f(s.p99Ms),
      s.baselineRps ? `${f(s.baselineP50Ms)} / ${f(s.baselineP99Ms)}` : '-',
      notes,
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(
    `\nmachine: ${result.machine.cores} cores, ${result.machine.cpu}, node ${result.machine.node}; ${result.settings.runs} run(s), median\n`,
  );
  console.log(line(rows[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
}

async function cleanupAll() {
  for (const child of [...started]) await stopChild(child, 5_000);
  for (const c of cleanups.splice(0)) await c().catch(() => undefined);
}

process.on('SIGINT', () => cleanupAll().finally(() => process.exit(130)));
main()
  .catch((e) => {
    log(`failed: ${e.stack ?? e}`);
    process.exitCode = 1;
  })
  .finally(cleanupAll);
