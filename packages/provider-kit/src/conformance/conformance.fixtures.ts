import { FixtureFiles, fixtureRequest } from './conformance.fixture-files.js';
import type { ConformanceFixture } from './conformance.types.js';

/**
 * A provider package's fixtures: `<root>/fixtures/callbacks/<name>.json` (`{ query, headers, body }`) paired
 * with `<root>/fixtures/golden/<name>.events.json`. A fixture without a golden file gets none, which the
 * golden check reports; a golden file without a fixture throws here.
 */
export function loadConformanceFixtures(packageRoot: string): ConformanceFixture[] {
  const files = new FixtureFiles(packageRoot);
  const names = files.names();
  const orphans = files.goldenNames().filter((n) => !names.includes(n));
  if (orphans.length > 0) throw new Error(`Golden files without a fixture: ${orphans.join(', ')}`);
  return names.map((name) => ({
    name,
    request: fixtureRequest(files.load(name)),
    golden: files.golden(name) ?? [],
    goldenFile: files.goldenPath(name),
  }));
}
