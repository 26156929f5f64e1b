import { fileURLToPath } from 'node:url';
import { FixtureFiles, type VendorFixture } from '@im-gateway/provider-kit/conformance';
import type { TencentCallbackConfig, TencentCallbackContext } from '../src/callback/index.js';

/** This package's vendor-doc examples and their golden events. */
export const FIXTURES = new FixtureFiles(fileURLToPath(new URL('..', import.meta.url)));

export const FIXTURE_NOW = new Date('2024-01-01T00:00:00.000Z');

/** The one context golden files are produced with: the fixture's SdkAppid, no callback token. */
export function fixtureContext(
  fixture: Pick<VendorFixture, 'query'>,
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
