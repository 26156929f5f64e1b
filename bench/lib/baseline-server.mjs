// The physical limit of this stack: bare Fastify that parses the same callback body, checks the same
// signature (Easemob MD5, Tencent SHA-256) and inserts the raw body into the same database with the raw
// driver (pg / better-sqlite3), one row per callback, acked after the insert. No framework, no ORM.
import { createHash, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import Fastify from 'fastify';
import { EASEMOB_APP, TENCENT_APP } from './bodies.mjs';

const { BASELINE_DB, DATABASE_URL, DATA_DIR } = process.env;
const TENCENT_OK = '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}';

let insert;
if (BASELINE_DB === 'postgres') {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });
  await pool.query(
    'CREATE TABLE IF NOT EXISTS baseline_callbacks (dedupe_key text PRIMARY KEY, raw_body text NOT NULL, received_at text NOT NULL)',
  );
  const text =
    'INSERT INTO baseline_callbacks (dedupe_key, raw_body, received_at) VALUES ($1, $2, $3) ON CONFLICT (dedupe_key) DO NOTHING';
  insert = (key, raw) => pool.query({ name: 'ins', text, values: [key, raw, new Date().toISOString()] });
} else {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(join(DATA_DIR, 'baseline.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(
    'CREATE TABLE IF NOT EXISTS baseline_callbacks (dedupe_key text PRIMARY KEY, raw_body text NOT NULL, received_at text NOT NULL)',
  );
  const stmt = db.prepare(
    'INSERT INTO baseline_callbacks (dedupe_key, raw_body, received_at) VALUES (?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING',
  );
  insert = async (key, raw) => stmt.run(key, raw, new Date().toISOString());
}

const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
  req.rawBody = body;
  try {
    done(null, JSON.parse(body));
  } catch (e) {
    e.statusCode = 400;
    done(e);
  }
});

const same = (a, b) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

app.post('/callbacks/easemob/:appId', async (req, reply) => {
  const b = req.body;
  const expected = createHash('md5')
    .update(`${b.callId}${EASEMOB_APP.callbackSecret}${b.timestamp}`)
    .digest('hex');
  if (typeof b.security !== 'string' || !same(b.security, expected))
    return reply.code(401).send('bad signature');
  await insert(`e:${b.callId}`, req.rawBody);
  return reply.code(200).send('ok');
});

app.post('/callbacks/tencent/:appId', async (req, reply) => {
  const q = req.query;
  const expected = createHash('sha256').update(`${TENCENT_APP.callbackToken}${q.RequestTime}`).digest('hex');
  if (typeof q.Sign !== 'string' || !same(q.Sign, expected) || Number(q.SdkAppid) !== TENCENT_APP.sdkAppId)
    return reply.code(401).send('bad signature');
  const b = req.body;
  await insert(`t:${b.GroupId}:${b.MsgSeq}`, req.rawBody);
  return reply.code(200).type('application/json').send(TENCENT_OK);
});

await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${app.server.address().port}` })}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
