// Scenario `destinations`: events/s delivered to each broker destination type, against the broker's own
// client publishing the same messages.
import { performance } from 'node:perf_hooks';
import { callbackRequest } from '../lib/bodies.mjs';
import { BROKERS } from '../lib/brokers.mjs';
import { callbackPaths, checkStatuses, createApps, printProfile, startGateway } from '../lib/gateway.mjs';
import { round, runLoad } from '../lib/load.mjs';
import { log, sleep } from '../lib/processes.mjs';
import { medianOf } from '../lib/report.mjs';
import { INGEST_CONNECTIONS, PROFILE, wants } from '../lib/settings.mjs';
import { freshDatabase } from '../lib/stores.mjs';

const TYPES = Object.keys(BROKERS);
const BACKLOG = 5_000;

export const selected = () => wants('destinations');

/**
 * One destination type on one database:
 *  1. a gateway creates an endpoint per app on the bench's own exchange / stream / stream key;
 *  2. a second gateway, refused private addresses and given a single attempt, ingests 5,000 callbacks:
 *     every delivery fails at connect and is left `failed`, a backlog the first attempt never touched;
 *  3. a third gateway, allowed again, is asked to recover both endpoints, and the consumer (the broker's
 *     official client) times the arrivals: the delivery pipeline's throughput to that broker;
 *  4. baseline: the same client publishes the same 5,000 messages (bytes and headers as received) to a
 *     twin destination, 32 in flight like the gateway's default concurrency, each confirmed as the
 *     gateway's are (publisher confirm, JetStream ack, XADD reply).
 */
async function measureType(engine, type, run) {
  const db = await freshDatabase(engine);
  const broker = await BROKERS[type]();
  const profileName = PROFILE && run === 0 ? `destinations-${type}-${engine}` : null;
  let gw = await startGateway(db);
  try {
    const apps = await createApps(gw);
    const endpoints = [];
    for (const appId of [apps.easemob, apps.tencent]) {
      const r = await gw.api('POST', `/v1/apps/${appId}/endpoints`, broker.endpoint);
      if (r.status !== 201) throw new Error(`creating a ${type} endpoint failed: ${JSON.stringify(r.body)}`);
      endpoints.push({ appId, id: r.body.id });
    }
    await gw.stop();

    gw = await startGateway(db, { ENDPOINTS_ALLOW_PRIVATE: 'false', DELIVERY_RETRY_SCHEDULE: '0' });
    let backlog = 0;
    const fill = await runLoad({
      url: gw.url,
      connections: INGEST_CONNECTIONS,
      warmupMs: 0,
      durationMs: 60_000,
      maxRequests: BACKLOG,
      request: (seq) => callbackRequest(3_000_000 + seq, callbackPaths(apps)),
      onResponse: (_seq, status) => status === 200 && backlog++,
    });
    checkStatuses(`${type} backlog`, fill);
    for (const e of endpoints)
      for (const status of ['pending', 'delivering'])
        while (
          (await gw.api('GET', `/v1/apps/${e.appId}/endpoints/${e.id}/deliveries?status=${status}&limit=1`))
            .body.data.length
        )
          await sleep(200);
    await gw.stop();

    gw = await startGateway(db, {}, profileName);
    broker.seen.reset();
    for (const e of endpoints)
      await gw.api('POST', `/v1/apps/${e.appId}/endpoints/${e.id}/recover`, {
        since: '2000-01-01T00:00:00Z',
      });
    const started = performance.now();
    while (broker.seen.times.length < backlog && performance.now() - started < 120_000) await sleep(100);
    const times = broker.seen.times;
    const rps = times.length > 1 ? (times.length - 1) / ((times[times.length - 1] - times[0]) / 1000) : 0;
    const delivered = times.length;
    await gw.stop();

    const baselineRps = await broker.baseline(broker.seen.messages.slice(0, delivered));
    return { rps, baselineRps, ratio: rps / baselineRps, backlog, delivered };
  } finally {
    await gw.stop();
    await broker.stop();
    await db.drop();
    if (profileName) printProfile(profileName);
  }
}

/** Adds `destinations-<type>/<engine>`. */
export async function measure(engine, run, add, tag) {
  for (const type of TYPES) {
    log(`${tag}: destinations (${type})`);
    add(`destinations-${type}/${engine}`, await measureType(engine, type, run));
  }
}

export function summarize(samples, engine) {
  return TYPES.filter((type) => samples[`destinations-${type}/${engine}`]).map((type) => {
    const key = `destinations-${type}/${engine}`;
    return {
      name: `destinations`,
      db: engine,
      destination: type,
      rps: round(
        medianOf(samples, key, (r) => r.rps),
        0,
      ),
      baselineRps: round(
        medianOf(samples, key, (r) => r.baselineRps),
        0,
      ),
      ratio: medianOf(samples, key, (r) => round(r.ratio, 2)),
      measure: `drain of a ${BACKLOG}-event backlog vs the broker client publishing the same messages`,
      delivered: samples[key].map((r) => `${r.delivered}/${r.backlog}`),
      runs: samples[key].map((r) => round(r.rps, 0)),
    };
  });
}
