import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallbackRequest } from '@im-gateway/types';

/** A vendor-doc example as stored in `fixtures/callbacks/<name>.json`. */
export interface VendorFixture {
  /** Where in the vendor's documentation it was copied from. */
  source: string;
  /** What had to be fixed to make it JSON (comments, truncated values), if anything. */
  repaired?: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

const names = (dir: string, suffix: string): string[] =>
  (existsSync(dir) ? readdirSync(dir) : [])
    .filter((f) => f.endsWith(suffix))
    .map((f) => f.slice(0, -suffix.length))
    .sort();

/**
 * A provider package's fixtures: `<root>/fixtures/callbacks/<name>.json`, each paired with the events it
 * must yield in `<root>/fixtures/golden/<name>.events.json`. One loader for every spec of the package.
 */
export class FixtureFiles {
  readonly callbacksDir: string;
  readonly goldenDir: string;

  constructor(packageRoot: string) {
    this.callbacksDir = join(packageRoot, 'fixtures', 'callbacks');
    this.goldenDir = join(packageRoot, 'fixtures', 'golden');
  }

  /** Fixture names (file names without `.json`), sorted. */
  names(): string[] {
    return names(this.callbacksDir, '.json');
  }

  /** Golden file names (without `.events.json`), sorted: equal to `names()` when every file is paired. */
  goldenNames(): string[] {
    return names(this.goldenDir, '.events.json');
  }

  load(name: string): VendorFixture {
    return JSON.parse(readFileSync(join(this.callbacksDir, `${name}.json`), 'utf8')) as VendorFixture;
  }

  goldenPath(name: string): string {
    return join(this.goldenDir, `${name}.events.json`);
  }

  /** The golden events of `name`, or `undefined` when it has no golden file. */
  golden(name: string): unknown[] | undefined {
    const path = this.goldenPath(name);
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as unknown[]) : undefined;
  }

  /** Rewrites the golden file of `name` (`UPDATE_GOLDEN=1`); review the diff. */
  writeGolden(name: string, events: readonly unknown[]): void {
    mkdirSync(this.goldenDir, { recursive: true });
    writeFileSync(this.goldenPath(name), `${JSON.stringify(events, null, 2)}\n`);
  }
}

/** The request the gateway would build from a fixture, optionally with another body. */
export function fixtureRequest(
  fixture: Pick<VendorFixture, 'body'> & Partial<Pick<VendorFixture, 'query' | 'headers'>>,
  body: unknown = fixture.body,
): CallbackRequest {
  return {
    body,
    rawBody: JSON.stringify(body) ?? '',
    query: fixture.query ?? {},
    headers: fixture.headers ?? {},
  };
}
