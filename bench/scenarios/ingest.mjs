// Scenarios `ingest`, `ingest-3-endpoints` and their baseline, measured in turns (see bench/README.md).
import { join } from 'node:path';
import { callbackRequest } from '../lib/bodies.mjs';
import {
  callbackPaths,
  checkStatuses,
  createApps,
  printProfile,
  startGateway,
  subscribe,
} from '../lib/gateway.mjs';
import { mergeLoads, round, runLoad } from '../lib/load.mjs';
import { log, spawnJsonLine, startReceiver, stopChild } from '../lib/processes.mjs';
import { median, medianOf } from '../lib/report.mjs';
import { BENCH, DURATION_MS, INGEST_CONNECTIONS, PROFILE, WARMUP_MS, wants } from '../lib/settings.mjs';
import { freshDatabase } from '../lib/stores.mjs';

const INGEST_SLICES = 5; // measured windows per server, taken in turns (see measure)

export const selected = () => wants('ingest') || wants('baseline');

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
 * Adds one sample per server: `baseline/<engine>`, `ingest/<engine>`, `ingest-3-endpoints/<engine>`.
 */
export async function measure(engine, run, add, tag) {
  log(`${tag}: ingest and baseline, in turns`);
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
    for (const s of servers) add(`${s.name}/${engine}`, mergeLoads(slices.get(s)));
  } finally {
    for (const server of servers) await server.stop();
  }
}

/** The result rows of the engine: each gateway against the baseline of the same runs. */
export function summarize(samples, engine) {
  const rows = [];
  const bRps = medianOf(samples, `baseline/${engine}`, (r) => r.rps);
  const base = samples[`baseline/${engine}`]
    ? {
        baselineRps: round(bRps, 0),
        baselineP50Ms: medianOf(samples, `baseline/${engine}`, (r) => r.p50Ms),
        baselineP99Ms: medianOf(samples, `baseline/${engine}`, (r) => r.p99Ms),
      }
    : {};
  for (const name of ['ingest', 'ingest-3-endpoints']) {
    const key = `${name}/${engine}`;
    if (!samples[key]) continue;
    const rps = medianOf(samples, key, (r) => r.rps);
    // Each run's ratio is of servers measured in turns within that run; the median is over those ratios.
    const baselines = samples[`baseline/${engine}`] ?? [];
    const ratios = samples[key].map((r, i) => (baselines[i] ? r.rps / baselines[i].rps : null));
    rows.push({
      name,
      db: engine,
      connections: INGEST_CONNECTIONS,
      ...(name === 'ingest-3-endpoints'
        ? { endpoints: 3, delivery: 'paused (receiver holds every request)' }
        : {}),
      rps: round(rps, 0),
      ...base,
      ratio: round(median(ratios), 2),
      p50Ms: medianOf(samples, key, (r) => r.p50Ms),
      p99Ms: medianOf(samples, key, (r) => r.p99Ms),
      runs: samples[key].map((r) => round(r.rps, 0)),
      runRatios: ratios.map((x) => round(x, 2)),
    });
  }
  return rows;
}
