import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import axios from 'axios';
import { describe, expect, it } from '@jest/globals';
import { startEasemobEmulator } from '@im-gateway/emulator';
import {
  conformanceChecks,
  loadConformanceFixtures,
  type ConformanceSubject,
  type ContextualRequest,
} from '@im-gateway/provider-kit/conformance';
import type { CallbackRequest, SendableContent, SendableContentType } from '@im-gateway/types';
import type { EasemobConfig } from '../src/easemob.config.js';
import { EasemobProvider } from '../src/easemob.provider.js';
import { EASEMOB_MIGRATION_APIS } from '../src/migration/easemob-migration.apis.js';
import { easemobBeforeCallback } from './easemob-before-callbacks.js';
import { easemobHistoryMessages } from './easemob-history-records.js';
import {
  clockNear,
  FIXTURE_NOW,
  FIXTURE_SECRET,
  fixtureContext,
  PLACEHOLDER_IDS,
} from './easemob-fixtures.js';

type Body = Record<string, unknown>;
const FILES = 'https://files.example.test/chatfiles';

/** The vendor's recipe, computed here rather than with the code under test: MD5(callId + secret + timestamp). */
function signed(body: Body, secret = FIXTURE_SECRET): Body {
  const security = createHash('md5')
    .update(`${String(body.callId ?? '')}${secret}${String(body.timestamp ?? '')}`)
    .digest('hex');
  return { ...body, security };
}

const withBody = (request: CallbackRequest, body: Body): CallbackRequest => ({
  ...request,
  body,
  rawBody: JSON.stringify(body),
});

/** Every content Easemob carries losslessly (it has no face message). */
const EASEMOB_ROUND_TRIP: Partial<Record<SendableContentType, SendableContent>> = {
  text: { type: 'text', text: 'hi 你好' },
  image: {
    type: 'image',
    url: `${FILES}/a.png`,
    name: 'a.png',
    width: 480,
    height: 720,
    size: 1234,
    secret: 'sa',
  },
  audio: { type: 'audio', url: `${FILES}/b.amr`, name: 'b.amr', durationSec: 10, size: 6374, secret: 'sb' },
  video: {
    type: 'video',
    url: `${FILES}/c.mp4`,
    name: 'c.mp4',
    durationSec: 5,
    size: 58103,
    secret: 'sc',
    thumbnailUrl: `${FILES}/c.jpg`,
    thumbnailSecret: 'sct',
    width: 360,
    height: 480,
  },
  file: { type: 'file', url: `${FILES}/d.txt`, name: 'd.txt', size: 10, secret: 'sd' },
  location: { type: 'location', latitude: 39.966, longitude: 116.322, address: '中关村' },
  command: { type: 'command', action: 'typing' },
  custom: { type: 'custom', event: 'gift', fields: { sku: 'rose', count: '3' } },
};

export const easemobSubject = (
  provider = new EasemobProvider(axios.create()),
): ConformanceSubject<EasemobConfig> => ({
  provider,
  fixtures: loadConformanceFixtures(fileURLToPath(new URL('..', import.meta.url))),
  context: (f) => fixtureContext(f.request.body),
  sign: (f) => {
    // A signed callback always carries callId and timestamp; examples printed without them get the ones
    // Easemob would send, and the clock is set near the timestamp, as for a callback just received.
    const printed = f.request.body as Body;
    const body = signed({
      ...printed,
      callId: printed.callId ?? `org#app_${f.name}`,
      timestamp: printed.timestamp ?? FIXTURE_NOW.getTime(),
    });
    return {
      request: withBody(f.request, body),
      context: { ...fixtureContext(body, { allowUnsignedCallbacks: false }), now: clockNear(body) },
    };
  },
  tamper: ({ request }: ContextualRequest<EasemobConfig>) => {
    const body = request.body as Body;
    const flip = (s: string) => s.slice(0, -1) + (s.endsWith('0') ? '1' : '0');
    const { security: _dropped, ...unsigned } = body;
    return [
      {
        name: 'security with one changed digit',
        request: withBody(request, { ...body, security: flip(String(body.security)) }),
      },
      { name: 'security made with another secret', request: withBody(request, signed(body, 'other-secret')) },
      {
        name: 'callId changed, security kept',
        request: withBody(request, { ...body, callId: `${String(body.callId)}x` }),
      },
      {
        name: 'timestamp changed, security kept',
        request: withBody(request, { ...body, timestamp: Number(body.timestamp ?? 0) + 1 }),
      },
      { name: 'no security', request: withBody(request, unsigned) },
      {
        name: 'callId removed, re-signed',
        request: withBody(
          request,
          signed(Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'callId'))),
        ),
      },
      {
        name: 'timestamp 11 minutes later, re-signed',
        request: withBody(request, signed({ ...body, timestamp: Number(body.timestamp) + 660_000 })),
      },
    ];
  },
  emulator: async (callbackUrl) => {
    const app = {
      orgName: 'org1',
      appName: 'app1',
      clientId: 'YXA6id',
      clientSecret: 'YXA6secret',
      callbackSecret: 's',
    };
    const emulator = await startEasemobEmulator({ apps: [{ ...app, callbackUrl }], rateLimits: false });
    return { config: { ...app, baseUrl: emulator.url } as EasemobConfig, close: () => emulator.close() };
  },
  contents: EASEMOB_ROUND_TRIP,
  beforeCallback: easemobBeforeCallback,
  placeholderIds: PLACEHOLDER_IDS,
  migrationApis: Object.values(EASEMOB_MIGRATION_APIS),
  historyMessages: easemobHistoryMessages(),
});

describe('Easemob provider conformance', () => {
  const checks = conformanceChecks({ ...easemobSubject(), updateGolden: process.env.UPDATE_GOLDEN === '1' });
  it('runs the shared checks', () => expect(checks.length).toBeGreaterThan(4));
  it.each(checks.map((c) => [c.name, c] as const))('%s', async (_name, check) => {
    await check.run();
  });
});
