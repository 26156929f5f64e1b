import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  BridgeRepository,
  createDataSource,
  MigrationItemRepository,
  type MigrationJobEntity,
  MigrationJobRepository,
  newId,
  nowIso,
  Transactor,
  type NewMigrationItem,
} from '../src/index.js';
import { createTestDatabase, testMigrationJob, type TestDatabase } from '../src/testing/index.js';

let db: TestDatabase;
let ds: DataSource;
let jobs: MigrationJobRepository;
let items: MigrationItemRepository;
let transactor: Transactor;

beforeAll(async () => {
  db = await createTestDatabase();
  ds = await createDataSource(db.settings);
  transactor = new Transactor(ds);
  jobs = new MigrationJobRepository(transactor);
  items = new MigrationItemRepository(transactor);
});
afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();

async function job(overrides: Partial<MigrationJobEntity> = {}): Promise<MigrationJobEntity> {
  const row = testMigrationJob({ historyFrom: at(0), historyTo: at(60_000), ...overrides });
  await jobs.insert(row);
  return row;
}

// What a vendor may answer, with the characters an array literal quotes or escapes (PostgreSQL receives a
// batch's results as one array per column).
const VENDOR_MESSAGE = 'refused: "a,b" {c} \\ \'d\' NULL 群组\n';
const TARGET_ID = 't1,{"x"}';

const message = (id: string, conversation: string, order: string): NewMigrationItem => ({
  kind: 'history',
  sourceKey: id,
  payload: { messageId: id },
  conversationKey: conversation,
  orderKey: order,
  status: 'pending',
});

describe('MigrationItemRepository', () => {
  it('inserts a page read again after a crash without adding anything', async () => {
    const j = await job();
    const page = [message('m1', 'a|b', '1'), message('m2', 'a|b', '2')];
    expect(await items.insertPage(j.id, page, nowIso())).toBe(2);
    expect(await items.insertPage(j.id, [...page, message('m3', 'a|b', '3')], nowIso())).toBe(1);
    expect((await items.pending(j.id, 'history', 10)).map((i) => i.sourceKey)).toEqual(['m1', 'm2', 'm3']);
  });

  // The planner's estimate of a job's pending items, as the finish of a batch meets it (see `analyze`).
  const estimatedPending = async (jobId: string, kind: string) => {
    const [row] = await transactor.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
      `EXPLAIN (FORMAT JSON) SELECT id FROM migration_items WHERE job_id = '${jobId}' AND kind = '${kind}' AND status = 'pending'`,
    );
    return row!['QUERY PLAN'][0].Plan['Plan Rows'];
  };
  (process.env.DATABASE_URL ? it : it.skip)(
    'tells PostgreSQL how many items a job just loaded has, before they are imported',
    async () => {
      await items.analyze(); // statistics from before the job, as a table analyzed earlier has
      const j = await job();
      await items.insertPage(
        j.id,
        Array.from({ length: 3000 }, (_, i) => ({ ...message(`s${i}`, `g${i % 30}`, '1'), kind: 'members' })),
        nowIso(),
      );
      // Unknown to the statistics, the job's items look like a handful, and a batch's record would hash them all.
      expect(await estimatedPending(j.id, 'members')).toBeLessThan(100);
      await items.analyze();
      expect(await estimatedPending(j.id, 'members')).toBeGreaterThan(1000);
    },
  );

  it('keeps the same source key apart across kinds and jobs', async () => {
    const [j1, j2] = [await job(), await job()];
    const account = {
      kind: 'accounts',
      sourceKey: 'alice',
      payload: { userId: 'alice' },
      status: 'pending' as const,
    };
    expect(await items.insertPage(j1.id, [account, { ...account, kind: 'profiles' }], nowIso())).toBe(2);
    expect(await items.insertPage(j2.id, [account], nowIso())).toBe(1);
  });

  it('hands out pending history by conversation, then order key, whatever the insertion order', async () => {
    const j = await job();
    await items.insertPage(
      j.id,
      [message('late', 'g1', '0002'), message('other', 'g0', '0009'), message('early', 'g1', '0001')],
      nowIso(),
    );
    expect((await items.pending(j.id, 'history', 10)).map((i) => i.sourceKey)).toEqual([
      'other',
      'early',
      'late',
    ]);
  });

  it('hands out each key with pending items once per pass, in key order, and its items in import order', async () => {
    const j = await job();
    await items.insertPage(
      j.id,
      [
        message('b1', 'b', '1'),
        message('a2', 'a', '2'),
        message('a1', 'a', '1'),
        message('a3', 'a', '3'),
        message('x1', 'u1|u2', '1'),
        message('y1', 'u1|u3', '1'),
      ],
      nowIso(),
    );
    expect(await items.pendingKeys(j.id, 'history', null, 10)).toEqual(['a', 'b', 'u1|u2', 'u1|u3']);
    // A cursor: the keys after the last one handed out, never one again.
    expect(await items.pendingKeys(j.id, 'history', null, 1)).toEqual(['a']);
    expect(await items.pendingKeys(j.id, 'history', 'a', 2)).toEqual(['b', 'u1|u2']);
    expect(await items.pendingKeys(j.id, 'history', 'u1|u3', 2)).toEqual([]);
    // One-to-one keys (two ids joined by `|`) and the others, each a stream of its own.
    expect(await items.pendingKeys(j.id, 'history', null, 10, true)).toEqual(['u1|u2', 'u1|u3']);
    expect(await items.pendingKeys(j.id, 'history', null, 10, false)).toEqual(['a', 'b']);
    expect(await items.pendingKeys(j.id, 'history', 'u1|u2', 10, true)).toEqual(['u1|u3']);
    expect(await items.pendingCount(j.id, 'history')).toBe(6);
    expect(await items.pendingCount(j.id, 'history', true)).toBe(2);
    expect(await items.pendingCount(j.id, 'history', false)).toBe(4);

    const of = async (key: string, limit: number) =>
      (await items.pendingOfKeys(j.id, 'history', [key], limit)).map((i) => i.sourceKey);
    expect(await of('a', 10)).toEqual(['a1', 'a2', 'a3']);
    expect(await of('a', 2)).toEqual(['a1', 'a2']);
    // Several keys in one read: key by key, each in import order; other keys never.
    const ofKeys = async (keys: string[], limit: number) =>
      (await items.pendingOfKeys(j.id, 'history', keys, limit)).map((i) => i.sourceKey);
    expect(await ofKeys(['u1|u3', 'b', 'a'], 10)).toEqual(['a1', 'a2', 'a3', 'b1', 'y1']);
    expect(await ofKeys(['u1|u3', 'a'], 2)).toEqual(['a1', 'a2']);
    expect(await ofKeys([], 10)).toEqual([]);
    await items.finish(
      j.id,
      'history',
      (await items.pendingOfKeys(j.id, 'history', ['a'], 2)).map((i) => ({
        id: i.id,
        status: 'done' as const,
      })),
      nowIso(),
    );
    expect(await of('a', 10)).toEqual(['a3']);
    await items.finish(
      j.id,
      'history',
      (await items.pendingOfKeys(j.id, 'history', ['a'], 2)).map((i) => ({
        id: i.id,
        status: 'failed' as const,
      })),
      nowIso(),
    );
    // A key whose items are all finished is no longer handed out.
    expect(await items.pendingKeys(j.id, 'history', null, 10)).toEqual(['b', 'u1|u2', 'u1|u3']);
    expect(await of('a', 10)).toEqual([]);

    // Kinds imported without a key: by id, after a cursor.
    const accounts = ['carol', 'alice', 'bob'].map((userId) => ({
      kind: 'accounts',
      sourceKey: userId,
      payload: { userId },
      status: 'pending' as const,
    }));
    await items.insertPage(j.id, accounts, nowIso());
    const first = await items.pendingUnkeyed(j.id, 'accounts', null, 2);
    expect(first).toHaveLength(2);
    expect(first[0]!.id < first[1]!.id).toBe(true);
    const rest = await items.pendingUnkeyed(j.id, 'accounts', first.at(-1)!.id, 2);
    expect([...first, ...rest].map((i) => i.sourceKey).sort()).toEqual(['alice', 'bob', 'carol']);
    expect(await items.pendingUnkeyed(j.id, 'accounts', rest.at(-1)!.id, 2)).toEqual([]);
    expect(await items.pendingKeys(j.id, 'accounts', null, 10)).toEqual([]);
  });

  it('records results, counts them per kind and status in one query, and retries only failed ones', async () => {
    const j = await job();
    await items.insertPage(
      j.id,
      [
        message('m1', 'c', '1'),
        message('m2', 'c', '2'),
        message('m3', 'c', '3'),
        { ...message('m4', 'c', '4'), status: 'skipped', reason: 'recalled at the source' },
      ],
      at(0),
    );
    const [m1, m2, m3] = await items.pending(j.id, 'history', 10);
    await items.finish(
      j.id,
      'history',
      [
        { id: m1!.id, status: 'done', targetId: TARGET_ID },
        {
          id: m2!.id,
          status: 'failed',
          error: { code: 'vendor_rejected', message: VENDOR_MESSAGE, vendorCode: '10004' },
        },
      ],
      at(5_000),
    );
    const counts = await items.counts(j.id, at(1_000));
    const of = (status: string) => counts.find((c) => c.status === status);
    expect(of('done')).toMatchObject({ kind: 'history', count: 1, recent: 1 });
    expect(of('failed')).toMatchObject({ count: 1, recent: 1 });
    expect(of('pending')).toMatchObject({ count: 1, recent: 0 });
    expect(of('skipped')).toMatchObject({ count: 1, recent: 0 });
    const reasons = await items.reasons(j.id);
    expect(reasons.skipped).toEqual([{ kind: 'history', key: 'recalled at the source', count: 1 }]);
    expect(reasons.failed).toEqual([{ kind: 'history', key: 'vendor_rejected', count: 1 }]);
    // Each row of the batch gets its own result, in one statement on PostgreSQL.
    expect(await items.find(j.id, m1!.id)).toMatchObject({
      status: 'done',
      targetId: TARGET_ID,
      errorCode: null,
      attempts: 1,
      inFlightAt: null,
      updatedAt: at(5_000),
    });
    const failed = await items.find(j.id, m2!.id);
    expect(failed).toMatchObject({
      targetId: null,
      errorMessage: VENDOR_MESSAGE,
      status: 'failed',
      errorCode: 'vendor_rejected',
      vendorCode: '10004',
      attempts: 1,
    });

    expect(await items.retry(j.id, { kind: 'accounts' }, nowIso())).toBe(0);
    expect(await items.retry(j.id, { ids: [m1!.id] }, nowIso())).toBe(0); // done, not failed
    expect(await items.retry(j.id, {}, nowIso())).toBe(1);
    expect((await items.pending(j.id, 'history', 10)).map((i) => i.id)).toEqual([m2!.id, m3!.id]);
  });

  it('pages items with kind and status filters', async () => {
    const j = await job();
    await items.insertPage(
      j.id,
      [
        message('m1', 'c', '1'),
        { ...message('m2', 'c', '2'), status: 'skipped', reason: 'x' },
        { kind: 'accounts', sourceKey: 'u', payload: {}, status: 'pending' },
      ],
      nowIso(),
    );
    const first = await items.page(j.id, { kind: 'history' }, undefined, 1);
    expect(first.data.map((i) => i.sourceKey)).toEqual(['m1']);
    const second = await items.page(j.id, { kind: 'history' }, first.nextCursor!, 1);
    expect(second.data.map((i) => i.sourceKey)).toEqual(['m2']);
    expect(second.nextCursor).toBeNull();
    expect((await items.page(j.id, { status: 'skipped' }, undefined, 10)).data).toHaveLength(1);
  });

  it('lists source keys of a kind after a key, in order', async () => {
    const j = await job();
    const account = (u: string) => ({
      kind: 'accounts',
      sourceKey: u,
      payload: { userId: u },
      status: 'pending' as const,
    });
    await items.insertPage(j.id, ['carol', 'alice', 'bob'].map(account), nowIso());
    expect(await items.sourceKeys(j.id, 'accounts', null, 2)).toEqual(['alice', 'bob']);
    expect(await items.sourceKeys(j.id, 'accounts', 'bob', 2)).toEqual(['carol']);
  });
});

describe('MigrationJobRepository', () => {
  it('gives a job lease to one owner until it runs out, then to another', async () => {
    await ds.query(`UPDATE migration_jobs SET status = 'completed'`);
    const j = await job();
    const now = Date.now();
    const iso = (ms: number) => new Date(now + ms).toISOString();
    expect(await jobs.claim('p1', iso(0), iso(10_000))).toBe(j.id);
    expect(await jobs.claim('p2', iso(1_000), iso(11_000))).toBeNull();
    expect(await jobs.renew('p1', [j.id], iso(20_000))).toEqual([j.id]);
    expect(await jobs.claim('p2', iso(15_000), iso(25_000))).toBeNull();
    // p1 stops renewing (it died): once the lease has run out, p2 takes the job and p1 cannot renew it.
    expect(await jobs.claim('p2', iso(21_000), iso(31_000))).toBe(j.id);
    expect(await jobs.renew('p1', [j.id], iso(40_000))).toEqual([]);
    await jobs.release(j.id, 'p2');
    expect(await jobs.claim('p3', iso(22_000), iso(32_000))).toBe(j.id);
  });

  it('does not hand out paused or finished jobs', async () => {
    await ds.query(`UPDATE migration_jobs SET status = 'completed'`);
    await job({ status: 'paused' });
    await job({ status: 'cancelled' });
    expect(await jobs.claim('p', nowIso(), at(10 ** 12))).toBeNull();
  });

  it('moves a job only from the statuses given', async () => {
    const j = await job({ status: 'running' });
    expect(await jobs.transition(j.id, ['paused'], 'running', nowIso())).toBe(false);
    expect(await jobs.transition(j.id, ['running', 'pending'], 'paused', nowIso())).toBe(true);
    expect((await jobs.find(j.id))?.status).toBe('paused');
    expect(await jobs.transition(j.id, ['paused'], 'cancelled', nowIso(), { finishedAt: at(1) })).toBe(true);
    expect(await jobs.find(j.id)).toMatchObject({ status: 'cancelled', finishedAt: at(1) });
  });

  it('fails a job with its error in the same statement, so no reader sees one without the other', async () => {
    const j = await job({ status: 'running' });
    const error = { code: 'vendor_rejected', message: 'x'.repeat(2500) };
    expect(await jobs.transition(j.id, ['paused'], 'failed', nowIso(), { finishedAt: at(2), error })).toBe(
      false,
    );
    expect(await jobs.find(j.id)).toMatchObject({ status: 'running', errorCode: null });
    expect(
      await jobs.transition(j.id, ['running', 'pending'], 'failed', nowIso(), { finishedAt: at(2), error }),
    ).toBe(true);
    const failed = await jobs.find(j.id);
    expect(failed).toMatchObject({ status: 'failed', finishedAt: at(2), errorCode: 'vendor_rejected' });
    expect(failed?.errorMessage).toHaveLength(2000);
  });

  it('finds the unfinished job of a bridge, leaving dry runs out', async () => {
    const bridgeId = newId();
    await job({ bridgeId, dryRun: true, status: 'running' });
    expect(await jobs.unfinished(bridgeId)).toBeNull();
    const real = await job({ bridgeId, status: 'paused' });
    expect((await jobs.unfinished(bridgeId))?.id).toBe(real.id);
  });

  it('starts one unfinished job per bridge, even when two requests race, and dry runs at any time', async () => {
    const bridgeId = newId();
    const row = (dryRun = false) => testMigrationJob({ bridgeId, dryRun });
    const raced = await Promise.all([
      jobs.insertIfIdle(row()),
      jobs.insertIfIdle(row()),
      jobs.insertIfIdle(row()),
    ]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    expect(await jobs.insertIfIdle(row(true))).toBe(true);
    const running = await jobs.unfinished(bridgeId);
    await jobs.transition(running!.id, ['pending'], 'completed', nowIso());
    expect(await jobs.insertIfIdle(row())).toBe(true);
  });

  it('holds a conversation while the history is read, then while it has pending items', async () => {
    const j = await job({ status: 'running', historyState: 'reading' });
    expect(await jobs.holdsConversation(j.bridgeId, j.sourceAppId, 'a|b')).toBe(true);
    expect(await jobs.holdsConversation(j.bridgeId, newId(), 'a|b')).toBe(false); // the other direction
    await items.insertPage(j.id, [message('m1', 'a|b', '1')], nowIso());
    await jobs.update(j.id, { historyState: 'importing' }, nowIso());
    expect(await jobs.holdsConversation(j.bridgeId, j.sourceAppId, 'a|b')).toBe(true);
    expect(await jobs.holdsConversation(j.bridgeId, j.sourceAppId, 'c|d')).toBe(false);
    const [m1] = await items.pending(j.id, 'history', 1);
    await items.finish(j.id, 'history', [{ id: m1!.id, status: 'done' }], nowIso());
    expect(await jobs.holdsConversation(j.bridgeId, j.sourceAppId, 'a|b')).toBe(false);
  });

  it('goes with its bridge: removing the bridge removes its jobs and their items', async () => {
    const j = await job();
    const other = await job();
    await items.insertPage(j.id, [message('m1', 'c', '1')], nowIso());
    await items.insertPage(other.id, [message('m1', 'c', '1')], nowIso());
    await new BridgeRepository(new Transactor(ds)).remove(j.bridgeId);
    expect(await jobs.find(j.id)).toBeNull();
    expect(await items.page(j.id, {}, undefined, 10)).toEqual({ data: [], nextCursor: null });
    expect((await items.page(other.id, {}, undefined, 10)).data).toHaveLength(1);
  });

  it('counts jobs by status', async () => {
    const counts = await jobs.countByStatus();
    expect(counts.find((c) => c.status === 'cancelled')?.count).toBeGreaterThanOrEqual(1);
  });
});
