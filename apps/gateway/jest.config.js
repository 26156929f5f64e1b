import { jestConfig } from '../../jest.preset.js';

/**
 * Files whose assertions hold a wall clock to account: a vendor's rate window over the arrivals of paced
 * calls, an answer within a before-callback's budget. On two cores shared with two other test files they can
 * miss by the machine's own stalls, so `test/run-phases.mjs` runs them after the rest, one at a time.
 */
export const TIMED_FILES = [
  'test/messages/vendor-failures.e2e-spec.ts',
  'test/messages/vendor-rate-limiter.e2e-spec.ts',
  'test/messages/vendor-pacing-stall.e2e-spec.ts',
  'test/before-policy/before-decisions.e2e-spec.ts',
  'test/before-policy/before-vendor-wait.e2e-spec.ts',
  // 2,000 messages per vendor through one process (gateway, emulators, receiver): alone, it is not starved.
  'test/reconciliation/reconcile-gaps.e2e-spec.ts',
];

const timed = TIMED_FILES.map((f) => `<rootDir>/${f}`);
const phase = process.env['IMGW_TEST_PHASE'];

// Three workers on two cores: the end-to-end files spend most of their time waiting on vendor pacing in the
// emulators, child processes and the network, not on the CPU, and jest's default (one worker per spare core)
// would run them one after another.
export default jestConfig(import.meta.dirname, {
  maxWorkers: phase === 'timed' ? 1 : 3,
  testSequencer: '<rootDir>/test/slowest-first.sequencer.mjs',
  ...(phase === 'timed' ? { testMatch: timed } : {}),
  ...(phase === 'rest'
    ? { testPathIgnorePatterns: ['/node_modules/', ...TIMED_FILES.map((f) => `/${f}$`)] }
    : {}),
});
