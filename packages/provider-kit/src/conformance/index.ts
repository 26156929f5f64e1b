/**
 * The provider conformance suite: the checks every provider package runs on itself. Framework-free: each
 * check is `{ name, run }`, so a package registers them with its own test runner (`it(check.name, check.run)`).
 */
import { beforeChecks } from './conformance.before.js';
import { callbackChecks } from './conformance.callback-checks.js';
import { fuzzChecks } from './conformance.fuzz.js';
import { idChecks } from './conformance.ids.js';
import { migrationChecks } from './conformance.migration.js';
import { reconcileChecks } from './conformance.reconcile.js';
import { roundTripChecks } from './conformance.round-trip.js';
import type { ConformanceCheck, ConformanceSubject } from './conformance.types.js';

export {
  ConformanceError,
  type ConformanceCheck,
  type ConformanceEmulator,
  type ConformanceFixture,
  type ConformanceSubject,
  type ContextualRequest,
} from './conformance.types.js';
export { loadConformanceFixtures } from './conformance.fixtures.js';
export { FixtureFiles, fixtureRequest, type VendorFixture } from './conformance.fixture-files.js';
export { boundaryChecks, boundaryProblems, boundarySources } from './conformance.boundary.js';
export { goldenIds, type GoldenId } from './conformance.ids.js';
export { migrationChecks, migrationProblems } from './conformance.migration.js';
export {
  reconcileChecks,
  reconcileDeclarationProblems,
  recoveredEventProblems,
} from './conformance.reconcile.js';
export { beforeChecks, beforeDeclarationProblems, conformanceModification } from './conformance.before.js';
export { firstDifference } from './json-difference.js';

/**
 * Every shared check for `subject`: golden, forgeries, purity, dedupe across retries, ids, fuzz, round trip,
 * the migration and reconciliation declarations, recovered events, and the before-callbacks' declarations
 * and decision replies.
 */
export function conformanceChecks<Config extends object>(
  subject: ConformanceSubject<Config>,
): ConformanceCheck[] {
  return [
    ...callbackChecks(subject),
    ...idChecks(subject),
    ...fuzzChecks(subject),
    ...roundTripChecks(subject),
    ...migrationChecks(subject),
    ...reconcileChecks(subject),
    ...beforeChecks(subject),
  ];
}
