import { fileURLToPath } from 'node:url';
import { FixtureFiles } from '@im-gateway/provider-kit/conformance';
import type { CallbackContext } from '@im-gateway/types';
import type { EasemobConfig } from '../src/easemob.config.js';

/** This package's vendor-doc examples and their golden events. */
export const FIXTURES = new FixtureFiles(fileURLToPath(new URL('..', import.meta.url)));
export const FIXTURE_SECRET = 'fixture-secret';
export const FIXTURE_NOW = new Date('2024-01-01T00:00:00.000Z');

/**
 * Ids the Easemob docs print masked as `XXXX` (easemob.md §7: placeholder values kept as printed). They stand
 * for real ids, so the id rules need not accept them. Only ids the rules refuse are listed, and
 * `test/ids.spec.ts` keeps it so.
 */
export const PLACEHOLDER_IDS: readonly string[] = ['XXXX', 'wzy_XXXX'];

/**
 * A clock half a minute after the example's `timestamp` (when Easemob's server received the message), for
 * checks of the signature's time window; FIXTURE_NOW when the example prints none.
 */
export function clockNear(body: unknown): Date {
  const timestamp =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>).timestamp : undefined;
  return typeof timestamp === 'number' ? new Date(timestamp + 30_000) : FIXTURE_NOW;
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
