import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateTencentSeed, type EasemobAppSnapshot, type TencentAppSnapshot } from '@im-gateway/emulator';
import { MIGRATION_KINDS } from '@im-gateway/types';
import { EASEMOB, TENCENT } from '../messages/send-support.js';
import {
  historyWindow,
  idTable,
  jobFigures,
  migrationSeedSpec,
  runJob,
  vendorPair,
  type VendorPair,
} from '../support/vendor-migration.js';
import { compareTencentToEasemob, reportOf, tallyProblems } from '../support/vendor-migration.compare.js';

// The acceptance of vendor migration, Tencent → Easemob (see vendor-migration.e2e-spec.ts). Tencent cannot
// list its accounts: the user list is uploaded, as CSV, from the seed's accounts.
// Long: the full size takes minutes (see docs/migration.md for the figures).
const TIMEOUT = 40 * 60_000;
const APP = `${EASEMOB.orgName}#${EASEMOB.appName}`;
let pair: VendorPair;
beforeAll(async () => {
  pair = await vendorPair({ source: 'tencent' });
});
afterAll(async () => {
  await pair?.close();
});

/** What Easemob cannot take, as the job reports it (docs/migration.md, "Moving existing data"). */
const EXPECTED_REASONS = [
  /^history: Easemob cannot import chatroom history$/,
  /^history: Easemob cannot import face messages into a (direct|group) conversation$/,
  /^history: Older than the group on Easemob: /,
];

describe('a migration Tencent → Easemob', () => {
  const spec = migrationSeedSpec();
  const seed = generateTencentSeed(spec);
  const body = {
    users: { csv: `userId\n${seed.Accounts.join('\n')}\n` },
    history: historyWindow(spec),
  };
  let source: TencentAppSnapshot;
  let target: EasemobAppSnapshot;

  it(
    'carries every item once, equal, or reports it with a reason; the counts add up per kind',
    async () => {
      pair.tencent.emulator.seed(TENCENT.sdkAppId, seed);
      source = pair.tencent.emulator.inspect(TENCENT.sdkAppId);
      const { job, reported, ms } = await runJob(pair, body);
      process.stderr.write(`Tencent → Easemob, ${spec.accounts} accounts: ${jobFigures(job, ms)}\n`);
      expect(job.status).toBe('completed');
      const reasons = [...new Set(reported.map((i) => `${i.kind}: ${i.reason ?? i.error?.code}`))];
      expect(reasons.filter((r) => !EXPECTED_REASONS.some((e) => e.test(r)))).toEqual([]);

      target = pair.easemob.emulator.inspect(APP);
      const ids = {
        groups: await idTable(pair.gw, pair.bridgeId, 'group'),
        rooms: await idTable(pair.gw, pair.bridgeId, 'chatroom'),
      };
      const tally = compareTencentToEasemob(source, target, ids, reportOf(reported), Date.now());
      expect(Object.keys(tally).sort()).toEqual([...MIGRATION_KINDS].sort());
      expect(tallyProblems(tally, job.progress)).toEqual({});
      expect(target.users).toHaveLength(source.accounts.length);
      expect(target.chatgroups.length + target.chatrooms.length).toBe(Object.keys(source.groups).length);
    },
    TIMEOUT,
  );

  it(
    'run again, changes nothing on the target: every item exists or is skipped',
    async () => {
      const { job } = await runJob(pair, body);
      expect(job.status).toBe('completed');
      for (const kind of MIGRATION_KINDS)
        expect({ kind, failed: job.progress[kind].failed }).toEqual({ kind, failed: 0 });
      expect(pair.easemob.emulator.inspect(APP)).toEqual(target);
    },
    TIMEOUT,
  );
});
