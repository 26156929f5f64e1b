// Scenario `send`: the unified send API against the Easemob emulator, versus the emulator called directly.
import { join } from 'node:path';
import { EASEMOB_APP } from '../lib/bodies.mjs';
import { checkStatuses, createApps, printProfile, startGateway } from '../lib/gateway.mjs';
import { round, runLoad } from '../lib/load.mjs';
import { log, spawnJsonLine, stopChild } from '../lib/processes.mjs';
import { medianOf } from '../lib/report.mjs';
import { ADMIN_TOKEN, BENCH, DURATION_MS, PROFILE, WARMUP_MS, wants } from '../lib/settings.mjs';
import { freshDatabase } from '../lib/stores.mjs';

const SEND_CONNECTIONS = 10;
const SEND_LATENCY_RATE = 50; // messages/s for the overhead measure, inside Easemob's 100 calls/s budget

const SEND_BODY = JSON.stringify({
  from: 'user1',
  to: { type: 'user', ids: ['user2'] },
  content: { type: 'text', text: 'hello from the benchmark' },
});

export const selected = () => wants('send');

async function measureOnce(engine, run) {
  const profileName = PROFILE && run === 0 ? `send-${engine}` : null;
  const db = await freshDatabase(engine);
  const emu = spawnJsonLine(join(BENCH, 'lib/emulator-server.mjs'), {});
  let gw;
  try {
    const emuUrl = await emu.ready;
    // The closed loop sends far more than a client's API budget (API_RATE_LIMIT_MAX per minute); what is
    // measured is the send's own cost, so that limit is off here.
    gw = await startGateway(db, { API_RATE_LIMIT_MAX: '0' }, profileName);
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
    // Every send carries an `Idempotency-Key`, as a client that retries safely does: the gateway then looks
    // the key up and keeps it with the message record, and that cost is part of what is measured.
    const keyPrefix = `bench-${engine}-${run}-${Date.now()}`;
    let keys = 0;
    const gatewayReq = () => ({
      path: `/v1/apps/${apps.easemob}/messages`,
      body: SEND_BODY,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'idempotency-key': `${keyPrefix}-${(keys += 1)}` },
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

/** Adds `send/<engine>`. */
export async function measure(engine, run, add, tag) {
  log(`${tag}: send`);
  add(`send/${engine}`, await measureOnce(engine, run));
}

export function summarize(samples, engine) {
  const sk = `send/${engine}`;
  if (!samples[sk]) return [];
  const skipped = samples[sk].find((r) => r.skipped);
  if (skipped) return [{ name: 'send', db: engine, skipped: skipped.skipped }];
  const med = (pick) => medianOf(samples, sk, pick);
  const rps = med((r) => r.gateway.rps);
  const dRps = med((r) => r.direct.rps);
  const sP50 = med((r) => r.gatewaySteady.p50Ms);
  const sdP50 = med((r) => r.directSteady.p50Ms);
  return [
    {
      name: 'send',
      db: engine,
      connections: SEND_CONNECTIONS,
      rps: round(rps, 0),
      baselineRps: round(dRps, 0),
      ratio: round(rps / dRps, 2),
      p50Ms: med((r) => r.gateway.p50Ms),
      p99Ms: med((r) => r.gateway.p99Ms),
      baselineP50Ms: med((r) => r.direct.p50Ms),
      baselineP99Ms: med((r) => r.direct.p99Ms),
      steadyRps: SEND_LATENCY_RATE,
      steadyP50Ms: sP50,
      steadyP99Ms: med((r) => r.gatewaySteady.p99Ms),
      steadyBaselineP50Ms: sdP50,
      steadyBaselineP99Ms: med((r) => r.directSteady.p99Ms),
      overheadP50Ms: round(sP50 - sdP50, 2),
      runs: samples[sk].map((r) => round(r.gateway.rps, 0)),
    },
  ];
}
