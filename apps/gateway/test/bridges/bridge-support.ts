import { afterAll, expect } from '@jest/globals';
import type { EasemobEmulator, TencentEmulator } from '@im-gateway/emulator';
import type { TestDatabase } from '@im-gateway/persistence/testing';
import type { Logger } from 'pino';
import { startGateway, type RunningGateway } from '../support/gateway.js';
import { easemobApp, sleep, tencentApp } from '../messages/send-support.js';

/** Easemob group and chat room ids as the vendor assigns them, and their Tencent twins. */
export const GROUP = { easemob: '184524748161025', tencent: '@TGS#2J4SZEAEL' };
export const ROOM = { easemob: '185145305923585', tencent: '@TGS#aROOM01' };

/** Retries within a second or so, so that fault tests finish quickly; vendor calls give up fast. */
export const FAST_RETRIES = {
  DELIVERY_RETRY_SCHEDULE: '0,0.2,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3',
  DELIVERY_SWEEP_SECONDS: '1',
  SEND_DEADLINE_MS: '1000',
  VENDOR_MAX_ATTEMPTS: '2',
  VENDOR_RETRY_BASE_MS: '50',
};

export interface BridgedPair {
  gw: RunningGateway;
  easemob: { emulator: EasemobEmulator; appId: string };
  tencent: { emulator: TencentEmulator; appId: string };
  bridgeId: string;
  close(): Promise<void>;
}

/**
 * A gateway with an Easemob app and a Tencent app on their emulators (callbacks on), bridged both ways:
 * users `em_<name>` on Easemob are `tc_<name>` on Tencent, one group and one chat room mapped by table.
 */
export async function bridgedPair(
  options: {
    env?: Record<string, string>;
    bridge?: Record<string, unknown>;
    mappings?: boolean;
    logger?: Logger;
    /** The gateway's database, when the test must reach it too; else a fresh one of the environment's engine. */
    db?: TestDatabase;
  } = {},
): Promise<BridgedPair> {
  const gw = await startGateway({
    env: { ...FAST_RETRIES, ...options.env },
    ...(options.db ? { db: options.db } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const easemob = await easemobApp(gw, { callbacks: true, rateLimits: false });
  const tencent = await tencentApp(gw, { callbacks: true });
  const created = await gw.call('POST', '/v1/bridges', {
    body: {
      sourceAppId: easemob.appId,
      targetAppId: tencent.appId,
      direction: 'both',
      userMapping: { type: 'affix', source: { prefix: 'em_' }, target: { prefix: 'tc_' } },
      ...options.bridge,
    },
  });
  expect(created.status).toBe(201);
  const bridgeId = created.body.id as string;
  if (options.mappings !== false) {
    for (const [kind, pair] of [
      ['group', GROUP],
      ['chatroom', ROOM],
    ] as const) {
      const put = await gw.call('PUT', `/v1/bridges/${bridgeId}/mappings/${kind}`, {
        body: { mappings: [{ source: pair.easemob, target: pair.tencent }] },
      });
      expect(put.status).toBe(200);
      expect(put.body.rejected).toEqual([]);
    }
  }
  return {
    gw,
    easemob,
    tencent,
    bridgeId,
    close: async () => {
      await easemob.emulator.close();
      await tencent.emulator.close();
      await gw.close();
    },
  };
}

/** Polls `probe` until it returns a defined value, or fails after `timeoutMs` with the last value seen. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Every relay of a bridge (all pages), optionally of one status. */
export async function relays(gw: RunningGateway, bridgeId: string, status?: string): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const qs: URLSearchParams = new URLSearchParams({
      limit: '200',
      ...(status ? { status } : {}),
      ...(cursor ? { cursor } : {}),
    });
    const res: { status: number; body: any } = await gw.call('GET', `/v1/bridges/${bridgeId}/relays?${qs}`);
    expect(res.status).toBe(200);
    out.push(...res.body.data);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

/** Waits until the bridge has `count` relays and none is pending or under way. */
export async function settledRelays(gw: RunningGateway, bridgeId: string, count: number, timeoutMs = 30_000) {
  return eventually(
    async () => {
      const all = await relays(gw, bridgeId);
      const busy = all.some((r) => r.status === 'pending' || r.status === 'relaying');
      return all.length >= count && !busy ? all : undefined;
    },
    `${count} settled relays`,
    timeoutMs,
  );
}

/** Every event of a type on an app (all pages). */
export async function events(gw: RunningGateway, appId: string, type = 'message.sent'): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const qs: URLSearchParams = new URLSearchParams({ type, limit: '200', ...(cursor ? { cursor } : {}) });
    const res: { status: number; body: any } = await gw.call('GET', `/v1/apps/${appId}/events?${qs}`);
    expect(res.status).toBe(200);
    out.push(...res.body.data);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

/** Sends through the gateway's unified API on one app: the vendor (emulator) fires its callback as for any send. */
export async function send(
  gw: RunningGateway,
  appId: string,
  body: Record<string, unknown>,
): Promise<string> {
  const res = await gw.call('POST', `/v1/apps/${appId}/messages`, { body });
  expect(res.status).toBe(201);
  return res.body.recipients[0].vendorMessageId as string;
}

/** Steps to run after the file's tests, last registered first (gateways, emulators, receivers). */
export function cleanupAfterAll(): (step: () => Promise<void>) => void {
  const steps: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const step of steps.reverse()) await step();
  });
  return (step) => void steps.push(step);
}
