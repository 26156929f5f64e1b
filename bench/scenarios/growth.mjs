// Scenario `growth` (opt-in: `--only growth`): the gateway on an empty database against the same gateway on
// one that holds 1,000,000 events with their callbacks, deliveries and attempts — ingest, the drain of the
// deliveries that ingest left, the events list — then, on the full database, a soak at 1,000 callbacks/s
// with the gateway's resident memory sampled, and ingest while retention prunes against ingest without.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { callbackRequest } from '../lib/bodies.mjs';
import { callbackPaths, checkStatuses, createApps, startGateway, subscribe } from '../lib/gateway.mjs';
import { percentile, round, runLoad } from '../lib/load.mjs';
import { log, sleep, startReceiver } from '../lib/processes.mjs';
import { medianOf } from '../lib/report.mjs';
import { args, DURATION_MS, INGEST_CONNECTIONS, ONLY, WARMUP_MS } from '../lib/settings.mjs';
import { freshDatabase } from '../lib/stores.mjs';

const PRELOAD = Number(args.preload ?? 1_000_000);
const SOAK_S = Number(args.soak ?? 600);
const SOAK_RATE = 1_000;
const RSS_EVERY_MS = 5_000;
const LIST_REQUESTS = 200;
const DAY = 86_400_000;
/** The preloaded rows span 40 days: with the default 30-day retention a quarter of them are due. */
const SPAN_DAYS = 40;
/** Receipts live 8 days (reconciliation prunes older ones), so only the newest clones have one. */
const RECEIPT_DAYS = 8;
const USERS = 50_000;
const GROUPS = 2_000;
/** The API's rate limit off (the list is asked hundreds of times a minute); pruning off but when measured. */
const NO_PRUNING = { RETENTION_INTERVAL_SECONDS: '0', API_RATE_LIMIT_MAX: '0' };

export const selected = () => Boolean(ONLY?.includes('growth'));

// ---- ids and rows ------------------------------------------------------------------------------------

/** A UUIDv7 of the time `ms`, as the gateway's ids are (retention reads a row's age from it). */
function uuid7(ms) {
  const hex = ms.toString(16).padStart(12, '0') + randomBytes(10).toString('hex');
  const v = `${hex.slice(0, 12)}7${hex.slice(13, 16)}${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 32)}`;
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20, 32)}`;
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/;
/** A skewed pick in [0, n): a few groups and users are busy, most are quiet, as in a real app. */
const skewed = (n) => Math.floor(n * Math.random() ** 3);

/**
 * The template of one callback as the gateway stored it: its rows in each table, read back after a real
 * callback was ingested and delivered. Clones replace ids (and every mention of them), times, unique keys,
 * and the event's conversation, actor and type.
 */
async function readTemplates(store, apps) {
  const templates = [];
  for (const appId of [apps.easemob, apps.tencent]) {
    const [callback] = await store.rows('SELECT * FROM inbound_callbacks WHERE app_id = $1 LIMIT 1', [appId]);
    const [event] = await store.rows('SELECT * FROM events WHERE callback_id = $1', [callback.id]);
    const deliveries = await store.rows('SELECT * FROM deliveries WHERE event_id = $1', [event.id]);
    const attempts = await store.rows(
      `SELECT * FROM delivery_attempts WHERE delivery_id IN (${deliveries.map((_, i) => `$${i + 1}`).join(', ')})`,
      deliveries.map((d) => d.id),
    );
    const receipts = await store.rows('SELECT * FROM message_receipts WHERE app_id = $1 LIMIT 1', [appId]);
    if (!callback || !event || deliveries.length === 0 || attempts.length === 0)
      throw new Error(`growth: no template rows for app ${appId}`);
    templates.push({ callback, event, deliveries, attempts, receipts });
  }
  return templates;
}

const TYPES = [
  ...Array(16).fill('message.sent'),
  'message.recalled',
  'group.member.joined',
  'group.member.left',
  'user.online',
];

/** Clone `i` of a template, at time `ms`: { table: [row] }. */
function clone(t, i, ms) {
  const iso = new Date(ms).toISOString();
  const ids = new Map([
    [t.callback.id, uuid7(ms)],
    [t.event.id, uuid7(ms)],
  ]);
  for (const d of t.deliveries) ids.set(d.id, uuid7(ms));
  for (const a of t.attempts) ids.set(a.id, uuid7(ms));
  const swap = (value) => {
    if (typeof value !== 'string') return value;
    if (ids.has(value)) return ids.get(value);
    if (ISO.test(value) && value.length <= 30) return iso;
    if (value.length > 36) for (const [from, to] of ids) value = value.replaceAll(from, to);
    return value;
  };
  const copy = (row, extra = {}) => {
    const out = {};
    for (const [k, v] of Object.entries(row)) out[k] = swap(v);
    return Object.assign(out, extra);
  };
  const direct = t.event.conversation_type === 'direct';
  const conversation = direct ? `user${skewed(USERS)}` : `g${skewed(GROUPS)}`;
  const rows = {
    inbound_callbacks: [copy(t.callback, { dedupe_key: `${t.callback.dedupe_key}#${i}` })],
    events: [
      copy(t.event, {
        dedupe_key: `${t.event.dedupe_key}#${i}`,
        type: TYPES[i % TYPES.length],
        conversation_id: conversation,
        actor: `user${skewed(USERS)}`,
      }),
    ],
    deliveries: t.deliveries.map((d) => copy(d)),
    delivery_attempts: t.attempts.map((a) => copy(a)),
    message_receipts: [],
  };
  if (Date.now() - ms < RECEIPT_DAYS * DAY)
    rows.message_receipts = t.receipts.map((r) => copy(r, { message_key: `${r.message_key}#${i}` }));
  return rows;
}

// ---- the two engines, through their raw drivers ------------------------------------------------------

async function openStore(db) {
  if (db.databaseUrl) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: db.databaseUrl });
    await client.connect();
    const types = new Map();
    return {
      rows: async (sql, params = []) => (await client.query(sql, params)).rows,
      // One statement per chunk: an array parameter per column, unnested (far fewer bytes to parse than
      // a VALUES list, and no 65,535-parameter limit).
      async insert(table, rows) {
        if (rows.length === 0) return;
        if (!types.has(table))
          types.set(
            table,
            new Map(
              (
                await client.query(
                  'SELECT column_name, udt_name FROM information_schema.columns WHERE table_name = $1',
                  [table],
                )
              ).rows.map((r) => [r.column_name, r.udt_name]),
            ),
          );
        const cols = Object.keys(rows[0]);
        const udt = types.get(table);
        const sql = `INSERT INTO ${table} (${cols.join(', ')}) SELECT * FROM unnest(${cols
          .map((c, i) => `$${i + 1}::${udt.get(c)}[]`)
          .join(', ')})`;
        await client.query(
          sql,
          cols.map((c) =>
            rows.map((r) => (r[c] !== null && typeof r[c] === 'object' ? JSON.stringify(r[c]) : r[c])),
          ),
        );
      },
      analyze: () => client.query('ANALYZE'),
      close: () => client.end(),
    };
  }
  const { default: Database } = await import('better-sqlite3');
  const sqlite = new Database(join(db.dataDir, 'gateway.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  const statements = new Map();
  return {
    rows: async (sql, params = []) => sqlite.prepare(sql.replace(/\$\d+/g, '?')).all(...params),
    async insert(table, rows) {
      if (rows.length === 0) return;
      const cols = Object.keys(rows[0]);
      const key = `${table}:${cols.join(',')}`;
      if (!statements.has(key))
        statements.set(
          key,
          sqlite.prepare(
            `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
          ),
        );
      const st = statements.get(key);
      sqlite.transaction(() => {
        for (const r of rows) st.run(...cols.map((c) => r[c]));
      })();
    },
    analyze: async () => undefined, // no ANALYZE here: the gateway keeps SQLite's statistics itself
    close: async () => sqlite.close(),
  };
}

/** Writes `count` clones of the templates, oldest first, spread over SPAN_DAYS up to an hour ago. */
async function preload(store, templates, count) {
  const started = performance.now();
  const newest = Date.now() - 3_600_000;
  const oldest = newest - SPAN_DAYS * DAY;
  const CHUNK = 5_000;
  for (let from = 0; from < count; from += CHUNK) {
    const tables = {};
    for (let i = from; i < Math.min(count, from + CHUNK); i++) {
      const ms = Math.round(oldest + ((newest - oldest) * i) / count);
      for (const [table, rows] of Object.entries(clone(templates[i % templates.length], i, ms)))
        (tables[table] ??= []).push(...rows);
    }
    // Parents first: a callback before its event, an event before its deliveries.
    for (const table of [
      'inbound_callbacks',
      'events',
      'deliveries',
      'delivery_attempts',
      'message_receipts',
    ])
      await store.insert(table, tables[table] ?? []);
    if ((from / CHUNK) % 20 === 0) log(`growth: preloaded ${from + CHUNK} of ${count}`);
  }
  await store.analyze();
  return (performance.now() - started) / 1000;
}

// ---- measures ----------------------------------------------------------------------------------------

let seqBase = 50_000_000;

/** Closed-loop ingest (as the `ingest` scenario), then the drain of the deliveries it left behind. */
async function ingestAndDrain(gw, apps, receiver, label) {
  await receiver.reset();
  const base = (seqBase += 10_000_000);
  const load = await runLoad({
    url: gw.url,
    connections: INGEST_CONNECTIONS,
    warmupMs: WARMUP_MS,
    durationMs: DURATION_MS,
    request: (seq) => callbackRequest(base + seq, callbackPaths(apps)),
  });
  checkStatuses(`growth ${label}`, load);
  // One endpoint per app: a delivery owed for every callback accepted since the receiver's reset.
  const owed = load.sent - load.errors;
  const t0 = performance.now();
  const c0 = (await receiver.report()).count;
  let last = c0;
  let lastAt = t0;
  while (last < owed && performance.now() - lastAt < 10_000) {
    await sleep(250);
    const c = (await receiver.report()).count;
    if (c > last) {
      last = c;
      lastAt = performance.now();
    }
  }
  const drained = last - c0;
  const drainRps = drained > 0 ? drained / ((lastAt - t0) / 1000) : null;
  return {
    ingestRps: load.rps,
    ingestP50Ms: load.p50Ms,
    ingestP99Ms: load.p99Ms,
    drainRps,
    drainedAfterLoad: drained,
    deliveredDuringLoad: c0,
  };
}

/** p50/p99 of the events list: by type, by conversation, by user, and a page of 100 after a cursor. */
async function lists(gw, apps, cursorIds) {
  const appIds = [apps.easemob, apps.tencent];
  const kinds = {
    byType: () => `type=${TYPES[1 + Math.floor(Math.random() * (TYPES.length - 1))]}`,
    byConversation: () => `conversationId=g${skewed(GROUPS)}`,
    byUser: () => `userId=user${skewed(USERS)}`,
    cursorPage: () => `cursor=${cursorIds[Math.floor(Math.random() * cursorIds.length)]}`,
  };
  const out = {};
  for (const [kind, query] of Object.entries(kinds)) {
    const times = [];
    for (let i = 0; i < LIST_REQUESTS + 20; i++) {
      const appId = appIds[i % 2];
      const t = performance.now();
      const r = await gw.api('GET', `/v1/apps/${appId}/events?limit=100&${query()}`);
      const ms = performance.now() - t;
      if (r.status !== 200)
        throw new Error(`growth: list ${kind} answered ${r.status} ${JSON.stringify(r.body)}`);
      if (i >= 20) times.push(ms); // the first 20 warm the caches
    }
    times.sort((a, b) => a - b);
    out[kind] = { p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99) };
  }
  return out;
}

/** The resident set of a process, in MB (Linux). */
function rssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) / 1024;
}

/**
 * The gateway's JavaScript heap in use and its memory outside the heap (Buffers, typed arrays), in MB, from
 * its own metrics: what tells a heap that grows (objects kept) from a resident set that grows beside it
 * (native memory: SQLite's caches, the allocator).
 */
async function heapMb(gw) {
  try {
    const text = await fetch(`${gw.url}/metrics`).then((r) => r.text());
    const value = (name) => {
      const line = text.split('\n').find((l) => l.startsWith(`${name} `));
      return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) / 1024 / 1024 : null;
    };
    return {
      heapMb: value('imgw_nodejs_heap_size_used_bytes'),
      externalMb: value('imgw_nodejs_external_memory_bytes'),
    };
  } catch {
    return { heapMb: null, externalMb: null };
  }
}

/** SOAK_S seconds at SOAK_RATE callbacks/s, delivered to the endpoints, with the gateway's memory sampled. */
async function soak(gw, apps) {
  const samples = [];
  const timer = setInterval(() => {
    const t = performance.now();
    const mb = rssMb(gw.child.pid);
    heapMb(gw).then((heap) => samples.push({ t, mb, ...heap }));
  }, RSS_EVERY_MS);
  const base = (seqBase += 10_000_000);
  const load = await runLoad({
    url: gw.url,
    connections: 20,
    warmupMs: 0,
    durationMs: SOAK_S * 1000,
    ratePerSec: SOAK_RATE,
    request: (seq) => callbackRequest(base + seq, callbackPaths(apps)),
  });
  clearInterval(timer);
  checkStatuses('growth soak', load);
  const minute = Math.min(60, SOAK_S / 3) * 1000;
  const t0 = samples[0]?.t ?? 0;
  const tEnd = samples.at(-1)?.t ?? 0;
  samples.sort((a, b) => a.t - b.t);
  const med = (xs, key = 'mb') => {
    const s = xs
      .map((x) => x[key])
      .filter((v) => typeof v === 'number')
      .sort((a, b) => a - b);
    return s.length ? s[Math.floor(s.length / 2)] : null;
  };
  // The first minute is the process filling its caches and pools; "flat" compares the second minute to the last.
  const second = samples.filter((s) => s.t - t0 >= minute && s.t - t0 < 2 * minute);
  const last = samples.filter((s) => tEnd - s.t < minute);
  const early = med(second);
  const late = med(last);
  return {
    seconds: SOAK_S,
    rps: load.rps,
    p50Ms: load.p50Ms,
    p99Ms: load.p99Ms,
    rssEarlyMb: round(early, 1),
    rssLateMb: round(late, 1),
    rssGrowth: early ? round(late / early - 1, 3) : null,
    rssMb: samples.map((s) => round(s.mb, 1)),
    // The same two minutes, split: the JavaScript heap in use and the memory held outside it.
    heapEarlyMb: round(med(second, 'heapMb'), 1),
    heapLateMb: round(med(last, 'heapMb'), 1),
    externalEarlyMb: round(med(second, 'externalMb'), 1),
    externalLateMb: round(med(last, 'externalMb'), 1),
    heapMb: samples.map((s) => round(s.heapMb, 1)),
  };
}

async function measureEngine(engine) {
  const db = await freshDatabase(engine);
  const receiver = await startReceiver('ok');
  let gw = await startGateway(db, NO_PRUNING);
  const result = { engine, preload: PRELOAD };
  try {
    const apps = await createApps(gw);
    await subscribe(gw, apps, receiver.url, 1);
    log(`growth ${engine}: empty database`);
    result.empty = await ingestAndDrain(gw, apps, receiver, 'empty');
    const emptyIds = (await gw.api('GET', `/v1/apps/${apps.easemob}/events?limit=100`)).body.data.map(
      (e) => e.id,
    );
    result.empty.lists = await lists(gw, apps, emptyIds);
    await gw.stop();

    const store = await openStore(db);
    const templates = await readTemplates(store, apps);
    log(`growth ${engine}: preloading ${PRELOAD} events`);
    result.preloadSeconds = round(await preload(store, templates, PRELOAD), 1);
    const cursorIds = (
      await store.rows(`SELECT id FROM events ORDER BY id LIMIT 1000 OFFSET ${Math.floor(PRELOAD / 2)}`)
    ).map((r) => r.id);
    result.rows = Object.fromEntries(
      await Promise.all(
        ['inbound_callbacks', 'events', 'deliveries', 'delivery_attempts', 'message_receipts'].map(
          async (t) => [t, Number((await store.rows(`SELECT COUNT(*) AS n FROM ${t}`))[0].n)],
        ),
      ),
    );
    await store.close();

    log(`growth ${engine}: ${PRELOAD} events`);
    gw = await startGateway(db, NO_PRUNING);
    result.full = await ingestAndDrain(gw, apps, receiver, 'full');
    result.full.lists = await lists(gw, apps, cursorIds);
    log(`growth ${engine}: soak, ${SOAK_S} s at ${SOAK_RATE}/s`);
    result.soak = await soak(gw, apps);
    // Ingest without pruning, then with retention pruning a quarter of the rows, one after the other.
    const withoutPruning = await ingestAndDrain(gw, apps, receiver, 'without pruning');
    await gw.stop();
    gw = await startGateway(db, { ...NO_PRUNING, RETENTION_INTERVAL_SECONDS: '1' });
    await sleep(3_000); // the first pruning run is under way
    const whilePruning = await ingestAndDrain(gw, apps, receiver, 'while pruning');
    result.pruning = {
      ingestWithoutRps: withoutPruning.ingestRps,
      ingestWhilePruningRps: whilePruning.ingestRps,
      ratio: round(whilePruning.ingestRps / withoutPruning.ingestRps),
    };
    result.ratios = {
      ingest: round(result.full.ingestRps / result.empty.ingestRps),
      drain: result.empty.drainRps ? round(result.full.drainRps / result.empty.drainRps) : null,
    };
    return result;
  } finally {
    await gw.stop();
    await receiver.stop();
    await db.drop();
  }
}

/** Adds `growth/<engine>`. */
export async function measure(engine, _run, add, tag) {
  log(`${tag}: growth`);
  add(`growth/${engine}`, await measureEngine(engine));
}

export function summarize(samples, engine) {
  const key = `growth/${engine}`;
  if (!samples[key]) return [];
  const r = samples[key][0];
  return [
    {
      name: 'growth',
      db: engine,
      rps: round(r.full.ingestRps, 0),
      baselineRps: round(r.empty.ingestRps, 0),
      ratio: medianOf(samples, key, (x) => x.ratios.ingest),
      p50Ms: r.full.lists.cursorPage.p50Ms,
      p99Ms: Math.max(...Object.values(r.full.lists).map((l) => l.p99Ms)),
      measure: `ingest with ${PRELOAD} events stored vs on an empty database; p99 = the slowest list query`,
      detail: r,
    },
  ];
}
