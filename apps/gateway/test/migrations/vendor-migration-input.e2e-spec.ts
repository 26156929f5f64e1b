import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_SEED_SPEC, generateEasemobSeed } from '@im-gateway/emulator';
import { EASEMOB } from '../messages/send-support.js';
import { historyWindow, jobItems, runJob, vendorPair, type VendorPair } from '../support/vendor-migration.js';

// Bad input through the real providers (Easemob the bridge's source, Tencent its target), and a vendor
// error on one item.
let pair: VendorPair;
beforeAll(async () => {
  pair = await vendorPair();
});
afterAll(async () => {
  await pair?.close();
});

const jobs = () => `/v1/bridges/${pair.bridgeId}/migrations`;

describe('a migration job refused before it starts', () => {
  it('answers 404 not_found for an unknown bridge', async () => {
    const res = await pair.gw.call('POST', '/v1/bridges/0190a0a0-0000-7000-8000-000000000000/migrations', {
      body: { scope: ['accounts'] },
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('answers 422 capability_unsupported naming accounts from the Tencent side without a user list', async () => {
    const res = await pair.gw.call('POST', jobs(), { body: { scope: ['accounts'], direction: 'reverse' } });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'capability_unsupported',
      details: { capability: 'migration.accounts' },
    });
    expect(res.body.error.message).toMatch(/Tencent has no API that lists all accounts/);
  });

  it.each([
    ['a line of two columns', 'userId\nuser000001\nuser000002,user000003\n', 3],
    ['an upper-case id Easemob refuses', 'userId\nuser000001\nUser000002\n', 3],
  ])('answers 400 invalid_user_list with the line for %s', async (_name, csv, line) => {
    const res = await pair.gw.call('POST', jobs(), { body: { scope: ['accounts'], users: { csv } } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_user_list', details: { line } });
  });
});

describe('a vendor error on one item', () => {
  it('fails that item only, with the vendor code, and the job completes', async () => {
    const spec = {
      ...DEFAULT_SEED_SPEC,
      accounts: 20,
      groups: 2,
      membersPerGroup: 5,
      chatrooms: 1,
      membersPerChatroom: 3,
      messages: 40,
      now: Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3 * 3_600_000,
      windowHours: 2,
    };
    pair.easemob.emulator.seed(`${EASEMOB.orgName}#${EASEMOB.appName}`, generateEasemobSeed(spec));
    // Tencent refuses the first profile write (its documented decode error); every other call goes through.
    pair.tencent.emulator.faults.set({
      route: '/v4/profile/portrait_set',
      status: 200,
      body: {
        ActionStatus: 'FAIL',
        ErrorCode: 40001,
        ErrorInfo: 'Err_Profile_Comm_Decode_Fail',
        ErrorDisplay: '',
      },
      times: 1,
    });
    const { job } = await runJob(pair, { history: historyWindow(spec) }, 120_000);
    expect(job.status).toBe('completed');
    expect(job.progress.profiles).toMatchObject({ total: 20, done: 19, failed: 1 });
    const failed = await jobItems(pair.gw, pair.bridgeId, job.id, 'status=failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ kind: 'profiles', error: { vendorCode: '40001' } });
    for (const kind of ['accounts', 'groups', 'members', 'contacts'] as const)
      expect({ kind, failed: job.progress[kind].failed }).toEqual({ kind, failed: 0 });
  });
});
