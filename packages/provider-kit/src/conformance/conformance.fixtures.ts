import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConformanceFixture } from './conformance.types.js';

/**
 * A provider package's fixtures: `<root>/fixtures/callbacks/<name>.json` (`{ query, headers, body }`) paired
 * with `<root>/fixtures/golden/<name>.events.json`. A fixture without a golden file gets none, which the
 * golden check reports; a golden file without a fixture throws here.
 */
export function loadConformanceFixtures(packageRoot: string): ConformanceFixture[] {
  const callbacks = join(packageRoot, 'fixtures', 'callbacks');
  const golden = join(packageRoot, 'fixtures', 'golden');
  const names = readdirSync(callbacks)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
  const orphans = (existsSync(golden) ? readdirSync(golden) : [])
    .filter((f) => f.endsWith('.events.json'))
    .map((f) => f.slice(0, -'.events.json'.length))
    .filter((n) => !names.includes(n));
  if (orphans.length > 0) throw new Error(`Golden files without a fixture: ${orphans.join(', ')}`);
  return names.map((name) => {
    const fixture = JSON.parse(readFileSync(join(callbacks, `${name}.json`), 'utf8')) as {
      query?: Record<string, string>;
      headers?: Record<string, string>;
      body: unknown;
    };
    const goldenFile = join(golden, `${name}.events.json`);
    return {
      name,
      request: {
        body: fixture.body,
        rawBody: JSON.stringify(fixture.body),
        query: fixture.query ?? {},
        headers: fixture.headers ?? {},
      },
      golden: existsSync(goldenFile) ? (JSON.parse(readFileSync(goldenFile, 'utf8')) as unknown[]) : [],
    };
  });
}
