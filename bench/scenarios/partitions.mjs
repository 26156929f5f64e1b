// Scenario `partitions` (opt-in: `--only partitions`, PostgreSQL only): how retention should remove old
// events on PostgreSQL — batched deletes, as the gateway does, or time-partitioned tables whose oldest
// partitions are dropped. Two copies of the `events` table (its columns and indexes), 1,000,000 rows over 40
// days each; on each, the rows older than 30 days are removed while a writer inserts events one statement at
// a time, as ingest does. Reported: how long the removal took, the writer's rate during it against its rate
// with nothing removed, and the cost of the partitioned table for that writer and for a page of the list.
import { performance } from 'node:perf_hooks';
import { log } from '../lib/processes.mjs';
import { percentile, round } from '../lib/load.mjs';
import { args, ONLY } from '../lib/settings.mjs';
import { freshDatabase } from '../lib/stores.mjs';

const ROWS = Number(args.preload ?? 1_000_000);
const DAYS = 40;
const KEEP_DAYS = 30;
const BATCH = 500; // RETENTION_BATCH_SIZE's default
const WRITE_MS = 5_000;
const DAY = 86_400_000;

export const selected = () => Boolean(ONLY?.includes('partitions'));

/** The smallest UUIDv7 of the time `ms` (as `idBefore` in the retention repository). */
const idAt = (ms) => {
  const hex = ms.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
};

const COLUMNS = `id varchar(36) NOT NULL, app_id varchar(36) NOT NULL, callback_id varchar(36), provider varchar(64) NOT NULL,
  type varchar(96) NOT NULL, dedupe_key varchar(255) NOT NULL, conversation_type varchar(16), conversation_id varchar(255),
  actor varchar(255), occurred_at varchar(24) NOT NULL, received_at varchar(24) NOT NULL, body text NOT NULL`;

/** A UUIDv7-shaped id of `ms` in SQL (time prefix, then random hex). */
const sqlId = (msExpr) => `(lpad(to_hex((${msExpr})::bigint), 12, '0') || md5(random()::text))`;
const sqlUuid = (msExpr) => {
  const h = sqlId(msExpr);
  return `(substr(${h},1,8)||'-'||substr(${h},9,4)||'-7'||substr(${h},14,3)||'-8'||substr(${h},18,3)||'-'||substr(${h},21,12))`;
};

async function setUp(client, now) {
  const oldest = now - DAYS * DAY;
  // Plain: the gateway's table and indexes. Unique (app_id, dedupe_key) is what makes ingest idempotent.
  await client.query(`CREATE TABLE events_plain (${COLUMNS}, PRIMARY KEY (id))`);
  await client.query('CREATE UNIQUE INDEX ON events_plain (app_id, dedupe_key)');
  // Partitioned by the id's time, a partition a day. A unique index on a partitioned table must contain the
  // partition key, so (app_id, dedupe_key) can only be unique per partition — ingest would have to look up
  // a dedupe key in every partition itself instead of relying on the constraint.
  await client.query(`CREATE TABLE events_part (${COLUMNS}, PRIMARY KEY (id)) PARTITION BY RANGE (id)`);
  await client.query('CREATE UNIQUE INDEX ON events_part (app_id, dedupe_key, id)');
  for (let d = 0; d <= DAYS + 1; d++) {
    const from = idAt(oldest + (d - 1) * DAY);
    const to = idAt(oldest + d * DAY);
    await client.query(
      `CREATE TABLE events_part_${d} PARTITION OF events_part FOR VALUES FROM ('${d === 0 ? '0' : from}') TO ('${to}')`,
    );
  }
  await client.query(
    `CREATE TABLE events_part_future PARTITION OF events_part FOR VALUES FROM ('${idAt(oldest + (DAYS + 1) * DAY)}') TO ('g')`,
  );
  for (const t of ['events_plain', 'events_part']) {
    await client.query(`CREATE INDEX ON ${t} (app_id, id)`);
    await client.query(`CREATE INDEX ON ${t} (app_id, type)`);
    await client.query(`CREATE INDEX ON ${t} (app_id, conversation_id)`);
    const started = performance.now();
    await client.query(
      `INSERT INTO ${t}
       SELECT ${sqlUuid(`${oldest} + (${DAYS} * ${DAY}::bigint * g / ${ROWS})`)}, 'app-' || (g % 2), NULL, 'easemob',
         'message.sent', 'dedupe-' || g, 'group', 'g' || (g % 2000), 'user' || (g % 50000),
         to_char(to_timestamp((${oldest} + ${DAYS} * ${DAY}::bigint * g / ${ROWS}) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         to_char(to_timestamp((${oldest} + ${DAYS} * ${DAY}::bigint * g / ${ROWS}) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         repeat('{"type":"message.sent","data":{"text":"hello"}}', 12)
       FROM generate_series(0, ${ROWS - 1}) g`,
    );
    await client.query(`ANALYZE ${t}`);
    log(`partitions: ${ROWS} rows into ${t} in ${round((performance.now() - started) / 1000, 1)} s`);
  }
}

/** Inserts one event per statement for `ms`, as ingest does; answers { rps, p99Ms }. */
async function write(client, table, ms, tag) {
  const times = [];
  const end = performance.now() + ms;
  let i = 0;
  while (performance.now() < end) {
    const t = performance.now();
    const now = Date.now();
    await client.query(
      `INSERT INTO ${table} VALUES (${sqlUuid(`${now}`)}, 'app-0', NULL, 'easemob', 'message.sent', $1, 'group', 'g1', 'user1', $2, $2, $3)`,
      [`w-${tag}-${i++}`, new Date(now).toISOString(), '{"type":"message.sent"}'],
    );
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { rps: round(times.length / (ms / 1000), 0), p99Ms: percentile(times, 0.99) };
}

/** The events list's cursor page: 100 rows of one app after a cursor in the middle. */
async function page(client, table, cursor) {
  const times = [];
  for (let i = 0; i < 120; i++) {
    const t = performance.now();
    await client.query(`SELECT * FROM ${table} WHERE app_id = 'app-1' AND id > $1 ORDER BY id LIMIT 101`, [
      cursor,
    ]);
    if (i >= 20) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99) };
}

/** Batched deletes of `table`'s rows before `beforeId`, as RetentionRepository.pruneEvents does for one app. */
async function pruneByBatches(client, table, beforeId) {
  let deleted = 0;
  const batches = [];
  for (const app of ['app-0', 'app-1'])
    for (;;) {
      const t = performance.now();
      const { rows } = await client.query(
        `SELECT id FROM ${table} WHERE app_id = $1 AND id < $2 ORDER BY id LIMIT ${BATCH}`,
        [app, beforeId],
      );
      if (rows.length === 0) break;
      const r = await client.query(
        `DELETE FROM ${table} WHERE id IN (SELECT value FROM json_array_elements_text($1::json))`,
        [JSON.stringify(rows.map((x) => x.id))],
      );
      deleted += r.rowCount;
      batches.push(performance.now() - t);
    }
  batches.sort((a, b) => a - b);
  return { deleted, batches: batches.length, batchP99Ms: percentile(batches, 0.99) };
}

/** Drops the partitions wholly before `beforeMs` (detached first, so the parent's lock is brief). */
async function pruneByPartitions(client, oldest, beforeMs) {
  let dropped = 0;
  for (let d = 0; oldest + d * DAY <= beforeMs; d++) {
    await client.query(`ALTER TABLE events_part DETACH PARTITION events_part_${d}`);
    await client.query(`DROP TABLE events_part_${d}`);
    dropped++;
  }
  return { partitions: dropped };
}

async function measureOnce() {
  const db = await freshDatabase('postgres');
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: db.databaseUrl });
  const writer = new pg.Client({ connectionString: db.databaseUrl });
  await admin.connect();
  await writer.connect();
  try {
    const now = Date.now();
    const oldest = now - DAYS * DAY;
    await setUp(admin, now);
    const cutoff = now - KEEP_DAYS * DAY;
    const cursor = idAt(oldest + (DAYS * DAY) / 2);
    const out = {};
    for (const [table, prune] of [
      ['events_plain', () => pruneByBatches(admin, 'events_plain', idAt(cutoff))],
      ['events_part', () => pruneByPartitions(admin, oldest, cutoff)],
    ]) {
      const idle = await write(writer, table, WRITE_MS, `${table}-idle`);
      const list = await page(writer, table, cursor);
      const started = performance.now();
      let removing = true;
      const during = [];
      const writing = (async () => {
        while (removing) during.push(await write(writer, table, 1_000, `${table}-during-${during.length}`));
      })();
      const removal = await prune();
      const seconds = (performance.now() - started) / 1000;
      removing = false;
      await writing;
      const [{ n }] = (
        await admin.query(`SELECT count(*)::int AS n FROM ${table} WHERE id < $1`, [idAt(cutoff)])
      ).rows;
      out[table] = {
        removal: { ...removal, seconds: round(seconds, 2), left: n },
        writeIdleRps: idle.rps,
        writeIdleP99Ms: idle.p99Ms,
        writeDuringRps: during.length
          ? round(during.reduce((a, d) => a + d.rps, 0) / during.length, 0)
          : null,
        writeDuringP99Ms: during.length ? Math.max(...during.map((d) => d.p99Ms)) : null,
        listPage: list,
      };
      log(`partitions: ${table} ${JSON.stringify(out[table])}`);
    }
    return out;
  } finally {
    await admin.end();
    await writer.end();
    await db.drop();
  }
}

export async function measure(engine, _run, add, tag) {
  if (engine !== 'postgres') return;
  log(`${tag}: partitions`);
  add('partitions/postgres', await measureOnce());
}

export function summarize(samples, engine) {
  const r = samples[`partitions/${engine}`]?.[0];
  if (!r) return [];
  return ['events_plain', 'events_part'].map((t) => ({
    name: 'partitions',
    db: engine,
    table: t,
    rps: r[t].writeDuringRps,
    baselineRps: r[t].writeIdleRps,
    ratio: r[t].writeDuringRps ? round(r[t].writeDuringRps / r[t].writeIdleRps) : null,
    p50Ms: r[t].listPage.p50Ms,
    p99Ms: r[t].writeDuringP99Ms,
    measure: `${t === 'events_plain' ? 'batched deletes' : 'partitions dropped'}: rows older than ${KEEP_DAYS} of ${DAYS} days removed in ${r[t].removal.seconds} s; rps = single-row inserts/s while removing vs idle`,
    detail: r[t],
  }));
}
