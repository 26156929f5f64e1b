// Scenario `delivery`: backlog drain, delivery under ingest load, and latency; memory queue and BullMQ.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { callbackRequest } from '../lib/bodies.mjs';
import {
  callbackPaths,
  checkStatuses,
  createApps,
  printProfile,
  startGateway,
  subscribe,
} from '../lib/gateway.mjs';
import { percentile, round, runLoad } from '../lib/load.mjs';
import { log, sleep, startReceiver } from '../lib/processes.mjs';
import { medianOf } from '../lib/report.mjs';
import { DURATION_MS, INGEST_CONNECTIONS, PROFILE, REDIS_URL, WARMUP_MS, wants } from '../lib/settings.mjs';
import { dropRedisPrefix, freshDatabase } from '../lib/stores.mjs';

const QUEUES = ['memory', 'bullmq'];
const DELIVERY_BACKLOG = 5_000; // callbacks queued before the drain phase (one start-up sweep takes 5,000)
const DELIVERY_LATENCY_RATE = 200; // callbacks/s during the latency phase

export const selected = () => wants('delivery');

/**
 * Delivery, three measures on one database:
 *  - drain: a backlog of 5,000 undelivered events (built by a first gateway whose only delivery attempt is
 *    held by the receiver) is delivered by a second gateway from its start-up sweep, with nothing else to
 *    do: the delivery pipeline's own throughput;
 *  - under load: events/s delivered while callbacks are ingested as fast as the gateway takes them
 *    (ingest and delivery share the two cores);
 *  - latency: a steady 200 callbacks/s, from sending the callback to the webhook's arrival at the receiver.
 */
async function measureQueue(engine, queue, run) {
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

/** Adds `delivery-memory/<engine>` and `delivery-bullmq/<engine>`. */
export async function measure(engine, run, add, tag) {
  for (const queue of QUEUES) {
    log(`${tag}: delivery (${queue})`);
    add(`delivery-${queue}/${engine}`, await measureQueue(engine, queue, run));
  }
}

export function summarize(samples, engine) {
  const rows = [];
  for (const queue of QUEUES) {
    const key = `delivery-${queue}/${engine}`;
    if (!samples[key]) continue;
    rows.push({
      name: 'delivery',
      db: engine,
      queue,
      rps: round(
        medianOf(samples, key, (r) => r.rps),
        0,
      ),
      measure: `drain of a ${DELIVERY_BACKLOG}-event backlog`,
      underLoadRps: round(
        medianOf(samples, key, (r) => r.underLoadRps),
        0,
      ),
      ingestRpsUnderLoad: round(
        medianOf(samples, key, (r) => r.ingestRps),
        0,
      ),
      p50Ms: medianOf(samples, key, (r) => r.p50Ms),
      p99Ms: medianOf(samples, key, (r) => r.p99Ms),
      latencyAtRps: DELIVERY_LATENCY_RATE,
      runs: samples[key].map((r) => round(r.rps, 0)),
    });
  }
  return rows;
}
