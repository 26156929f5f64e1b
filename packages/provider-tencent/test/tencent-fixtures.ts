import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallbackRequest } from '@im-gateway/types';
import type { TencentCallbackConfig, TencentCallbackContext } from '../src/callback/index.js';

/** A vendor-printed callback: `fixtures/callbacks/<Command>.json`. */
export interface TencentFixture {
  source: string;
  repaired?: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures', 'callbacks');
export const GOLDEN_DIR = join(import.meta.dirname, '..', 'fixtures', 'golden');

/** Fixture names (file names without `.json`), sorted. */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

export function loadFixture(name: string): TencentFixture {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.json`), 'utf8')) as TencentFixture;
}

/** The request the gateway would build from a fixture. */
export function fixtureRequest(fixture: Pick<TencentFixture, 'query' | 'headers' | 'body'>): CallbackRequest {
  return {
    body: fixture.body,
    rawBody: JSON.stringify(fixture.body),
    query: fixture.query,
    headers: fixture.headers,
  };
}

export const FIXTURE_NOW = new Date('2024-01-01T00:00:00.000Z');

/** The one context golden files are produced with: the fixture's SdkAppid, no callback token. */
export function fixtureContext(
  fixture: Pick<TencentFixture, 'query'>,
  config: Partial<TencentCallbackConfig> = {},
): TencentCallbackContext {
  return {
    appId: 'app_fixture',
    config: {
      sdkAppId: Number(fixture.query.SdkAppid),
      secretKey: 'x',
      adminIdentifier: 'administrator',
      // The vendor-doc examples are unsigned; specs of the signature pass a token or unset this.
      allowUnsignedCallbacks: true,
      ...config,
    } as TencentCallbackConfig,
    now: FIXTURE_NOW,
  };
}
