// Scenario `migration`: a seeded source moved by a migration job in each direction (Easemob → Tencent,
// Tencent → Easemob), both emulators WITH their documented rate limits; per kind, items/s against the
// target vendor's documented import budget for the calls the kind made. Without and with Redis.
import { HOUR, KINDS, measureJobs, summarizeJobs } from '../lib/migration-jobs.mjs';
import { log } from '../lib/processes.mjs';
import { wants } from '../lib/settings.mjs';

/**
 * Big enough that each kind's import lasts seconds at the vendor's budget, small enough for a few minutes a
 * run. The history lies 3–4 hours back: Tencent's hourly history files are ready an hour after the hour.
 */
const seedSpec = () => ({
  accounts: 600,
  groups: 20,
  membersPerGroup: 20,
  adminsPerGroup: 2,
  mutesPerGroup: 1,
  chatrooms: 4,
  membersPerChatroom: 10,
  contactsPerUser: 2,
  blocksPerUser: 1,
  messages: 3_000,
  now: Date.now() - 3 * HOUR,
  windowHours: 1,
  seed: 11,
});

// `--only migration` runs this and `migration-at-scale`; `--only migration-at-scale` that one alone.
export const selected = () => wants('migration');

/** Adds `migration/<engine>/<limiter>`. */
export async function measure(engine, run, add, tag) {
  for (const redis of [false, true]) {
    log(`${tag}: migration, limiter ${redis ? 'on Redis' : 'in memory'}`);
    const spec = seedSpec();
    const history = {
      from: new Date(spec.now - 2 * HOUR).toISOString(),
      to: new Date(spec.now + 1000).toISOString(),
    };
    add(
      `migration/${engine}/${redis ? 'redis' : 'memory'}`,
      await measureJobs({
        engine,
        run,
        redis,
        easemob: spec,
        tencent: spec,
        body: () => ({ history }),
        name: 'migration',
      }),
    );
  }
}

export function summarize(samples, engine) {
  return summarizeJobs(samples, engine, 'migration', 'migration', KINDS);
}
