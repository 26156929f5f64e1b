// Scenario `migration`: a seeded source moved by a migration job in each direction (Easemob → Tencent,
// Tencent → Easemob), both emulators WITH their documented rate limits; per kind, items/s against the
// target vendor's documented import budget for the calls the kind made. Without and with Redis.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { generateTencentSeed } from '@im-gateway/emulator';
import { printProfile, startGateway } from '../lib/gateway.mjs';
import { IMPORT_BUDGETS, MIGRATION_APPS } from '../lib/migration-apps.mjs';
import { round } from '../lib/load.mjs';
import { log, sleep, spawnJsonLine, stopChild } from '../lib/processes.mjs';
import { median } from '../lib/report.mjs';
import { BENCH, PROFILE, REDIS_URL, wants } from '../lib/settings.mjs';
import { dropRedisPrefix, freshDatabase } from '../lib/stores.mjs';

const HOUR = 3_600_000;
/**
 * Big enough that each kind's import lasts seconds at the vendor's budget, small enough for a few minutes a
 * run. The history lies 3–4 hours back: Tencent's hourly history files are ready an hour after the hour.
 */
const seedSpec = () => ({
  accounts: 600,
  groups: 20,
  membersPerGroup: 20,
  adminsPerGroup: 2,
  mutesPerGroup: 1,
  chatrooms: 4,
  membersPerChatroom: 10,
  contactsPerUser: 2,
  blocksPerUser: 1,
  messages: 3_000,
  now: Date.now() - 3 * HOUR,
  windowHours: 1,
  seed: 11,
});
/**
 * The kinds that import tens or hundreds of items a call (accounts, members) are over within one poll at that
 * size. A second job moves only those, at a size where their import lasts seconds at the budget.
 */
const bulkSpec = () => ({
  ...seedSpec(),
  accounts: 20_000,
  groups: 100,
  membersPerGroup: 200,
  chatrooms: 0,
  contactsPerUser: 0,
  blocksPerUser: 0,
  messages: 0,
});
const BULK_SCOPE = ['accounts', 'groups', 'members'];
const POLL_MS = 100;
const KINDS = [
  'accounts',
  'profiles',
  'groups',
  'members',
  'mutes',
  'chatrooms',
  'history',
  'contacts',
  'blocklists',
];

export const selected = () => wants('migration');

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

/** Runs one job to its end, noting for each kind when its import began and ended, with the call counts. */
async function runJob(gw, bridgeId, body, target) {
  const created = await gw.api('POST', `/v1/bridges/${bridgeId}/migrations`, body);
  if (created.status !== 201) throw new Error(`job refused: ${JSON.stringify(created.body)}`);
  const marks = {};
  const t0 = performance.now();
  for (;;) {
    const job = (await gw.api('GET', `/v1/bridges/${bridgeId}/migrations/${created.body.id}`)).body;
    const now = performance.now();
    const calls = await callsByApi(gw, target);
    for (const kind of KINDS) {
      const phase = job.progress?.[kind]?.phase;
      const m = (marks[kind] ??= {});
      if (phase === 'importing' && !m.start) m.start = { at: now, calls };
      if ((phase === 'done' || phase === 'skipped') && m.start && !m.end) m.end = { at: now, calls };
    }
    if (['completed', 'failed', 'cancelled'].includes(job.status)) {
      if (job.status !== 'completed') log(`WARNING job ${job.status}: ${JSON.stringify(job.error)}`);
      return { job, marks, seconds: (now - t0) / 1000 };
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

/** Both directions of one seeded data set; `scope`, the kinds to move (all by default). */
async function measureOnce(engine, run, redis, spec = seedSpec(), scope = undefined) {
  const profileName =
    PROFILE && run === 0 ? `migration-${engine}${scope ? '-at-scale' : ''}${redis ? '-redis' : ''}` : null;
  const db = await freshDatabase(engine);
  const emu = spawnJsonLine(join(BENCH, 'lib/migration-emulators.mjs'), {
    BENCH_SEED_SPEC: JSON.stringify(spec),
  });
  const prefix = `imgwbench${randomBytes(4).toString('hex')}`;
  let gw;
  try {
    const urls = await emu.ready;
    gw = await startGateway(db, redis ? { REDIS_URL, DELIVERY_QUEUE_PREFIX: prefix } : {}, profileName);
    const app = async (name, provider, config, baseUrl) => {
      const r = await gw.api('POST', '/v1/apps', { name, provider, config: { ...config, baseUrl } });
      if (r.status !== 201) throw new Error(`creating ${name} failed: ${JSON.stringify(r.body)}`);
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
    const history = {
      from: new Date(spec.now - 2 * HOUR).toISOString(),
      to: new Date(spec.now + 1000).toISOString(),
    };
    const out = {};
    const body = scope ? { scope } : { history };
    const toTencent = await runJob(gw, await bridge(ids.emSource, ids.tcTarget), body, 'tencent');
    out['easemob→tencent'] = {
      seconds: round(toTencent.seconds, 1),
      vendorRateLimited: toTencent.marks.vendorRateLimited,
      kinds: perKind(toTencent, 'tencent'),
    };
    // Tencent lists no accounts: the job is given the users, as an operator would.
    const users = generateTencentSeed(spec).Accounts;
    const toEasemob = await runJob(
      gw,
      await bridge(ids.tcSource, ids.emTarget),
      { ...body, users },
      'easemob',
    );
    out['tencent→easemob'] = {
      seconds: round(toEasemob.seconds, 1),
      vendorRateLimited: toEasemob.marks.vendorRateLimited,
      kinds: perKind(toEasemob, 'easemob'),
    };
    return out;
  } finally {
    if (gw) await gw.stop();
    await stopChild(emu.child);
    await db.drop();
    if (redis) await dropRedisPrefix(prefix);
    if (profileName && gw) printProfile(profileName);
  }
}

/** Adds `migration/<engine>/<limiter>`. */
export async function measure(engine, run, add, tag) {
  for (const redis of [false, true]) {
    log(`${tag}: migration, limiter ${redis ? 'on Redis' : 'in memory'}`);
    add(`migration/${engine}/${redis ? 'redis' : 'memory'}`, await measureOnce(engine, run, redis));
    log(
      `${tag}: migration of ${BULK_SCOPE.join(', ')} at scale, limiter ${redis ? 'on Redis' : 'in memory'}`,
    );
    add(
      `migration-bulk/${engine}/${redis ? 'redis' : 'memory'}`,
      await measureOnce(engine, run, redis, bulkSpec(), BULK_SCOPE),
    );
  }
}

export function summarize(samples, engine) {
  const rows = [];
  for (const [part, kinds] of [
    ['migration', KINDS],
    ['migration-bulk', BULK_SCOPE],
  ])
    for (const limiter of ['memory', 'redis']) {
      const runs = samples[`${part}/${engine}/${limiter}`];
      if (!runs) continue;
      for (const direction of ['easemob→tencent', 'tencent→easemob'])
        for (const kind of kinds) {
          const per = runs.map((r) => r[direction]?.kinds[kind]).filter(Boolean);
          if (per.length === 0) continue;
          const med = (pick) => round(median(per.map(pick)), 2);
          rows.push({
            name: `${part === 'migration' ? 'migration' : 'migration at scale'} ${direction} ${kind}`,
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
