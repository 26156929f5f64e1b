// Scenario `before-endpoint`: what asking a decision endpoint adds to the endpoint's own time. The client
// the callback path uses (`DecisionEndpointClient`, built) posts signed `.requested` events one after
// another to a local endpoint in its own process (`lib/decision-endpoint-server.mjs`); the endpoint times
// itself from the request's headers to its written answer, the bench times each whole ask.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { round } from '../lib/load.mjs';
import { log, spawnJsonLine, stopChild } from '../lib/processes.mjs';
import { medianOf } from '../lib/report.mjs';
import { DBS, DURATION_MS, ROOT, WARMUP_MS, wants } from '../lib/settings.mjs';

export const selected = () => wants('before-endpoint');

/** The endpoint's own work per request, as a timer: a moderation lookup of a few milliseconds. */
const ENDPOINT_WORK_MS = 2;
const SECRET = `whsec_${Buffer.from('bench-decision-endpoint-secret-0123').toString('base64')}`;

function event(i) {
  return {
    id: `0193a5b2-7c1e-7cc3-9a4e-${String(i).padStart(12, '0')}`,
    type: 'message.send.requested',
    provider: 'easemob',
    appId: 'bench',
    occurredAt: '2026-01-01T00:00:00.000Z',
    receivedAt: '2026-01-01T00:00:00.000Z',
    dedupeKey: `d${i}`,
    conversation: { type: 'group', id: `g${i % 50}` },
    actor: `user${i % 500}`,
    message: {
      id: `m${i}`,
      from: `user${i % 500}`,
      to: `g${i % 50}`,
      sentAt: '2026-01-01T00:00:00.000Z',
      contents: [{ type: 'text', text: `see you at the meeting tomorrow, bring the slides #${i}` }],
      ext: { trace: `t${i}` },
    },
    data: {},
    raw: { callId: `bench_${i}`, payload: { type: 'txt', msg: 'see you at the meeting tomorrow' } },
  };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

async function measureOnce() {
  const built = join(ROOT, 'apps/gateway/dist/before-policy/decision-endpoint.client.js');
  const { DecisionEndpointClient } = await import(pathToFileURL(built).href);
  const srv = spawnJsonLine(join(ROOT, 'bench/lib/decision-endpoint-server.mjs'), {
    ENDPOINT_WORK_MS: String(ENDPOINT_WORK_MS),
  });
  const client = new DecisionEndpointClient(true);
  try {
    const url = await srv.ready;
    const endpoint = { url, secret: SECRET, timeoutMs: 1_000 };
    const ownTimes = async () => (await fetch(url)).json();
    let i = 0;
    const ask = async (into) => {
      const t = process.hrtime.bigint();
      const outcome = await client.ask(endpoint, event(i++), endpoint.timeoutMs);
      if (!outcome.decision) throw new Error(`the endpoint gave no decision: ${outcome.error}`);
      into?.push(Number(process.hrtime.bigint() - t) / 1e6);
    };
    const warmEnd = Date.now() + WARMUP_MS;
    while (Date.now() < warmEnd) await ask(null);
    await ownTimes();
    const total = [];
    const end = Date.now() + DURATION_MS;
    while (Date.now() < end) await ask(total);
    const own = await ownTimes();
    total.sort((a, b) => a - b);
    own.sort((a, b) => a - b);
    return {
      asks: total.length,
      p50Ms: percentile(total, 0.5),
      p99Ms: percentile(total, 0.99),
      ownP50Ms: percentile(own, 0.5),
      ownP99Ms: percentile(own, 0.99),
    };
  } finally {
    client.close();
    await stopChild(srv.child);
  }
}

export async function measure(engine, _run, add, tag) {
  // No database in it: measured once per run, reported under the first engine.
  if (engine !== DBS[0]) return;
  log(`${tag}: before-endpoint (decision endpoint, ${ENDPOINT_WORK_MS} ms of its own work)`);
  add('before-endpoint', await measureOnce());
}

export function summarize(samples, engine) {
  if (engine !== DBS[0] || !samples['before-endpoint']) return [];
  const med = (pick) => medianOf(samples, 'before-endpoint', pick);
  return [
    {
      name: 'before-endpoint',
      db: 'none',
      asks: med((r) => r.asks),
      p50Ms: round(
        med((r) => r.p50Ms),
        3,
      ),
      p99Ms: round(
        med((r) => r.p99Ms),
        3,
      ),
      ownP50Ms: round(
        med((r) => r.ownP50Ms),
        3,
      ),
      ownP99Ms: round(
        med((r) => r.ownP99Ms),
        3,
      ),
      addedP50Ms: round(
        med((r) => r.p50Ms - r.ownP50Ms),
        3,
      ),
      runs: samples['before-endpoint'].map((r) => round(r.p50Ms - r.ownP50Ms, 3)),
    },
  ];
}
