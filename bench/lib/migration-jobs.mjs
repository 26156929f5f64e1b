// The migration scenarios' common part: a seeded pair of source apps moved by one job per direction
// (Easemob → Tencent, then Tencent → Easemob) on a fresh database, and per kind the items/s of its import
// against what the target vendor's documented budget allows for the import calls the kind made.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { generateTencentSeed } from '@im-gateway/emulator';
import { MIGRATION_KINDS } from '@im-gateway/types';
import { printProfile, startGateway } from './gateway.mjs';
import { IMPORT_BUDGETS, MIGRATION_APPS } from './migration-apps.mjs';
import { round } from './load.mjs';
import { log, sleep, spawnJsonLine, stopChild } from './processes.mjs';
import { median } from './report.mjs';
import { BENCH, PROFILE, REDIS_URL } from './settings.mjs';
import { dropRedisPrefix, freshDatabase } from './stores.mjs';

export const HOUR = 3_600_000;
const POLL_MS = 100;
/** Every kind, in the order a job imports them. */
export const KINDS = MIGRATION_KINDS;
const DIRECTIONS = ['easemob→tencent', 'tencent→easemob'];

/**
 * `imgw_vendor_calls_total` of one provider, by API: the calls the vendor answered (a 429 imported
 * nothing, so it is not counted against the budget), and under `vendor_rate_limited` the vendor's refusals
 * for rate, all APIs together (the gateway's own limiter refuses before a call, so these are the vendor's).
 */
async function callsByApi(gw, provider) {
  const text = await fetch(`${gw.url}/metrics`).then((r) => r.text());
  const out = { vendor_rate_limited: 0 };
  for (const line of text.split('\n')) {
    if (!line.startsWith('imgw_vendor_calls_total{')) continue;
    const labels = Object.fromEntries([...line.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (labels.provider !== provider) continue;
    const n = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (labels.outcome === 'vendor_rate_limited') out.vendor_rate_limited += n;
    else out[labels.api] = (out[labels.api] ?? 0) + n;
  }
  return out;
}

/**
 * Runs one job to its end, noting for each kind when its import began and ended, with the call counts, and
 * the vendor's 429s over the whole job.
 */
async function runJob(gw, bridgeId, body, target) {
  const limitedBefore = (await callsByApi(gw, target)).vendor_rate_limited;
  const created = await gw.api('POST', `/v1/bridges/${bridgeId}/migrations`, body);
  if (created.status !== 201) throw new Error(`job refused: ${JSON.stringify(created.body)}`);
  const marks = {};
  const t0 = performance.now();
  for (;;) {
    const job = (await gw.api('GET', `/v1/bridges/${bridgeId}/migrations/${created.body.id}`)).body;
    const now = performance.now();
    const us = Number(process.hrtime.bigint() / 1000n);
    const calls = await callsByApi(gw, target);
    for (const kind of KINDS) {
      const phase = job.progress?.[kind]?.phase;
      const m = (marks[kind] ??= {});
      if (phase === 'importing' && !m.start) m.start = { at: now, us, calls };
      if ((phase === 'done' || phase === 'skipped') && m.start && !m.end) m.end = { at: now, us, calls };
    }
    if (['completed', 'failed', 'cancelled'].includes(job.status)) {
      if (job.status !== 'completed') log(`WARNING job ${job.status}: ${JSON.stringify(job.error)}`);
      const vendorRateLimited = calls.vendor_rate_limited - limitedBefore;
      return { job, marks, vendorRateLimited, seconds: (now - t0) / 1000 };
    }
    await sleep(POLL_MS);
  }
}

/** Per kind: items/s over its import window, and the rate its import calls allow at the documented budget. */
function perKind({ job, marks }, target) {
  const rows = {};
  for (const kind of KINDS) {
    const p = job.progress?.[kind];
    const m = marks[kind];
    if (!p || p.total === 0 || !m?.start || !m.end) continue;
    const items = p.done + p.skipped + p.failed;
    const seconds = (m.end.at - m.start.at) / 1000;
    const budgets = IMPORT_BUDGETS[target][kind];
    // Each API has a budget of its own (both vendors count per API), and a kind's lanes call them side by
    // side: the calls made need at least as long as the busiest API's share takes. (Adding the APIs' times
    // up, as before December 6, counted a history import of one-to-one and group messages as if the two
    // import APIs shared one budget.)
    let minSeconds = 0;
    const calls = {};
    for (const [api, perSecond] of Object.entries(budgets)) {
      const n = (m.end.calls[api] ?? 0) - (m.start.calls[api] ?? 0);
      if (n > 0) calls[api] = n;
      minSeconds = Math.max(minSeconds, n / perSecond);
    }
    if (minSeconds === 0 || seconds <= 0) continue;
    rows[kind] = {
      items,
      seconds: round(seconds, 2),
      itemsPerSecond: round(items / seconds, 1),
      budgetItemsPerSecond: round(items / minSeconds, 1),
      ratio: round(minSeconds / seconds, 2),
      calls,
    };
  }
  return rows;
}

/**
 * Both directions on a fresh database: the Easemob source seeded from `easemob`, the Tencent source from
 * `tencent` (generated seed specs); `body`, what each job is asked for (Tencent's job is also given the
 * users: Tencent lists no accounts, so an operator gives them). `directions` narrows the run to some of
 * them (BENCH_MIGRATION_DIRECTIONS, for a profile of one direction alone).
 */
export async function measureJobs({ engine, run, redis, easemob, tencent, body, name }) {
  const profileName = PROFILE && run === 0 ? `${name}-${engine}${redis ? '-redis' : ''}` : null;
  const only = process.env.BENCH_MIGRATION_DIRECTIONS?.split(',');
  const directions = DIRECTIONS.filter((d) => !only || only.includes(d));
  const db = await freshDatabase(engine);
  const emu = spawnJsonLine(join(BENCH, 'lib/migration-emulators.mjs'), {
    BENCH_SEED_SPECS: JSON.stringify({ easemob, tencent }),
  });
  const prefix = `imgwbench${randomBytes(4).toString('hex')}`;
  let gw;
  // With --profile: each kind's import of each direction is summarized apart (see printProfile).
  const windows = [];
  try {
    const urls = await emu.ready;
    gw = await startGateway(db, redis ? { REDIS_URL, DELIVERY_QUEUE_PREFIX: prefix } : {}, profileName);
    const app = async (appName, provider, config, baseUrl) => {
      const r = await gw.api('POST', '/v1/apps', {
        name: appName,
        provider,
        config: { ...config, baseUrl },
      });
      if (r.status !== 201) throw new Error(`creating ${appName} failed: ${JSON.stringify(r.body)}`);
      return r.body.id;
    };
    const A = MIGRATION_APPS;
    const ids = {
      emSource: await app('em-source', 'easemob', A.easemobSource, urls.easemob),
      emTarget: await app('em-target', 'easemob', A.easemobTarget, urls.easemob),
      tcSource: await app('tc-source', 'tencent', A.tencentSource, urls.tencent),
      tcTarget: await app('tc-target', 'tencent', A.tencentTarget, urls.tencent),
    };
    const bridge = async (sourceAppId, targetAppId) => {
      const r = await gw.api('POST', '/v1/bridges', {
        sourceAppId,
        targetAppId,
        direction: 'one-way',
        conversationKinds: ['direct', 'group', 'chatroom'],
      });
      if (r.status !== 201) throw new Error(`creating a bridge failed: ${JSON.stringify(r.body)}`);
      return r.body.id;
    };
    const out = {};
    const jobs = {
      'easemob→tencent': [ids.emSource, ids.tcTarget, body(easemob), 'tencent'],
      'tencent→easemob': [
        ids.tcSource,
        ids.emTarget,
        { ...body(tencent), users: generateTencentSeed(tencent).Accounts },
        'easemob',
      ],
    };
    for (const direction of directions) {
      const [source, target, jobBody, provider] = jobs[direction];
      const done = await runJob(gw, await bridge(source, target), jobBody, provider);
      for (const kind of KINDS) {
        const m = done.marks[kind];
        if (m?.start && m.end)
          windows.push({ label: `${direction} ${kind}`, fromUs: m.start.us, toUs: m.end.us });
      }
      out[direction] = {
        seconds: round(done.seconds, 1),
        vendorRateLimited: done.vendorRateLimited,
        kinds: perKind(done, provider),
      };
    }
    return out;
  } finally {
    if (gw) await gw.stop();
    await stopChild(emu.child);
    await db.drop();
    if (redis) await dropRedisPrefix(prefix);
    if (profileName && gw) printProfile(profileName, windows);
  }
}

/** The rows of one part (`migration`, `migration-bulk`) of an engine: per limiter, direction and kind. */
export function summarizeJobs(samples, engine, part, label, kinds) {
  const rows = [];
  for (const limiter of ['memory', 'redis']) {
    const runs = samples[`${part}/${engine}/${limiter}`];
    if (!runs) continue;
    for (const direction of DIRECTIONS)
      for (const kind of kinds) {
        const per = runs.map((r) => r[direction]?.kinds[kind]).filter(Boolean);
        if (per.length === 0) continue;
        const med = (pick) => round(median(per.map(pick)), 2);
        rows.push({
          name: `${label} ${direction} ${kind}`,
          db: engine,
          limiter,
          rps: med((k) => k.itemsPerSecond),
          baselineRps: med((k) => k.budgetItemsPerSecond),
          ratio: med((k) => k.ratio),
          items: per[0].items,
          seconds: med((k) => k.seconds),
          calls: per[0].calls,
          runs: per.map((k) => k.ratio),
          // Vendor 429s over the whole job, in each run: the schedule should earn none.
          vendorRateLimited: runs.map((r) => r[direction]?.vendorRateLimited ?? 0),
        });
      }
  }
  return rows;
}
