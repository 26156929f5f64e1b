import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../support/gateway.js';
import {
  allItems,
  migrationFixture,
  startMigrationGateway,
  waitForJob,
  type MigrationFixture,
} from '../support/migration-gateway.js';
import { seedSource, T0, USERS } from '../support/migration-seed.js';

let gw: RunningGateway;

beforeAll(async () => {
  gw = await startMigrationGateway();
});
afterAll(async () => {
  await gw?.close();
});

const window = { from: new Date(T0).toISOString() };
const jobs = (f: MigrationFixture) => `/v1/bridges/${f.bridgeId}/migrations`;

async function create(f: MigrationFixture, body: Record<string, unknown>) {
  return f.gw.call('POST', jobs(f), { body });
}

async function seeded(): Promise<MigrationFixture> {
  const f = await migrationFixture(gw);
  seedSource(f.source);
  return f;
}

describe('POST /v1/bridges/{id}/migrations: bad requests', () => {
  it('is for the admin only, as bridges are: an app key of either side gets 403, no token 401', async () => {
    const f = await seeded();
    const key = await gw.call('POST', `/v1/apps/${f.sourceAppId}/api-keys`, { body: { name: 'k' } });
    expect(key.status).toBe(201);
    const asApp = await gw.call('POST', jobs(f), { token: key.body.key, body: { scope: ['groups'] } });
    expect(asApp.status).toBe(403);
    expect((await gw.call('GET', jobs(f), { token: key.body.key })).status).toBe(403);
    expect((await gw.call('GET', jobs(f), { token: null })).status).toBe(401);
  });

  it('answers 404 not_found for an unknown bridge', async () => {
    const res = await gw.call('POST', '/v1/bridges/0190a0a0-0000-7000-8000-000000000000/migrations', {
      body: { scope: ['groups'] },
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('answers 422 capability_unsupported naming accounts when the source cannot list them and no list is given', async () => {
    const f = await seeded();
    const res = await create(f, { scope: ['accounts'] });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'capability_unsupported',
      details: { capability: 'migration.accounts' },
    });
    expect(res.body.error.message).toMatch(/cannot list accounts.*user list/);
  });

  it('answers 422 for a kind the source cannot read at all when the scope names it', async () => {
    const f = await seeded();
    const res = await create(f, { scope: ['chatrooms'] });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual({ capability: 'migration.chatrooms' });
  });

  it.each([
    ['an empty line in the middle of a CSV', { csv: 'userId\nalice\n\nbob\n' }, 3, /empty line/],
    ['a CSV line with two columns', { csv: 'alice\nbob,carol\n' }, 2, /one column/],
    ['an id the source refuses (a control character)', ['alice', 'bo\u0007b'], 2, /control characters/],
    ['an id over the source limit', ['alice', 'bob', 'x'.repeat(33)], 3, /33 bytes/],
    ['a list that is neither an array nor { csv }', { text: 'alice' }, 1, /JSON array/],
  ])('answers 400 invalid_user_list with the line for %s', async (_name, users, line, message) => {
    const f = await seeded();
    const res = await create(f, { scope: ['accounts'], users });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_user_list');
    expect(res.body.error.details).toEqual({ line });
    expect(res.body.error.message).toMatch(message);
  });

  it('accepts a CSV with a header and a trailing newline', async () => {
    const f = await seeded();
    const res = await create(f, {
      scope: ['accounts'],
      users: { csv: 'user_id\r\nalice\r\nbob\r\n' },
      dryRun: true,
    });
    expect(res.status).toBe(201);
    const done = await waitForJob(f, res.body.id);
    expect(done.progress.accounts).toMatchObject({ total: 2, pending: 2 });
  });

  it('answers 400 invalid_request for reverse on a one-way bridge, and for members without groups', async () => {
    const f = await seeded();
    const reverse = await create(f, { direction: 'reverse', scope: ['groups'] });
    expect(reverse.status).toBe(400);
    expect(reverse.body.error.code).toBe('invalid_request');
    const members = await create(f, { scope: ['members'] });
    expect(members.status).toBe(400);
    expect(members.body.error).toMatchObject({ code: 'invalid_request', details: { kind: 'members' } });
  });

  it('answers 400 validation_failed for history without a window, an unknown kind or a window backwards', async () => {
    const f = await seeded();
    const cases = [
      { scope: ['history'] },
      { scope: ['history', 'emails'] },
      { scope: ['history'], history: { from: new Date().toISOString(), to: new Date(T0).toISOString() } },
    ];
    for (const body of cases) {
      const res = await create(f, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });
});

describe('a dry run', () => {
  it('reads the source, plans every item with counts and skip reasons, and writes nothing', async () => {
    const f = await seeded();
    const res = await create(f, { users: USERS, history: window, dryRun: true });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ dryRun: true, status: 'pending', direction: 'forward' });
    expect(res.body.scope).toEqual([
      'accounts',
      'profiles',
      'groups',
      'members',
      'mutes',
      'chatrooms',
      'history',
      'contacts',
      'blocklists',
    ]);
    const job = await waitForJob(f, res.body.id);
    expect(job.status).toBe('completed');
    expect(job.progress.accounts).toMatchObject({ phase: 'done', total: 4, pending: 4, done: 0 });
    expect(job.progress.members).toMatchObject({ total: 3, pending: 3 });
    expect(job.progress.mutes).toMatchObject({ total: 1, skipped: 1, pending: 0 });
    // The source lists no chat rooms: in the default scope that kind is skipped, not an error.
    expect(job.progress.chatrooms).toMatchObject({
      phase: 'skipped',
      total: 0,
      reason: 'Memory Source cannot read chatrooms: it lists no chat rooms',
    });
    expect(job.progress.mutes.reason).toBe('Memory Target cannot import mutes: it keeps no group mutes');
    expect(job.progress.accounts.reason).toBeNull();
    expect(job.progress.history).toMatchObject({ total: 7, pending: 5, skipped: 2 });
    expect(job.report.skippedByReason).toEqual([
      {
        kind: 'history',
        reason: 'Memory Target cannot import image messages into a group conversation',
        count: 1,
      },
      { kind: 'history', reason: 'recalled at the source', count: 1 },
      { kind: 'mutes', reason: 'Memory Target cannot import mutes: it keeps no group mutes', count: 1 },
    ]);
    const skipped = await allItems(f, job.id, 'status=skipped');
    expect(skipped.map((i) => i.sourceId).sort()).toEqual(['d3', 'g1-2', 'g1→bob']);
    // Items list in read order: the source gives history oldest first across conversations.
    const history = await allItems(f, job.id, 'kind=history&status=pending');
    expect(history.map((i) => i.sourceId)).toEqual(['d1', 'g1-1', 'd2', 'g1-3', 'd4']);
    expect(f.target.calls).toEqual({});
  });
});

describe('a job', () => {
  it('imports in order, maps ids, fails refused ids and vendor errors alone, and retries them after a fix', async () => {
    const f = await seeded();
    f.target.failOn.add('bob'); // the vendor refuses bob's account and profile
    const res = await create(f, {
      users: USERS,
      history: window,
      passwords: { mode: 'fixed', value: 'initial-pass' },
    });
    expect(res.status).toBe(201);
    expect(JSON.stringify(res.body)).not.toContain('initial-pass');
    let job = await waitForJob(f, res.body.id);
    expect(job.status).toBe('completed');
    expect(job.startedAt).not.toBeNull();
    expect(job.finishedAt).not.toBeNull();

    // Dave: the target's id rule refuses upper case, so his account fails alone, naming the rule.
    const failedAccounts = await allItems(f, job.id, 'kind=accounts&status=failed');
    expect(failedAccounts.map((i) => i.sourceId).sort()).toEqual(['Dave', 'bob']);
    const dave = failedAccounts.find((i) => i.sourceId === 'Dave');
    expect(dave.error.code).toBe('id_refused');
    expect(dave.error.message).toContain('a-z, 0-9, _ - . (lower case)');
    // bob's account failed too (the vendor error), alice's and carol's went in.
    expect([...f.target.imported.accounts.keys()].sort()).toEqual(['alice', 'carol']);
    expect(f.target.imported.accounts.get('alice')?.password).toBe('initial-pass');
    expect(job.report.failedByCode).toEqual([
      { kind: 'accounts', code: 'id_refused', count: 1 },
      { kind: 'accounts', code: 'vendor_rejected', count: 1 },
      { kind: 'profiles', code: 'vendor_rejected', count: 1 },
    ]);
    expect(failedAccounts.find((i) => i.sourceId === 'bob').error).toEqual({
      code: 'vendor_rejected',
      message: 'the vendor refused bob',
      vendorCode: '40003',
    });

    // The group got an id from the target, recorded in the bridge's group table for the live relay.
    const groups = await gw.call('GET', `/v1/bridges/${f.bridgeId}/mappings/group`);
    expect(groups.body.data.map((r: any) => [r.source, r.target])).toEqual([['g1', 'grp-1']]);
    expect(f.target.imported.members.size).toBe(3);
    // History: oldest first per conversation, recalled and image skipped.
    expect(f.target.timeline('alice|bob').map((m) => m.id)).toEqual(['d1', 'd2', 'd4']);
    expect(f.target.timeline('grp-1').map((m) => m.id)).toEqual(['g1-1', 'g1-3']);
    expect(job.progress.history).toMatchObject({ done: 5, skipped: 2, failed: 0, pending: 0, etaSeconds: 0 });
    expect(job.progress.history.ratePerSecond).toBeGreaterThan(0);

    // The fix: Dave's mapping uploaded, the vendor no longer refusing bob; then a retry of everything failed.
    await gw.call('PUT', `/v1/bridges/${f.bridgeId}/mappings/user`, {
      body: { mappings: [{ source: 'Dave', target: 'dave' }] },
    });
    f.target.failOn.clear();
    const retry = await gw.call('POST', `${jobs(f)}/${job.id}/retry`, { body: {} });
    expect(retry.status).toBe(202);
    job = await waitForJob(f, job.id, (j) => j.status === 'completed' && j.report.failedByCode.length === 0);
    expect([...f.target.imported.accounts.keys()].sort()).toEqual(['alice', 'bob', 'carol', 'dave']);
    expect([...f.target.imported.profiles.keys()].sort()).toEqual(['alice', 'bob']);
    expect([...f.target.imported.contacts.keys()].sort()).toEqual(['alice→bob', 'bob→alice']);
    const daveAgain = (await allItems(f, job.id, 'kind=accounts')).find((i) => i.sourceId === 'Dave');
    expect(daveAgain).toMatchObject({ status: 'done', attempts: 2, error: null });
  });

  it('changes nothing on the target when run again', async () => {
    const f = await seeded();
    const first = await create(f, { users: ['alice', 'bob', 'carol'], history: window });
    await waitForJob(f, first.body.id);
    const before = JSON.stringify({
      accounts: [...f.target.imported.accounts.keys()],
      groups: [...f.target.imported.groups.keys()],
      members: [...f.target.imported.members.keys()],
      contacts: [...f.target.imported.contacts.keys()],
      timelines: [...f.target.conversations.entries()],
    });
    const groupCalls = f.target.calls.groups;
    const again = await create(f, { users: ['alice', 'bob', 'carol'], history: window });
    expect(again.status).toBe(201);
    const job = await waitForJob(f, again.body.id);
    expect(job.status).toBe('completed');
    const after = JSON.stringify({
      accounts: [...f.target.imported.accounts.keys()],
      groups: [...f.target.imported.groups.keys()],
      members: [...f.target.imported.members.keys()],
      contacts: [...f.target.imported.contacts.keys()],
      timelines: [...f.target.conversations.entries()],
    });
    expect(after).toBe(before);
    // The group is found in the id table (no call that would create a second one); messages by their pairs.
    expect(f.target.calls.groups).toBe(groupCalls);
    expect(job.progress.history).toMatchObject({ done: 0, skipped: 7 });
    expect(job.report.skippedByReason).toContainEqual({ kind: 'history', reason: 'relayed live', count: 5 });
    expect(job.progress.accounts).toMatchObject({ done: 3, failed: 0 });
  });

  it('pauses, resumes and cancels between batches, refusing what the state does not allow', async () => {
    const f = await seeded();
    f.target.delayMs = 150;
    const res = await create(f, { users: USERS, history: window });
    const id = res.body.id as string;
    const paused = await gw.call('POST', `${jobs(f)}/${id}/pause`);
    expect(paused.status).toBe(202);
    expect(paused.body.status).toBe('paused');
    expect((await gw.call('POST', `${jobs(f)}/${id}/pause`)).status).toBe(409);
    // One job at a time per bridge: another (not a dry run) is refused while this one is unfinished.
    const second = await create(f, { scope: ['groups'] });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');
    expect((await create(f, { scope: ['groups'], dryRun: true })).status).toBe(201);
    // Paused: nothing moves (a batch under way when it paused may still finish).
    await new Promise((resolve) => setTimeout(resolve, 400));
    const calls = JSON.stringify(f.target.calls);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(JSON.stringify(f.target.calls)).toBe(calls);

    const resumed = await gw.call('POST', `${jobs(f)}/${id}/resume`);
    expect(resumed.status).toBe(202);
    expect(resumed.body.status).toBe('running');
    await waitForJob(f, id, (j) => j.progress.groups.done === 1);
    const cancelled = await gw.call('POST', `${jobs(f)}/${id}/cancel`);
    expect(cancelled.status).toBe(202);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    expect(cancelled.body.finishedAt).not.toBeNull();
    expect((await gw.call('POST', `${jobs(f)}/${id}/resume`)).status).toBe(409);
    expect((await gw.call('POST', `${jobs(f)}/${id}/retry`, { body: {} })).status).toBe(409);
    // Its items stay, and a new job may start.
    expect((await allItems(f, id)).length).toBeGreaterThan(0);
    expect((await create(f, { scope: ['groups'] })).status).toBe(201);
  });

  it('counts imported items by kind and outcome, pending items and jobs by status in /metrics', async () => {
    const sample = (text: string, series: string) =>
      Number(
        text
          .split('\n')
          .find((l) => l.startsWith(`${series} `))
          ?.slice(series.length + 1) ?? NaN,
      );
    const scrape = async () => (await gw.call('GET', '/metrics', { token: null })).text;
    const before = await scrape();
    const f = await seeded();
    const res = await create(f, { users: USERS, scope: ['accounts'] });
    await waitForJob(f, res.body.id);
    const after = await scrape();
    const delta = (series: string) => sample(after, series) - (sample(before, series) || 0);
    expect(delta('imgw_migration_items_total{kind="accounts",outcome="done"}')).toBe(3);
    expect(delta('imgw_migration_items_total{kind="accounts",outcome="failed"}')).toBe(1);
    expect(sample(after, 'imgw_migration_jobs{status="completed"}')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'imgw_migration_jobs{status="failed"}')).toBe(0);
    expect(after).toMatch(/^# TYPE imgw_migration_items_pending gauge$/m);
  });

  it('fails the job when the source refuses a read, and resumes it from its cursor once it reads again', async () => {
    const f = await seeded();
    f.source.groups.push(
      { groupId: 'g2', name: 'Two', public: true, createdAt: T0 },
      { groupId: 'g3', name: 'Three', public: true, createdAt: T0 },
    );
    f.source.failReads.add('groups');
    const res = await create(f, { scope: ['groups'] });
    const failed = await waitForJob(f, res.body.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toEqual({ code: 'vendor_rejected', message: 'the vendor refused the group list' });
    expect(failed.finishedAt).not.toBeNull();
    f.source.failReads.clear();
    const resumed = await gw.call('POST', `${jobs(f)}/${res.body.id}/resume`);
    expect(resumed.status).toBe(202);
    expect(resumed.body.error).toBeNull();
    const job = await waitForJob(f, res.body.id);
    expect(job.status).toBe('completed');
    expect(job.progress.groups).toMatchObject({ total: 3, done: 3 });
  });

  it('runs the other way on a both-ways bridge, writing the id tables in bridge terms', async () => {
    const f = await migrationFixture(gw, { direction: 'both' });
    // The bridge's target app is the job's source: it lists its accounts and has a group.
    f.target.accounts = [{ userId: 'erin' }];
    f.target.groups = [{ groupId: 'room-7', name: 'Seven', owner: 'erin', public: true, createdAt: T0 }];
    const res = await create(f, { direction: 'reverse', scope: ['accounts', 'groups'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      direction: 'reverse',
      sourceAppId: f.targetAppId,
      targetAppId: f.sourceAppId,
    });
    const job = await waitForJob(f, res.body.id);
    expect(job.status).toBe('completed');
    expect([...f.source.imported.accounts.keys()]).toEqual(['erin']);
    const [created] = [...f.source.imported.groups.keys()];
    // The group was created on the bridge's source side: its new id is the table's source column.
    const table = await gw.call('GET', `/v1/bridges/${f.bridgeId}/mappings/group`);
    expect(table.body.data.map((r: any) => [r.source, r.target])).toEqual([[created, 'room-7']]);
  });

  it('lists jobs with cursor paging and 404s a job of another bridge', async () => {
    const f = await seeded();
    const a = await create(f, { scope: ['groups'], dryRun: true });
    const b = await create(f, { scope: ['groups'], dryRun: true });
    const first = await gw.call('GET', `${jobs(f)}?limit=1`);
    expect(first.status).toBe(200);
    expect(first.body.data.map((j: any) => j.id)).toEqual([a.body.id]);
    const second = await gw.call('GET', `${jobs(f)}?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.data.map((j: any) => j.id)).toEqual([b.body.id]);
    const other = await migrationFixture(gw);
    const cross = await gw.call('GET', `/v1/bridges/${other.bridgeId}/migrations/${a.body.id}`);
    expect(cross.status).toBe(404);
    const items = await gw.call('GET', `${jobs(f)}/${a.body.id}/items?status=bogus`);
    expect(items.status).toBe(400);
  });
});
