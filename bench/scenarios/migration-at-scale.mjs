// Scenario `migration-at-scale`: the `migration` scenario's jobs moving only the directory kinds (accounts,
// groups, members, mutes, chat rooms), at a size where each import lasts seconds at the target's budget. At
// the `migration` size those are over within a poll or two.
import { HOUR, measureJobs, summarizeJobs } from '../lib/migration-jobs.mjs';
import { log } from '../lib/processes.mjs';
import { wants } from '../lib/settings.mjs';

const SCOPE = ['accounts', 'groups', 'members', 'mutes', 'chatrooms'];
const base = {
  adminsPerGroup: 2,
  mutesPerGroup: 1,
  chatrooms: 0,
  contactsPerUser: 0,
  blocksPerUser: 0,
  messages: 0,
  windowHours: 1,
  seed: 11,
};
/**
 * Into Tencent (from the Easemob source): 100 accounts a call and 200 calls a second make 10,000 accounts,
 * 200 groups, mutes or chat rooms and, at 200 members a group and call, 40,000 members a second; 50,000
 * accounts, 1,000 groups with their 200,000 members and a mute each, and 1,000 chat rooms last about five
 * seconds each (at 500 groups, members were over in two and a half, and the 100 ms poll at either end of
 * the window weighed on their rate).
 */
const intoTencent = () => ({
  ...base,
  accounts: 50_000,
  groups: 1_000,
  membersPerGroup: 200,
  chatrooms: 1_000,
  membersPerChatroom: 0,
  now: Date.now() - 3 * HOUR,
});
/**
 * Into Easemob (from the Tencent source): about 6,000 accounts, 100 groups or mutes, 50 chat rooms and 1,400
 * members a second; 500 groups of 40 with a mute each and 250 chat rooms of 10 last five seconds, the
 * groups' 20,000 members more (at 100 groups of 200, the groups were over in a second, and the 100 ms poll
 * weighed on their rate).
 */
const intoEasemob = () => ({
  ...base,
  accounts: 20_000,
  groups: 500,
  membersPerGroup: 40,
  chatrooms: 250,
  membersPerChatroom: 10,
  now: Date.now() - 3 * HOUR,
});

export const selected = () => wants('migration-at-scale');

/** Adds `migration-bulk/<engine>/<limiter>`. */
export async function measure(engine, run, add, tag) {
  for (const redis of [false, true]) {
    log(`${tag}: migration of ${SCOPE.join(', ')} at scale, limiter ${redis ? 'on Redis' : 'in memory'}`);
    add(
      `migration-bulk/${engine}/${redis ? 'redis' : 'memory'}`,
      await measureJobs({
        engine,
        run,
        redis,
        easemob: intoTencent(),
        tencent: intoEasemob(),
        body: () => ({ scope: SCOPE }),
        name: 'migration-at-scale',
      }),
    );
  }
}

export function summarize(samples, engine) {
  return summarizeJobs(samples, engine, 'migration-bulk', 'migration at scale', SCOPE);
}
