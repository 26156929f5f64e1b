import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';

/** The console's JavaScript, gzipped, must stay under this: a phone on a slow link loads it in seconds. */
const BUDGET_BYTES = 60 * 1024;
const ASSETS = new URL('../dist/assets/', import.meta.url);

describe('console bundle', () => {
  it(`ships at most ${BUDGET_BYTES / 1024} KiB of gzipped JavaScript`, () => {
    const scripts = readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0); // built by turbo before the tests
    const gzipped = scripts.reduce(
      (sum, f) => sum + gzipSync(readFileSync(new URL(f, ASSETS)), { level: 9 }).length,
      0,
    );
    process.stderr.write(
      `console JavaScript: ${(gzipped / 1024).toFixed(1)} KiB gzipped (budget ${BUDGET_BYTES / 1024} KiB)\n`,
    );
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
