import { afterEach, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@im-gateway/persistence/testing';
import type { RunningGateway } from '../support/gateway.js';
import {
  allItems,
  migrationFixture,
  startMigrationGateway,
  waitForJob,
} from '../support/migration-gateway.js';
import { seedSource, T0 } from '../support/migration-seed.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

const open: RunningGateway[] = [];
let db: TestDatabase | null = null;
afterEach(async () => {
  for (const gw of open.splice(0)) await gw.close().catch(() => undefined);
  await db?.drop();
  db = null;
});

/**
 * A gateway whose runner is cut off in the middle of a vendor call (the call applied on the target, its
 * answer never recorded), then closed without finishing it: its lease is not given back, like a process
 * killed at that point. A second gateway on the same database takes the job over once the lease runs out.
 */
async function cutOffMidCall(kind: 'history' | 'groups', calls: number, recorded = 0) {
  db = await createTestDatabase();
  const first = await startMigrationGateway({ db });
  open.push(first);
  const f = await migrationFixture(first);
  seedSource(f.source);
  f.target.hangAfter = { kind, calls };
  const res = await first.call('POST', `/v1/bridges/${f.bridgeId}/migrations`, {
    body: { users: ['alice', 'bob', 'carol'], history: { from: new Date(T0).toISOString() } },
  });
  expect(res.status).toBe(201);
  await until(() => (f.target.calls[kind] ?? 0) > calls);
  // The calls before the hung one answered; their items are recorded a moment later: wait for the
  // `recorded` items they carried, then cut.
  const cut = await waitForJob(
    f,
    res.body.id,
    (j) => j.status === 'running' && (j.progress[kind]?.done ?? 0) >= recorded,
  );
  await first.close();
  f.target.hangAfter = null;
  const second = await startMigrationGateway({ db });
  open.push(second);
  return { f: { ...f, gw: second }, jobId: res.body.id as string, cut };
}

describe('a job cut off by a crash', () => {
  it('is taken over after its lease runs out; the batch in flight is sent again and nothing is imported twice', async () => {
    const { f, jobId, cut } = await cutOffMidCall('history', 1, 2);
    expect(cut.progress.history).toMatchObject({ done: 2, pending: 3 });
    const job = await waitForJob(f, jobId, undefined, 30_000);
    expect(job.status).toBe('completed');
    expect(job.progress.history).toMatchObject({ done: 5, skipped: 2, failed: 0, pending: 0 });
    // The second history call (the two conversations import side by side, so it is one of the batches
    // below) was applied by the cut-off process and sent again: the target answered `exists` for its
    // messages, so each message is there once.
    expect(f.target.timeline('alice|bob').map((m) => m.id)).toEqual(['d1', 'd2', 'd4']);
    expect(f.target.timeline('grp-1').map((m) => m.id)).toEqual(['g1-1', 'g1-3']);
    expect(f.target.imported.groups.size).toBe(1);
    const resent = (await allItems(f, jobId, 'kind=history')).filter(
      (i) => i.status === 'done' && i.targetId === null,
    );
    // Whole batches, at least the one cut off. The other conversation's lane may have been cut too, after
    // its import and its pairs were written but before its items were: the resumed job then finishes those
    // items from their pairs, without a call.
    const ids = resent.map((i) => i.sourceId).sort();
    const whole = [['d1', 'd2'], ['d4'], ['g1-1'], ['g1-3']].filter((b) => b.every((id) => ids.includes(id)));
    expect(whole.length).toBeGreaterThanOrEqual(1);
    expect(whole.flat().sort()).toEqual(ids);
    for (const item of resent) expect(item.attempts).toBe(1);
  }, 60_000);

  it('does not create a group twice: one cut off while being created fails as interrupted until its id is known', async () => {
    const { f, jobId } = await cutOffMidCall('groups', 0);
    const job = await waitForJob(f, jobId, undefined, 30_000);
    expect(job.status).toBe('completed');
    // The target made grp-1 in the cut-off call; no second group was created.
    expect([...f.target.imported.groups.keys()]).toEqual(['grp-1']);
    const [group] = await allItems(f, jobId, 'kind=groups');
    expect(group).toMatchObject({ sourceId: 'g1', status: 'failed' });
    expect(group.error.code).toBe('interrupted');
    // Its members and history cannot map the group yet: they fail, and pass once the id is uploaded.
    expect(job.progress.members.failed).toBe(3);
    const put = await f.gw.call('PUT', `/v1/bridges/${f.bridgeId}/mappings/group`, {
      body: { mappings: [{ source: 'g1', target: 'grp-1' }] },
    });
    expect(put.status).toBe(200);
    expect(
      (await f.gw.call('POST', `/v1/bridges/${f.bridgeId}/migrations/${jobId}/retry`, { body: {} })).status,
    ).toBe(202);
    const retried = await waitForJob(
      f,
      jobId,
      (j) => j.status === 'completed' && j.report.failedByCode.length === 0,
    );
    expect(retried.progress.groups).toMatchObject({ done: 1, failed: 0 });
    expect([...f.target.imported.groups.keys()]).toEqual(['grp-1']);
    expect(f.target.imported.members.size).toBe(3);
    expect(f.target.timeline('grp-1').map((m) => m.id)).toEqual(['g1-1', 'g1-3']);
  }, 60_000);
});
