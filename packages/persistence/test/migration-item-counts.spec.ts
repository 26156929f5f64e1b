import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import {
  BridgeRepository,
  createDataSource,
  MigrationItemRepository,
  type MigrationJobEntity,
  MigrationJobRepository,
  Transactor,
  type MigrationItemFinish,
  type NewMigrationItem,
} from '../src/index.js';
import { MigrationItemCounts1766500000000 } from '../src/migrations/1766500000000-migration-item-counts.js';
import { createTestDatabase, testMigrationJob, type TestDatabase } from '../src/testing/index.js';

/**
 * A job's item counts are kept beside its items by the statements that move them: whatever sequence of
 * inserts, results and retries, they equal a count over the items, on both engines and under lanes that
 * record at once.
 */
let db: TestDatabase;
let ds: DataSource;
let transactor: Transactor;
let jobs: MigrationJobRepository;
let items: MigrationItemRepository;

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

const T0 = Date.UTC(2026, 0, 1);
const at = (ms: number) => new Date(T0 + ms).toISOString();

async function job(status: MigrationJobEntity['status'] = 'running'): Promise<MigrationJobEntity> {
  const row = testMigrationJob({ status, scope: ['accounts', 'members'], historyState: 'done' });
  await jobs.insert(row);
  return row;
}

const item = (kind: string, key: string, extra: Partial<NewMigrationItem> = {}): NewMigrationItem => ({
  kind,
  sourceKey: key,
  payload: { userId: key },
  conversationKey: kind === 'members' ? `g${key.length % 3}` : null,
  status: 'pending',
  ...extra,
});

/** The counts as a count over the items would give them, in the shape `counts` answers. */
async function countedOverItems(jobId: string) {
  const rows = await transactor.query<{ kind: string; status: string; count: number | string }>(
    `SELECT kind, status, COUNT(*) AS count FROM migration_items WHERE job_id = $1 GROUP BY kind, status`,
    [jobId],
  );
  return rows.map((r) => ({ kind: r.kind, status: r.status, count: Number(r.count) })).sort(byKey);
}
async function reasonsOverItems(jobId: string) {
  const rows = await transactor.query<{
    kind: string;
    status: string;
    key: string | null;
    count: number | string;
  }>(
    `SELECT kind, status, CASE status WHEN 'skipped' THEN reason ELSE error_code END AS key, COUNT(*) AS count
     FROM migration_items WHERE job_id = $1 AND status IN ('skipped', 'failed') GROUP BY 1, 2, 3`,
    [jobId],
  );
  const of = (status: string) =>
    rows
      .filter((r) => r.status === status)
      .map((r) => ({ kind: r.kind, key: r.key ?? '', count: Number(r.count) }))
      .sort((a, b) => (a.kind + a.key < b.kind + b.key ? -1 : 1));
  return { skipped: of('skipped'), failed: of('failed') };
}
const byKey = (a: { kind: string; status: string }, b: { kind: string; status: string }) =>
  `${a.kind}/${a.status}` < `${b.kind}/${b.status}` ? -1 : 1;
const kept = async (jobId: string) =>
  (await items.counts(jobId, at(0))).map(({ kind, status, count }) => ({ kind, status, count })).sort(byKey);

/** One step of what a job does to its items: read a page, record results, retry the failed. */
type Step =
  | { op: 'page'; items: { kind: string; key: number; skipped: string | null }[] }
  | {
      op: 'finish';
      results: { pick: number; outcome: 'done' | 'exists' | 'recalled' | 'timeout' | 'rejected' | 'again' }[];
    }
  | { op: 'retry'; kind: string | null };

const kindArb = fc.constantFrom('accounts', 'members');
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('page' as const),
    // Keys from a small range, so pages repeat items (a page read again after a crash).
    items: fc.array(
      fc.record({
        kind: kindArb,
        key: fc.integer({ min: 0, max: 60 }),
        skipped: fc.option(fc.constantFrom('exists', 'gone'), { freq: 6 }),
      }),
      { minLength: 1, maxLength: 30 },
    ),
  }),
  fc.record({
    op: fc.constant('finish' as const),
    results: fc.array(
      fc.record({
        pick: fc.nat(),
        outcome: fc.constantFrom('done', 'done', 'exists', 'recalled', 'timeout', 'rejected', 'again'),
      }),
      { maxLength: 40 },
    ),
  }),
  fc.record({ op: fc.constant('retry' as const), kind: fc.option(kindArb) }),
);

/** Runs one step against the job, as the runner and the retry API would. */
async function apply(jobId: string, step: Step, at: string): Promise<void> {
  if (step.op === 'page') {
    await items.insertPage(
      jobId,
      step.items.map(({ kind, key, skipped }) =>
        item(kind, `u${key}`, skipped ? { status: 'skipped', reason: skipped } : {}),
      ),
      at,
    );
    return;
  }
  if (step.op === 'retry') {
    await items.retry(jobId, step.kind ? { kind: step.kind } : {}, at);
    return;
  }
  // A batch holds items of one kind, as a lane's does; the step picks among both kinds' and records each kind's.
  const pending = [
    ...(await items.pending(jobId, 'accounts', 40)),
    ...(await items.pending(jobId, 'members', 40)),
  ];
  if (pending.length === 0) return;
  // Results for distinct items (a batch names each once), some items repeated across steps.
  const chosen = new Map(step.results.map((r) => [pending[r.pick % pending.length]!.id, r.outcome]));
  const results: MigrationItemFinish[] = [...chosen].map(([id, outcome]) => {
    if (outcome === 'done') return { id, status: 'done', targetId: `t-${id}` };
    // A result that leaves the item to be sent again: it moves into the count it came from.
    if (outcome === 'again') return { id, status: 'pending' };
    if (outcome === 'exists' || outcome === 'recalled') return { id, status: 'skipped', reason: outcome };
    return { id, status: 'failed', error: { code: `vendor_${outcome}`, message: 'no' } };
  });
  const kindOf = new Map(pending.map((p) => [p.id, p.kind]));
  for (const kind of ['accounts', 'members'])
    await items.finish(
      jobId,
      kind,
      results.filter((r) => kindOf.get(r.id) === kind),
      at,
    );
}

describe(`migration item counts (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'})`, () => {
  it('equal a count over the items after any sequence of pages, results and retries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 10 }), async (steps) => {
        const j = await job();
        for (const [n, step] of steps.entries()) {
          await apply(j.id, step, at(n * 1000));
          expect(await kept(j.id)).toEqual(await countedOverItems(j.id));
        }
        const reasons = await items.reasons(j.id);
        const sorted = (list: { kind: string; key: string; count: number }[]) =>
          [...list].sort((a, b) => (a.kind + a.key < b.kind + b.key ? -1 : 1));
        expect({ skipped: sorted(reasons.skipped), failed: sorted(reasons.failed) }).toEqual(
          await reasonsOverItems(j.id),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('leaves an item that is no longer pending, and its counts, as they are', async () => {
    const j = await job();
    await items.insertPage(j.id, [item('accounts', 'a'), item('accounts', 'b')], at(0));
    const [a] = await items.pending(j.id, 'accounts', 1);
    await items.finish(j.id, 'accounts', [{ id: a!.id, status: 'done', targetId: 'ta' }], at(1000));
    // A second result for the same item (a record repeated after a crash) moves nothing.
    await items.finish(
      j.id,
      'accounts',
      [{ id: a!.id, status: 'failed', error: { code: 'timeout', message: 'late' } }],
      at(2000),
    );
    expect(await items.find(j.id, a!.id)).toMatchObject({ status: 'done', targetId: 'ta', attempts: 1 });
    expect(await kept(j.id)).toEqual([
      { kind: 'accounts', status: 'done', count: 1 },
      { kind: 'accounts', status: 'pending', count: 1 },
    ]);
  });

  it('counts only the items still pending among those that share an outcome', async () => {
    const j = await job();
    await items.insertPage(
      j.id,
      ['a', 'b', 'c', 'd'].map((k) => item('members', k)),
      at(0),
    );
    const [a, b, c, d] = await items.pending(j.id, 'members', 4);
    await items.finish(
      j.id,
      'members',
      [{ id: a!.id, status: 'failed', error: { code: 'x', message: 'x' } }],
      at(0),
    );
    // One outcome for four items, one of them no longer pending: three move, and `a` keeps its failure.
    await items.finish(
      j.id,
      'members',
      [a, b, c, d].map((row) => ({ id: row!.id, status: 'done' as const, targetId: null })),
      at(1000),
    );
    expect(await items.find(j.id, a!.id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await items.find(j.id, d!.id)).toMatchObject({ status: 'done', attempts: 1 });
    expect(await kept(j.id)).toEqual([
      { kind: 'members', status: 'done', count: 3 },
      { kind: 'members', status: 'failed', count: 1 },
    ]);
  });

  it('changes only items of the job and kind the batch is for', async () => {
    const j = await job();
    const other = await job();
    await items.insertPage(j.id, [item('accounts', 'a'), item('members', 'm')], at(0));
    await items.insertPage(other.id, [item('accounts', 'a')], at(0));
    const [a] = await items.pending(j.id, 'accounts', 1);
    const [m] = await items.pending(j.id, 'members', 1);
    const [elsewhere] = await items.pending(other.id, 'accounts', 1);
    // A result naming another job's item, or an item of another kind, is not this batch's to record.
    await items.finish(
      j.id,
      'accounts',
      [
        { id: elsewhere!.id, status: 'done', targetId: 'x' },
        { id: m!.id, status: 'done', targetId: 'y' },
        { id: a!.id, status: 'done', targetId: 'ta' },
      ],
      at(1000),
    );
    expect(await items.find(other.id, elsewhere!.id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await items.find(j.id, m!.id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await kept(j.id)).toEqual([
      { kind: 'accounts', status: 'done', count: 1 },
      { kind: 'members', status: 'pending', count: 1 },
    ]);
    expect(await kept(other.id)).toEqual([{ kind: 'accounts', status: 'pending', count: 1 }]);
  });

  it('keeps counts right when lanes record at once', async () => {
    const j = await job();
    const keys = Array.from({ length: 400 }, (_, i) => `u${i}`);
    await items.insertPage(
      j.id,
      keys.map((k) => item('members', k)),
      at(0),
    );
    const rows = await items.pending(j.id, 'members', 400);
    const lanes = Array.from({ length: 8 }, (_, lane) => rows.filter((_, i) => i % 8 === lane));
    await Promise.all(
      lanes.map(async (lane) => {
        for (let i = 0; i < lane.length; i += 10)
          await items.finish(
            j.id,
            'members',
            lane.slice(i, i + 10).map((row, n) => ({
              id: row.id,
              ...(n % 5 === 0
                ? { status: 'failed' as const, error: { code: 'vendor_rejected', message: 'no' } }
                : { status: 'done' as const, targetId: null }),
            })),
            at(1000),
          );
      }),
    );
    expect(await kept(j.id)).toEqual([
      { kind: 'members', status: 'done', count: 320 },
      { kind: 'members', status: 'failed', count: 80 },
    ]);
    expect((await items.counts(j.id, at(0))).map((c) => c.recent).sort()).toEqual([320, 80].sort());
  });

  it('gives the rate of the last minute, to within a bucket, and reuses the oldest buckets as time goes on', async () => {
    const j = await job();
    const keys = Array.from({ length: 30 }, (_, i) => `u${i}`);
    await items.insertPage(
      j.id,
      keys.map((k) => item('accounts', k)),
      at(0),
    );
    const rows = await items.pending(j.id, 'accounts', 30);
    const finishAt = (from: number, to: number, ms: number) =>
      items.finish(
        j.id,
        'accounts',
        rows.slice(from, to).map((r) => ({ id: r.id, status: 'done' as const, targetId: null })),
        at(ms),
      );
    await finishAt(0, 10, 0);
    await finishAt(10, 15, 30_000);
    const recent = async (since: number) =>
      (await items.counts(j.id, at(since))).find((c) => c.status === 'done')?.recent;
    expect(await recent(-30_000)).toBe(15);
    expect(await recent(10_000)).toBe(5);
    // Two minutes on, the slot of the first bucket holds a new one: its ten are no longer counted.
    await finishAt(15, 22, 120_000);
    expect(await recent(60_000)).toBe(7);
    expect(await recent(-30_000)).toBe(12);
    const slots = await transactor.query('SELECT slot FROM migration_item_rates WHERE job_id = $1', [j.id]);
    expect(slots).toHaveLength(2);
    expect((await items.counts(j.id, at(0))).find((c) => c.status === 'done')).toMatchObject({ count: 22 });
  });

  it('counts only running jobs in the pending gauge', async () => {
    const running = await job('running');
    const paused = await job('paused');
    const before = new Map((await items.pendingOfRunningJobs()).map((r) => [r.kind, r.count]));
    await items.insertPage(running.id, [item('accounts', 'x'), item('members', 'y')], at(0));
    await items.insertPage(paused.id, [item('accounts', 'x')], at(0));
    const after = new Map((await items.pendingOfRunningJobs()).map((r) => [r.kind, r.count]));
    expect((after.get('accounts') ?? 0) - (before.get('accounts') ?? 0)).toBe(1);
    expect((after.get('members') ?? 0) - (before.get('members') ?? 0)).toBe(1);
  });

  it('are built by the schema migration for the jobs stored before it', async () => {
    const j = await job();
    await items.insertPage(
      j.id,
      [
        item('accounts', 'a'),
        item('accounts', 'b'),
        item('members', 'c', { status: 'skipped', reason: 'gone' }),
      ],
      at(0),
    );
    const [a] = await items.pending(j.id, 'accounts', 1);
    await items.finish(
      j.id,
      'accounts',
      [{ id: a!.id, status: 'failed', error: { code: 'timeout', message: 'x' } }],
      at(1000),
    );
    const expected = await kept(j.id);
    const expectedReasons = await items.reasons(j.id);
    // As before the migration: no counts at all. Its `up` creates only what is missing, then counts.
    await transactor.query('DELETE FROM migration_item_counts');
    expect(await kept(j.id)).toEqual([]);
    const runner = ds.createQueryRunner();
    try {
      await new MigrationItemCounts1766500000000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await kept(j.id)).toEqual(expected);
    expect(await items.reasons(j.id)).toEqual(expectedReasons);
  });

  it('go with the bridge', async () => {
    const j = await job();
    const other = await job();
    await items.insertPage(j.id, [item('accounts', 'a')], at(0));
    await items.insertPage(other.id, [item('accounts', 'a')], at(0));
    const [a] = await items.pending(j.id, 'accounts', 1);
    await items.finish(j.id, 'accounts', [{ id: a!.id, status: 'done', targetId: null }], at(0));
    await new BridgeRepository(transactor).remove(j.bridgeId);
    const left = (table: string, jobId: string) =>
      transactor.query(`SELECT job_id FROM ${table} WHERE job_id = $1`, [jobId]);
    expect(await left('migration_item_counts', j.id)).toEqual([]);
    expect(await left('migration_item_rates', j.id)).toEqual([]);
    expect(await kept(other.id)).toEqual([{ kind: 'accounts', status: 'pending', count: 1 }]);
  });
});
