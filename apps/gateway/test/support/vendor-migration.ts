import { expect } from '@jest/globals';
import {
  DEFAULT_SEED_SPEC,
  startEasemobEmulator,
  startTencentEmulator,
  type EasemobEmulator,
  type SeedSpec,
  type TencentEmulator,
} from '@im-gateway/emulator';
import { startGateway, type RunningGateway } from './gateway.js';
import { TcpProxy } from './tcp-proxy.js';
import { EASEMOB, TENCENT } from '../messages/send-support.js';

const HOUR = 3_600_000;

/**
 * The acceptance size (`IMGW_MIGRATION_SCALE=full`: 5,000 accounts, 200 groups, 50,000 messages…) or, by
 * default, a tenth of it, which still has every kind and every content type.
 */
export function migrationSeedSpec(now = Date.now()): SeedSpec {
  const full = process.env['IMGW_MIGRATION_SCALE'] === 'full';
  const scale = full ? 1 : 0.1;
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  return {
    ...DEFAULT_SEED_SPEC,
    accounts: n(DEFAULT_SEED_SPEC.accounts),
    groups: n(DEFAULT_SEED_SPEC.groups),
    chatrooms: Math.max(2, n(DEFAULT_SEED_SPEC.chatrooms)),
    messages: n(DEFAULT_SEED_SPEC.messages),
    // History ends three hours before now: past Tencent's two-hour delay before an hour's file can be read,
    // and inside Easemob's three-day export and Tencent's seven days. Six hours of it: the gateway paces
    // Easemob's export to its documented 10 calls a minute, one call an hour, and ten go at once.
    now: Math.floor(now / HOUR) * HOUR - 3 * HOUR,
    windowHours: 6,
  };
}

export interface VendorPair {
  gw: RunningGateway;
  easemob: { emulator: EasemobEmulator; appId: string };
  tencent: { emulator: TencentEmulator; appId: string };
  bridgeId: string;
  /** With `callbackProxy`: the proxy the vendors' callbacks pass through, to cut the gateway off from them. */
  callbackProxy?: TcpProxy;
  close(): Promise<void>;
}

/**
 * A gateway with an Easemob app and a Tencent app on their emulators (rate limits off, callbacks on), and
 * a two-way bridge carrying direct, group and chat-room conversations with users of the same id.
 */
export async function vendorPair(
  options: { env?: Record<string, string>; source?: 'easemob' | 'tencent'; callbackProxy?: boolean } = {},
): Promise<VendorPair> {
  const gw = await startGateway({ env: { ...options.env } });
  const gwPort = Number(new URL(gw.url).port);
  const proxy = options.callbackProxy ? new TcpProxy('127.0.0.1', gwPort) : undefined;
  const callbackBase = proxy ? `http://127.0.0.1:${await proxy.start()}` : gw.url;
  const app = async (provider: string, config: Record<string, unknown>) => {
    const created = await gw.call('POST', '/v1/apps', {
      body: { name: provider, provider, config: { ...config, baseUrl: 'http://127.0.0.1:1' } },
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const easemobId = await app('easemob', EASEMOB);
  const tencentId = await app('tencent', TENCENT);
  const em = await startEasemobEmulator({
    apps: [{ ...EASEMOB, callbackUrl: `${callbackBase}/callbacks/easemob/${easemobId}` }],
    rateLimits: false,
  });
  const tc = await startTencentEmulator({
    apps: [
      {
        sdkAppId: TENCENT.sdkAppId,
        secretKey: TENCENT.secretKey,
        callbackToken: TENCENT.callbackToken,
        callbackUrl: `${callbackBase}/callbacks/tencent/${tencentId}`,
      },
    ],
    rateLimits: false,
  });
  for (const [id, url] of [
    [easemobId, em.url],
    [tencentId, tc.url],
  ] as const) {
    const patched = await gw.call('PATCH', `/v1/apps/${id}`, { body: { config: { baseUrl: url } } });
    expect(patched.status).toBe(200);
  }
  const [sourceAppId, targetAppId] =
    options.source === 'tencent' ? [tencentId, easemobId] : [easemobId, tencentId];
  const bridge = await gw.call('POST', '/v1/bridges', {
    body: {
      sourceAppId,
      targetAppId,
      direction: 'both',
      conversationKinds: ['direct', 'group', 'chatroom'],
      userMapping: { type: 'same' },
    },
  });
  expect(bridge.status).toBe(201);
  return {
    gw,
    easemob: { emulator: em, appId: easemobId },
    tencent: { emulator: tc, appId: tencentId },
    bridgeId: bridge.body.id as string,
    ...(proxy ? { callbackProxy: proxy } : {}),
    close: async () => {
      await proxy?.cut();
      await em.close();
      await tc.close();
      await gw.close();
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls a job until it is finished (completed, failed or cancelled), or fails after `timeoutMs`. */
export async function finishedJob(
  gw: RunningGateway,
  bridgeId: string,
  jobId: string,
  timeoutMs: number,
): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await gw.call('GET', `/v1/bridges/${bridgeId}/migrations/${jobId}`);
    expect(res.status).toBe(200);
    if (['completed', 'failed', 'cancelled'].includes(res.body.status)) return res.body;
    if (process.env['IMGW_MIGRATION_PROGRESS'])
      process.stderr.write(
        `${new Date().toISOString()} ${Object.entries(res.body.progress as Record<string, any>)
          .map(([k, p]) => `${k}:${p.phase}:${p.done + p.skipped + p.failed}/${p.total}`)
          .join(' ')}\n`,
      );
    if (Date.now() > until)
      throw new Error(`job ${jobId} still ${res.body.status}: ${JSON.stringify(res.body.progress)}`);
    await sleep(process.env['IMGW_MIGRATION_PROGRESS'] ? 5000 : 250);
  }
}

/** Every item of a job (all pages) as the API filters them. */
export async function jobItems(
  gw: RunningGateway,
  bridgeId: string,
  jobId: string,
  query = '',
): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const q: string = `${query}${query ? '&' : ''}limit=200${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await gw.call('GET', `/v1/bridges/${bridgeId}/migrations/${jobId}/items?${q}`);
    expect(res.status).toBe(200);
    out.push(...res.body.data);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

/** A bridge's id table of one kind (all pages), source id → target id. */
export async function idTable(
  gw: RunningGateway,
  bridgeId: string,
  kind: 'group' | 'chatroom',
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let cursor: string | null = null;
  do {
    const q: string = `limit=200${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await gw.call('GET', `/v1/bridges/${bridgeId}/mappings/${kind}?${q}`);
    expect(res.status).toBe(200);
    for (const r of res.body.data as { source: string; target: string }[]) out.set(r.source, r.target);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

/** Starts a job on the bridge and waits for its end; answers the job and its skipped and failed items. */
export async function runJob(
  pair: VendorPair,
  body: Record<string, unknown>,
  timeoutMs = 30 * 60_000,
): Promise<{ job: any; reported: any[]; ms: number }> {
  const started = Date.now();
  const res = await pair.gw.call('POST', `/v1/bridges/${pair.bridgeId}/migrations`, { body });
  expect(res.status).toBe(201);
  const job = await finishedJob(pair.gw, pair.bridgeId, res.body.id as string, timeoutMs);
  const ms = Date.now() - started;
  const reported = [
    ...(await jobItems(pair.gw, pair.bridgeId, job.id, 'status=skipped')),
    ...(await jobItems(pair.gw, pair.bridgeId, job.id, 'status=failed')),
  ];
  return { job, reported, ms };
}

/** The history window of a seed of `spec`: all of it, and nothing after it. */
export function historyWindow(spec: SeedSpec): { from: string; to: string } {
  return {
    from: new Date(spec.now - spec.windowHours * HOUR).toISOString(),
    to: new Date(spec.now).toISOString(),
  };
}

/** One line per kind for a test's log: the figures a run reports. */
export function jobFigures(job: any, ms: number): string {
  const kinds = Object.entries(job.progress as Record<string, any>).map(
    ([k, p]) => `${k} ${p.total} (done ${p.done}, skipped ${p.skipped}, failed ${p.failed})`,
  );
  return `${job.status} in ${(ms / 1000).toFixed(1)} s: ${kinds.join('; ')}`;
}
