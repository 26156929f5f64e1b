import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateEasemobSeed, type EasemobAppSnapshot, type TencentAppSnapshot } from '@im-gateway/emulator';
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
import { compareEasemobToTencent, reportOf, tallyProblems } from '../support/vendor-migration.compare.js';

// The acceptance of vendor migration, Easemob → Tencent, on the emulators over real HTTP: a seeded app of
// every kind (a tenth of the acceptance size unless IMGW_MIGRATION_SCALE=full) moved by one job, then
// compared item by item. Rate limits are off in the emulators; the gateway still paces to the vendors' rules.
// Long: the full size takes minutes (see docs/migration.md for the figures).
const TIMEOUT = 40 * 60_000;
const APP = `${EASEMOB.orgName}#${EASEMOB.appName}`;
let pair: VendorPair;
beforeAll(async () => {
  pair = await vendorPair();
});
afterAll(async () => {
  await pair?.close();
});

describe('a migration Easemob → Tencent', () => {
  const spec = migrationSeedSpec();
  let source: EasemobAppSnapshot;
  let target: TencentAppSnapshot;

  it(
    'carries every item once, equal, or reports it with a reason; the counts add up per kind',
    async () => {
      pair.easemob.emulator.seed(APP, generateEasemobSeed(spec));
      source = pair.easemob.emulator.inspect(APP);
      const { job, reported, ms } = await runJob(pair, { history: historyWindow(spec) });
      process.stderr.write(`Easemob → Tencent, ${spec.accounts} accounts: ${jobFigures(job, ms)}\n`);
      expect(job.status).toBe('completed');
      expect(reported.every((i) => (i.reason ?? i.error?.message ?? '') !== '')).toBe(true);

      target = pair.tencent.emulator.inspect(TENCENT.sdkAppId);
      const ids = {
        groups: await idTable(pair.gw, pair.bridgeId, 'group'),
        rooms: await idTable(pair.gw, pair.bridgeId, 'chatroom'),
      };
      const tally = compareEasemobToTencent(source, target, ids, reportOf(reported));
      expect(Object.keys(tally).sort()).toEqual([...MIGRATION_KINDS].sort());
      expect(tallyProblems(tally, job.progress)).toEqual({});
      // Nothing on the target beyond what was carried: as many accounts, groups and rooms as the source.
      expect(target.accounts).toHaveLength(source.users.length);
      expect(Object.keys(target.groups)).toHaveLength(source.chatgroups.length + source.chatrooms.length);
      const reasons = new Set(reported.map((i) => `${i.kind}: ${i.reason ?? i.error?.code}`));
      expect(
        [...reasons].every((r) =>
          /^history: Tencent cannot import (audio|file|image|video) messages into a (group|chatroom) conversation$/.test(
            r,
          ),
        ),
      ).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'run again, changes nothing on the target: every item exists or is skipped',
    async () => {
      const { job } = await runJob(pair, { history: historyWindow(spec) });
      expect(job.status).toBe('completed');
      for (const kind of MIGRATION_KINDS)
        expect({ kind, failed: job.progress[kind].failed }).toEqual({ kind, failed: 0 });
      expect(pair.tencent.emulator.inspect(TENCENT.sdkAppId)).toEqual(target);
    },
    TIMEOUT,
  );
});
