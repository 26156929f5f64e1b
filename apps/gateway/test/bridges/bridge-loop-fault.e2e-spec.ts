import { describe, expect, it } from '@jest/globals';
import { startTencentEmulator } from '@im-gateway/emulator';
import { createTestDatabase, type TestDatabase } from '@im-gateway/persistence/testing';
import { easemobAppBody } from '../support/gateway.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { dropRedisPrefix, REDIS_URL, testQueuePrefix } from '../support/redis-prefix.js';
import { describeWith, reachable } from '../support/required-services.js';
import { easemobTextCallback, FIXTURE_SECRET } from '../support/signed-callbacks.js';
import { TENCENT } from '../messages/send-support.js';
import {
  bridgedPair,
  events,
  eventually,
  FAST_RETRIES,
  relays,
  send,
  settledRelays,
  type BridgedPair,
  cleanupAfterAll,
} from './bridge-support.js';

const cleanup = cleanupAfterAll();
const QUEUE_PREFIX = testQueuePrefix('relay-fault');
cleanup(async () => {
  if (await reachable(REDIS_URL)) await dropRedisPrefix(QUEUE_PREFIX);
});
const describeWithRedis = await describeWith(['redis']);

describe('no loops', () => {
  it('with direction both, 100 messages (50 each side) make exactly 100 relays and none comes back', async () => {
    const pair: BridgedPair = await bridgedPair();
    cleanup(() => pair.close());
    const { gw, easemob, tencent, bridgeId } = pair;
    const sent = new Set<string>();
    for (let i = 0; i < 50; i++) {
      sent.add(
        await send(gw, easemob.appId, {
          from: `em_u${i % 7}`,
          to: { type: 'user', ids: [`em_u${(i + 1) % 7}`] },
          content: { type: 'text', text: `e${i}` },
        }),
      );
      sent.add(
        await send(gw, tencent.appId, {
          from: `tc_u${i % 5}`,
          to: { type: 'user', ids: [`tc_u${(i + 2) % 5}`] },
          content: { type: 'text', text: `t${i}` },
        }),
      );
    }
    const done = await settledRelays(gw, bridgeId, 100);
    // Every copy has come back as an event on its side before counting again.
    await eventually(
      async () => ((await events(gw, easemob.appId)).length === 100 ? true : undefined),
      '100 Easemob events',
    );
    await eventually(
      async () => ((await events(gw, tencent.appId)).length === 100 ? true : undefined),
      '100 Tencent events',
    );
    await easemob.emulator.callbacksSettled();
    await tencent.emulator.callbacksSettled();
    const all = await relays(gw, bridgeId);
    expect(all).toHaveLength(100);
    expect(all.every((r) => r.status === 'relayed')).toBe(true);
    expect(new Set(all.map((r) => r.sourceMessageId))).toEqual(sent);
    expect(done.filter((r) => r.sourceAppId === easemob.appId)).toHaveLength(50);
    // Each vendor holds its 50 originals and the 50 copies of the other's, and nothing more.
    expect(easemob.emulator.messages()).toHaveLength(100);
    expect(tencent.emulator.messages()).toHaveLength(100);
    const marked = (await events(gw, easemob.appId)).filter((e) => e.data.relay);
    expect(marked).toHaveLength(50);
  });

  it('a copied marker does not stop a new message from being relayed', async () => {
    const pair: BridgedPair = await bridgedPair();
    cleanup(() => pair.close());
    const { gw, easemob, tencent, bridgeId } = pair;
    await send(gw, easemob.appId, {
      from: 'em_a',
      to: { type: 'user', ids: ['em_b'] },
      content: { type: 'text', text: 'one' },
    });
    const [first] = await settledRelays(gw, bridgeId, 1);
    const copy = await eventually(
      async () => (await events(gw, tencent.appId)).find((e) => e.message?.id === first.targetMessageIds[0]),
      'the copy on Tencent',
    );
    // A Tencent client pastes the marker it received into a message of its own.
    const forgedId = await send(gw, tencent.appId, {
      from: 'tc_b',
      to: { type: 'user', ids: ['tc_a'] },
      content: { type: 'text', text: 'mine' },
      ext: { imGatewayRelay: copy.message.ext.imGatewayRelay },
    });
    const all = await settledRelays(gw, bridgeId, 2);
    expect(all.find((r) => r.sourceMessageId === forgedId)).toMatchObject({
      status: 'relayed',
      sourceAppId: tencent.appId,
    });
  });
});

const noLoss = (queueEnv: Record<string, string>) => () => {
  it('relays wait while the target vendor fails, then all arrive', async () => {
    const pair: BridgedPair = await bridgedPair({ env: queueEnv });
    cleanup(() => pair.close());
    const { gw, easemob, tencent, bridgeId } = pair;
    tencent.emulator.faults.set({ route: '*', status: 503 });
    const sent: string[] = [];
    for (let i = 0; i < 20; i++)
      sent.push(
        await send(gw, easemob.appId, {
          from: 'em_a',
          to: { type: 'user', ids: [`em_r${i % 4}`] },
          content: { type: 'text', text: `f${i}` },
        }),
      );
    // The first relay of each of the four conversations fails again and again; the rest wait behind it, in order.
    await eventually(async () => {
      const all = await relays(gw, bridgeId);
      const retried = all.filter((r) => r.attempts >= 2);
      return all.length === 20 && all.every((r) => r.status === 'pending') && retried.length === 4
        ? true
        : undefined;
    }, 'the head of every conversation retrying');
    const waiting = (await relays(gw, bridgeId))[0];
    expect(waiting.lastError).toMatch(/vendor_unavailable/);
    tencent.emulator.faults.clear();
    const done = await settledRelays(gw, bridgeId, 20);
    expect(done.every((r) => r.status === 'relayed')).toBe(true);
    const arrived = tencent.emulator
      .messages()
      .map((m) => (m.body as { MsgContent: { Text: string } }[])[0]!.MsgContent.Text);
    expect(arrived.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `f${i}`).sort());
    // One conversation's messages arrive in the order they were sent.
    const toR0 = tencent.emulator
      .messages({ to: 'tc_r0' })
      .map((m) => (m.body as { MsgContent: { Text: string } }[])[0]!.MsgContent.Text);
    expect(toR0).toEqual(['f0', 'f4', 'f8', 'f12', 'f16']);
    const detail = await gw.call('GET', `/v1/bridges/${bridgeId}/relays/${done[0].id}`);
    expect(detail.body.attemptLog.at(-1)).toMatchObject({ outcome: 'relayed', error: null });
    expect(
      detail.body.attemptLog.slice(0, -1).every((a: { outcome: string }) => a.outcome === 'pending'),
    ).toBe(true);
  }, 120_000);
};
describe('no loss (the in-process queue)', noLoss({}));
describeWithRedis('no loss (BullMQ on Redis)', noLoss({ REDIS_URL, DELIVERY_QUEUE_PREFIX: QUEUE_PREFIX }));

describe('no loss across a crash', () => {
  /** A gateway process on a fresh database with an Easemob app bridged one way to a Tencent emulator. */
  async function crashableBridge(extraEnv: Record<string, string> = {}) {
    const db: TestDatabase = await createTestDatabase();
    cleanup(() => db.drop());
    const tencent = await startTencentEmulator({
      apps: [{ sdkAppId: TENCENT.sdkAppId, secretKey: TENCENT.secretKey }],
    });
    cleanup(() => tencent.close());
    const env = {
      DATA_DIR: db.settings.dataDir,
      ...(db.settings.databaseUrl ? { DATABASE_URL: db.settings.databaseUrl } : {}),
      ...extraEnv,
    };
    const first = await new GatewayProcess(env).start();
    const source = (
      await first.call('POST', '/v1/apps', {
        body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: FIXTURE_SECRET }),
      })
    ).body.id as string;
    const target = (
      await first.call('POST', '/v1/apps', {
        body: { name: 'tc', provider: 'tencent', config: { ...TENCENT, baseUrl: tencent.url } },
      })
    ).body.id as string;
    const bridge = await first.call('POST', '/v1/bridges', {
      body: { sourceAppId: source, targetAppId: target, direction: 'one-way' },
    });
    expect(bridge.status).toBe(201);
    return { env, tencent, first, source, bridgeId: bridge.body.id as string };
  }

  it('relays under way when the gateway is killed are relayed within 10 s of the restart', async () => {
    const { env, tencent, first, source, bridgeId } = await crashableBridge();
    // The vendor never answers: every conversation's first relay is under way when the process dies.
    tencent.faults.set({ route: '*', timeout: true });
    const base = Date.now();
    for (let i = 0; i < 12; i++) {
      const res = await first.call('POST', `/callbacks/easemob/${source}`, {
        token: null,
        body: easemobTextCallback(`inflight-relay-${i}`, {
          from: 'a',
          to: `r${i % 3}`,
          timestamp: base + i,
          text: `f${i}`,
        }),
      });
      expect(res.status).toBe(200);
    }
    await eventually(async () => {
      const list = await first.call('GET', `/v1/bridges/${bridgeId}/relays?limit=50&status=relaying`);
      return (list.body.data as unknown[]).length === 3 ? true : undefined;
    }, 'a relay under way in each conversation');
    await first.stop('SIGKILL');
    tencent.faults.clear();

    const second = await new GatewayProcess(env).start();
    const restarted = Date.now();
    try {
      await eventually(async () => {
        const list = await second.call('GET', `/v1/bridges/${bridgeId}/relays?limit=50&status=relayed`);
        return (list.body.data as unknown[]).length === 12 ? true : undefined;
      }, '12 relays after the restart');
      expect(Date.now() - restarted).toBeLessThan(10_000);
      const texts = tencent
        .messages()
        .map((m) => (m.body as { MsgContent: { Text: string } }[])[0]!.MsgContent.Text);
      expect(new Set(texts)).toEqual(new Set(Array.from({ length: 12 }, (_, i) => `f${i}`)));
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('a gateway killed mid-run loses no relay: the next one relays them all', async () => {
    const { env, tencent, first, source, bridgeId } = await crashableBridge(FAST_RETRIES);
    tencent.faults.set({ route: '*', status: 503 });
    const base = Date.now();
    for (let i = 0; i < 20; i++) {
      const res = await first.call('POST', `/callbacks/easemob/${source}`, {
        token: null,
        body: easemobTextCallback(`crash-relay-${i}`, {
          from: 'a',
          to: `r${i % 3}`,
          timestamp: base + i,
          text: `k${i}`,
        }),
      });
      expect(res.status).toBe(200);
    }
    await first.stop('SIGKILL');
    tencent.faults.clear();

    const second = await new GatewayProcess(env).start();
    try {
      await eventually(
        async () => (tencent.messages().length >= 20 ? true : undefined),
        '20 relays after the restart',
      );
      const texts = tencent
        .messages()
        .map((m) => (m.body as { MsgContent: { Text: string } }[])[0]!.MsgContent.Text);
      expect(new Set(texts)).toEqual(new Set(Array.from({ length: 20 }, (_, i) => `k${i}`)));
      // The vendor holds the last copy a moment before the gateway has recorded its answer: wait for it.
      const relayed = async () =>
        (await second.call('GET', `/v1/bridges/${bridgeId}/relays?limit=200&status=relayed`)).body
          .data as unknown[];
      await eventually(async () => ((await relayed()).length >= 20 ? true : undefined), '20 relays recorded');
      expect(await relayed()).toHaveLength(20);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
