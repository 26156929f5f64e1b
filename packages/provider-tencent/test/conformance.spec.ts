import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import axios from 'axios';
import { describe, expect, it } from '@jest/globals';
import { startTencentEmulator } from '@im-gateway/emulator';
import {
  conformanceChecks,
  loadConformanceFixtures,
  type ConformanceSubject,
  type ContextualRequest,
} from '@im-gateway/provider-kit/conformance';
import type { CallbackContext, SendableContent, SendableContentType } from '@im-gateway/types';
import { TencentProvider } from '../src/tencent.provider.js';
import type { TencentConfig } from '../src/tencent.config.js';
import { tencentBeforeCallback } from './tencent-before-callbacks.js';
import { fixtureContext as callbackContext } from './tencent-fixtures.js';
import { tencentHistoryMessages } from './tencent-history-records.js';

/** The fixture context, typed as the provider's (the callback part needs only a subset of the config). */
const fixtureContext = (...args: Parameters<typeof callbackContext>) =>
  callbackContext(...args) as unknown as CallbackContext<TencentConfig>;

const TOKEN = 'conformance-callback-token';
const FILES = 'https://files.example.test/chatfiles';

/** The vendor's recipe, computed here rather than with the code under test: sha256(token + RequestTime). */
const sign = (token: string, time: string) => createHash('sha256').update(`${token}${time}`).digest('hex');

function signedAt(query: Readonly<Record<string, string | undefined>>, seconds: number, token = TOKEN) {
  return { ...query, RequestTime: String(seconds), Sign: sign(token, String(seconds)) };
}

/** Every content Tencent carries losslessly (`command` travels in the reserved custom encoding). */
export const TENCENT_ROUND_TRIP: Partial<Record<SendableContentType, SendableContent>> = {
  text: { type: 'text', text: 'hi 你好' },
  image: {
    type: 'image',
    url: `${FILES}/a.png`,
    width: 480,
    height: 720,
    size: 1234,
    format: 'png',
    variants: [{ kind: 'original', url: `${FILES}/a.png`, width: 480, height: 720, size: 1234 }],
  },
  audio: { type: 'audio', url: `${FILES}/b.amr`, durationSec: 10, size: 6374 },
  video: {
    type: 'video',
    url: `${FILES}/c.mp4`,
    durationSec: 5,
    size: 58103,
    format: 'mp4',
    thumbnailUrl: `${FILES}/c.jpg`,
    width: 360,
    height: 480,
  },
  file: { type: 'file', url: `${FILES}/d.txt`, name: 'd.txt', size: 10 },
  location: { type: 'location', latitude: 39.966, longitude: 116.322, address: '中关村' },
  command: { type: 'command', action: 'typing' },
  custom: {
    type: 'custom',
    data: '{"sku":"rose"}',
    description: 'a rose',
    extension: 'x',
    sound: 'ding.caf',
  },
  face: { type: 'face', index: 3, data: 'smile' },
};

export const tencentSubject = (
  provider = new TencentProvider(axios.create()),
): ConformanceSubject<TencentConfig> => ({
  provider,
  fixtures: loadConformanceFixtures(fileURLToPath(new URL('..', import.meta.url))),
  context: (f) => fixtureContext({ query: f.request.query as Record<string, string> }),
  sign: (f) => {
    const context = fixtureContext(
      { query: f.request.query as Record<string, string> },
      { callbackToken: TOKEN },
    );
    const seconds = Math.floor(context.now.getTime() / 1000);
    return { request: { ...f.request, query: signedAt(f.request.query, seconds) }, context };
  },
  tamper: ({ request, context }: ContextualRequest<TencentConfig>) => {
    const seconds = Number(request.query.RequestTime);
    const flip = (s = '') => s.slice(0, -1) + (s.endsWith('0') ? '1' : '0');
    return [
      {
        name: 'Sign with one changed digit',
        request: { ...request, query: { ...request.query, Sign: flip(request.query.Sign) } },
      },
      {
        name: 'Sign made with another token',
        request: { ...request, query: signedAt(request.query, seconds, 'other-token') },
      },
      {
        name: 'RequestTime changed, Sign kept',
        request: { ...request, query: { ...request.query, RequestTime: String(seconds + 1) } },
      },
      // A correctly signed replay from two minutes ago: the time window is the only replay limit.
      {
        name: 'a replay outside the time window',
        request: { ...request, query: signedAt(request.query, seconds - 120) },
      },
      { name: 'no Sign', request: { ...request, query: { ...request.query, Sign: undefined } } },
      {
        name: 'another SdkAppid',
        request: { ...request, query: { ...request.query, SdkAppid: String(context.config.sdkAppId + 1) } },
      },
    ];
  },
  // A retry comes later, with a fresh RequestTime and Sign (the signature covers only token and time).
  retry: ({ request, context }) => {
    const later = new Date(context.now.getTime() + 10_000);
    return {
      request: { ...request, query: signedAt(request.query, Math.floor(later.getTime() / 1000)) },
      context: { ...context, now: later },
    };
  },
  emulator: async (callbackUrl) => {
    const app = { sdkAppId: 1400000001, secretKey: 'conformance-secret-key', callbackToken: TOKEN };
    const emulator = await startTencentEmulator({ apps: [{ ...app, callbackUrl }] });
    return {
      config: { ...app, adminIdentifier: 'administrator', baseUrl: emulator.url } as TencentConfig,
      close: () => emulator.close(),
    };
  },
  contents: TENCENT_ROUND_TRIP,
  beforeCallback: tencentBeforeCallback,
  // Every API the migration reader and writer call (src/migration/): each must have a documented limit.
  migrationApis: [
    'im_open_login_svc/account_check',
    'im_open_login_svc/multiaccount_import',
    'profile/portrait_get',
    'profile/portrait_set',
    'sns/friend_get',
    'sns/friend_import',
    'sns/black_list_get',
    'sns/black_list_add',
    'group_open_http_svc/get_appid_group_list',
    'group_open_http_svc/get_group_info',
    'group_open_http_svc/get_group_member_info',
    'group_open_http_svc/get_group_muted_account',
    'group_open_http_svc/import_group',
    'group_open_http_svc/import_group_member',
    'group_open_http_svc/forbid_send_msg',
    'group_open_http_svc/import_group_msg',
    'group_open_http_svc/group_msg_get_simple',
    'open_msg_svc/get_history',
    'openim/importmsg',
    'openim/admin_getroammsg',
  ],
  historyMessages: tencentHistoryMessages(),
});

describe('Tencent provider conformance', () => {
  const checks = conformanceChecks({ ...tencentSubject(), updateGolden: process.env.UPDATE_GOLDEN === '1' });
  it('runs the shared checks', () => expect(checks.length).toBeGreaterThan(4));
  it.each(checks.map((c) => [c.name, c] as const))('%s', async (_name, check) => {
    await check.run();
  });
});

describe('the conformance suite on a deliberately broken Tencent normalizer', () => {
  const real = new TencentProvider(axios.create());
  const broken = (normalizeCallback: TencentProvider['normalizeCallback']) =>
    Object.assign(Object.create(real) as TencentProvider, { normalizeCallback });
  const run = (provider: TencentProvider, name: string) => {
    const check = conformanceChecks(tencentSubject(provider)).find((c) => c.name === name);
    if (!check) throw new Error(`no check ${name}`);
    return (async () => check.run())();
  };

  it('fails the golden check, naming the fixture and the field', async () => {
    const swapped = broken((request, context) => {
      const n = real.normalizeCallback(request, context);
      return {
        ...n,
        events: n.events.map((e) =>
          e.message ? { ...e, message: { ...e.message, from: e.message.to } } : e,
        ),
      };
    });
    await expect(run(swapped, 'golden: C2C.CallbackAfterSendMsg')).rejects.toThrow(
      /^golden: fixture C2C\.CallbackAfterSendMsg: events\/0\/message\/from: expected "\w+", got "\w+"$/,
    );
  });

  it('fails the purity check when the normalizer reads the wall clock', async () => {
    const clocked = broken((request, context) =>
      real.normalizeCallback(request, { ...context, now: new Date(Date.now()) }),
    );
    await expect(run(clocked, 'pure: State.StateChange')).rejects.toThrow(
      'pure: fixture State.StateChange: called Date.now()',
    );
  });

  it('fails the fuzz check when the normalizer throws anything but a CallbackRejectedError', async () => {
    const fragile = broken((request, context) => {
      if (typeof (request.body as { From_Account?: unknown }).From_Account !== 'string')
        throw new TypeError('From_Account.trim is not a function');
      return real.normalizeCallback(request, context);
    });
    await expect(run(fragile, 'fuzz: C2C.CallbackAfterSendMsg')).rejects.toThrow(
      /^fuzz: fixture C2C\.CallbackAfterSendMsg: with \/body\/From_Account .*normalizeCallback threw TypeError/,
    );
  });

  it('fails the before check when a deny is answered as allow', async () => {
    const lenient = Object.assign(Object.create(real) as TencentProvider, {
      decisionReply: ((normalized, request, decision) =>
        real.decisionReply(
          normalized,
          request,
          decision.action === 'deny' ? { action: 'allow' } : decision,
        )) as TencentProvider['decisionReply'],
    });
    await expect(run(lenient, 'before: C2C.CallbackBeforeSendMsg')).rejects.toThrow(
      'before: C2C.CallbackBeforeSendMsg: deny answers as allow',
    );
  });

  it('fails the before check for a command declared with another event than it yields', async () => {
    const misdeclared = Object.assign(Object.create(real) as TencentProvider, {
      capabilities: {
        ...real.capabilities,
        before: {
          ...real.capabilities.before,
          commands: real.capabilities.before.commands.map((c) =>
            c.vendorKind === 'Group.CallbackBeforeApplyJoinGroup'
              ? { ...c, eventType: 'group.invite.requested' as const }
              : c,
          ),
        },
      },
    });
    await expect(run(misdeclared, 'before: Group.CallbackBeforeApplyJoinGroup')).rejects.toThrow(
      'declared as group.invite.requested, normalized to group.join.requested',
    );
  });

  it('fails the fuzz check for an event outside the unified model JSON Schema', async () => {
    const extra = broken((request, context) => {
      const n = real.normalizeCallback(request, context);
      return { ...n, events: n.events.map((e) => ({ ...e, vendor: 'tencent' })) };
    });
    await expect(run(extra, 'fuzz: State.StateChange')).rejects.toThrow(
      /^fuzz: fixture State\.StateChange: with .*: invalid event: event 0 \/vendor is not allowed/,
    );
  });
});
