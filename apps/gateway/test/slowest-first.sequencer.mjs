// Orders the first test phase so that the files that take longest start first. Jest orders by the durations
// it cached on an earlier run, and a fresh clone (as CI runs) has none: it falls back to file size, which
// can leave a five-minute migration suite to start last, with the other workers idle behind it. Files not
// listed keep jest's order after these. The durations are from a PostgreSQL run on two cores (seconds).
import Sequencer from '@jest/test-sequencer';

export const SLOWEST_FILES = [
  'test/quick-start/quick-start.e2e-spec.ts', // ~320 (SQLite pass only, when IMGW_QUICKSTART=1)
  'test/migrations/vendor-migration-reverse.e2e-spec.ts', // ~300
  'test/migrations/vendor-migration.e2e-spec.ts', // ~250
  'test/migrations/migration-kill.e2e-spec.ts', // ~195
  'test/destinations/broker-delivery.e2e-spec.ts', // ~77
  'test/bridges/bridge-loop-fault.e2e-spec.ts', // ~59
  'test/endpoints/delivery-sigkill.e2e-spec.ts', // ~47
  'test/common/input-fuzz.e2e-spec.ts', // ~42
];

const rank = (path) => SLOWEST_FILES.findIndex((f) => path.endsWith(`/${f}`));

export default class SlowestFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const listed = sorted.filter((t) => rank(t.path) >= 0).sort((a, b) => rank(a.path) - rank(b.path));
    return [...listed, ...sorted.filter((t) => rank(t.path) < 0)];
  }
}
