import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect } from '@jest/globals';

/** A vendor-doc example as a provider package ships it: `fixtures/callbacks/<name>.json`. */
export interface CallbackFixture {
  name: string;
  source: string;
  repaired?: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  /** The events the provider's normalizer must yield: `fixtures/golden/<name>.events.json`. */
  golden: Record<string, unknown>[];
}

/** The time the golden files were made with: an event carrying it took the clock, not a vendor time. */
export const GOLDEN_NOW = '2024-01-01T00:00:00.000Z';

const require = createRequire(import.meta.url);

/** Every fixture of a provider package, with its golden events (read through the package's exports). */
export function providerFixtures(packageName: string): CallbackFixture[] {
  const root = dirname(require.resolve(`${packageName}/package.json`));
  const dir = join(root, 'fixtures', 'callbacks');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.json'.length);
      const fixture = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<
        CallbackFixture,
        'name' | 'golden'
      >;
      const golden = JSON.parse(
        readFileSync(join(root, 'fixtures', 'golden', `${name}.events.json`), 'utf8'),
      ) as Record<string, unknown>[];
      return { ...fixture, name, golden };
    });
}

/**
 * Asserts that the stored events of one callback are the golden drafts plus what the gateway adds (id,
 * appId, provider, receivedAt). A golden event whose time was the clock must carry the request's clock.
 */
export function expectGoldenEvents(
  actual: Record<string, unknown>[],
  golden: Record<string, unknown>[],
  appId: string,
  provider: string,
  window: { from: string; to: string },
): void {
  expect(actual).toHaveLength(golden.length);
  const comparable = actual.map((event, i) => {
    const { id, appId: a, provider: p, receivedAt, ...rest } = event;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect([a, p]).toEqual([appId, provider]);
    expect(String(receivedAt) >= window.from && String(receivedAt) <= window.to).toBe(true);
    if (golden[i]?.occurredAt === GOLDEN_NOW) {
      expect(String(rest.occurredAt) >= window.from && String(rest.occurredAt) <= window.to).toBe(true);
      return { ...rest, occurredAt: GOLDEN_NOW };
    }
    return rest;
  });
  expect(comparable).toEqual(golden);
}
