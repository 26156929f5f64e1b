import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CallbackContext, CallbackRequest } from '@im-gateway/types';
import type { EasemobConfig } from '../src/easemob.config.js';

/** A vendor-doc example as stored in `fixtures/callbacks/<name>.json`. */
export interface EasemobFixture {
  source: string;
  repaired?: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/callbacks/', import.meta.url));
export const GOLDEN_DIR = fileURLToPath(new URL('../fixtures/golden/', import.meta.url));
export const FIXTURE_SECRET = 'fixture-secret';
export const FIXTURE_NOW = new Date('2024-01-01T00:00:00.000Z');

/**
 * Ids the Easemob docs print masked as `XXXX` (easemob.md §7: placeholder values kept as printed). They stand
 * for real ids, so the id rules need not accept them. Only ids the rules refuse are listed, and
 * `test/ids.spec.ts` keeps it so.
 */
export const PLACEHOLDER_IDS: readonly string[] = ['XXXX', 'wzy_XXXX'];

export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

export function goldenNames(): string[] {
  return readdirSync(GOLDEN_DIR)
    .filter((f) => f.endsWith('.events.json'))
    .map((f) => f.slice(0, -'.events.json'.length))
    .sort();
}

export function loadFixture(name: string): EasemobFixture {
  return JSON.parse(readFileSync(`${FIXTURE_DIR}${name}.json`, 'utf8')) as EasemobFixture;
}

/**
 * A clock half a minute after the example's `timestamp` (when Easemob's server received the message), for
 * checks of the signature's time window; FIXTURE_NOW when the example prints none.
 */
export function clockNear(body: unknown): Date {
  const timestamp =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>).timestamp : undefined;
  return typeof timestamp === 'number' ? new Date(timestamp + 30_000) : FIXTURE_NOW;
}

export function requestOf(fixture: EasemobFixture, body: unknown = fixture.body): CallbackRequest {
  return { body, rawBody: JSON.stringify(body), query: fixture.query, headers: fixture.headers };
}

/**
 * The one context every fixture spec uses. The app's `org#app` is taken from the example's `appkey` so that
 * the App Key check passes; examples without one get `org#app`.
 */
export function fixtureContext(
  body: unknown,
  overrides: Partial<EasemobConfig> = {},
): CallbackContext<EasemobConfig> {
  const appkey =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>).appkey : undefined;
  const [orgName = 'org', appName = 'app'] =
    typeof appkey === 'string' && appkey.includes('#') ? appkey.split('#', 2) : [];
  return {
    appId: 'app_fixture',
    config: {
      orgName,
      appName,
      callbackSecret: FIXTURE_SECRET,
      clientId: 'x',
      clientSecret: 'y',
      allowUnsignedCallbacks: true,
      ...overrides,
    },
    now: FIXTURE_NOW,
  };
}
